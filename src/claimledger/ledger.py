"""The Python API: ``Ledger`` (ingest, query, export) and ``analyze`` (one text, no storage)."""

from __future__ import annotations

import contextlib
import json
import logging
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .collector import collector_paused
from .errors import ClaimLedgerError, ConfigError, InputError, NotFound, StoreError
from .model import AnalyzedDocument, Article, Skip
from .settings import Settings, load_settings
from .storage import Store, export_claims, open_store
from .storage.base import LinkStore

logger = logging.getLogger(__name__)

#: Turns articles into analysed documents, one per article, in order
#: (``claimledger.nlp.pipeline.analyze_articles`` with the loaded model by default).
Analyzer = Callable[[list[Article]], Iterator[AnalyzedDocument]]


@dataclass(frozen=True, slots=True)
class IngestEvent:
    """One step of an ingest, passed to the ``progress`` callback.

    ``kind`` is ``added``, ``duplicate`` or ``skipped``; ``source_path`` names the
    input; ``article_id`` is set for articles; ``reason`` for skips; the counts
    are the running totals after this event.
    """

    kind: str
    source_path: str | None
    article_id: str | None = None
    reason: str | None = None
    claims: int = 0
    seen: int = 0
    added: int = 0
    duplicates: int = 0
    skipped: int = 0


@dataclass(slots=True)
class IngestReport:
    """What an ingest did.

    ``seen`` counts every input document (stored, duplicate or skipped);
    ``skips`` holds the reason for each skipped one.
    """

    seen: int = 0
    added: int = 0
    duplicates: int = 0
    skipped: int = 0
    skips: list[Skip] = field(default_factory=list)
    claims_added: int = 0
    seconds: float = 0.0


@dataclass(slots=True)
class LinkReport:
    """What a ``link`` run did, and the ledger's linking totals afterwards.

    ``articles_hashed`` articles got a MinHash now; ``linked`` claims were
    linked for the first time after ``compared`` candidate comparisons;
    ``contradictions_found`` pairs were found now. The rest are totals after
    the run (see ``SQLiteStore.link_counts``).
    """

    articles_hashed: int = 0
    linked: int = 0
    compared: int = 0
    contradictions_found: int = 0
    clusters: int = 0
    cross_outlet: int = 0
    corroborated: int = 0
    contradictions: dict[str, int] = field(default_factory=dict)
    duplicate_groups: int = 0
    duplicate_articles: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles_hashed": self.articles_hashed,
            "linked": self.linked,
            "compared": self.compared,
            "contradictions_found": self.contradictions_found,
            "clusters": self.clusters,
            "cross_outlet": self.cross_outlet,
            "corroborated": self.corroborated,
            "contradictions": dict(self.contradictions),
            "duplicate_groups": self.duplicate_groups,
            "duplicate_articles": self.duplicate_articles,
            "seconds": round(self.seconds, 3),
        }


