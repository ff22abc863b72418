"""The one-call Python API: analyse a text and get the OUTPUT.md shape back."""

from __future__ import annotations

from .model import AnalyzedDocument


def analyze(
    text: str,
    *,
    published: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,
    clean: bool = True,
    model: str = "",
) -> AnalyzedDocument:
    """Analyse one article's text.

    Args:
        text: the article text (plain text; use the CLI or ``Ledger.ingest`` for HTML and feeds).
        published: publication date (YYYY-MM-DD) that relative dates are resolved against; without
            it they stay unresolved (never resolved against today).
        outlet: the publishing outlet, the outermost link of every claim's chain.
        title, url, id: article metadata; the id defaults to one derived from the content hash.
        clean: normalise the text first (quotes, whitespace, repeated lines); ``False`` keeps it
            verbatim so offsets match an external annotation.
        model: spaCy model package; empty picks en_core_web_sm or its re-upload.

    Returns:
        AnalyzedDocument: ``.to_dict()`` gives the ``claimledger analyze`` JSON.

    Raises:
        InputError: the text is empty.
        ConfigError: no spaCy model is installed.
    """
    from .ingest import make_article
    from .nlp.pipeline import analyze_articles, get_pipeline

    article = make_article(text, title=title, outlet=outlet, published=published, url=url, id=id, clean=clean)
    return next(analyze_articles([article], nlp=get_pipeline(model)))
