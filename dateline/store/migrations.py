"""Named schema migrations, applied in order, each once (the sqlite-utils `Migrations` idea, stdlib only).

The applied names are kept in `_migrations(name, applied_at)`. A migration is a
tuple of SQL statements run in one transaction with its bookkeeping row, so a
crash never leaves a half-applied schema. Never edit a released migration:
append a new one.

Tables stay plain (TEXT, INTEGER, REAL; JSON lists as TEXT) so Datasette and any
SQLite client can read the file. Column names follow the dateline/1 JSON field
names, except `from`/`to`, which are SQL keywords (`date_from`, `date_to`).
"""
from __future__ import annotations

from datetime import datetime, timezone

from .connection import Connection, dialect, transaction

# Child tables of `documents`, in the order they are written; all keyed by doc_id.
CHILD_TABLES: tuple[str, ...] = (
    "removed_lines", "entities", "mentions", "places", "place_mentions", "times", "quotes",
    "events", "event_actors", "quantities",
)

_DOC_FK = "doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE"

INITIAL: tuple[str, ...] = (
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,  -- sha256 of the cleaned text
        origin TEXT NOT NULL, url TEXT, title TEXT, outlet TEXT, published TEXT, language TEXT,
        text TEXT NOT NULL,
        status TEXT NOT NULL,  -- 'stored': every child row below is written
        ingested_at TEXT NOT NULL,
        record_json TEXT NOT NULL  -- the exact dateline/1 record, for `show` and exports
    )""",
    "CREATE INDEX documents_published ON documents(published)",
    f"""CREATE TABLE removed_lines ({_DOC_FK}, n INTEGER NOT NULL, text TEXT NOT NULL, reason TEXT NOT NULL,
        PRIMARY KEY (doc_id, n))""",
    f"""CREATE TABLE entities ({_DOC_FK}, id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
        country TEXT, sector TEXT, titles TEXT NOT NULL,  -- JSON list
        PRIMARY KEY (doc_id, id))""",
    f"""CREATE TABLE mentions ({_DOC_FK}, entity_id TEXT NOT NULL, n INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        PRIMARY KEY (doc_id, entity_id, n))""",
    f"""CREATE TABLE places ({_DOC_FK}, id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT, country TEXT,
        admin1 TEXT, lat REAL, lon REAL, geonames_id INTEGER, confidence REAL,
        alternatives TEXT NOT NULL,  -- JSON list of runner-up geonames ids
        PRIMARY KEY (doc_id, id))""",
    f"""CREATE TABLE place_mentions ({_DOC_FK}, place_id TEXT NOT NULL, n INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        PRIMARY KEY (doc_id, place_id, n))""",
    f"""CREATE TABLE times ({_DOC_FK}, n INTEGER NOT NULL, text TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, date_from TEXT, date_to TEXT, precision TEXT, value TEXT,
        PRIMARY KEY (doc_id, n))""",
    f"""CREATE TABLE quotes ({_DOC_FK}, n INTEGER NOT NULL, text TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL,
        speaker TEXT, speaker_text TEXT, cue TEXT, medium TEXT,
        PRIMARY KEY (doc_id, n))""",
    f"""CREATE TABLE events ({_DOC_FK}, id TEXT NOT NULL, category TEXT NOT NULL, mode TEXT,
        context TEXT NOT NULL,  -- JSON list
        cameo TEXT, acled_event_type TEXT, acled_sub_event_type TEXT, place TEXT,
        time_from TEXT, time_to TEXT, time_precision TEXT, modality TEXT NOT NULL,
        source TEXT, cue TEXT, unsupported INTEGER, source_text TEXT, certainty TEXT,
        fatalities_min INTEGER, fatalities_max INTEGER, fatalities_text TEXT,
        injuries_min INTEGER, injuries_max INTEGER, injuries_text TEXT,
        trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text TEXT NOT NULL,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, confidence REAL NOT NULL,
        PRIMARY KEY (doc_id, id))""",
    "CREATE INDEX events_category ON events(category, time_from)",
    f"""CREATE TABLE event_actors ({_DOC_FK}, event_id TEXT NOT NULL, role TEXT NOT NULL
            CHECK (role IN ('actor', 'recipient')),
        n INTEGER NOT NULL, entity_id TEXT NOT NULL,
        PRIMARY KEY (doc_id, event_id, role, n))""",
    f"""CREATE TABLE quantities ({_DOC_FK}, event_id TEXT NOT NULL, n INTEGER NOT NULL,
        value REAL NOT NULL, unit TEXT NOT NULL, role TEXT, text TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        PRIMARY KEY (doc_id, event_id, n))""",
    """CREATE TABLE rejected (
        origin TEXT PRIMARY KEY, reason TEXT NOT NULL, detail TEXT NOT NULL, seen_at TEXT NOT NULL
    )""",
)

# Near-duplicate articles and incidents (dateline/incidents, store/duplicates.py, store/incidents.py).
# The duplicate tables are keyed by doc_id, which is the hash of the text, and have no foreign key:
# re-writing an article (same text, new NLP) must not forget its signature or its duplicate link.
# incident_reports follows the events it cites: re-extracting an article drops its reports, and the
# next `link` run re-links the new events and refreshes the incidents that lost reports.
INCIDENTS: tuple[str, ...] = (
    "CREATE INDEX documents_url ON documents(url)",
    """CREATE TABLE document_signatures (
        doc_id TEXT PRIMARY KEY, seq INTEGER NOT NULL,  -- signing order: lower = stored earlier
        minhash TEXT NOT NULL  -- hex of the MinHash values (dateline/incidents/signature.py)
    )""",
    """CREATE TABLE document_lsh (band INTEGER NOT NULL, bucket TEXT NOT NULL, doc_id TEXT NOT NULL,
        PRIMARY KEY (band, bucket, doc_id))""",
    """CREATE TABLE document_duplicates (
        doc_id TEXT PRIMARY KEY, duplicate_of TEXT NOT NULL, similarity REAL NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('syndicated', 'updated'))
    )""",
    "CREATE INDEX document_duplicates_of ON document_duplicates(duplicate_of)",
    """CREATE TABLE incidents (
        id TEXT PRIMARY KEY, category TEXT NOT NULL, date_from TEXT, date_to TEXT, country TEXT,
        place_name TEXT, lat REAL, lon REAL, fatalities_min INTEGER, fatalities_max INTEGER,
        summary TEXT NOT NULL, n_reports INTEGER NOT NULL, n_articles INTEGER NOT NULL
    )""",
    "CREATE INDEX incidents_date ON incidents(date_from)",
    "CREATE INDEX incidents_country ON incidents(country, date_from)",
    "CREATE INDEX incidents_category ON incidents(category, date_from)",
    """CREATE TABLE incident_reports (
        incident_id TEXT NOT NULL, doc_id TEXT NOT NULL, event_id TEXT NOT NULL, source TEXT,
        fatalities_min INTEGER, fatalities_max INTEGER, quantities TEXT,  -- JSON list of {value, unit, role, text}
        PRIMARY KEY (doc_id, event_id),
        FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE
    )""",
    "CREATE INDEX incident_reports_incident ON incident_reports(incident_id)",
)

# (name, statements), in the order they apply. Append only.
# Where and when each event is, on the event row itself, so the filtered, newest-first event
# query (maps, exports, the API) reads one narrow indexed table instead of joining every
# event to its article and place. `day` is the event's start, else its article's publication
# date, else '' (undated sorts last); country/lat/lon are those of the event's place; `sentence`
# is the event's sentence, so a text search scans short rows, not whole articles.
EVENT_WHERE_WHEN: tuple[str, ...] = (
    "ALTER TABLE events ADD COLUMN day TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE events ADD COLUMN sentence TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE events ADD COLUMN country TEXT",
    "ALTER TABLE events ADD COLUMN lat REAL",
    "ALTER TABLE events ADD COLUMN lon REAL",
    """UPDATE events SET
        day = coalesce(time_from, (SELECT d.published FROM documents d WHERE d.id = events.doc_id), ''),
        sentence = (SELECT substr(d.text, events.sentence_start + 1, events.sentence_end - events.sentence_start)
                    FROM documents d WHERE d.id = events.doc_id),
        country = (SELECT p.country FROM places p WHERE p.doc_id = events.doc_id AND p.id = events.place),
        lat = (SELECT p.lat FROM places p WHERE p.doc_id = events.doc_id AND p.id = events.place),
        lon = (SELECT p.lon FROM places p WHERE p.doc_id = events.doc_id AND p.id = events.place)""",
    "CREATE INDEX events_day ON events(day, doc_id, id)",
    "CREATE INDEX events_country_day ON events(country, category, day)",
    "CREATE INDEX events_category_day ON events(category, day)",
    "CREATE INDEX events_lat ON events(lat)",
    # The actor filter: matching names from the (much smaller) index of names, then their events.
    "CREATE INDEX entities_name ON entities(name)",
    "CREATE INDEX event_actors_entity ON event_actors(doc_id, entity_id)",
)

# Which of an event's arguments the article implies rather than states (JSON list), so linking
# reports into incidents does not take a shared guess for evidence.
EVENT_INFERRED: tuple[str, ...] = (
    "ALTER TABLE events ADD COLUMN inferred TEXT NOT NULL DEFAULT '[]'",
)

# How each place got its point (gazetteer, a place in its name, the place the text puts it in, the
# article's town), so a map can tell a gazetteer point from an approximate one.
PLACE_LOCATED_BY: tuple[str, ...] = (
    "ALTER TABLE places ADD COLUMN located_by TEXT",
)

# Substring search (actor names, sentences) without reading every row: SQLite keeps an FTS5 trigram
# index of each, in step with its table through triggers (the store deletes and re-inserts an article's
# rows, so insert and delete triggers are all it takes). PostgreSQL keeps LIKE: its trigram index needs
# the pg_trgm extension, which a store's role may not be allowed to create. A statement given per
# database ({"sqlite": ...}) runs only there.
def _trigram_index(table: str, column: str, index: str) -> tuple[dict[str, str], ...]:
    return (
        {"sqlite": f"CREATE VIRTUAL TABLE {index} USING fts5({column}, content='{table}', content_rowid='rowid', "
                   "tokenize='trigram')"},
        {"sqlite": f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {index}(rowid, {column}) VALUES (new.rowid, new.{column}); END"},
        {"sqlite": f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {index}({index}, rowid, {column}) VALUES ('delete', old.rowid, old.{column}); END"},
        {"sqlite": f"CREATE TRIGGER {index}_update AFTER UPDATE OF {column} ON {table} BEGIN "
                   f"INSERT INTO {index}({index}, rowid, {column}) VALUES ('delete', old.rowid, old.{column}); "
                   f"INSERT INTO {index}(rowid, {column}) VALUES (new.rowid, new.{column}); END"},
        {"sqlite": f"INSERT INTO {index}({index}) VALUES ('rebuild')"},  # what the store already holds
    )


SUBSTRING_SEARCH = _trigram_index("entities", "name", "entity_name_search") + \
    _trigram_index("events", "sentence", "event_sentence_search")

# The web API's broad filters answered from indexes alone (docs/benchmarks.md, "Web API under load").
# - The actor filter went names (trigram index) -> entity rows -> event_actors -> events: three hops and
#   10,000 rows for a common name. Each event now carries its participants' names (actors and recipients,
#   one per line) with a trigram index of its own, so an actor is found like a word of the sentence. The
#   column is filled by a trigger on event_actors (the writer and the store cloner insert an event's
#   participants after the event, and its entities before both), so no writer has to know about it.
# - Indexes that hold every column a filter reads, so counting and choosing a page touch no event row:
#   country + category + days (with time_to, which the `since` test reads) in the order pages are
#   served; the day order with coordinates (a bbox page walks the newest events and stops at the page);
#   coordinates alone (a bbox count).
# PostgreSQL gets the indexes, and trigram indexes for its `lower(...) LIKE` substrings (sentences, entity
# names) when it may create the pg_trgm extension (trusted since PostgreSQL 13: a role that may create in
# the database may); where it may not, the store opens as before and the filters read every row.
_PARTICIPANT_NAME = "(SELECT name FROM entities WHERE doc_id = new.doc_id AND id = new.entity_id)"
FAST_FILTERS: tuple[str | dict[str, str], ...] = (
    {"sqlite": "ALTER TABLE events ADD COLUMN participants TEXT NOT NULL DEFAULT ''"},
    {"sqlite": "UPDATE events SET participants = coalesce((SELECT group_concat(n.name, char(10)) FROM event_actors a"
               " JOIN entities n ON n.doc_id = a.doc_id AND n.id = a.entity_id"
               " WHERE a.doc_id = events.doc_id AND a.event_id = events.id), '')"},
    {"sqlite": "CREATE TRIGGER event_participants_insert AFTER INSERT ON event_actors BEGIN "
               # the first name needs no line break before it: ltrim drops the one the empty column would give
               f"UPDATE events SET participants = ltrim(participants || char(10) || coalesce({_PARTICIPANT_NAME}, ''),"
               " char(10)) WHERE doc_id = new.doc_id AND id = new.event_id; END"},
    *_trigram_index("events", "participants", "event_participant_search"),
    "CREATE INDEX events_country_category_keys ON events(country, category, day, doc_id, id, time_to)",
    "CREATE INDEX events_day_geo ON events(day, doc_id, id, lat, lon)",
    "CREATE INDEX events_lat_lon ON events(lat, lon)",
    {"postgresql": "DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm; "
                   "EXCEPTION WHEN OTHERS THEN NULL; END $$"},
    {"postgresql": "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN "
                   "CREATE INDEX events_sentence_trigrams ON events USING gin (lower(sentence) gin_trgm_ops); "
                   "CREATE INDEX entities_name_trigrams ON entities USING gin (lower(name) gin_trgm_ops); "
                   "END IF; END $$"},
)

# PostgreSQL's change counter (store/version.py): figures over the whole store (the web app's stats, a
# pass over every event: 0.6 s on 100k events) are kept until it moves. SQLite has one built in (PRAGMA
# data_version). One row, moved once per writing transaction, at its commit (a deferred trigger): writers
# of different articles wait for each other only while they commit, never while they write; the counter
# becomes visible with the rows that moved it, so figures computed after reading it are never older. The
# tables a writer always touches: an article's rows go with its `documents` row (write.py, clone.py),
# rejections, and linking's incidents, reports and duplicates.
_VERSIONED_TABLES = ("documents", "rejected", "incidents", "incident_reports", "document_duplicates")
CHANGE_COUNTER: tuple[str | dict[str, str], ...] = (
    {"postgresql": "CREATE TABLE store_version (one INTEGER PRIMARY KEY CHECK (one = 1), version BIGINT NOT NULL, "
                   "xid BIGINT)"},
    {"postgresql": "INSERT INTO store_version (one, version) VALUES (1, 0)"},
    {"postgresql": "CREATE FUNCTION dateline_store_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "UPDATE store_version SET version = version + 1, xid = txid_current() "
                   "WHERE one = 1 AND xid IS DISTINCT FROM txid_current(); RETURN NULL; END $$"},
    *({"postgresql": f"CREATE CONSTRAINT TRIGGER {table}_changed AFTER INSERT OR UPDATE OR DELETE ON {table} "
                     "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dateline_store_changed()"}
      for table in _VERSIONED_TABLES),
)

# PostgreSQL's actor filter: each event carries its participants' names as on SQLite (0007), kept by a
# trigger on event_actors, with a trigram index when pg_trgm is there. It went names -> event_actors ->
# events, checking each event newest first (0.33 s p95 on 100k events); one column of the event row now.
PARTICIPANTS_ON_POSTGRESQL: tuple[str | dict[str, str], ...] = (
    {"postgresql": "ALTER TABLE events ADD COLUMN participants TEXT NOT NULL DEFAULT ''"},
    {"postgresql": "UPDATE events SET participants = p.names FROM (SELECT a.doc_id, a.event_id, "
                   "string_agg(coalesce(n.name, ''), chr(10) ORDER BY a.role, a.n) AS names FROM event_actors a "
                   "LEFT JOIN entities n ON n.doc_id = a.doc_id AND n.id = a.entity_id GROUP BY a.doc_id, a.event_id) p "
                   "WHERE events.doc_id = p.doc_id AND events.id = p.event_id"},
    {"postgresql": "CREATE FUNCTION dateline_event_participant() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "UPDATE events SET participants = ltrim(participants || chr(10) || coalesce((SELECT name "
                   "FROM entities WHERE doc_id = NEW.doc_id AND id = NEW.entity_id), ''), chr(10)) "
                   "WHERE doc_id = NEW.doc_id AND id = NEW.event_id; RETURN NULL; END $$"},
    {"postgresql": "CREATE TRIGGER event_participants_insert AFTER INSERT ON event_actors FOR EACH ROW "
                   "EXECUTE FUNCTION dateline_event_participant()"},
    {"postgresql": "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN "
                   "CREATE INDEX events_participants_trigrams ON events USING gin (lower(participants) gin_trgm_ops); "
                   "END IF; END $$"},
)

MIGRATIONS: tuple[tuple[str, tuple[str | dict[str, str], ...]], ...] = (
    ("0001_initial", INITIAL),
    ("0002_incidents", INCIDENTS),
    ("0003_event_where_when", EVENT_WHERE_WHEN),
    ("0004_event_inferred", EVENT_INFERRED),
    ("0005_place_located_by", PLACE_LOCATED_BY),
    ("0006_substring_search", SUBSTRING_SEARCH),
    ("0007_fast_filters", FAST_FILTERS),
    ("0008_change_counter", CHANGE_COUNTER),
    ("0009_participants_on_postgresql", PARTICIPANTS_ON_POSTGRESQL),
)


# The bookkeeping table differs per database in one respect: SQLite numbers rows itself
# (`rowid`, the order they were applied in), PostgreSQL needs that column spelled out.
_BOOKKEEPING = "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL{})"
_ROWID = {"sqlite": "", "postgresql": ", rowid BIGINT GENERATED ALWAYS AS IDENTITY"}

# Every migrating transaction owns this name alone (PostgreSQL: an advisory lock; SQLite's
# BEGIN IMMEDIATE already excludes every other writer), so two processes starting at once
# neither apply a migration twice nor race to create a table.
_LOCK = "dateline:migrations"


def applied(conn: Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def migrate(conn: Connection, migrations=MIGRATIONS) -> list[str]:
    """Apply the migrations not yet applied; return their names. `conn` must be in autocommit mode."""
    with transaction(conn, lock=_LOCK):
        conn.execute(_BOOKKEEPING.format(_ROWID[dialect(conn)]))
    done = set(applied(conn))
    newly: list[str] = []
    for name, statements in migrations:
        if name in done:
            continue
        with transaction(conn, lock=_LOCK):  # re-checked under the lock: another process may have won
            if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone() is None:
                for statement in statements:
                    if isinstance(statement, dict):  # one database's own statement
                        statement = statement.get(dialect(conn))
                    if statement:
                        conn.execute(statement)
                conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (name, _now()))
                newly.append(name)
    return newly


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