class Ledger:
    """A ledger of attributed claims, kept in a database.

    Example::

        with Ledger("claims.db") as ledger:
            report = ledger.ingest(["articles/"])
            for claim in ledger.claims(source="ministry of defence", min_p=0.5):
                print(claim["source"]["name"], claim["text"])

    Args:
        path: the database file; None uses the ``db`` setting (default ``claimledger.db``).
        settings: model, batch size, size limit and cleaning (default: ``load_settings()``).
        analyzer: replaces the spaCy analysis (tests and custom pipelines); it gets a
            list of articles and yields one AnalyzedDocument per article, in order.

    Raises:
        StoreError: the database cannot be opened or is newer than this code.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        settings: Settings | None = None,
        analyzer: Analyzer | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self.path = str(path) if path is not None else self.settings.db
        self.store: Store = open_store(self.path)
        self._analyzer = analyzer

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self.store.close()

    # -- ingest ------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | Path] | str | Path,
        *,
        clean: bool | None = None,
        defaults: dict[str, Any] | None = None,
        progress: Callable[[IngestEvent], None] | None = None,
        workers: int = 1,
        dask: str | None = None,
    ) -> IngestReport:
        """Read, analyse and store documents; already-stored texts are skipped before analysis.

        Args:
            paths: files, folders (read recursively) or ``-`` for standard input.
            clean: clean the text (default: the ``clean`` setting).
            defaults: metadata for documents that lack it (``outlet``, ``published``...).
            progress: called once per document with an :class:`IngestEvent`.
            workers: analysis processes; above 1, that many processes analyse (each
                loads the model once) while this process alone writes, one
                transaction per article, in the order analyses finish.
            dask: analyse on Dask distributed workers instead: ``"local"`` starts a
                LocalCluster of ``workers`` processes (all CPUs when ``workers`` is 1),
                ``"tcp://HOST:PORT"`` uses a running scheduler whose workers have
                claimledger and the model installed. This process still writes alone.

        Returns:
            An :class:`IngestReport`. Unreadable documents, documents whose
            analysis fails and documents the store refuses (an id already taken
            by another text, a failed write) are skipped with a reason, never raised.

        Raises:
            ConfigError: the spaCy model cannot be loaded, or ``dask`` is given but
                Dask distributed is not installed or the scheduler cannot be reached.
            InputError: ``defaults`` is malformed, or ``workers`` is below 1.
            ClaimLedgerError: an analysis process died (out of memory, killed).
        """
        from .ingest import read_inputs

        if isinstance(paths, str | Path):
            paths = [paths]
        items = read_inputs(
            list(paths),
            clean=self.settings.clean if clean is None else clean,
            max_bytes=self.settings.max_document_bytes,
            defaults=defaults,
            min_language_confidence=self.settings.min_language_confidence,
        )
        return self.add_articles(items, progress=progress, workers=workers, dask=dask)

    def add_articles(
        self,
        items: Iterable[Article | Skip],
        *,
        progress: Callable[[IngestEvent], None] | None = None,
        workers: int = 1,
        dask: str | None = None,
    ) -> IngestReport:
        """Analyse and store articles (what :meth:`ingest` does after reading files).

        Args:
            items: articles, and skips to count and report (as ``read_inputs`` yields them).
            progress: called once per item with an :class:`IngestEvent`.
            workers: analysis processes (see :meth:`ingest`); a custom ``analyzer``
                must then be picklable (a module-level function).
            dask: ``"local"`` or a scheduler address (see :meth:`ingest`).

        Returns:
            An :class:`IngestReport`.

        Raises:
            InputError: ``workers`` is below 1.
        """
        if workers < 1:
            raise InputError(f"workers must be at least 1 (got {workers})")
        started = time.perf_counter()
        report = IngestReport()
        pending: list[Article] = []
        # texts read but not yet stored (in parallel mode: until their analysis comes back)
        pending_hashes: set[str] = set()
        batch_size = max(1, self.settings.batch_size)
        pool: AnalysisPool | DaskAnalysisPool | None = None
        if dask:
            pool = DaskAnalysisPool(dask, workers, self.settings, self._analyzer)
            batch_size = min(batch_size, PARALLEL_TASK_SIZE)
        elif workers > 1:
            pool = AnalysisPool(workers, self.settings, self._analyzer)
            batch_size = min(batch_size, PARALLEL_TASK_SIZE)

        def emit(kind: str, source_path: str | None, **kw: Any) -> None:
            if progress is not None:
                progress(
                    IngestEvent(
                        kind,
                        source_path,
                        seen=report.seen,
                        added=report.added,
                        duplicates=report.duplicates,
                        skipped=report.skipped,
                        **kw,
                    )
                )

        def skip(source_path: str, reason: str) -> None:
            report.skipped += 1
            report.skips.append(Skip(source_path, reason))
            logger.info("skipped %s: %s", source_path, reason)
            emit("skipped", source_path, reason=reason)

        def store(results: Iterable[tuple[Article, AnalyzedDocument | Skip]]) -> None:
            for article, result in results:
                pending_hashes.discard(article.content_hash)
                path = article.source_path or article.id
                if isinstance(result, Skip):
                    skip(result.source_path, result.reason)
                    continue
                try:
                    stored = self.store.add_document(result)
                except StoreError as e:
                    skip(path, f"not stored: {e}")
                    continue
                except Exception as e:  # noqa: BLE001 - one bad document must not stop the batch
                    skip(path, f"not stored: {type(e).__name__}: {e}")
                    continue
                if stored:
                    report.added += 1
                    report.claims_added += len(result.claims)
                    emit("added", path, article_id=article.id, claims=len(result.claims))
                else:
                    report.duplicates += 1
                    emit("duplicate", path, article_id=article.id)

        def flush() -> None:
            if not pending:
                return
            if pool is None:
                store(self._analyze_batch(pending))
            else:
                # hands the batch to a worker; stores whatever analyses have come back
                store(pool.submit(list(pending)))
            pending.clear()

        try:
            # 1. read; drop skips and stored or repeated texts before any analysis
            for item in items:
                report.seen += 1
                if isinstance(item, Skip):
                    skip(item.source_path, item.reason)
                    continue
                if item.content_hash in pending_hashes or self.store.has_content_hash(item.content_hash):
                    report.duplicates += 1
                    emit("duplicate", item.source_path, article_id=item.id)
                    continue
                pending.append(item)
                pending_hashes.add(item.content_hash)
                # 2. analyse and store in batches
                if len(pending) >= batch_size:
                    flush()
            flush()
            if pool is not None:
                store(pool.drain())
        finally:
            if pool is not None:
                pool.close()
        report.seconds = time.perf_counter() - started
        return report

    def _analyze_batch(self, batch: list[Article]) -> Iterator[tuple[Article, AnalyzedDocument | Skip]]:
        yield from analyze_batch(batch, self._analyze_fn())

    def _analyze_fn(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = default_analyzer(self.settings)
        return self._analyzer

    # -- queries -----------------------------------------------------------

    def claims(self, **filters: Any) -> list[dict[str, Any]]:
        """Claims matching filters (see :class:`claimledger.storage.Store` for each filter).

        Args:
            filters: source, about, place, since, until, min_p, quote, search,
                article_id, limit (default 100), offset.

        Raises:
            InputError: a malformed filter value.
        """
        return self.store.claims(**filters)

    def claims_json(self, **filters: Any) -> list[str]:
        """:meth:`claims`, each claim as compact JSON text (what the API sends).

        A store that keeps claims as JSON text splices it (no decoding); any other store's
        claims are encoded here, with the same result.

        Raises:
            InputError: a malformed filter value.
        """
        fast = getattr(self.store, "claims_json", None)
        if fast is not None:
            return list(fast(**filters))
        return [
            json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in self.store.claims(**filters)
        ]

    def iter_claims(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Every claim matching the filters (no limit)."""
        return self.store.iter_claims(**filters)

    def claim(self, claim_id: str) -> dict[str, Any]:
        """One claim (with its article) by id or unique id prefix.

        Raises:
            NotFound: no such claim.
        """
        return self.store.claim(claim_id)

    def article(self, article_id: str) -> dict[str, Any]:
        """One article with its text.

        Raises:
            NotFound: no such article.
        """
        return self.store.article(article_id)

    def articles(self, **filters: Any) -> list[dict[str, Any]]:
        """Article metadata (outlet, since, until, limit, offset filters)."""
        return self.store.articles(**filters)

    def stats(self) -> dict[str, Any]:
        """Summary counts (see ``SQLiteStore.stats``)."""
        return self.store.stats()

    def top_sources(self, limit: int = 50) -> list[dict[str, Any]]:
        """The sources with the most claims: ``{"name", "kind", "claims"}``, most claims first.

        Args:
            limit: how many sources to return.
        """
        return list(self.store.stats(top=limit)["top_sources"])  # type: ignore[call-arg]

    def export(self, fmt: str, out: TextIO, **filters: Any) -> int:
        """Write matching claims to ``out`` as ``jsonl``, ``csv`` or ``geojson``.

        Returns:
            The number of claims written.

        Raises:
            InputError: an unknown format or malformed filter.
        """
        return export_claims(self.store.iter_claims(**filters), fmt, out)

    # -- linking across reports (docs/linking.md) --------------------------

    def _link_store(self) -> LinkStore:
        if not isinstance(self.store, LinkStore):
            raise StoreError(
                f"the ledger backend {type(self.store).__name__} does not keep links across reports; "
                "use an SQLite or PostgreSQL ledger"
            )
        return self.store

    def link(self, *, rebuild: bool = False) -> LinkReport:
        """Link claims across articles: near-duplicate articles, clusters, contradictions.

        Only articles and claims not linked before are processed, unless
        ``rebuild`` (which forgets earlier clusters and contradictions and
        links everything again; cluster ids may change then).

        Args:
            rebuild: relink every claim from scratch.

        Returns:
            A :class:`LinkReport`.

        Raises:
            StoreError: the backend cannot keep links, or the write failed.
        """
        return link_ledger(self._link_store(), rebuild=rebuild)

    def clusters(self, **filters: Any) -> list[dict[str, Any]]:
        """Cluster summaries (``min_size``, ``cross_outlet``, ``min_origins``, ``limit``, ``offset``)."""
        return self._link_store().clusters(**filters)

    def cluster(self, cluster_id: str) -> dict[str, Any]:
        """One cluster with its claims (earliest first) and their history.

        Raises:
            NotFound: no such cluster.
        """
        from .linking import claim_history

        cluster = self._link_store().cluster(cluster_id)
        cluster["history"] = claim_history(cluster["claims"])
        return cluster

    def iter_clusters(
        self, *, min_size: int = 2, cross_outlet: bool = False, min_origins: int = 1
    ) -> Iterator[dict[str, Any]]:
        """Every matching cluster as :meth:`cluster` gives it, most independent origins first.

        Read a page of summaries at a time; a link run while this iterates may move
        clusters between pages.
        """
        store = self._link_store()
        offset = 0
        while True:
            page = store.clusters(
                min_size=min_size,
                cross_outlet=cross_outlet,
                min_origins=min_origins,
                limit=_CLUSTER_PAGE,
                offset=offset,
            )
            for summary in page:
                try:
                    yield self.cluster(summary["id"])
                except NotFound:
                    continue  # merged away by a link run since the page was read
            if len(page) < _CLUSTER_PAGE:
                return
            offset += len(page)

    def export_clusters(
        self,
        fmt: str,
        out: TextIO,
        *,
        min_size: int = 2,
        cross_outlet: bool = False,
        min_origins: int = 1,
    ) -> int:
        """Write matching clusters with their reports to ``out`` as ``jsonl`` or ``csv``.

        Returns:
            The number of clusters written.

        Raises:
            InputError: an unknown format, or a minimum below 1.
        """
        from .storage.export import export_clusters

        if min_size < 1 or min_origins < 1:
            raise InputError(f"min_size ({min_size}) and min_origins ({min_origins}) must be at least 1")
        clusters = self.iter_clusters(min_size=min_size, cross_outlet=cross_outlet, min_origins=min_origins)
        return export_clusters(clusters, fmt, out)

    def contradictions(self, **filters: Any) -> list[dict[str, Any]]:
        """Contradictions with both claims (``kind``, ``limit``, ``offset``)."""
        return self._link_store().contradictions(**filters)

    def sources(self) -> list[dict[str, Any]]:
        """Per canonical source: claims made, shares corroborated and contradicted, Admiralty grade."""
        from .linking import source_records

        store = self._link_store()
        grades = store.grades()
        records = source_records(store.source_link_rows())
        for rec in records:
            rec["grade"] = grades.get(rec["source"])
        return records

    def grade(self, source: str, *, reliability: str, credibility: int, set_by: str | None = None) -> None:
        """Set the Admiralty grade (reliability A-F, credibility 1-6) of a source.

        Raises:
            InputError: a grade out of range.
        """
        self._link_store().set_grade(source, reliability=reliability, credibility=credibility, set_by=set_by)

    def history(self, claim_id: str) -> dict[str, Any]:
        """The reports of a claim's cluster in time order (``cluster`` plus ``history``).

        Raises:
            NotFound: no such claim, or it is not linked yet (run :meth:`link`).
        """
        from .errors import NotFound

        store = self._link_store()
        cluster_id = store.cluster_of(claim_id)
        if cluster_id is None:
            raise NotFound(f"claim {claim_id!r} is not linked yet; run `claimledger link` first")
        return self.cluster(cluster_id)


