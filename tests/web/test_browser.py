"""The pages in a real browser (Debian's headless chromium, driven by selenium 4).

A uvicorn server on a free loopback port serves the test store. The tests skip when
chromium or chromedriver is missing, unless DATELINE_REQUIRE_BROWSER=1 (CI sets it via
.ci/chromium.sh), where a missing browser is a failure. Screenshots go to
$DATELINE_ARTIFACTS or tests/artifacts/.
"""
from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from web_inputs import SCRIPT

CHROMIUM = os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("DATELINE_CHROMEDRIVER", "/usr/bin/chromedriver")
ARTIFACTS = Path(os.environ.get("DATELINE_ARTIFACTS") or Path(__file__).resolve().parents[1] / "artifacts")
WAIT = 30  # seconds a page may take on a loaded CI machine (an upper bound, not a timing assertion)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def _browser_missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not (Path(path).is_file() and os.access(path, os.X_OK)):
            return f"{path} is not installed (apt-get install chromium chromium-driver, see .ci/chromium.sh)"
    return None


@pytest.fixture(scope="module")
def server(app):
    """The app served by uvicorn in a thread on a free loopback port; yields its base URL."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=WAIT)


@pytest.fixture(scope="module")
def driver():
    missing = _browser_missing()
    if missing:
        if os.environ.get("DATELINE_REQUIRE_BROWSER") == "1":
            pytest.fail(missing)
        pytest.skip(missing)
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="dateline-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    drv.set_page_load_timeout(WAIT)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


def shot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def wait(driver):
    return WebDriverWait(driver, WAIT)


def load_map(driver, server, query: str = ""):
    driver.get(f"{server}/{query}")
    wait(driver).until(lambda d: d.find_element(By.ID, "map").get_attribute("data-markers"))
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline rect.bar"))


def csp_violations(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]


def assert_no_alert(driver):
    try:
        text = driver.switch_to.alert.text
    except NoAlertPresentException:
        return
    pytest.fail(f"an alert opened: {text!r}")


def test_browser_map_shows_markers_and_timeline_without_csp_violations(driver, server):
    driver.get_log("browser")  # drop earlier entries
    load_map(driver, server)
    assert int(driver.find_element(By.ID, "map").get_attribute("data-markers")) >= 4
    icons = driver.find_elements(By.CSS_SELECTOR, ".dl-marker, .marker-cluster")
    assert icons, "markers (or clusters) are drawn on the map"
    outlines = driver.find_elements(By.CSS_SELECTOR, ".leaflet-overlay-pane path")
    assert len(outlines) > 100, "the shipped country outlines are drawn"
    assert driver.find_elements(By.CSS_SELECTOR, "#timeline rect.bar.cat-ASSAULT")
    shot(driver, "map")
    assert csp_violations(driver) == []


def test_browser_click_marker_opens_article_with_evidence(driver, server):
    load_map(driver, server, "?country=UKR&q=drone")  # one event: the Odesa drone strike
    marker = wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, ".dl-marker.cat-ASSAULT")))
    marker.click()
    link = wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, ".leaflet-popup .popup-link")))
    shot(driver, "map-popup")
    link.click()
    evidence = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "mark.hl-trigger.evidence")))
    event_id = parse_qs(urlsplit(driver.current_url).query)["event"][0]
    sentence = driver.find_element(By.ID, f"sentence-{event_id}")
    assert "evidence" in sentence.get_attribute("class")
    assert "drone" in sentence.text and "Odesa" in sentence.text
    assert evidence.text == driver.find_element(By.ID, f"trigger-{event_id}").text
    assert evidence.text in ("struck", "attack")
    card = driver.find_element(By.ID, f"event-{event_id}")
    assert "focused" in card.get_attribute("class") and "Odesa" in card.text
    shot(driver, "article-evidence")


def test_browser_click_event_in_list_opens_article_at_the_event(driver, server):
    load_map(driver, server, "?category=PROTEST")
    driver.find_element(By.CSS_SELECTOR, "#event-list a.event-link").click()
    evidence = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "mark.hl-trigger.evidence")))
    assert evidence.text == "protested"
    assert driver.execute_script("return window.location.hash") == "#sentence-v1"


def test_browser_timeline_brush_sets_since_and_until_in_the_url(driver, server):
    load_map(driver, server)
    svg = driver.find_element(By.CSS_SELECTOR, "#timeline svg")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", svg)
    width = svg.size["width"]
    ActionChains(driver).move_to_element_with_offset(svg, -width // 2 + 5, 0).click_and_hold() \
        .move_by_offset(width // 3, 0).release().perform()
    wait(driver).until(lambda d: "since=" in d.current_url and "until=" in d.current_url)
    query = parse_qs(urlsplit(driver.current_url).query)
    assert query["since"][0] <= query["until"][0]
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline rect.brush.current"))
    shot(driver, "timeline-brushed")


def test_browser_filter_form_puts_filters_in_the_url(driver, server):
    load_map(driver, server)
    driver.find_element(By.CSS_SELECTOR, "input[name=category][value=PROTEST]").click()
    driver.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    wait(driver).until(lambda d: "category=PROTEST" in d.current_url)
    assert "since=" not in driver.current_url  # blank fields stay out of a shared link
    rows = driver.find_elements(By.CSS_SELECTOR, "#event-list tr.event-row")
    assert rows and all("PROTEST" in r.text for r in rows)


def hostile_doc_id(records) -> str:
    return records[next(o for o in records if o.startswith('tests/"'))]["document"]["id"]


def test_browser_stored_xss_stays_inert(driver, server, records):
    doc_id = hostile_doc_id(records)
    for name, url in (("xss-article", f"/articles/{doc_id}?event=v1"), ("xss-entities", "/entities?name=rebels"),
                      ("xss-incidents", "/incidents"), ("xss-articles", "/articles")):
        driver.get(server + url)
        wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
        assert_no_alert(driver)
        assert driver.title != "pwned"  # what the payloads would set
        assert driver.execute_script("return window.__xss") is None
        assert driver.find_elements(By.CSS_SELECTOR, "img[src='x']") == [], url
        scripts = [s.get_attribute("src") or "" for s in driver.find_elements(By.TAG_NAME, "script")
                   if s.get_attribute("type") != "application/json"]
        assert all(src.startswith(f"{server}/static/") for src in scripts), (url, scripts)
        shot(driver, name)
    driver.get(f"{server}/articles/{doc_id}")
    assert SCRIPT in driver.find_element(By.ID, "article-title").text  # shown as the text it is


def test_browser_xss_in_map_popup_stays_inert(driver, server):
    load_map(driver, server, "?actor=rebels")
    wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, ".dl-marker"))).click()
    popup = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".leaflet-popup-content")))
    assert "<img src=x" in popup.text
    assert popup.find_elements(By.TAG_NAME, "img") == []
    assert driver.execute_script("return window.__xss") is None and driver.title != "pwned"
    assert_no_alert(driver)
    shot(driver, "xss-map-popup")


def test_browser_incident_shows_reports_side_by_side_with_disagreement(driver, server, client):
    shared = [i for i in client.get("/api/incidents").json()["incidents"] if i["n_articles"] >= 2]
    assert shared, "the two Kharkiv reports should form one incident"
    driver.get(f"{server}/incidents/{shared[0]['id']}")
    odd = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "table.reports td.odd")))
    assert odd.text in ("3", "5")
    assert len(driver.find_elements(By.CSS_SELECTOR, "table.reports thead th a")) >= 2
    shot(driver, "incident-disagreement")


WIDTHS = (375, 768, 1400)


def set_width(driver, width: int) -> None:
    """The viewport exactly `width` CSS pixels wide, as a phone (mobile meta viewport) below 500."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})


