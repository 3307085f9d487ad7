# Sourced by .ci/run: a throwaway PostgreSQL server for the store tests, then exports DATELINE_TEST_PG.
# Idempotent: installs only when missing, initialises only once, starts only when not running.
# Its own cluster (trust auth, 127.0.0.1 only, no fsync: test data) on its own port, so a cluster the
# Debian package may have started on 5432 is left alone.
dateline_pg_port="${DATELINE_PG_PORT:-55432}"
dateline_pg_data="${DATELINE_PG_DATA:-/tmp/dateline-pgdata}"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
dateline_pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# The server refuses to run as root: run its commands as the `postgres` user the package created.
dateline_pg_as() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if ! "$dateline_pg_bin/pg_isready" -q -h 127.0.0.1 -p "$dateline_pg_port"; then
    if [ ! -f "$dateline_pg_data/PG_VERSION" ]; then
        rm -rf "$dateline_pg_data"  # a half-made directory from an interrupted run: start over
        mkdir -p "$dateline_pg_data"
        if [ "$(id -u)" = 0 ]; then chown postgres: "$dateline_pg_data"; fi
        dateline_pg_as "$dateline_pg_bin/initdb" -D "$dateline_pg_data" -U postgres --auth=trust \
            --encoding=UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    fi
    dateline_pg_as "$dateline_pg_bin/pg_ctl" -D "$dateline_pg_data" -l "$dateline_pg_data/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $dateline_pg_port -k $dateline_pg_data -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" start >/dev/null
fi

export DATELINE_TEST_PG="postgresql://postgres@127.0.0.1:$dateline_pg_port/postgres"
