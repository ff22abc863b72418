"""SQLite schema: an ordered list of migration steps, applied on open."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import StoreError

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: ``version`` is reached by running ``sql`` (a script)."""

    version: int
    description: str
    sql: str


# Plain tables and readable column names so the file browses well in Datasette;
# ``json`` keeps the full claim dict (OUTPUT.md shape) for exact round-trips, the
# other columns exist to filter and to read. ``key`` columns hold casefolded names.
_V1_CREATE = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    outlet TEXT,
    published TEXT,
    url TEXT,
    language TEXT,
    text TEXT NOT NULL,
    source_path TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE TABLE sources (
    name TEXT PRIMARY KEY,
    kind TEXT,
    key TEXT NOT NULL
);
CREATE INDEX sources_key ON sources(key);
CREATE TABLE claims (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence TEXT,
    source_name TEXT REFERENCES sources(name),
    source_kind TEXT,
    quote TEXT,
    cue TEXT,
    term TEXT,
    band TEXT,
    p_low REAL,
    p_high REAL,
    negated INTEGER NOT NULL DEFAULT 0,
    modality TEXT,
    event_type TEXT,
    json TEXT NOT NULL
);
CREATE INDEX claims_article ON claims(article_id, start);
CREATE INDEX claims_source ON claims(source_name);
CREATE INDEX claims_quote ON claims(quote);
CREATE INDEX claims_p_low ON claims(p_low);
CREATE INDEX claims_modality ON claims(modality);
CREATE INDEX claims_event_type ON claims(event_type);
CREATE TABLE spans (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX spans_claim ON spans(claim_id, role);
CREATE TABLE claim_places (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    text TEXT,
    name TEXT,
    key TEXT,
    text_key TEXT,
    geonameid INTEGER,
    lat REAL,
    lon REAL,
    country TEXT,
    kind TEXT
);
CREATE INDEX claim_places_claim ON claim_places(claim_id);
CREATE INDEX claim_places_key ON claim_places(key);
CREATE INDEX claim_places_text_key ON claim_places(text_key);
CREATE TABLE claim_times (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    text TEXT,
    value TEXT,
    type TEXT,
    mod TEXT,
    start_date TEXT,
    end_date TEXT
);
CREATE INDEX claim_times_claim ON claim_times(claim_id);
CREATE INDEX claim_times_dates ON claim_times(start_date, end_date);
CREATE TABLE claim_quantities (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    text TEXT,
    value REAL,
    low REAL,
    high REAL,
    unit TEXT,
    category TEXT
);
CREATE INDEX claim_quantities_claim ON claim_quantities(claim_id);
CREATE INDEX claim_quantities_category ON claim_quantities(category);
CREATE TABLE claim_entities (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    text TEXT,
    label TEXT,
    key TEXT
);
CREATE INDEX claim_entities_claim ON claim_entities(claim_id);
CREATE INDEX claim_entities_key ON claim_entities(key);
CREATE TABLE claim_actors (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    name TEXT,
    key TEXT
);
CREATE INDEX claim_actors_claim ON claim_actors(claim_id);
CREATE INDEX claim_actors_key ON claim_actors(key);
"""

# External-content FTS5 index over claim text, sentence and source name, named
# ``claims_fts`` with ``content="claims"`` so Datasette offers a search box.
# Triggers keep it in sync; the final ``rebuild`` indexes rows written by v1.
_V2_FTS = """
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, sentence, source_name, content="claims", content_rowid="pk"
);
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text, sentence, source_name)
    VALUES (new.pk, new.text, new.sentence, new.source_name);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text, sentence, source_name)
    VALUES ('delete', old.pk, old.text, old.sentence, old.source_name);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text, sentence, source_name)
    VALUES ('delete', old.pk, old.text, old.sentence, old.source_name);
    INSERT INTO claims_fts(rowid, text, sentence, source_name)
    VALUES (new.pk, new.text, new.sentence, new.source_name);
