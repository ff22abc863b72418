"""The default ledger: one SQLite file (WAL, foreign keys, FTS5 search over claims)."""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError, NotFound, StoreError
from ..model import AnalyzedDocument, Article, Claim
from .base import CLAIM_FILTERS, QUOTE_TYPES
from .migrations import migrate

logger = logging.getLogger(__name__)

#: Milliseconds a writer waits for another process's lock before failing. Five
#: seconds covers a concurrent ingest committing one article at a time.
BUSY_TIMEOUT_MS = 5000
#: Read connections map the file (up to this size) instead of copying pages into a private
#: cache each: many readers share the OS page cache (search CPU -25 % at 20 clients).
READER_MMAP_BYTES = 1 << 30
#: Rows fetched per round trip while streaming an export.
_FETCH_CHUNK = 500

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WORD = re.compile(r"\w", re.UNICODE)
_SPACE = re.compile(r"\s+")

_CLAIM_COLUMNS = "c.json, a.id, a.url, a.title, a.outlet, a.published, a.language, a.content_hash"
_ORDER = 'ORDER BY a.published IS NULL, a.published DESC, c.article_id, c.start, c."end", c.id'
#: The same order over the claims table alone (claims.published copies the article's date):
#: the ``claims_newest`` index holds exactly these keys, so ``ORDER BY ... LIMIT`` can walk it.
_ORDER_NEWEST = 'ORDER BY c.published IS NULL, c.published DESC, c.article_id, c.start, c."end", c.id'
_ORDER_KEYS = 'ORDER BY k.published IS NULL, k.published DESC, k.article_id, k.start, k."end", k.id'
#: A search walks ``claims_newest`` (see ``_search_page``) only with at least this many
#: matches (fewer sort in about a millisecond) and when ``matches ** 2 * WALK_FACTOR`` is
#: at least ``(offset + limit) * claims``, i.e. when matches spread evenly over time would
#: fill the page within ``claims / WALK_FACTOR``-ish index entries. Measured on a
#: 100,000-claim ledger (docs/web.md "Testing and latency").
WALK_MIN_MATCHES = 1000
WALK_FACTOR = 30
#: SQLite VM steps the sort-keys plan takes per match (20-24 measured); the walk's budget.
SORT_STEPS_PER_MATCH = 24
#: The walk's budget is checked every this many VM steps.
_STEP_CHUNK = 200


def _key(text: str) -> str:
    """Casefolded, whitespace-collapsed form used for case-insensitive matching."""
    return _SPACE.sub(" ", text.casefold()).strip()


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word_match(column: str, value: str) -> tuple[str, list[str]]:
    """SQL matching ``column`` that equals or contains ``value`` as whole words."""
    v = _like_escape(value)
    sql = (
        f"({column} = ? OR {column} LIKE ? ESCAPE '\\' OR {column} LIKE ? ESCAPE '\\' "
        f"OR {column} LIKE ? ESCAPE '\\')"
    )
    return sql, [value, f"{v} %", f"% {v}", f"% {v} %"]


def fts_query(text: str) -> str | None:
    """Turn user input into a safe FTS5 query: every word quoted, words ANDed.

    A trailing ``*`` on a word makes it a prefix search. Returns None when the
    input has no word characters at all (nothing can match).
    """
    terms: list[str] = []
    # FTS5 reads the query as a C string: a NUL would cut a quoted term short.
    for raw in text.replace("\x00", " ").split():
        prefix = raw.endswith("*")
        word = raw.rstrip("*") if prefix else raw
        if not _WORD.search(word):
            continue
        quoted = '"' + word.replace('"', '""') + '"'
        terms.append(quoted + ("*" if prefix else ""))
    return " ".join(terms) if terms else None