def default_analyzer(settings: Settings) -> Analyzer:
    """The spaCy analysis with the configured model (loaded once per process).

    Raises:
        ConfigError: the model cannot be loaded.
    """
    from .nlp.pipeline import analyze_articles, get_pipeline

    nlp = get_pipeline(settings.model)

    def run(articles: list[Article]) -> Iterator[AnalyzedDocument]:
        return analyze_articles(articles, nlp=nlp, batch_size=settings.batch_size)

    return run


def analyze_batch(
    batch: list[Article], analyzer: Analyzer
) -> Iterator[tuple[Article, AnalyzedDocument | Skip]]:
    """Analyse a batch; when the batch fails, retry the rest one by one and skip the failures.

    Yields:
        (article, document) pairs in order, with a Skip ("analysis failed: ...")
        in place of the document for an article whose analysis raised.

    Raises:
        ConfigError: the model is missing (that is not one document's fault).
    """
    done = 0
    try:
        for doc in analyzer(batch):
            yield batch[done], doc
            done += 1
        return
    except ConfigError:
        raise
    except Exception as e:  # noqa: BLE001 - locate the failing document below
        logger.debug("batch analysis failed after %s documents (%s); retrying one by one", done, e)
    for article in batch[done:]:
        try:
            docs = list(analyzer([article]))
        except ConfigError:
            raise
        except Exception as e:  # noqa: BLE001 - one bad document must not stop the batch
            yield (
                article,
                Skip(article.source_path or article.id, f"analysis failed: {type(e).__name__}: {e}"),
            )
            continue
        if len(docs) != 1:
            yield article, Skip(article.source_path or article.id, "analysis failed: no result")
            continue
        yield article, docs[0]


