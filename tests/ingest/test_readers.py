"""Tests for claimledger.ingest.readers.read_inputs: formats, skips, folders, stdin."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from claimledger.errors import InputError
from claimledger.ingest.readers import NOT_DECODED, read_inputs
from claimledger.model import Article, Skip

RESOURCES = Path(__file__).parent.parent / "resources" / "ingest"


def read_one(path: str | Path, **kwargs: object) -> Article | Skip:
    """The single item read from one input."""
    items = list(read_inputs([path], **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def articles(items: list[Article | Skip]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def skips(items: list[Article | Skip]) -> list[Skip]:
    return [item for item in items if isinstance(item, Skip)]


# --- formats -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "outlet", "published", "url", "text_start"),
    [
        (
            "teaser.txt",
            "Port Town Braces For Storm As Ferry Services Halt, Officials Say",
            None,
            None,
            None,
            "Ferry services across the bay were suspended",
        ),
        ("crlf.txt", "Dam Repairs Begin", None, None, None, "Engineers began repairs"),
        ("untitled.txt", None, None, None, None, "The council said on Friday"),
        ("notes.md", "Grain Exports Resume", None, None, None, "Ships carrying grain"),
        ("latin1.txt", None, None, None, None, "Caf\u00e9 owners in the old town"),
        (
            "page.html",
            "Drones hit fuel depot, governor says",
            "Harbour Times",
            "2023-03-24",
            "https://harbour-times.example/news/drones-fuel-depot",
            "Several drones struck a fuel depot",
        ),
        ("latin1.html", "Caf\u00e9", None, None, None, "The mayor of the town met reporters at the café"),
        ("single.json", None, "Valley Post", None, None, "The regional governor said"),
    ],
)
def test_read_inputs_reads_single_document_formats(
    name: str, title: str | None, outlet: str | None, published: str | None, url: str | None, text_start: str
) -> None:
    article = read_one(RESOURCES / name)
    assert isinstance(article, Article)
    assert (article.title, article.outlet, article.published, article.url) == (title, outlet, published, url)
    assert article.text.startswith(text_start)
    assert article.language == "en"
    assert article.source_path == str(RESOURCES / name)
    assert article.content_hash == "sha256:" + hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def test_read_inputs_html_drops_navigation_and_repeated_headline() -> None:
    article = read_one(RESOURCES / "page.html")
    assert isinstance(article, Article)
    assert "Home" not in article.text and "Copyright" not in article.text
    assert not article.text.startswith("Drones hit fuel depot")
    assert '"Emergency crews put out the fire within two hours,"' in article.text
    assert "\n\n" in article.text  # paragraphs stay paragraphs


def test_read_inputs_json_list_gives_one_article_per_record() -> None:
    items = list(read_inputs([RESOURCES / "records.json"]))
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.outlet, first.published, first.url) == (
        "rec-1",
        "Ceasefire talks",
        "Daily Ledger",
        "2023-03-24",
        "https://ledger.example/talks",
    )
    assert first.source_path == f"{RESOURCES / 'records.json'}#0"
    assert second.published == "2023-03-25"  # from "date"
    assert second.text.startswith("The ministry said a second round")  # from "body"
    assert second.id.startswith("records-")


def test_read_inputs_jsonl_bad_lines_skip_and_others_go_on() -> None:
    items = list(read_inputs([RESOURCES / "records.jsonl"]))
    source = str(RESOURCES / "records.jsonl")
    assert [a.id for a in articles(items)] == ["a1", "a4"]
    assert [(s.source_path, s.reason.split(":")[0:2]) for s in skips(items)] == [
        (f"{source}#2", ["malformed JSON", " line 3"]),
        (f"{source}#3", ["malformed JSON", " line 4"]),
        (f"{source}#5", ["empty"]),
    ]
    assert skips(items)[1].reason == "malformed JSON: line 4: expected an object, got array"
    html_article = articles(items)[1]
    assert html_article.outlet == "City Desk"
    assert html_article.text.startswith("The mayor said the shelters were open")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "feed.rss",
            [
                ("Storm closes port", "https://wire.example/storm", "2023-03-24", "The port authority said"),
                ("Bridge reopens", "https://wire.example/bridge", "2023-03-25", "The city council said"),
            ],
        ),
        ("feed.atom", [("Aid convoy arrives", "https://valley.example/aid", "2023-03-24", "An aid convoy")]),
    ],
)
def test_read_inputs_feed_gives_one_article_per_entry(
    name: str, expected: list[tuple[str, str, str, str]]
) -> None:
    found = articles(list(read_inputs([RESOURCES / name])))
    got = [(a.title, a.url, a.published, a.text[: len(e[3])]) for a, e in zip(found, expected, strict=True)]
    assert got == expected
    assert {a.outlet for a in found} == ({"Harbour Wire"} if name == "feed.rss" else {"Valley Post"})
    assert all(a.source_path and a.source_path.startswith(f"{RESOURCES / name}#") for a in found)


def test_read_inputs_feed_entry_without_content_is_skipped_empty() -> None:
    items = list(read_inputs([RESOURCES / "feed.rss"]))
    assert skips(items) == [Skip(f"{RESOURCES / 'feed.rss'}#2", "empty")]


def test_read_inputs_sniffs_feed_in_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "wire.feed"
    shutil.copy(RESOURCES / "feed.atom", path)
    assert [a.title for a in articles(list(read_inputs([path])))] == ["Aid convoy arrives"]


@pytest.mark.parametrize(
    ("content", "suffix", "title"),
    [
        ((RESOURCES / "page.html").read_bytes(), ".page", "Drones hit fuel depot, governor says"),
        ((RESOURCES / "single.json").read_bytes(), ".dat", None),
        (b"Headline Here\n\nThe governor said the roads were closed.\n", ".log", "Headline Here"),
    ],
)
def test_read_inputs_sniffs_unknown_extensions(
    tmp_path: Path, content: bytes, suffix: str, title: str | None
) -> None:
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(content)
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.title == title


# --- skips ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("image.png", "unsupported file type (.png)"),
        ("cp1251.txt", NOT_DECODED),
        ("russian.txt", "language ru"),
    ],
)
def test_read_inputs_skips_with_reason(name: str, reason: str) -> None:
    assert read_one(RESOURCES / name) == Skip(str(RESOURCES / name), reason)


@pytest.mark.parametrize(
    ("name", "content", "prefix"),
    [
        ("bad.json", b'{"id": 1, "text": "unterminated', "malformed JSON: Unterminated string"),
        ("shape.json", b'"just a string"', "malformed JSON: expected an object, got string"),
        ("notext.json", b'{"id": 1, "title": "x"}', "malformed JSON: no text, body, content or html field"),
        ("badtext.json", b'{"text": 42}', "malformed JSON: text is number, not a string"),
        ("broken.rss", (RESOURCES / "broken.rss").read_bytes(), "malformed feed: "),
        ("notafeed.xml", b"just words, no markup at all", "malformed feed: "),
        ("comment.html", b"<!-- nothing but a comment -->", "malformed HTML: "),
        ("blank.html", b"<html><body><script>var a = 1;</script></body></html>", "empty"),
        ("boilerplate.txt", b"Advertisement\n\nShare this article\n", "empty"),
        ("list.json", b"[]", "empty"),
    ],
)
def test_read_inputs_skips_malformed_input(tmp_path: Path, name: str, content: bytes, prefix: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    item = read_one(path)
    assert isinstance(item, Skip)
    assert item.source_path == str(path)
    assert item.reason.startswith(prefix)
    assert "\n" not in item.reason


def test_read_inputs_skips_too_large_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"The ministry said the talks had failed. " * 200_000)  # 8 MB
    assert read_one(path, max_bytes=5_000_000) == Skip(str(path), "too large (8 MB > 5 MB)")


def test_read_inputs_jsonl_checks_size_per_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    long_text = "The ministry said the talks had failed. " * 50
    lines = [
        {"id": "short", "text": "The army said the bridge had been destroyed overnight."},
        {"id": "long", "text": long_text},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    items = list(read_inputs([path], max_bytes=500))
    assert [a.id for a in articles(items)] == ["short"]
    assert [s.source_path for s in skips(items)] == [f"{path}#1"]
    assert skips(items)[0].reason.startswith("too large (")


def test_read_inputs_missing_file_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    item = read_one(path)
    assert isinstance(item, Skip)
    assert item.reason.startswith("unreadable: ") and "No such file" in item.reason


def test_read_inputs_low_confidence_foreign_text_is_kept_as_english() -> None:
    article = read_one(RESOURCES / "russian.txt", min_language_confidence=1.01)
    assert isinstance(article, Article)
    assert article.language == "en"


# --- batches and folders -------------------------------------------------------------------------------


def test_read_inputs_batch_with_bad_file_in_middle_goes_on(tmp_path: Path) -> None:
    shutil.copy(RESOURCES / "untitled.txt", tmp_path / "a.txt")
    shutil.copy(RESOURCES / "binary.txt", tmp_path / "b.txt")
    shutil.copy(RESOURCES / "crlf.txt", tmp_path / "c.txt")
    items = list(read_inputs([tmp_path]))
    assert [type(item).__name__ for item in items] == ["Article", "Skip", "Article"]
    assert items[1] == Skip(str(tmp_path / "b.txt"), "binary")
    assert [a.source_path for a in articles(items)] == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]


def test_read_inputs_walks_folders_sorted_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    shutil.copy(RESOURCES / "untitled.txt", tmp_path / "sub" / "b.txt")
    shutil.copy(RESOURCES / "crlf.txt", tmp_path / "a.txt")
    shutil.copy(RESOURCES / "notes.md", tmp_path / "z.md")
    shutil.copy(RESOURCES / "notes.md", tmp_path / ".secret.md")
    shutil.copy(RESOURCES / "notes.md", tmp_path / ".hidden" / "c.md")
    found = [item.source_path for item in read_inputs([tmp_path])]
    assert found == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt"), str(tmp_path / "z.md")]


def test_read_inputs_is_lazy(tmp_path: Path) -> None:
    shutil.copy(RESOURCES / "untitled.txt", tmp_path / "a.txt")
    stream = read_inputs([tmp_path / "a.txt", tmp_path / "missing.txt"])
    assert isinstance(next(stream), Article)  # nothing after the first file was touched yet
    (tmp_path / "missing.txt").write_text("Late Headline\n\nThe governor said the road was open.\n")
    second = next(stream)
    assert isinstance(second, Article) and second.title == "Late Headline"


def test_read_inputs_accepts_single_path(tmp_path: Path) -> None:
    assert isinstance(next(read_inputs(RESOURCES / "untitled.txt")), Article)


# --- options -------------------------------------------------------------------------------------------


def test_read_inputs_no_clean_keeps_file_content_exactly() -> None:
    raw = (RESOURCES / "teaser.txt").read_text(encoding="utf-8")
    article = read_one(RESOURCES / "teaser.txt", clean=False)
    assert isinstance(article, Article)
    assert article.text == raw
    assert article.title == "Port Town Braces For Storm As Ferry Services Halt, Officials Say"


def test_read_inputs_no_clean_keeps_crlf() -> None:
    article = read_one(RESOURCES / "crlf.txt", clean=False)
    assert isinstance(article, Article)
    assert article.text == (RESOURCES / "crlf.txt").read_bytes().decode("utf-8")
    assert "\r\n" in article.text


def test_read_inputs_clean_and_no_clean_hash_differently() -> None:
    cleaned = read_one(RESOURCES / "teaser.txt")
    verbatim = read_one(RESOURCES / "teaser.txt", clean=False)
    assert isinstance(cleaned, Article) and isinstance(verbatim, Article)
    assert cleaned.content_hash != verbatim.content_hash
    assert cleaned.id != verbatim.id


def test_read_inputs_defaults_fill_missing_metadata_only() -> None:
    defaults = {"outlet": "Fallback Desk", "published": "1 April 2023"}
    text_article = read_one(RESOURCES / "untitled.txt", defaults=defaults)
    page_article = read_one(RESOURCES / "page.html", defaults=defaults)
    assert isinstance(text_article, Article) and isinstance(page_article, Article)
    assert (text_article.outlet, text_article.published) == ("Fallback Desk", "2023-04-01")
    assert (page_article.outlet, page_article.published) == ("Harbour Times", "2023-03-24")


@pytest.mark.parametrize(
    ("defaults", "match"), [({"published": "someday"}, "YYYY-MM-DD"), ({"author": "x"}, "unknown defaults")]
)
def test_read_inputs_bad_defaults_raise(defaults: dict[str, str], match: str) -> None:
    with pytest.raises(InputError, match=match):
        list(read_inputs([RESOURCES / "untitled.txt"], defaults=defaults))


def test_read_inputs_ids_are_stable() -> None:
    first = [item.id for item in articles(list(read_inputs([RESOURCES])))]
    second = [item.id for item in articles(list(read_inputs([RESOURCES])))]
    assert first == second
    assert len(set(first)) == len(first)


# --- standard input ------------------------------------------------------------------------------------


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_read_inputs_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, (RESOURCES / "teaser.txt").read_bytes())
    article = read_one("-")
    assert isinstance(article, Article)
    assert article.source_path == "-"
    assert article.id.startswith("stdin-")
    assert article.title == "Port Town Braces For Storm As Ferry Services Halt, Officials Say"


def test_read_inputs_stdin_jsonl_streams_records(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, (RESOURCES / "records.jsonl").read_bytes())
    items = list(read_inputs(["-"]))
    assert [a.id for a in articles(items)] == ["a1", "a4"]
    assert [s.source_path for s in skips(items)] == ["-#2", "-#3", "-#5"]


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("page.html", "Drones hit fuel depot, governor says"),
        ("feed.atom", "Aid convoy arrives"),
        ("records.json", "Ceasefire talks"),
    ],
)
def test_read_inputs_stdin_sniffs_format(monkeypatch: pytest.MonkeyPatch, name: str, title: str) -> None:
    fake_stdin(monkeypatch, (RESOURCES / name).read_bytes())
    assert articles(list(read_inputs(["-"])))[0].title == title


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"The ministry said the talks had failed. " * 30, "too large (1200 bytes > 1000 bytes)"),
        ((RESOURCES / "image.png").read_bytes()[:500], "unsupported file type"),
        (b"", "empty"),
    ],
)
def test_read_inputs_stdin_skips(monkeypatch: pytest.MonkeyPatch, data: bytes, reason: str) -> None:
    fake_stdin(monkeypatch, data)
    assert read_one("-", max_bytes=1000) == Skip("-", reason)


def test_read_inputs_stdin_without_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Headline Here\n\nThe governor said the roads reopened.\n"))
    article = read_one("-")
    assert isinstance(article, Article) and article.title == "Headline Here"


def test_read_inputs_json_lines_in_json_file_are_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    shutil.copy(RESOURCES / "records.jsonl", path)
    items = list(read_inputs([path]))
    assert [a.id for a in articles(items)] == ["a1", "a4"]
    assert [s.source_path for s in skips(items)] == [f"{path}#2", f"{path}#3", f"{path}#5"]


def test_read_inputs_record_text_file_is_read_beside_the_record(tmp_path: Path) -> None:
    shutil.copy(RESOURCES / "teaser.txt", tmp_path / "story.txt")
    title = "Port Town Braces For Storm As Ferry Services Halt, Officials Say"
    record = {"id": "s", "title": title, "outlet": "Bay", "published": "2023-03-21", "text_file": "story.txt"}
    (tmp_path / "story.json").write_text(json.dumps(record), encoding="utf-8")
    cleaned = read_one(tmp_path / "story.json")
    verbatim = read_one(tmp_path / "story.json", clean=False)
    assert isinstance(cleaned, Article) and isinstance(verbatim, Article)
    assert (cleaned.id, cleaned.title, cleaned.outlet, cleaned.published) == ("s", title, "Bay", "2023-03-21")
    assert cleaned.text.startswith("Ferry services across the bay were suspended")  # no headline, teasers
    assert verbatim.text == (RESOURCES / "teaser.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text_file", "reason"),
    [
        ("missing.txt", "unreadable: "),
        ("../outside.txt", "unreadable: text_file"),
        ("/etc/hostname", "unreadable: text_file"),
    ],
)
def test_read_inputs_record_text_file_errors_skip(tmp_path: Path, text_file: str, reason: str) -> None:
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"id": "story", "text_file": text_file}), encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, Skip)
    assert item.source_path == str(path)
    assert item.reason.startswith(reason)


def test_read_inputs_stdin_missing_is_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    item = read_one("-")
    assert isinstance(item, Skip) and item.reason.startswith("unreadable: ")
