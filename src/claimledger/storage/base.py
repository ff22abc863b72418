"""The Store protocol every ledger backend (SQLite now, PostgreSQL later) implements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol, runtime_checkable

from ..model import AnalyzedDocument

#: The quote values a claim may have (OUTPUT.md); the ``quote`` filter accepts these.
QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "mixed", "none")

#: Names of the filters ``claims``/``iter_claims`` accept (the CLI and API mirror them).
CLAIM_FILTERS: tuple[str, ...] = (
    "source",
    "about",
    "place",
    "since",
    "until",
    "min_p",
    "quote",
    "search",
    "article_id",
)


@runtime_checkable
class Store(Protocol):
    """A ledger of analysed articles and their claims.

    Claim dicts have the OUTPUT.md claim shape plus the claim's article
    (``Article.to_dict()`` shape) under ``"article"``.

    Filters (all optional, combined with AND):

    - ``source``: case-insensitive substring of the canonical source name.
    - ``about``: an entity, event actor or target, or the source, whose name is
      or contains these words (case-insensitive, whole words).
    - ``place``: a place name or the place text as written (case-insensitive).
    - ``since``/``until``: ISO dates (YYYY, YYYY-MM or YYYY-MM-DD), inclusive;
      compared with the claim's resolved time intervals when it has some, else
      with the article's published date.
    - ``min_p``: the stance's lower probability is at least this.
    - ``quote``: one of :data:`QUOTE_TYPES`.
    - ``search``: words to find in claim text, sentence or source name; any
      string is safe (each word is quoted), a trailing ``*`` is a prefix search.
    - ``article_id``: claims of one article.
    """

    def add_document(self, doc: AnalyzedDocument) -> bool:
        """Store an article and its claims in one transaction.

        Returns:
            True when stored; False when an article with the same content hash is
            already there (re-ingesting is a no-op).

        Raises:
            StoreError: the article id is taken by different content, or the write failed.
        """
        ...

    def has_content_hash(self, content_hash: str) -> bool:
        """Whether an article with this content hash is stored."""
        ...

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
        """Claims matching the filters, newest article first.

        Raises:
            InputError: a filter value is malformed (bad date, unknown quote type...).
        """
        ...

    def iter_claims(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Every claim matching the filters (no limit), for exports."""
        ...

    def claim(self, claim_id: str) -> dict[str, Any]:
        """One claim by id (or by a unique id prefix).

        Raises:
            NotFound: no claim has this id, or the prefix is ambiguous.
        """
        ...

    def article(self, article_id: str) -> dict[str, Any]:
        """One article: metadata, ``text``, ``source_path``, ``ingested_at``, ``claims`` (count).

        Raises:
            NotFound: no article has this id.
        """
        ...

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Article metadata (no text) with claim counts, newest first."""
        ...

    def stats(self) -> dict[str, Any]:
        """Counts: articles, claims, sources, hedged claims, places, quote types, date range."""
        ...

    def close(self) -> None:
        """Release the connection; the store is unusable afterwards."""
        ...


@runtime_checkable
class LinkStore(Protocol):
    """A store that also keeps the links across reports (claimledger.linking, docs/linking.md).

    Kept apart from :class:`Store` so a backend can be added before it supports
    linking; ``SQLiteStore`` implements both.

    Optional, for incremental runs that read each claim's link features instead of
    computing them again (docs/linking.md "Incremental linking"; both stores have them):
    ``linkable_claims(ids)``, ``link_cache_rows()`` and
    ``save_link_cache(rows, *, replace_all=False)``. A store without them is linked by
    computing every claim's features on every run, with the same result.
    """

    def link_articles(self) -> list[dict[str, Any]]:
        """Every article's ``id``, ``outlet``, ``published``, stored ``signature`` and ``group_id``."""
        ...

    def article_texts(self, article_ids: list[str]) -> dict[str, str]:
        """Texts of these articles by id."""
        ...

    def linkable_claims(self) -> Iterator[dict[str, Any]]:
        """Every claim with its article and ``cluster_id`` (None when not yet linked)."""
        ...

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

        Raises:
            StoreError: the write failed.
        """
        ...

    def clusters(
        self,
        *,
        min_size: int = 2,
        cross_outlet: bool = False,
        min_origins: int = 1,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Cluster summaries, most independent origins first."""
        ...

    def cluster(self, cluster_id: str) -> dict[str, Any]:
        """One cluster with its member claims.

        Raises:
            NotFound: no such cluster.
        """
        ...

    def cluster_of(self, claim_id: str) -> str | None:
        """The cluster id of a claim, None when not linked.

        Raises:
            NotFound: no such claim.
        """
        ...

    def contradictions(
        self, *, kind: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Stored contradictions with both claims."""
        ...

    def source_link_rows(self) -> list[dict[str, Any]]:
        """One row per linked claim for source records."""
        ...

    def link_counts(self) -> dict[str, Any]:
        """Linking totals."""
        ...

    def set_grade(
        self, source: str, *, reliability: str, credibility: int, set_by: str | None = None
    ) -> None:
        """Record an Admiralty grade for a source.

        Raises:
            InputError: a grade outside A-F / 1-6.
        """
        ...

    def grades(self) -> dict[str, dict[str, Any]]:
        """Admiralty grades by source."""
        ...