def analyze_inputs(
    paths: Iterable[str | Path],
    *,
    clean: bool = True,
    defaults: dict[str, Any] | None = None,
    overrides: dict[str, Any] | None = None,
    settings: Settings | None = None,
    analyzer: Analyzer | None = None,
) -> Iterator[AnalyzedDocument | Skip]:
    """Read and analyse documents without storing them (``analyze``/``extract`` commands).

    Args:
        paths: files, folders or ``-``.
        clean: clean the texts.
        defaults: metadata for documents that lack it.
        overrides: metadata that replaces the documents' own (e.g. ``published``).
        settings: model, batch size and size limit.
        analyzer: replaces the spaCy analysis.

    Yields:
        One AnalyzedDocument per readable document, or a Skip with the reason.
    """
    from dataclasses import replace

    from .ingest import read_inputs

    settings = settings or load_settings()
    fn = analyzer or default_analyzer(settings)
    batch: list[Article] = []
    fixed = {k: v for k, v in (overrides or {}).items() if v is not None}
    items = read_inputs(
        list(paths),
        clean=clean,
        max_bytes=settings.max_document_bytes,
        defaults=defaults,
        min_language_confidence=settings.min_language_confidence,
    )
    for item in items:
        if isinstance(item, Skip):
            yield item
            continue
        batch.append(replace(item, **fixed) if fixed else item)
        if len(batch) >= max(1, settings.batch_size):
            yield from (doc for _, doc in analyze_batch(batch, fn))
            batch = []
    if batch:
        yield from (doc for _, doc in analyze_batch(batch, fn))


