"""The Python API: ``Ledger`` (ingest, query, export) and ``analyze`` (one text, no storage)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .errors import ConfigError, StoreError
from .model import AnalyzedDocument, Article, Skip
from .settings import Settings, load_settings
from .storage import Store, export_claims, open_store

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
    ) -> IngestReport:
        """Read, analyse and store documents; already-stored texts are skipped before analysis.

        Args:
            paths: files, folders (read recursively) or ``-`` for standard input.
            clean: clean the text (default: the ``clean`` setting).
            defaults: metadata for documents that lack it (``outlet``, ``published``...).
            progress: called once per document with an :class:`IngestEvent`.

        Returns:
            An :class:`IngestReport`. Unreadable documents, documents whose
            analysis fails and documents the store refuses (an id already taken
            by another text, a failed write) are skipped with a reason, never raised.

        Raises:
            ConfigError: the spaCy model cannot be loaded.
            InputError: ``defaults`` is malformed.
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
        return self.add_articles(items, progress=progress)

    def add_articles(
        self,
        items: Iterable[Article | Skip],
        *,
        progress: Callable[[IngestEvent], None] | None = None,
    ) -> IngestReport:
        """Analyse and store articles (what :meth:`ingest` does after reading files).

        Args:
            items: articles, and skips to count and report (as ``read_inputs`` yields them).
            progress: called once per item with an :class:`IngestEvent`.

        Returns:
            An :class:`IngestReport`.
        """
        started = time.perf_counter()
        report = IngestReport()
        pending: list[Article] = []
        pending_hashes: set[str] = set()
        batch_size = max(1, self.settings.batch_size)

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

        def flush() -> None:
            if not pending:
                return
            for article, result in self._analyze_batch(pending):
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
            pending.clear()
            pending_hashes.clear()

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

    def export(self, fmt: str, out: TextIO, **filters: Any) -> int:
        """Write matching claims to ``out`` as ``jsonl``, ``csv`` or ``geojson``.

        Returns:
            The number of claims written.

        Raises:
            InputError: an unknown format or malformed filter.
        """
        return export_claims(self.store.iter_claims(**filters), fmt, out)


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