def date_bound(value: str, *, name: str, upper: bool) -> str:
    """Normalise YYYY / YYYY-MM / YYYY-MM-DD to a comparable ISO date string.

    Upper bounds are padded to the end of the period ("2023-02" -> "2023-02-31",
    which sorts after every real February date).

    Raises:
        InputError: the value is not such a date.
    """
    m = _DATE.match(value.strip())
    if not m:
        raise InputError(f"{name} {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    try:
        if day:
            date(int(year), int(month), int(day))
        elif month and not 1 <= int(month) <= 12:
            raise ValueError("month out of range")
    except ValueError as e:
        raise InputError(f"{name} {value!r} is not a valid date ({e}); use YYYY-MM-DD") from e
    if upper:
        return f"{year}-{month or '12'}-{day or '31'}"
    return f"{year}-{month or '01'}-{day or '01'}"


class SQLiteStore:
    """A claim ledger in one SQLite file.

    Example::

        with SQLiteStore("claims.db") as store:
            store.add_document(doc)
            for claim in store.claims(source="ministry", min_p=0.5):
                print(claim["text"])

    Args:
        path: the database file (created when missing) or ``":memory:"``.
        create: when False, a missing file raises instead of being created.

    Raises:
        StoreError: the file cannot be opened, is not a claimledger ledger, or was
            written by a newer claimledger.
    """

    def __init__(self, path: str | Path = "claimledger.db", *, create: bool = True) -> None:
        self.path = str(path)
        memory = self.path == ":memory:"
        if not memory:
            file = Path(self.path)
            if not file.exists() and not create:
                raise StoreError(f"no ledger at {self.path}; run `claimledger ingest PATH --db {self.path}`")
            if not file.parent.exists():
                raise StoreError(f"cannot create {self.path}: folder {file.parent} does not exist")
        self._lock = threading.RLock()
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open database {self.path}: {e}") from e
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if not memory:
                self._conn.execute("PRAGMA journal_mode = WAL")
                # NORMAL is durable across application crashes in WAL mode.
                self._conn.execute("PRAGMA synchronous = NORMAL")
            migrate(self._conn)
        except sqlite3.DatabaseError as e:
            self._conn.close()
            raise StoreError(
                f"cannot open {self.path} as a claimledger database ({e}); is it an SQLite file?"
            ) from e
        except StoreError:
            self._conn.close()
            raise
        self._closed = False
        # Readers: one connection per thread (WAL lets them read in parallel with each other and
        # with the writer); the write connection above stays behind its lock.
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._stats_cache: tuple[tuple[int, int, int], dict[str, Any]] | None = None

    def _reader(self) -> tuple[sqlite3.Connection, threading.RLock]:
        """This thread's read connection and its lock (the write connection for ``:memory:``)."""
        if self.path == ":memory:":
            return self._conn, self._lock
        reader = getattr(self._local, "reader", None)
        if reader is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA query_only = ON")
            conn.execute(f"PRAGMA mmap_size = {READER_MMAP_BYTES}")
            reader = (conn, threading.RLock())
            self._local.reader = reader
            with self._lock:
                self._readers.append(conn)
        return reader  # type: ignore[no-any-return]

    # -- context manager -------------------------------------------------

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if not self._closed:
            with self._lock:
                for reader in self._readers:
                    reader.close()
                self._readers.clear()
            self._conn.close()
            self._closed = True

    # -- writing ---------------------------------------------------------

    def has_content_hash(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored."""
        with self._lock:
            row = self._conn.execute(
                "SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)
            ).fetchone()
        return row is not None

    def add_document(self, doc: AnalyzedDocument) -> bool:
        """Store an article and its claims in one transaction (all or nothing).

        Returns:
            True when stored, False when the same content is already stored.

        Raises:
            StoreError: the article id is already used by different content, or
                the database write failed (nothing of the article is kept).
        """
        article = doc.article
        content_hash = article.content_hash or content_hash_of(article.text)
        with self._transaction(f"store article {article.id!r}") as conn:
            if conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone():
                return False  # nothing written: the commit is empty
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
                raise StoreError(
                    f"article id {article.id!r} is already stored with different text; give the "
                    "document its own id (or remove the old article) and ingest again"
                )
            self._insert_article(article, content_hash)
            seen: set[str] = set()
            for claim in doc.claims:
                if claim.id in seen:
                    logger.warning("claim %s appears twice in article %s; kept once", claim.id, article.id)
                    continue
                seen.add(claim.id)
                self._insert_claim(claim, article.id, article.published)
        return True

    @contextmanager
    def _transaction(self, what: str) -> Iterator[sqlite3.Connection]:
        """One write transaction under the store's lock: ``BEGIN IMMEDIATE``, then ``COMMIT``
        when the block ends, or ``ROLLBACK`` when it raises.

        Raises:
            StoreError: the transaction could not start, or an SQLite error in the block
                (``cannot {what}: ...``); nothing of the block is kept.
        """
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                raise StoreError(f"cannot write to {self.path}: {e}") from e
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as e:
                conn.execute("ROLLBACK")
                if isinstance(e, sqlite3.Error):
                    raise StoreError(f"cannot {what}: {e}") from e
                raise

    def _insert_article(self, article: Article, content_hash: str) -> None:
        self._conn.execute(
            "INSERT INTO articles (id, content_hash, title, outlet, published, url, language, text, "
            "source_path, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                content_hash,
                article.title,
                article.outlet,
                article.published,
                article.url,
                article.language,
                article.text,
                article.source_path,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )

    def _insert_claim(self, claim: Claim, article_id: str, published: str | None) -> None:
        conn = self._conn
        cid = claim.id
        data = json.dumps(claim.to_dict(), ensure_ascii=False, separators=(",", ":"))
        # 1. the canonical sources (the claim's own and its reporting chain)
        actors = [claim.source, *claim.chain]
        conn.executemany(
            "INSERT INTO sources (name, kind, key) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING",
            [(a.name, a.kind, _key(a.name)) for a in actors],
        )
        # 2. the claim row (the FTS index follows by trigger)
        stance = claim.stance
        conn.execute(
            'INSERT INTO claims (id, article_id, text, start, "end", sentence, source_name, source_kind, '
            "quote, cue, term, band, p_low, p_high, negated, modality, event_type, json, published) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                cid,
                article_id,
                claim.text,
                claim.start,
                claim.end,
                claim.sentence.text,
                claim.source.name,
                claim.source.kind,
                claim.quote,
                claim.cue.text if claim.cue else None,
                stance.term,
                stance.band,
                stance.p_low,
                stance.p_high,
                int(stance.negated),
                stance.modality,
                claim.event.type,
                data,
                published,
            ),
        )
        # 3. spans, places, times, quantities, entities, event actors
        spans = [("content", claim.start, claim.end, claim.text)]
        spans.append(("sentence", claim.sentence.start, claim.sentence.end, claim.sentence.text))
        if claim.source_span:
            spans.append(("source", claim.source_span.start, claim.source_span.end, claim.source_span.text))
        if claim.cue:
            spans.append(("cue", claim.cue.start, claim.cue.end, claim.cue.text))
        conn.executemany(
            'INSERT INTO spans (claim_id, role, start, "end", text) VALUES (?, ?, ?, ?, ?)',
            [(cid, *s) for s in spans],
        )
        conn.executemany(
            "INSERT INTO claim_places "
            "(claim_id, text, name, key, text_key, geonameid, lat, lon, country, kind) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    cid,
                    p.text,
                    p.name,
                    _key(p.name),
                    _key(p.text),
                    p.geonameid,
                    p.lat,
                    p.lon,
                    p.country,
                    p.kind,
                )
                for p in claim.places
            ],
        )
        conn.executemany(
            "INSERT INTO claim_times (claim_id, text, value, type, mod, start_date, end_date) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(cid, t.text, t.value, t.type, t.mod, t.start_date, t.end_date) for t in claim.times],
        )
        conn.executemany(
            "INSERT INTO claim_quantities (claim_id, text, value, low, high, unit, category) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(cid, q.text, q.value, q.low, q.high, q.unit, q.category) for q in claim.quantities],
        )
        conn.executemany(
            "INSERT INTO claim_entities (claim_id, text, label, key) VALUES (?, ?, ?, ?)",
            [(cid, e.text, e.label, _key(e.text)) for e in claim.entities],
        )
        conn.executemany(
            "INSERT INTO claim_actors (claim_id, role, name, key) VALUES (?, ?, ?, ?)",
            [(cid, "actor", n, _key(n)) for n in claim.event.actors]
            + [(cid, "target", n, _key(n)) for n in claim.event.targets],
        )

    # -- reading ---------------------------------------------------------

    def claims(
        self,
        *,
        source: str | None = None,
        about: str | None = None,
        place: str | None = None,
        since: str | None = None,
        until: str | None = None,
        min_p: float | None = None,
        quote: str | None = None,
        search: str | None = None,
        article_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Claims matching the filters (see :class:`claimledger.storage.base.Store`), newest first.

        Raises:
            InputError: a malformed filter value (date, quote type, probability, limit).
        """
        if limit < 0 or offset < 0:
            raise InputError(f"limit ({limit}) and offset ({offset}) must not be negative")
        filters = {
            "source": source,
            "about": about,
            "place": place,
            "since": since,
            "until": until,
            "min_p": min_p,
            "quote": quote,
            "search": search,
            "article_id": article_id,
        }
        return list(self._select_claims(filters, limit=limit, offset=offset))

    def claims_json(self, *, limit: int = 100, offset: int = 0, **filters: Any) -> list[str]:
        """:meth:`claims`, each claim as JSON text (its article inlined), for answers sent as JSON.

        The text is what ``json.dumps(claim, ensure_ascii=False, separators=(",", ":"))``
        writes for the dict :meth:`claims` returns, made from the stored JSON without
        decoding it: a page of 50 claims costs 0.1 ms instead of 2.7 ms of decoding and
        re-encoding.

        Raises:
            InputError: an unknown filter name or a malformed value.
        """
        unknown = set(filters) - set(CLAIM_FILTERS)
        if unknown:
            raise InputError(
                f"unknown claim filter(s) {', '.join(sorted(unknown))}; known: {', '.join(CLAIM_FILTERS)}"
            )
        if limit < 0 or offset < 0:
            raise InputError(f"limit ({limit}) and offset ({offset}) must not be negative")
        return list(self._select_claims(filters, limit=limit, offset=offset, row=_claim_json))

    def iter_claims(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Every claim matching the filters, streamed (for exports).

        Raises:
            InputError: an unknown filter name or a malformed value.
        """
        unknown = set(filters) - set(CLAIM_FILTERS)
        if unknown:
            raise InputError(
                f"unknown claim filter(s) {', '.join(sorted(unknown))}; known: {', '.join(CLAIM_FILTERS)}"
            )
        return self._select_claims(filters, limit=None, offset=0)

    def _select_claims(
        self,
        filters: dict[str, Any],
        *,
        limit: int | None,
        offset: int,
        row: Callable[[tuple[Any, ...]], Any] | None = None,
    ) -> Iterator[Any]:
        where, params = _where(filters)
        convert = row or _claim_row
        conn, lock = self._reader()
        with lock:
            match = _search_alone(filters)
            if match is not None and limit is not None:
                page, _ = _search_page(conn, match, limit=limit, offset=offset)
                return (convert(r) for r in page)
            sql = f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN articles a ON a.id = c.article_id"
            if where:
                sql += " WHERE " + " AND ".join(where)
            sql += " " + _ORDER_NEWEST
            if limit is not None:
                sql += " LIMIT ? OFFSET ?"
                params += [limit, offset]
            cursor = conn.execute(sql, params)
            rows = cursor.fetchmany(_FETCH_CHUNK)
        return self._stream(cursor, rows, lock, convert)

    def _stream(
        self,
        cursor: sqlite3.Cursor,
        rows: list[Any],
        lock: threading.RLock | None = None,
        convert: Callable[[tuple[Any, ...]], Any] | None = None,
    ) -> Iterator[Any]:
        lock = lock or self._lock
        convert = convert or _claim_row
        while rows:
            for row in rows:
                yield convert(row)
            with lock:
                rows = cursor.fetchmany(_FETCH_CHUNK)

    def claim(self, claim_id: str) -> dict[str, Any]:
        """One claim by id, or by a prefix of its id that matches only it.

        Raises:
            NotFound: no such claim, or the prefix matches several.
        """
        base = f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN articles a ON a.id = c.article_id"
        conn, lock = self._reader()
        with lock:
            row = conn.execute(base + " WHERE c.id = ?", (claim_id,)).fetchone()
            if row is None and claim_id:
                rows = conn.execute(
                    base + " WHERE c.id LIKE ? ESCAPE '\\' LIMIT 2", (_like_escape(claim_id) + "%",)
                ).fetchall()
                if len(rows) > 1:
                    raise NotFound(
                        f"claim id prefix {claim_id!r} matches several claims; give more of the id"
                    )
                row = rows[0] if rows else None
        if row is None:
            raise NotFound(f"no claim with id {claim_id!r}; list claim ids with `claimledger claims`")
        return _claim_row(row)

    def article(self, article_id: str) -> dict[str, Any]:
        """One article with its text, provenance and claim count.

        Raises:
            NotFound: no article has this id.
        """
        conn, lock = self._reader()
        with lock:
            row = conn.execute(
                "SELECT a.id, a.url, a.title, a.outlet, a.published, a.language, a.content_hash, a.text, "
                "a.source_path, a.ingested_at, (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) "
                "FROM articles a WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        out = _article_dict(row[:7])
        out.update(text=row[7], source_path=row[8], ingested_at=row[9], claims=row[10])
        return out

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Article metadata (no text) with provenance and claim counts, newest first.

        Raises:
            InputError: a malformed date, or a negative limit/offset.
        """
        if limit < 0 or offset < 0:
            raise InputError(f"limit ({limit}) and offset ({offset}) must not be negative")
        where: list[str] = []
        params: list[Any] = []
        if outlet:
            where.append("a.outlet LIKE ? ESCAPE '\\'")
            params.append(f"%{_like_escape(outlet.strip())}%")
        if since:
            where.append("a.published >= ?")
            params.append(date_bound(since, name="since", upper=False))
        if until:
            where.append("a.published <= ?")
            params.append(date_bound(until, name="until", upper=True))
        sql = (
            "SELECT a.id, a.url, a.title, a.outlet, a.published, a.language, a.content_hash, a.source_path, "
            "a.ingested_at, (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) FROM articles a"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?"
        with self._lock:
            rows = self._conn.execute(sql, [*params, limit, offset]).fetchall()
        out = []
        for row in rows:
            item = _article_dict(row[:7])
            item.update(source_path=row[7], ingested_at=row[8], claims=row[9])
            out.append(item)
        return out

    def stats(self, *, top: int = 10) -> dict[str, Any]:
        """Summary counts of the ledger.

        Args:
            top: how many sources, outlets and places to list.

        Returns:
            ``articles``, ``claims``, ``sources`` (distinct count), ``top_sources``
            (name, kind, claims), ``top_outlets``, ``hedged_claims`` (claims with an
            estimative term or hedged modality), ``top_places`` (name, country,
            claims), ``quotes`` (count per quote type) and ``date_range``
            (first/last published date).
        """
        q = self._conn.execute
        with self._lock:
            # The counts read every claim (190 ms at 100,000 claims), and the explorer's first
            # page shows them on each visit: keep the last answer until the file changes.
            # data_version moves when another connection commits, total_changes when this one
            # writes, so a cached answer is never stale.
            version = (top, q("PRAGMA data_version").fetchone()[0], self._conn.total_changes)
            cached = self._stats_cache
            if cached is not None and cached[0] == version:
                return copy.deepcopy(cached[1])
            articles = q("SELECT COUNT(*) FROM articles").fetchone()[0]
            claims = q("SELECT COUNT(*) FROM claims").fetchone()[0]
            n_sources = q("SELECT COUNT(DISTINCT source_name) FROM claims").fetchone()[0]
            top_sources = q(
                "SELECT source_name, MAX(source_kind), COUNT(*) AS n FROM claims GROUP BY source_name "
                "ORDER BY n DESC, source_name LIMIT ?",
                (top,),
            ).fetchall()
            top_outlets = q(
                "SELECT outlet, COUNT(*) AS n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet "
                "ORDER BY n DESC, outlet LIMIT ?",
                (top,),
            ).fetchall()
            hedged = q(
                "SELECT COUNT(*) FROM claims WHERE term IS NOT NULL OR modality = 'hedged'"
            ).fetchone()[0]
            top_places = q(
                "SELECT name, MAX(country), COUNT(DISTINCT claim_id) AS n FROM claim_places "
                "GROUP BY name ORDER BY n DESC, name LIMIT ?",
                (top,),
            ).fetchall()
            quotes = dict(q("SELECT quote, COUNT(*) FROM claims GROUP BY quote ORDER BY quote").fetchall())
            first, last = q("SELECT MIN(published), MAX(published) FROM articles").fetchone()
            result = {
                "articles": articles,
                "claims": claims,
                "sources": n_sources,
                "top_sources": [{"name": n, "kind": k, "claims": c} for n, k, c in top_sources],
                "top_outlets": [{"name": n, "articles": c} for n, c in top_outlets],
                "hedged_claims": hedged,
                "top_places": [{"name": n, "country": k, "claims": c} for n, k, c in top_places],
                "quotes": {t: quotes.get(t, 0) for t in QUOTE_TYPES} | quotes,
                "date_range": {"first": first, "last": last},
            }
            self._stats_cache = (version, result)
        return copy.deepcopy(result)

    # -- linking across reports (claimledger.linking; docs/linking.md) -----

    def link_articles(self) -> list[dict[str, Any]]:
        """Every article's linking state: ``id``, ``outlet``, ``published``,
        ``signature`` (stored MinHash as hex, or None) and ``group_id`` (its
        near-duplicate group, or None)."""
        with self._lock:
            rows = self._conn.execute(LINK_ARTICLES_SQL).fetchall()
        return link_article_dicts(rows)

    def article_texts(self, article_ids: list[str]) -> dict[str, str]:
        """The texts of these articles (ids that are not stored are left out)."""
        out: dict[str, str] = {}
        with self._lock:
            for i in range(0, len(article_ids), _FETCH_CHUNK):
                chunk = article_ids[i : i + _FETCH_CHUNK]
                marks = ",".join("?" * len(chunk))
                out.update(
                    self._conn.execute(
                        f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk
                    ).fetchall()
                )
        return out

    def linkable_claims(self, ids: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        """Every claim (with its article) plus ``cluster_id`` (None when not yet linked).

        Args:
            ids: only these claims (ids that are not stored are left out), in ledger
                order within each chunk of :data:`_FETCH_CHUNK` ids.
        """
        if ids is None:
            with self._lock:
                rows = self._conn.execute(LINKABLE_CLAIMS_SQL).fetchall()
        else:
            rows = []
            with self._lock:
                for i in range(0, len(ids), _FETCH_CHUNK):
                    chunk = list(ids[i : i + _FETCH_CHUNK])
                    marks = ",".join("?" * len(chunk))
                    rows.extend(
                        self._conn.execute(linkable_claims_sql(f"c.id IN ({marks})"), chunk).fetchall()
                    )
        for row in rows:
            yield linkable_claim(row)

    def link_cache_rows(self) -> Iterator[dict[str, Any]]:
        """Every claim's id, ``article_id``, ``text`` and ``cluster_id``, with its cached link
        features (``version``, ``features``, ``left_out``, ``signature``; None when not cached),
        in ledger order."""
        with self._lock:
            rows = self._conn.execute(LINK_CACHE_ROWS_SQL).fetchall()
        for row in rows:
            yield dict(zip(LINK_CACHE_KEYS, row, strict=True))

    def save_link_cache(self, rows: Sequence[tuple[Any, ...]], *, replace_all: bool = False) -> None:
        """Store claims' link features (rows of :data:`LINK_CACHE_COLUMNS`) in one transaction.

        Args:
            rows: ``(claim_id, version, features, left_out, signature)``; a claim's
                earlier row is replaced.
            replace_all: forget every earlier row first (a rebuild).

        Raises:
            StoreError: the write failed (nothing is kept).
        """
        marks = ", ".join("?" * len(LINK_CACHE_COLUMNS))
        with self._transaction("store the link cache") as conn:
            if replace_all:
                conn.execute("DELETE FROM claim_link_cache")
            conn.executemany(
                f"INSERT OR REPLACE INTO claim_link_cache ({', '.join(LINK_CACHE_COLUMNS)}) VALUES ({marks})",
                sorted(rows),
            )

    def save_links(
        self,
        *,
        signatures: dict[str, str],
        duplicates: dict[str, str],
        memberships: dict[str, str],
        clusters: list[dict[str, Any]],
        removed: list[str],
        contradictions: list[dict[str, Any]],
        rebuild: bool = False,
    ) -> None:
        """Write one linking run in one transaction.

        Args:
            signatures: article id -> MinHash hex for newly hashed articles.
            duplicates: article id -> group id for every article in a group (replaces the table).
            memberships: claim id -> cluster id for claims whose cluster is new or changed.
            clusters: summaries (``id``, ``first_seen``, ``size``, ``origins``,
                ``relays``, ``outlets``, ``label``) of every cluster touched.
            removed: ids of clusters merged into others.
            contradictions: ``claim_a``, ``claim_b``, ``kind``, ``detail``, ``score``
                (pairs already stored are kept once).
            rebuild: forget every earlier cluster and contradiction first.

        Raises:
            StoreError: the write failed (nothing is kept).
        """
        now = datetime.now(UTC).isoformat(timespec="seconds")
        # rows go in key order: B-tree inserts (and the foreign-key lookups into
        # claims) then walk the pages in order, 2.4x faster at 100k claims than the
        # hash order the ids come in
        with self._transaction("store the links") as conn:
            if rebuild:
                for table in ("claim_clusters", "clusters", "contradictions"):
                    conn.execute(f"DELETE FROM {table}")
            conn.executemany(
                "INSERT OR REPLACE INTO article_minhash (article_id, signature) VALUES (?, ?)",
                sorted(signatures.items()),
            )
            conn.execute("DELETE FROM article_duplicates")
            conn.executemany(
                "INSERT INTO article_duplicates (article_id, group_id) VALUES (?, ?)",
                sorted(duplicates.items()),
            )
            conn.executemany(
                "INSERT OR REPLACE INTO claim_clusters (claim_id, cluster_id) VALUES (?, ?)",
                sorted(memberships.items()),
            )
            conn.executemany("DELETE FROM clusters WHERE id = ?", [(r,) for r in removed])
            conn.executemany(
                "INSERT OR REPLACE INTO clusters (id, first_seen, size, origins, relays, outlets, label) "
                "VALUES (:id, :first_seen, :size, :origins, :relays, :outlets, :label)",
                sorted(clusters, key=lambda c: c["id"]),
            )
            conn.executemany(
                "INSERT OR IGNORE INTO contradictions (claim_a, claim_b, kind, detail, score, found_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (c["claim_a"], c["claim_b"], c["kind"], c.get("detail"), c.get("score"), now)
                    for c in sorted(contradictions, key=lambda c: (c["claim_a"], c["claim_b"], c["kind"]))
                ],
            )

    def clusters(
        self,
        *,
        min_size: int = 2,
        cross_outlet: bool = False,
        min_origins: int = 1,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Cluster summaries, most independent origins first, then most relays.

        Args:
            min_size: at least this many claims (1 lists singletons too).
            cross_outlet: only clusters reported by two or more outlets.
            min_origins: at least this many independent origins (2: corroborated).
            limit: at most this many.
            offset: skip this many.

        Raises:
            InputError: a negative limit or offset.
        """
        if limit < 0 or offset < 0:
            raise InputError(f"limit ({limit}) and offset ({offset}) must not be negative")
        with self._lock:
            rows = self._conn.execute(
                CLUSTERS_SQL, (min_size, min_origins, 2 if cross_outlet else 0, limit, offset)
            ).fetchall()
        return [_cluster_dict(row) for row in rows]

    def cluster(self, cluster_id: str) -> dict[str, Any]:
        """One cluster (by id or unique id prefix) with its member claims, earliest first.

        Each claim carries its ``article`` and ``duplicate_group`` (or None).

        Raises:
            NotFound: no cluster has this id, or the prefix matches several.
        """
        base = f"SELECT {_CLUSTER_COLUMNS} FROM clusters"
        with self._lock:
            row = self._conn.execute(base + " WHERE id = ?", (cluster_id,)).fetchone()
            if row is None and cluster_id:
                rows = self._conn.execute(
                    base + " WHERE id LIKE ? ESCAPE '\\' LIMIT 2", (_like_escape(cluster_id) + "%",)
                ).fetchall()
                if len(rows) > 1:
                    raise NotFound(
                        f"cluster id prefix {cluster_id!r} matches several clusters; give more of it"
                    )
                row = rows[0] if rows else None
            if row is None:
                raise NotFound(
                    f"no cluster with id {cluster_id!r}; run `claimledger link` and list clusters "
                    "with `claimledger clusters`"
                )
            members = self._conn.execute(CLUSTER_MEMBERS_SQL, (row[0],)).fetchall()
        return cluster_with_members(row, members)

    def cluster_of(self, claim_id: str) -> str | None:
        """The cluster id of a claim (id or unique prefix); None when it is not linked yet.

        Raises:
            NotFound: no such claim.
        """
        full = self.claim(claim_id)["id"]
        with self._lock:
            row = self._conn.execute(
                "SELECT cluster_id FROM claim_clusters WHERE claim_id = ?", (full,)
            ).fetchone()
        return row[0] if row else None

    def contradictions(
        self, *, kind: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Stored contradictions, newest reports first: ``kind``, ``detail``,
        ``score``, ``found_at`` and both claims in full (``claim_a``, ``claim_b``).

        Raises:
            InputError: a negative limit or offset.
        """
        if limit < 0 or offset < 0:
            raise InputError(f"limit ({limit}) and offset ({offset}) must not be negative")
        sql = "SELECT x.claim_a, x.claim_b, x.kind, x.detail, x.score, x.found_at FROM contradictions x"
        params: list[Any] = []
        if kind:
            sql += " WHERE x.kind = ?"
            params.append(kind)
        sql += " ORDER BY x.found_at DESC, x.claim_a, x.claim_b, x.kind LIMIT ? OFFSET ?"
        with self._lock:
            rows = self._conn.execute(sql, [*params, limit, offset]).fetchall()
        out = []
        for a, b, k, detail, score, found in rows:
            out.append(
                {
                    "kind": k,
                    "detail": detail,
                    "score": score,
                    "found_at": found,
                    "claim_a": self.claim(a),
                    "claim_b": self.claim(b),
                }
            )
        return out

    def source_link_rows(self) -> list[dict[str, Any]]:
        """One row per linked claim for source records: ``source``, ``kind``,
        ``cluster_id``, ``unit`` (duplicate group or article id), ``origins`` of
        its cluster and ``contradicted`` (in any stored contradiction)."""
        with self._lock:
            rows = self._conn.execute(SOURCE_LINK_ROWS_SQL).fetchall()
        return source_link_dicts(rows)

    def link_counts(self) -> dict[str, Any]:
        """Linking totals: ``linked``/``unlinked`` claims, ``clusters`` (two or more
        claims), ``cross_outlet`` and ``corroborated`` clusters, ``contradictions``
        by kind, ``duplicate_groups`` and ``duplicate_articles``."""
        q = self._conn.execute
        with self._lock:
            counts = [q(sql).fetchone() for sql in LINK_COUNTS_SQL]
            kinds = dict(q(CONTRADICTION_KINDS_SQL).fetchall())
        return link_counts_dict(counts, kinds)

    def set_grade(
        self, source: str, *, reliability: str, credibility: int, set_by: str | None = None
    ) -> None:
        """Record an Admiralty grade for a canonical source (replacing an earlier one).

        Raises:
            InputError: reliability is not A-F or credibility not 1-6.
            StoreError: the write failed.
        """
        grade = check_grade(reliability, credibility)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._lock:
            try:
                self._conn.execute(
                    "INSERT OR REPLACE INTO source_grades (source, reliability, credibility, set_by, set_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (source, grade, credibility, set_by, now),
                )
            except sqlite3.Error as e:
                raise StoreError(f"cannot store the grade of {source!r}: {e}") from e

    def grades(self) -> dict[str, dict[str, Any]]:
        """Admiralty grades by source: ``reliability``, ``credibility``, ``set_by``, ``set_at``."""
        with self._lock:
            rows = self._conn.execute(GRADES_SQL).fetchall()
        return grade_dicts(rows)


def check_grade(reliability: str, credibility: int) -> str:
    """The reliability letter (upper case) of a valid Admiralty grade.

    Raises:
        InputError: reliability is not A-F or credibility not 1-6.
    """
    grade = reliability.strip().upper() if isinstance(reliability, str) else ""
    if grade not in ("A", "B", "C", "D", "E", "F"):
        raise InputError(f"reliability {reliability!r} is not an Admiralty grade; use a letter A-F")
    if isinstance(credibility, bool) or credibility not in range(1, 7):
        raise InputError(f"credibility {credibility!r} is not an Admiralty grade; use a number 1-6")
    return grade


def content_hash_of(text: str) -> str:
    """``sha256:<hex>`` of a text, as ``Article.content_hash`` holds it."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _search_alone(filters: dict[str, Any]) -> str | None:
    """The FTS query when a text search is the only filter given, else None."""
    search = filters.get("search")
    if not search or not search.strip():
        return None
    if any(v not in (None, "") for k, v in filters.items() if k != "search"):
        return None
    return fts_query(search)


def _search_page(
    conn: sqlite3.Connection, match: str, *, limit: int, offset: int
) -> tuple[list[tuple[Any, ...]], str]:
    """One page of a text search, newest first, by the cheaper of two plans (same rows either way).

    SQLite's own plan starts from the full-text matches and sorts them with the whole claim
    rows: 60 ms for "Ukraine" (23,000 of 100,000 claims) to keep 50. Instead:

    * **walk**: read ``claims_newest`` (the listing order itself) and keep the claims that
      match, stopping after ``offset + limit``. Cheap when matches are frequent and spread
      over time (7 ms for "Ukraine"); ruinous when they are rare or all old, so it is tried
      only when the matches look frequent enough, and with a budget of SQLite VM steps
      equal to what the sort below would cost; past it the walk is cut off.
    * **sort keys**: sort the matches' keys from the covering index ``claims_keys`` (no
      claim row is read), then fetch the page's rows (about 1 us a match: 2 ms for 1,900).

    Returns:
        The rows (``_CLAIM_COLUMNS``) and the plan that gave them: ``"walk"``, ``"keys"``,
        or ``"walk>keys"`` (the walk ran out of budget), or ``"none"`` (nothing matches).
    """
    wanted = offset + limit
    if wanted <= 0:
        return [], "none"
    matches = conn.execute("SELECT COUNT(*) FROM claims_fts WHERE claims_fts MATCH ?", (match,)).fetchone()[0]
    if not matches:
        return [], "none"
    plan = "keys"
    claims = conn.execute("SELECT MAX(pk) FROM claims").fetchone()[0] or 0
    if matches >= WALK_MIN_MATCHES and matches * matches * WALK_FACTOR >= wanted * claims:
        budget = [SORT_STEPS_PER_MATCH * matches // _STEP_CHUNK + 1]

        def spend() -> int:
            budget[0] -= 1
            return 1 if budget[0] < 0 else 0

        conn.set_progress_handler(spend, _STEP_CHUNK)
        try:
            rows = conn.execute(
                f"SELECT {_CLAIM_COLUMNS} FROM claims c INDEXED BY claims_newest "
                "JOIN articles a ON a.id = c.article_id "
                "WHERE c.pk IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?) "
                f"{_ORDER_NEWEST} LIMIT ? OFFSET ?",
                (match, limit, offset),
            ).fetchall()
            return rows, "walk"
        except sqlite3.OperationalError:
            if budget[0] >= 0:  # a real error, not the budget running out
                raise
            logger.debug("newest-first walk for %r ran past its budget; sorting instead", match)
            plan = "walk>keys"
        finally:
            conn.set_progress_handler(None, 0)
    rows = conn.execute(
        f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN articles a ON a.id = c.article_id "
        "WHERE c.pk IN (SELECT k.pk FROM claims k INDEXED BY claims_keys "
        "WHERE k.pk IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?) "
        f"{_ORDER_KEYS} LIMIT ? OFFSET ?) {_ORDER_NEWEST}",
        (match, limit, offset),
    ).fetchall()
    return rows, plan


def _where(filters: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """SQL conditions (with bound parameters only) for the claim filters."""
    where: list[str] = []
    params: list[Any] = []
    source = filters.get("source")
    if source and source.strip():
        where.append("c.source_name IN (SELECT name FROM sources WHERE key LIKE ? ESCAPE '\\')")
        params.append(f"%{_like_escape(_key(source))}%")
    about = filters.get("about")
    if about and about.strip():
        value = _key(about)
        parts = []
        for sub in (
            "c.id IN (SELECT claim_id FROM claim_entities WHERE {m})",
            "c.id IN (SELECT claim_id FROM claim_actors WHERE {m})",
            "c.source_name IN (SELECT name FROM sources WHERE {m})",
        ):
            sql, words = _word_match("key", value)
            parts.append(sub.format(m=sql))
            params += words
        where.append("(" + " OR ".join(parts) + ")")
    place = filters.get("place")
    if place and place.strip():
        where.append("c.id IN (SELECT claim_id FROM claim_places WHERE key = ? OR text_key = ?)")
        params += [_key(place), _key(place)]
    since, until = filters.get("since"), filters.get("until")
    if since or until:
        time_conds: list[str] = ["t.start_date IS NOT NULL"]
        pub_conds: list[str] = ["a.published IS NOT NULL"]
        time_params: list[Any] = []
        pub_params: list[Any] = []
        if since:
            low = date_bound(since, name="since", upper=False)
            time_conds.append("COALESCE(t.end_date, t.start_date) >= ?")
            pub_conds.append("a.published >= ?")
            time_params.append(low)
            pub_params.append(low)
        if until:
            high = date_bound(until, name="until", upper=True)
            time_conds.append("t.start_date <= ?")
            pub_conds.append("a.published <= ?")
            time_params.append(high)
            pub_params.append(high)
        where.append(
            "(EXISTS (SELECT 1 FROM claim_times t WHERE t.claim_id = c.id AND "
            + " AND ".join(time_conds)
            + ") OR (NOT EXISTS (SELECT 1 FROM claim_times t WHERE t.claim_id = c.id "
            "AND t.start_date IS NOT NULL) AND " + " AND ".join(pub_conds) + "))"
        )
        params += time_params + pub_params
    min_p = filters.get("min_p")
    if min_p is not None:
        try:
            p = float(min_p)
        except (TypeError, ValueError) as e:
            raise InputError(f"min_p {min_p!r} is not a number; give a probability from 0 to 1") from e
        if not 0.0 <= p <= 1.0:
            raise InputError(f"min_p {min_p!r} is outside 0..1; give a probability such as 0.55")
        where.append("c.p_low >= ?")
        params.append(p)
    quote = filters.get("quote")
    if quote:
        if quote not in QUOTE_TYPES:
            raise InputError(f"quote {quote!r} is not one of {', '.join(QUOTE_TYPES)}")
        where.append("c.quote = ?")
        params.append(quote)
    search = filters.get("search")
    if search and search.strip():
        match = fts_query(search)
        if match is None:
            where.append("0")
        else:
            where.append("c.pk IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
            params.append(match)
    article_id = filters.get("article_id")
    if article_id:
        where.append("c.article_id = ?")
        params.append(article_id)
    return where, params


def _article_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    """``Article.to_dict()`` shape from (id, url, title, outlet, published, language, content_hash)."""
    keys = ("id", "url", "title", "outlet", "published", "language", "content_hash")
    return dict(zip(keys, row, strict=True))


def _claim_row(row: tuple[Any, ...]) -> dict[str, Any]:
    claim: dict[str, Any] = json.loads(row[0])
    claim["article"] = _article_dict(row[1:8])
    return claim


def _claim_json(row: tuple[Any, ...]) -> str:
    """:func:`_claim_row` as compact JSON text, spliced from the stored object without decoding it."""
    stored = row[0].strip()
    if not (stored.startswith("{") and stored.endswith("}")) or '"article":' in stored:
        # not an object as this store writes them: take the slow, certain way
        return json.dumps(_claim_row(row), ensure_ascii=False, separators=(",", ":"))
    inner = stored[1:-1].strip()
    article = json.dumps(_article_dict(row[1:8]), ensure_ascii=False, separators=(",", ":"))
    return "{" + inner + ("," if inner else "") + '"article":' + article + "}"


#: A cluster's columns (the ``clusters`` table, key first) and the keys of its summary dict.
CLUSTER_KEYS: tuple[str, ...] = ("id", "first_seen", "size", "origins", "relays", "outlets", "label")
_CLUSTER_COLUMNS = ", ".join(CLUSTER_KEYS)

# The link queries both stores run (PostgreSQL swaps the ``?`` placeholders for ``%s``).
LINK_ARTICLES_SQL = (
    "SELECT a.id, a.outlet, a.published, m.signature, d.group_id FROM articles a "
    "LEFT JOIN article_minhash m ON m.article_id = a.id "
    "LEFT JOIN article_duplicates d ON d.article_id = a.id ORDER BY a.id"
)
LINKABLE_CLAIMS_SQL = (
    f"SELECT {_CLAIM_COLUMNS}, cc.cluster_id FROM claims c JOIN articles a ON a.id = c.article_id "
    "LEFT JOIN claim_clusters cc ON cc.claim_id = c.id ORDER BY c.pk"
)
LINK_CACHE_ROWS_SQL = (
    "SELECT c.id, c.article_id, c.text, cc.cluster_id, f.version, f.features, f.left_out, f.signature "
    "FROM claims c LEFT JOIN claim_clusters cc ON cc.claim_id = c.id "
    "LEFT JOIN claim_link_cache f ON f.claim_id = c.id ORDER BY c.pk"
)
#: The keys of a ``link_cache_rows`` dict (the columns of :data:`LINK_CACHE_ROWS_SQL`).
LINK_CACHE_KEYS = ("id", "article_id", "text", "cluster_id", "version", "features", "left_out", "signature")
#: The columns ``save_link_cache`` writes, in the order of its rows.
LINK_CACHE_COLUMNS = ("claim_id", "version", "features", "left_out", "signature")
CLUSTERS_SQL = (
    f"SELECT {_CLUSTER_COLUMNS} FROM clusters WHERE size >= ? AND origins >= ? AND outlets >= ? "
    "ORDER BY origins DESC, relays DESC, size DESC, first_seen IS NULL, first_seen, id LIMIT ? OFFSET ?"
)
CLUSTER_MEMBERS_SQL = (
    f"SELECT {_CLAIM_COLUMNS}, d.group_id FROM claim_clusters cc "
    "JOIN claims c ON c.id = cc.claim_id JOIN articles a ON a.id = c.article_id "
    "LEFT JOIN article_duplicates d ON d.article_id = a.id WHERE cc.cluster_id = ? "
    "ORDER BY a.published IS NULL, a.published, a.id, c.start, c.id"
)
#: One row per linked claim for the source records; ``contradicted`` is whether the claim takes
#: part in a contradiction, except as the later, correcting claim of a ``correction``.
SOURCE_LINK_ROWS_SQL = (
    "SELECT c.source_name, c.source_kind, cc.cluster_id, COALESCE(d.group_id, c.article_id), "
    "k.origins, EXISTS (SELECT 1 FROM contradictions x WHERE x.claim_a = c.id "
    "OR (x.claim_b = c.id AND x.kind <> 'correction')) "
    "FROM claims c JOIN claim_clusters cc ON cc.claim_id = c.id "
    "JOIN clusters k ON k.id = cc.cluster_id "
    "LEFT JOIN article_duplicates d ON d.article_id = c.article_id ORDER BY c.pk"
)
GRADES_SQL = "SELECT source, reliability, credibility, set_by, set_at FROM source_grades ORDER BY source"
_LINK_ARTICLE_KEYS = ("id", "outlet", "published", "signature", "group_id")
_SOURCE_LINK_KEYS = ("source", "kind", "cluster_id", "unit", "origins", "contradicted")


def _cluster_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    return dict(zip(CLUSTER_KEYS, row, strict=True))


def link_article_dicts(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Rows of :data:`LINK_ARTICLES_SQL` as ``link_articles`` returns them."""
    return [dict(zip(_LINK_ARTICLE_KEYS, row, strict=True)) for row in rows]


def linkable_claims_sql(condition: str) -> str:
    """:data:`LINKABLE_CLAIMS_SQL` for the claims that meet ``condition`` (on ``c``, the claim)."""
    head, order = LINKABLE_CLAIMS_SQL.rsplit(" ORDER BY ", 1)
    return f"{head} WHERE {condition} ORDER BY {order}"


def linkable_claim(row: tuple[Any, ...]) -> dict[str, Any]:
    """A row of :data:`LINKABLE_CLAIMS_SQL` as a claim dict with its ``cluster_id``."""
    claim = _claim_row(row[:8])
    claim["cluster_id"] = row[8]
    return claim


def cluster_with_members(row: tuple[Any, ...], members: list[tuple[Any, ...]]) -> dict[str, Any]:
    """A cluster summary with its member claims (rows of :data:`CLUSTER_MEMBERS_SQL`)."""
    out = _cluster_dict(row)
    claims = []
    for m in members:
        claim = _claim_row(m[:8])
        claim["duplicate_group"] = m[8]
        claims.append(claim)
    out["claims"] = claims
    return out


def source_link_dicts(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Rows of :data:`SOURCE_LINK_ROWS_SQL` (``contradicted`` as 0/1 whatever the backend's boolean)."""
    return [dict(zip(_SOURCE_LINK_KEYS, (*row[:5], int(row[5])), strict=True)) for row in rows]


def grade_dicts(rows: list[tuple[Any, ...]]) -> dict[str, dict[str, Any]]:
    """Rows of :data:`GRADES_SQL` by source."""
    return {r[0]: {"reliability": r[1], "credibility": r[2], "set_by": r[3], "set_at": r[4]} for r in rows}


#: The totals ``link_counts`` reads, one row each: linked claims; all claims; clusters of two or
#: more claims, those reported by two or more outlets, those with two or more origins; duplicate
#: groups and the articles in them (FILTER needs SQLite 3.30 or PostgreSQL 9.4).
LINK_COUNTS_SQL: tuple[str, ...] = (
    "SELECT COUNT(*) FROM claim_clusters",
    "SELECT COUNT(*) FROM claims",
    "SELECT COUNT(*), COUNT(*) FILTER (WHERE outlets >= 2), COUNT(*) FILTER (WHERE origins >= 2) "
    "FROM clusters WHERE size >= 2",
    "SELECT COUNT(DISTINCT group_id), COUNT(*) FROM article_duplicates",
)
CONTRADICTION_KINDS_SQL = "SELECT kind, COUNT(*) FROM contradictions GROUP BY kind ORDER BY kind"


def link_counts_dict(counts: list[tuple[Any, ...]], kinds: dict[str, int]) -> dict[str, Any]:
    """``link_counts`` from the rows of :data:`LINK_COUNTS_SQL` and the contradictions by kind."""
    (linked,), (total,), (multi, cross, corroborated), (groups, dup_articles) = counts
    return {
        "linked": linked,
        "unlinked": total - linked,
        "clusters": multi,
        "cross_outlet": cross,
        "corroborated": corroborated,
        "contradictions": kinds,
        "duplicate_groups": groups,
        "duplicate_articles": dup_articles,
    }