#: Cluster summaries read per query while exporting clusters.
_CLUSTER_PAGE = 500


def link_ledger(store: LinkStore, *, rebuild: bool = False) -> LinkReport:
    """Run the linking stages over a store (what :meth:`Ledger.link` does).

    Returns:
        A :class:`LinkReport`.

    Raises:
        StoreError: the write failed.
    """
    lock = getattr(store, "link_lock", None)
    with lock() if lock is not None else contextlib.nullcontext(), collector_paused():
        return _link_locked(store, rebuild=rebuild)


def _link_locked(store: LinkStore, *, rebuild: bool) -> LinkReport:
    """:func:`link_ledger` while holding the store's linking lock (where it has one)."""
    from .linking import (
        article_signature,
        find_duplicate_groups,
        link_features,
        signature_from_hex,
        signature_to_hex,
        with_unit,
    )

    started = time.perf_counter()
    report = LinkReport()
    # 1. MinHash new articles; group near-duplicates
    articles = store.link_articles()
    signatures: dict[str, Any] = {}
    fresh: dict[str, str] = {}
    for art in articles:
        if art["signature"]:
            try:
                signatures[art["id"]] = signature_from_hex(art["signature"])
            except ValueError:
                logger.warning("article %s has a malformed stored MinHash; hashing it again", art["id"])
    missing = [a["id"] for a in articles if a["id"] not in signatures]
    for article_id, text in store.article_texts(missing).items():
        sig = article_signature(text)
        if sig is not None:
            signatures[article_id] = sig
            fresh[article_id] = signature_to_hex(sig)
    report.articles_hashed = len(fresh)
    old_groups = {} if rebuild else {a["id"]: a["group_id"] for a in articles if a["group_id"]}
    order = {a["id"]: a["published"] or "9999-99-99" for a in articles}
    groups = find_duplicate_groups(
        signatures, order=order, existing=old_groups, new=None if rebuild else set(fresh)
    )
    # 2. nothing new: keep everything as it is (no claim features, no blocks)
    if not rebuild and not fresh and store.link_counts()["unlinked"] == 0:
        return _finish_link_report(store, report, started)
    # 3. claims: features (read from the store's cache where it keeps one) with the
    #    report unit; earlier clusters
    cache = _LinkCache.read(store, rebuild=rebuild)
    feats = [with_unit(f, groups.get(f.article_id)) for f in cache.features]
    assigned = {} if rebuild else {c: k for c, k in cache.clusters.items() if k}
    regrouped = {a for a, g in groups.items() if old_groups.get(a) != g}
    refresh = [f.id for f in feats if f.article_id in regrouped and f.id in assigned]
    # 4. link and store
    result = link_features(feats, assigned=assigned, refresh=refresh, signatures=cache.signatures)
    store.save_links(
        signatures=fresh,
        duplicates=groups,
        memberships=result.memberships,
        clusters=[c.to_dict() for c in result.clusters],
        removed=result.removed,
        contradictions=[c.to_dict() for c in result.contradictions],
        rebuild=rebuild,
    )
    # after the links: a run killed in between finds these rows missing and computes them again
    cache.write(store, result.signatures, rebuild=rebuild)
    report.linked = result.linked
    report.compared = result.compared
    report.contradictions_found = len(result.contradictions)
    return _finish_link_report(store, report, started)