END;
INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
"""

# Linking across reports (claimledger.linking, docs/linking.md). Every linked
# claim has a row in claim_clusters (singletons too), so "not yet linked" is a
# claim without one. article_minhash keeps each article's MinHash (hex text, no
# BLOBs) so an incremental run hashes only new articles; article_duplicates
# lists articles in near-duplicate groups of two or more.
_V3_LINKING = """
CREATE TABLE article_minhash (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature TEXT NOT NULL
);
CREATE TABLE article_duplicates (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL
);
CREATE INDEX article_duplicates_group ON article_duplicates(group_id);
CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    first_seen TEXT,
    size INTEGER NOT NULL,
    origins INTEGER NOT NULL,
    relays INTEGER NOT NULL,
    outlets INTEGER NOT NULL DEFAULT 0,
    label TEXT
);
CREATE INDEX clusters_size ON clusters(size);
CREATE TABLE claim_clusters (
    claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    cluster_id TEXT NOT NULL
);
CREATE INDEX claim_clusters_cluster ON claim_clusters(cluster_id);
CREATE TABLE contradictions (
    claim_a TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    claim_b TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    detail TEXT,
    score REAL,
    found_at TEXT,
    PRIMARY KEY (claim_a, claim_b, kind)
);
CREATE INDEX contradictions_b ON contradictions(claim_b);
CREATE TABLE source_grades (
    source TEXT PRIMARY KEY,
    reliability TEXT NOT NULL,
    credibility INTEGER NOT NULL,
    set_by TEXT,
    set_at TEXT NOT NULL
);
"""

# Newest-first listing without a sort: claims carry their article's publication date
# (articles are never re-dated) and an index holds the listing order itself, so
# "ORDER BY ... LIMIT 50" reads 50 index entries; a second one, by row id, holds the
# same keys so a search sorts its matches without reading their rows (storage/sqlite.py
# _search_page). The FTS update trigger is narrowed
# to the indexed columns first, so filling the new column does not rewrite the
# full-text index.
_V4_NEWEST = """
DROP TRIGGER claims_fts_update;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, sentence, source_name ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text, sentence, source_name)
    VALUES ('delete', old.pk, old.text, old.sentence, old.source_name);
    INSERT INTO claims_fts(rowid, text, sentence, source_name)
    VALUES (new.pk, new.text, new.sentence, new.source_name);
END;
ALTER TABLE claims ADD COLUMN published TEXT;
UPDATE claims SET published = (SELECT a.published FROM articles a WHERE a.id = claims.article_id);
CREATE INDEX claims_newest ON claims((published IS NULL), published DESC, article_id, start, "end", id);
CREATE INDEX claims_keys ON claims(pk, (published IS NULL), published, article_id, start, "end", id);
"""

# What linking computes from each claim (claimledger.linking.features_to_json) and its
# text MinHash, kept so that an incremental link reads them rather than parsing and
# hashing every claim again (docs/linking.md "Incremental linking"). Derived data: a
# row of another features version, or a missing one, is computed again from the claim.
# ``left_out`` is the common words left out when ``signature`` was hashed (NULL: not
# hashed yet); ``signature`` is its CLAIM_NUM_PERM 32-bit values as base64 text, '' for no words
# (claimledger.linking.claim_signature_to_text).
_V5_LINK_CACHE = """
CREATE TABLE claim_link_cache (
    claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    features TEXT NOT NULL,
    left_out TEXT,
    signature TEXT
);
"""

#: Ordered steps; a database at version N gets every step with version > N.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "create tables", _V1_CREATE),
    Migration(2, "full-text search over claims", _V2_FTS),
    Migration(3, "linking across reports", _V3_LINKING),
    Migration(4, "newest-first claim listing index", _V4_NEWEST),
    Migration(5, "claim features cache for incremental linking", _V5_LINK_CACHE),
)
#: The schema version this code writes.
SCHEMA_VERSION: int = MIGRATIONS[-1].version


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version of an open database (0 for an empty file).

    Raises:
        StoreError: the file holds tables but is not a claimledger database.
    """
    tables = {
        row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    }
    if "schema_version" not in tables:
        if tables - {"meta"}:
            raise StoreError(
                "the database holds other tables but no claimledger schema; point --db at a new "
                "file or at an existing claimledger ledger"
            )
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, *, target: int | None = None) -> int:
    """Bring the database up to ``target`` (default: the newest version).

    Each step runs in its own transaction together with its schema_version row,
    so a failed step leaves the database at the previous version.

    Args:
        conn: a connection in autocommit mode (``isolation_level=None``).
        target: stop at this version (tests use it to build older files).

    Returns:
        The version the database is at afterwards.

    Raises:
        StoreError: the database is newer than this code, or a step failed.
    """
    target = SCHEMA_VERSION if target is None else target
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}, but this claimledger only knows versions up to "
            f"{SCHEMA_VERSION}; upgrade claimledger (pip install -U claimledger) to open it"
        )
    for step in MIGRATIONS:
        if step.version <= version or step.version > target:
            continue
        logger.info("migrating database to schema version %s (%s)", step.version, step.description)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)"
            )
            for statement in _statements(step.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (step.version, step.description, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            conn.execute("ROLLBACK")
            raise StoreError(
                f"schema migration to version {step.version} ({step.description}) failed: {e}; "
                "the database was left at the previous version"
            ) from e
        version = step.version
    return version


def _statements(script: str) -> list[str]:
    """Split a script into complete statements (``executescript`` would commit early)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