def main_pages(client, records) -> dict[str, str]:
    kharkiv = records["tests/web/kharkiv.txt"]["document"]["id"]
    shared = [i for i in client.get("/api/incidents").json()["incidents"] if i["n_articles"] >= 2]
    pages = {"events": "/", "articles": "/articles", "article": f"/articles/{kharkiv}?event=v1",
             "incidents": "/incidents", "entities": "/entities?name=russia", "stats": "/stats", "docs": "/docs"}
    if shared:
        pages["incident"] = f"/incidents/{shared[0]['id']}"
    return pages


def settle(driver, name: str) -> None:
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    if name == "events":
        wait(driver).until(lambda d: d.find_element(By.ID, "map").get_attribute("data-markers"))
        wait(driver).until(lambda d: d.find_element(By.ID, "map").get_attribute("data-labels"))
    if name in ("events", "stats"):
        wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline rect.bar"))


@pytest.mark.parametrize("width", WIDTHS)
def test_browser_no_page_scrolls_sideways(driver, server, client, records, width):
    """Every main page at a phone's, a tablet's and a desktop's width: nothing wider than the viewport
    (the screenshots, one per page and width, are for a person to look at)."""
    set_width(driver, width)
    try:
        for name, url in main_pages(client, records).items():
            driver.get(server + url)
            settle(driver, name)
            inner, scroll = driver.execute_script(
                "return [window.innerWidth, document.documentElement.scrollWidth]")
            shot(driver, f"{name}-{width}")
            assert scroll <= inner, f"{url} at {width} px is {scroll} px wide"
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# Each ring of each drawn country outline, as [min x, max x] in layer pixels, and how many pixels make
# 180 degrees of longitude at the map's zoom. A ring across the antimeridian drawn as is spans the world.
RING_WIDTHS = """
const map = window.dlMap, half = map.project([0, 180]).x - map.project([0, 0]).x;
const spans = [];
document.querySelectorAll('.leaflet-overlay-pane path').forEach(path => {
  for (const ring of (path.getAttribute('d') || '').split(/M/).slice(1)) {
    const xs = ring.match(/-?[0-9.]+/g).filter((v, i) => i % 2 === 0).map(Number);
    spans.push(Math.max(...xs) - Math.min(...xs));
  }
});
return [half, spans];
"""