@dataclass
class _LinkCache:
    """Claims' link features for one run, and what of them to store afterwards.

    A store with ``link_cache_rows``/``save_link_cache`` keeps each claim's features
    (:func:`claimledger.linking.features_to_json`) and text MinHash, so an incremental
    link parses only the claims added since (docs/linking.md "Incremental linking").
    """

    features: list[Any]
    clusters: dict[str, str | None]
    signatures: dict[str, Any] = field(default_factory=dict)
    #: features JSON of every claim, computed now or read (what a cache row is written with)
    encoded: dict[str, str] = field(default_factory=dict)
    #: claims whose features were computed in this run
    computed: set[str] = field(default_factory=set)
    cached: bool = False

    @classmethod
    def read(cls, store: LinkStore, *, rebuild: bool) -> _LinkCache:
        from .linking import FEATURES_VERSION, claim_signature_from_text, features_from_json, features_of

        rows_of = getattr(store, "link_cache_rows", None)
        cached = rows_of is not None and hasattr(store, "save_link_cache")
        if not cached or rebuild:
            # no cache, or a rebuild, which recomputes everything (after an upgrade, or to
            # distrust the cache) and stores it all again
            rows = list(store.linkable_claims())
            out = cls([features_of(r) for r in rows], {r["id"]: r["cluster_id"] for r in rows}, cached=cached)
            out.computed = set(out.clusters) if cached else set()
            return out
        out = cls([], {}, cached=True)
        slots: dict[str, int] = {}
        for row in rows_of():
            claim_id = row["id"]
            out.clusters[claim_id] = row["cluster_id"]
            slots[claim_id] = len(out.features)
            feature = None
            if row["version"] == FEATURES_VERSION and row["features"]:
                try:
                    feature = features_from_json(
                        row["features"],
                        claim_id=claim_id,
                        article_id=row["article_id"],
                        text=row["text"] or "",
                    )
                except ValueError:
                    logger.warning(
                        "claim %s has malformed cached link features; computing them again", claim_id
                    )
            out.features.append(feature)
            if feature is None:
                continue
            out.encoded[claim_id] = row["features"]
            if row["left_out"] is not None:
                try:
                    out.signatures[claim_id] = (
                        row["left_out"],
                        claim_signature_from_text(row["signature"]),
                    )
                except ValueError:
                    logger.warning("claim %s has a malformed cached MinHash; hashing it again", claim_id)
        missing = [c for c, i in slots.items() if out.features[i] is None]
        if missing:
            # new claims, rows of an older features version, a run killed before its cache write
            source = (
                store.linkable_claims(missing) if len(missing) * 2 < len(slots) else store.linkable_claims()
            )
            for r in source:
                i = slots.get(r["id"])
                if i is not None and out.features[i] is None:
                    out.features[i] = features_of(r)
                    out.computed.add(r["id"])
        # a claim deleted between the two reads has no features: leave it out
        out.features = [f for f in out.features if f is not None]
        return out

    def write(self, store: LinkStore, hashed: dict[str, Any], *, rebuild: bool) -> None:
        """Store the features computed and the MinHashes hashed in this run."""
        if not self.cached:
            return
        from .linking import FEATURES_VERSION, claim_signature_to_text, features_to_json

        by_id = {f.id: f for f in self.features} if self.computed else {}
        rows = []
        for claim_id in self.computed | hashed.keys():
            encoded = self.encoded.get(claim_id)
            if encoded is None:
                feature = by_id.get(claim_id)
                if feature is None:
                    continue
                encoded = features_to_json(feature)
            left_out, values = hashed.get(claim_id, (None, None))
            rows.append(
                (
                    claim_id,
                    FEATURES_VERSION,
                    encoded,
                    left_out,
                    claim_signature_to_text(values) if left_out is not None else None,
                )
            )
        if rows or rebuild:
            store.save_link_cache(rows, replace_all=rebuild)  # type: ignore[attr-defined]


