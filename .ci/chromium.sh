# Sourced by .ci/run: Debian's headless Chromium and its WebDriver for tests/web/test_browser.py.
# Idempotent: installs only what is missing (fonts-liberation: readable screenshots).
# DATELINE_REQUIRE_BROWSER=1 makes the browser tests fail, not skip, when the browser is missing,
# so CI cannot pass without running them.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        chromium chromium-driver fonts-liberation >/dev/null
fi
export DATELINE_REQUIRE_BROWSER=1
# Screenshots of the browser tests (CI keeps this folder as an artefact).
export DATELINE_ARTIFACTS="${DATELINE_ARTIFACTS:-$PWD/tests/artifacts}"