def test_browser_map_draws_no_stripe_across_the_world(driver, server):
    load_map(driver, server)
    wait(driver).until(lambda d: d.find_element(By.ID, "map").get_attribute("data-outlines"))
    for zoom in (1, 2):
        driver.execute_script(f"window.dlMap.setView([20, 0], {zoom}, {{animate: false}})")
        time.sleep(0.3)  # Leaflet redraws the paths on the next frame
        half, spans = driver.execute_script(RING_WIDTHS)
        assert len(spans) > 150
        assert max(spans) < half, f"a country ring spans {max(spans):.0f} px; 180 degrees are {half:.0f} px"
    shot(driver, "map-world")


def test_browser_map_has_offline_labels_and_coloured_clusters(driver, server):
    load_map(driver, server)
    driver.execute_script("window.dlMap.setView([49, 31], 5, {animate: false})")
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".map-label.capital"))
    labels = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".map-label")]
    assert "Kyiv" in labels and any(t.upper() == "UKRAINE" for t in labels)
    shot(driver, "map-labels")
    driver.execute_script("window.dlMap.setView([49, 31], 2, {animate: false})")
    ring = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".dl-cluster-ring")))
    assert "conic-gradient" in ring.get_attribute("style")
    categories = set(ring.get_attribute("data-categories").split())
    assert categories and categories <= {"ASSAULT", "PROTEST", "COERCE", "COERCE", "MOBILIZE", "ACCUSE", "THREATEN",
                                         "SANCTION", "REQUEST", "REJECT", "CONSULT", "AID", "AGREE", "SUPPORT",
                                         "CONCEDE", "COOPERATE", "RETREAT"}
    shot(driver, "map-clusters")
    # nothing was fetched from anywhere but this server: the base map works offline
    fetched = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert fetched and all(url.startswith(server) for url in fetched), fetched


def test_browser_timeline_has_counts_and_draws_a_span_over_its_days(driver, server):
    load_map(driver, server, "?category=PROTEST")
    counts = [t.text for t in driver.find_elements(By.CSS_SELECTOR, "#timeline .y-tick")]
    assert counts[0] == "0" and len(counts) >= 2 and all(c.isdigit() for c in counts)
    steps = {int(b) - int(a) for a, b in zip(counts, counts[1:])}
    assert len(steps) == 1, f"uneven y ticks {counts}"
    days = {r.get_attribute("data-day") for r in driver.find_elements(By.CSS_SELECTOR, "#timeline rect.bar")}
    assert {"2023-05-15", "2023-05-16", "2023-05-17", "2023-05-18"} <= days  # the four-day blockade
    xs = [float(t.get_attribute("data-tick")) for t in driver.find_elements(By.CSS_SELECTOR, "#timeline .x-tick")]
    gaps = [round(b - a, 1) for a, b in zip(xs, xs[1:])]
    assert len(xs) >= 2 and max(gaps) - min(gaps) <= 1.0, f"uneven x ticks {gaps}"
    shot(driver, "timeline-span")


def test_browser_events_table_reads_like_an_analyst_expects(driver, server):
    load_map(driver, server, "?q=blockaded")
    row = driver.find_element(By.CSS_SELECTOR, "#event-list tr.event-row")
    assert "Farmers → ?" in row.find_element(By.CSS_SELECTOR, "td.who").text
    assert row.find_element(By.CSS_SELECTOR, "td.said-by").text == "Ivan Petrenko"
    assert "Ukraine" in row.find_element(By.CSS_SELECTOR, "td.where").text
    assert row.find_element(By.CSS_SELECTOR, "td.doc").text == "Test Gazette, 2023-05-20"
    load_map(driver, server, "?country=UKR&actor=russian")
    toll = driver.find_element(By.CSS_SELECTOR, "#event-list td.toll").text
    assert "killed" in toll


def test_browser_incident_page_shows_each_reports_evidence(driver, server, client):
    shared = [i for i in client.get("/api/incidents").json()["incidents"] if i["n_articles"] >= 2]
    if not shared:
        pytest.skip("this dateline has no incidents step")
    driver.get(f"{server}/incidents/{shared[0]['id']}")
    items = driver.find_elements(By.CSS_SELECTOR, ".evidence-item")
    assert len(items) >= 2
    sentences = [item.find_element(By.CSS_SELECTOR, ".evidence-sentence").text for item in items]
    assert all(sentences) and any("shelled Kharkiv" in s for s in sentences)
    assert all(item.find_elements(By.CSS_SELECTOR, "mark.hl-trigger") for item in items)
    shot(driver, "incident-evidence")