def _finish_link_report(store: LinkStore, report: LinkReport, started: float) -> LinkReport:
    """Fill the ledger totals into a link report and time it."""
    counts = store.link_counts()
    report.clusters = counts["clusters"]
    report.cross_outlet = counts["cross_outlet"]
    report.corroborated = counts["corroborated"]
    report.contradictions = counts["contradictions"]
    report.duplicate_groups = counts["duplicate_groups"]
    report.duplicate_articles = counts["duplicate_articles"]
    report.seconds = time.perf_counter() - started
    logger.info("linked %s claims in %.2f s", report.linked, report.seconds)
    return report


# -- parallel analysis (Ledger.add_articles with workers > 1) -----------------

#: Articles per task sent to an analysis process. Small tasks keep the workers
#: evenly loaded on small corpora; 16 costs nothing measurable against nlp.pipe's
#: own batching on CPU (the small English model gains little from bigger batches).
PARALLEL_TASK_SIZE = 16
#: Tasks in flight per worker: one being analysed and one queued, so a worker never
#: waits for the reader while memory stays bounded (whatever the corpus size).
_TASKS_PER_WORKER = 2
_ERROR_CODE = re.compile(r"^\[E\d{3}\] ")
#: Seconds between a worker's checks that its parent still lives.
_PARENT_POLL_S = 1.0

# The analyzer of this worker process, set once by _init_worker.
_worker_analyzer: Analyzer | None = None
_worker_error: str | None = None


def _init_worker(settings: Settings, analyzer: Analyzer | None) -> None:
    """Worker start-up: watch the parent, load the pipeline once (or keep the ConfigError)."""
    global _worker_analyzer, _worker_error
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    try:
        _worker_analyzer = analyzer or default_analyzer(settings)
    except ConfigError as e:
        _worker_error = _ERROR_CODE.sub("", str(e))


def _exit_with_parent(parent: int) -> None:
    """End this worker once its parent is gone (killed ingests must not leave workers behind)."""
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_S)
    os._exit(1)


def _analyze_task(batch: list[Article]) -> tuple[str, Any]:
    """Worker task: ``("ok", [document or Skip per article])`` or ``("config", message)``."""
    if _worker_analyzer is None:
        return "config", _worker_error or "the analysis process has no pipeline"
    try:
        return "ok", [result for _, result in analyze_batch(batch, _worker_analyzer)]
    except ConfigError as e:
        return "config", _ERROR_CODE.sub("", str(e))


class AnalysisPool:
    """Analysis processes (spawned, each loading the pipeline once) fed a bounded number of tasks.

    Articles go to the workers and AnalyzedDocuments (picklable frozen dataclasses)
    come back; no spaCy object crosses a process boundary. At most
    ``workers * 2`` tasks are in flight, so memory does not grow with the corpus.

    Args:
        workers: number of processes.
        settings: model and batch settings for each worker's pipeline.
        analyzer: a picklable analyzer to use instead of the spaCy pipeline.
    """

    def __init__(self, workers: int, settings: Settings, analyzer: Analyzer | None = None) -> None:
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            # spawn: fresh interpreters, no forked locks or model state (and works everywhere)
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(settings, analyzer),
        )
        self._limit = workers * _TASKS_PER_WORKER
        self._running: dict[Future[tuple[str, Any]], list[Article]] = {}

    def submit(self, batch: list[Article]) -> list[tuple[Article, AnalyzedDocument | Skip]]:
        """Queue a batch; waits while the queue is full and returns the analyses finished meanwhile.

        Raises:
            ConfigError: a worker cannot load the model.
            ClaimLedgerError: a worker process died.
        """
        self._running[self._executor.submit(_analyze_task, batch)] = batch
        done: list[tuple[Article, AnalyzedDocument | Skip]] = []
        while len(self._running) >= self._limit:
            done += self._collect()
        return done

    def drain(self) -> Iterator[tuple[Article, AnalyzedDocument | Skip]]:
        """Every remaining analysis, as tasks finish."""
        while self._running:
            yield from self._collect()

    def _collect(self) -> list[tuple[Article, AnalyzedDocument | Skip]]:
        finished, _ = wait(self._running, return_when=FIRST_COMPLETED)
        out: list[tuple[Article, AnalyzedDocument | Skip]] = []
        for future in finished:
            batch = self._running.pop(future)
            try:
                status, payload = future.result()
            except BrokenProcessPool as e:
                raise ClaimLedgerError(
                    f"an analysis process died ({e}); run the ingest again (stored articles are "
                    "skipped), with fewer --workers if memory ran out"
                ) from e
            if status == "config":
                raise ConfigError(payload)
            out += zip(batch, payload, strict=True)
        return out

    def close(self) -> None:
        """Stop the workers (queued tasks are cancelled)."""
        self._executor.shutdown(wait=True, cancel_futures=True)


def _dask_analyze(batch: list[Article], settings: Settings, analyzer: Analyzer | None) -> tuple[str, Any]:
    """Dask task: analyse a batch with this worker's pipeline (loaded on first use, then cached)."""
    try:
        fn = analyzer or default_analyzer(settings)
        return "ok", [result for _, result in analyze_batch(batch, fn)]
    except ConfigError as e:
        return "config", _ERROR_CODE.sub("", str(e))


class DaskAnalysisPool:
    """Analysis on Dask distributed workers, with the same bounded submit/drain as :class:`AnalysisPool`.

    Args:
        address: ``"local"`` (start a LocalCluster of worker processes) or a scheduler
            address such as ``"tcp://10.0.0.5:8786"``.
        workers: LocalCluster size (1 means one process per CPU); ignored for an address.
        settings: model and batch settings for the workers' pipelines.
        analyzer: a picklable analyzer to use instead of the spaCy pipeline.

    Raises:
        ConfigError: Dask distributed is not installed, or the scheduler cannot be reached.
    """

    def __init__(
        self, address: str, workers: int, settings: Settings, analyzer: Analyzer | None = None
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as e:
            raise ConfigError(
                "--dask needs Dask distributed; install it with `pip install 'claimledger[dask]'`"
            ) from e
        self._settings = settings
        self._analyzer = analyzer
        self._cluster: Any = None
        try:
            if address == "local":
                self._cluster = LocalCluster(
                    n_workers=workers if workers > 1 else (os.cpu_count() or 1),
                    threads_per_worker=1,  # spaCy is CPU-bound: one process per core
                    processes=True,
                    dashboard_address=None,
                )
                self._client = Client(self._cluster)
            else:
                self._client = Client(address, timeout=30)
        except OSError as e:
            if self._cluster is not None:
                self._cluster.close()
            raise ConfigError(
                f"cannot reach the Dask scheduler at {address} ({e}); start one with `dask scheduler` "
                "and workers with `dask worker ADDRESS`, or use --dask local"
            ) from e
        n_workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        self._limit = n_workers * _TASKS_PER_WORKER
        self._running: dict[Any, list[Article]] = {}

    def submit(self, batch: list[Article]) -> list[tuple[Article, AnalyzedDocument | Skip]]:
        """Queue a batch; waits while the queue is full and returns the analyses finished meanwhile.

        Raises:
            ConfigError: a worker cannot load the model.
            ClaimLedgerError: a task failed on the cluster (a worker died).
        """
        future = self._client.submit(_dask_analyze, batch, self._settings, self._analyzer, pure=False)
        self._running[future] = batch
        done: list[tuple[Article, AnalyzedDocument | Skip]] = []
        while len(self._running) >= self._limit:
            done += self._collect()
        return done

    def drain(self) -> Iterator[tuple[Article, AnalyzedDocument | Skip]]:
        """Every remaining analysis, as tasks finish."""
        while self._running:
            yield from self._collect()

    def _collect(self) -> list[tuple[Article, AnalyzedDocument | Skip]]:
        from distributed import wait as dask_wait

        finished = dask_wait(list(self._running), return_when="FIRST_COMPLETED").done
        out: list[tuple[Article, AnalyzedDocument | Skip]] = []
        for future in finished:
            batch = self._running.pop(future)
            try:
                status, payload = future.result()
            except Exception as e:  # noqa: BLE001 - KilledWorker, lost connection...
                raise ClaimLedgerError(
                    f"a Dask analysis task failed ({type(e).__name__}: {e}); run the ingest again "
                    "(stored articles are skipped)"
                ) from e
            finally:
                future.release()
            if status == "config":
                raise ConfigError(payload)
            out += zip(batch, payload, strict=True)
        return out

    def close(self) -> None:
        """Cancel what is queued, disconnect, and stop a LocalCluster this pool started."""
        if self._running:
            self._client.cancel(list(self._running))
            self._running.clear()
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
