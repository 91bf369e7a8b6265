"""kg.ingest: files and folders in, Article values out; page furniture blanked in place."""

from __future__ import annotations

import json
import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from kg.errors import IngestError
from kg.ingest import article_from_text, read_article, read_articles, strip_furniture

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED = FIXTURES / "seed-niger-russia-trainers.txt"
SEED_BODY = "Russian military trainers arrived in Niger on Wednesday"
FUTURE = (date.today() + timedelta(days=10)).isoformat()

BODY = (
    "Russian military trainers arrived in Niger on Wednesday, state television said. "
    "They brought air-defence equipment with them."
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_all(*paths: Path | str, **kwargs) -> tuple[list, list[IngestError]]:
    errors: list[IngestError] = []
    articles = list(read_articles(paths, errors=errors, **kwargs))
    return articles, errors


# --------------------------------------------------------------------------------------------
# Text files and their metadata
# --------------------------------------------------------------------------------------------


def test_txt_with_sidecar_meta(tmp_path):
    path = write(tmp_path, "niger-1.txt", BODY)
    write(
        tmp_path,
        "niger-1.meta.json",
        json.dumps(
            {
                "published": "2024-04-12",
                "url": "https://ex.com/a",
                "title": "Trainers arrive",
                "source": "RTN",
            }
        ),
    )
    [article] = read_articles([tmp_path])
    assert article.id == "niger-1"
    assert article.text == BODY
    assert article.published == date(2024, 4, 12)
    assert (article.url, article.title, article.source) == ("https://ex.com/a", "Trainers arrive", "RTN")
    assert article.path == str(path)


def test_sidecar_id_overrides_the_file_stem(tmp_path):
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "a.meta.json", '{"id": "  gold-7 \\n"}')
    assert read_article(tmp_path / "a.txt").id == "gold-7"


def test_front_matter_is_metadata_and_keeps_offsets(tmp_path):
    content = (
        "---\nid: 0042\npublished: 2024-03-17\ntitle: Niger revokes US access\nsource: Reuters\n---\n" + BODY
    )
    write(tmp_path, "fm.md", content)
    article = read_article(tmp_path / "fm.md")
    assert article.id == "0042"  # a string, not YAML's octal 34
    assert article.published == date(2024, 3, 17)
    assert (article.title, article.source) == ("Niger revokes US access", "Reuters")
    assert len(article.text) == len(content)
    assert article.text.index(SEED_BODY) == content.index(SEED_BODY)
    assert "Reuters" not in article.text and "published" not in article.text


def test_sidecar_overrides_front_matter(tmp_path):
    write(tmp_path, "x.txt", "---\npublished: 2024-03-17\ntitle: Old\n---\n" + BODY)
    write(tmp_path, "x.meta.json", '{"published": "2024-03-18"}')
    article = read_article(tmp_path / "x.txt")
    assert (article.published, article.title) == (date(2024, 3, 18), "Old")


def test_broken_front_matter_names_the_line(tmp_path):
    write(tmp_path, "x.md", "---\ntitle: ok\npublished: [2024\n---\n" + BODY)
    with pytest.raises(IngestError, match=r"x\.md front matter line \d+: invalid YAML .*; fix it"):
        read_article(tmp_path / "x.md")


def test_windows_newlines_and_nfc(tmp_path):
    write(tmp_path, "x.txt", "Cafe\u0301 talks in Niamey.\r\nThe junta met Russian officers.\r\n".encode())
    article = read_article(tmp_path / "x.txt")
    assert article.text == "Café talks in Niamey.\nThe junta met Russian officers.\n"
    assert "\r" not in article.text


def test_read_article_takes_the_eval_id_and_published_date(tmp_path):
    write(tmp_path, "x.txt", BODY)
    article = read_article(tmp_path / "x.txt", published=date(2024, 4, 12), article_id="gold-id")
    assert (article.id, article.published) == ("gold-id", date(2024, 4, 12))


def test_published_default_only_fills_missing_dates(tmp_path):
    records = [{"text": BODY}, {"text": BODY + " Yes.", "published": "2023-07-26"}]
    write(tmp_path, "a.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    articles, errors = read_all(tmp_path / "a.jsonl", published=date(2024, 1, 1))
    assert errors == []
    assert [a.published for a in articles] == [date(2024, 1, 1), date(2023, 7, 26)]
    articles, _ = read_all(tmp_path / "a.jsonl")
    assert articles[0].published is None


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<title>Niger revokes US military accord | Sahel Daily</title>
<meta property="og:title" content="Niger revokes US military accord">
<meta property="og:site_name" content="Sahel Daily">
<meta property="article:published_time" content="2024-03-17T09:30:00+01:00">
<link rel="canonical" href="https://saheldaily.example/niger-revokes-accord">
</head><body>
<header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe to the Sahel Daily Premium Plan</a></li>
</ul></nav></header>
<main><article>
<h1>Niger revokes US military accord</h1>
<p>Niger's ruling junta has revoked with immediate effect a military accord that allowed US troops
and civilian staff to operate on its soil, a government spokesman said on Saturday evening.</p>
<p>The decision follows a visit this week by a US delegation led by Molly Phee, the top American
diplomat for Africa, which the junta described as condescending and disrespectful.</p>
<p>About a thousand American personnel are based in the country, mostly at a drone base near Agadez,
and Washington has so far not said whether they will leave.</p>
</article>
<aside class="related"><h2>Related Articles</h2><ul>
<li><a href="/remo">Remo Stars Clinch First League Title in 15 Years</a></li>
<li><a href="/jamb">JAMB Defends 6:30am Reporting Time Despite Safety Concerns</a></li>
</ul></aside></main>
<footer><p>Copyright 2024 Sahel Daily. All rights reserved.</p></footer>
</body></html>
"""


def test_html_main_text_and_metadata(tmp_path):
    write(tmp_path, "page.html", PAGE)
    article = read_article(tmp_path / "page.html")
    assert article.id == "page"
    assert "revoked with immediate effect a military accord" in article.text
    assert "drone base near Agadez" in article.text
    for furniture in ("Remo Stars", "JAMB", "Related Articles", "Premium Plan", "Copyright"):
        assert furniture not in article.text
    assert article.title == "Niger revokes US military accord"
    assert article.published == date(2024, 3, 17)
    assert article.url == "https://saheldaily.example/niger-revokes-accord"
    assert article.source == "Sahel Daily"


def test_html_sidecar_overrides_page_metadata(tmp_path):
    write(tmp_path, "page.htm", PAGE)
    write(tmp_path, "page.meta.json", '{"published": "2024-03-16", "id": "accord"}')
    article = read_article(tmp_path / "page.htm")
    assert (article.id, article.published, article.source) == ("accord", date(2024, 3, 16), "Sahel Daily")


def test_html_without_text_is_an_error(tmp_path):
    write(tmp_path, "blank.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(IngestError, match=r"blank\.html: .*no article text"):
        read_article(tmp_path / "blank.html")


# --------------------------------------------------------------------------------------------
# JSON and JSON Lines
# --------------------------------------------------------------------------------------------


def test_json_list_ids_given_or_derived(tmp_path):
    records = [
        {"id": "r1", "text": BODY, "published": "2024-04-12", "url": "https://ex.com/1"},
        {"text": BODY + " More.", "title": "Second"},
    ]
    write(tmp_path, "batch.json", json.dumps(records, indent=2))
    articles, errors = read_all(tmp_path / "batch.json")
    assert errors == []
    assert [a.id for a in articles] == ["r1", "batch-2"]
    assert articles[0].published == date(2024, 4, 12) and articles[0].url == "https://ex.com/1"
    assert articles[1].title == "Second"


def test_json_single_record_uses_the_file_stem(tmp_path):
    write(tmp_path, "one.json", json.dumps({"text": BODY}))
    assert [a.id for a in read_articles([tmp_path / "one.json"])] == ["one"]


def test_json_list_errors_name_the_record_line(tmp_path):
    write(tmp_path, "batch.json", '[\n  {"text": "' + BODY + '"},\n  {"title": "no text"}\n]\n')
    articles, errors = read_all(tmp_path / "batch.json")
    assert [a.id for a in articles] == ["batch-1"]
    assert [str(e) for e in errors] == [
        f'{tmp_path / "batch.json"} line 3: no "text" field; add the article text as "text"'
    ]


def test_jsonl_broken_line_is_collected_and_the_rest_read(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": BODY}),
        '{"id": "b" "text": "broken"}',
        "",
        json.dumps({"text": BODY + " Third."}),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    articles, errors = read_all(path)
    assert [a.id for a in articles] == ["a", "feed-4"]
    assert [str(e) for e in errors] == [
        f"{path} line 2: invalid JSON (Expecting ',' delimiter at column 12); "
        "fix the record or remove the line"
    ]


def test_jsonl_without_errors_list_raises_at_the_first_problem(tmp_path):
    path = write(tmp_path, "feed.ndjson", json.dumps({"text": BODY}) + "\n{oops}\n")
    seen = []
    with pytest.raises(IngestError, match=r"feed\.ndjson line 2: invalid JSON"):
        for article in read_articles([path]):
            seen.append(article.id)
    assert seen == ["feed-1"]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"title": "x"}, 'no "text" field; add the article text as "text"'),
        ({"text": 42}, '"text" is a number, not text; make it a string'),
        ({"text": "   "}, "empty article; remove it or add its text"),
        (
            {"text": BODY, "published": "2024-13-40"},
            '"published" is "2024-13-40", not a date; use YYYY-MM-DD',
        ),
        (
            {"text": BODY, "published": "12/04/2024"},
            '"published" is "12/04/2024", not a date; use YYYY-MM-DD',
        ),
        ({"text": BODY, "published": 2024}, '"published" is 2024, not a date; use YYYY-MM-DD'),
        ({"text": BODY, "published": FUTURE}, f"published {FUTURE} is in the future; fix the date"),
        ({"text": BODY, "id": "a\tb"}, '"id" "a\\tb" contains the control character U+0009; remove it'),
        ({"text": BODY, "id": "  "}, '"id" is empty; give the article an id or leave "id" out'),
        ({"text": BODY, "id": ["x"]}, '"id" is a list, not text; make it a string'),
        ({"text": BODY, "title": {"en": "x"}}, '"title" is an object, not text; make it a string'),
        (["text"], 'expected a JSON object with a "text" field, got a list; fix the record or remove it'),
    ],
)
def test_record_errors_name_file_and_line(tmp_path, record, message):
    path = write(tmp_path, "x.jsonl", json.dumps({"text": BODY}) + "\n\n" + json.dumps(record) + "\n")
    articles, errors = read_all(path)
    assert len(articles) == 1
    assert [str(e) for e in errors] == [f"{path} line 3: {message}"]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-04-12", date(2024, 4, 12)),
        ("2024-04-12T23:30:00Z", date(2024, 4, 12)),
        ("2024-04-12T01:30:00+05:00", date(2024, 4, 12)),  # the article's own calendar day
        ("2024-04-12 08:00", date(2024, 4, 12)),
        (None, None),
        ("", None),
        ((date.today() + timedelta(days=2)).isoformat(), date.today() + timedelta(days=2)),
    ],
)
def test_published_dates_accepted(published, expected):
    assert article_from_text(BODY, published=published).published == expected


def test_ids_are_stripped_and_derived_ids_stable():
    assert article_from_text(BODY, id="  a-1 ").id == "a-1"
    derived = article_from_text(BODY).id
    assert derived == article_from_text(BODY.replace(" ", " ")).id
    assert derived != article_from_text(BODY + " Again.").id
    assert (
        article_from_text(BODY, url="https://ex.com/a").id
        == article_from_text("Other.", url="https://ex.com/a").id
    )


def test_read_article_picks_a_record_by_id(tmp_path):
    path = write(tmp_path, "f.jsonl", "\n".join(json.dumps({"id": i, "text": f"{BODY} {i}."}) for i in "abc"))
    assert read_article(path, article_id="b").text.endswith(" b.")
    with pytest.raises(IngestError, match=r'f\.jsonl: holds 3 articles, none with id "z"'):
        read_article(path, article_id="z")


# --------------------------------------------------------------------------------------------
# Bytes: encodings, binary, empty, size, type, permissions
# --------------------------------------------------------------------------------------------

TEXT = "Niger’s junta met Russian officers in Niamey."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with its BOM
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be-bom", "utf-16-le-bom"],
)
def test_encodings_that_decode(tmp_path, data):
    write(tmp_path, "x.txt", data)
    assert read_article(tmp_path / "x.txt").text == TEXT


def test_utf16_jsonl_with_bom(tmp_path):
    path = write(
        tmp_path, "x.jsonl", (json.dumps({"text": TEXT}, ensure_ascii=False) + "\n").encode("utf-16")
    )
    assert [a.text for a in read_articles([path])] == [TEXT]


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "x.txt",
            "Caf\xe9 in Niamey".encode("latin-1"),
            "x.txt: not UTF-8 text (byte 0xe9 at offset 3); convert it to UTF-8",
        ),
        ("x.txt", b"ok\n\xff", "x.txt: not UTF-8 text (byte 0xff at offset 3); convert it to UTF-8"),
        (
            "x.txt",
            b"\xef\xbb\xbfok\xff",
            "x.txt: not UTF-8 text (byte 0xff at offset 5); convert it to UTF-8",
        ),
        (
            "x.jsonl",
            b'\n{"text": "\xe9"}\n',
            "x.jsonl: not UTF-8 text (byte 0xe9 at offset 11); convert it to UTF-8",
        ),
        ("x.txt", PNG, "x.txt: looks like a binary file, not an article; remove it or convert it to text"),
        ("x.html", PNG, "x.html: looks like a binary file, not an article; remove it or convert it to text"),
        (
            "x.jsonl",
            PNG,
            "x.jsonl: looks like a binary file, not an article; remove it or convert it to text",
        ),
        ("x.txt", b"", "x.txt: empty article; remove it or add its text"),
        ("x.txt", b" \n\t\r\n ", "x.txt: empty article; remove it or add its text"),
        ("x.md", b"---\ntitle: only metadata\n---\n\n", "x.md: empty article; remove it or add its text"),
        ("x.json", b"", "x.json: empty article; remove it or add its text"),
        (
            "x.txt",
            b"NewsWorld\n494\nAdvertisement\n",
            "x.txt: only page furniture (navigation, captions, links), no article text; "
            "remove it or add its text",
        ),
        ("x.docx", b"PK", "x.docx: unknown file type .docx; use .txt, .html, .json or .jsonl"),
        ("notes", b"text", "notes: unknown file type (no extension); use .txt, .html, .json or .jsonl"),
        (
            "x.json",
            b"[1, 2",
            "x.json line 1: invalid JSON (Expecting ',' delimiter at column 6); fix the file",
        ),
        ("x.json", b"[]", "x.json: an empty list, no articles; remove it or add records"),
        (
            "x.json",
            b'"text"',
            'x.json: expected a JSON object with "text" or a list of them, got a string; fix the file',
        ),
    ],
)
def test_file_errors(tmp_path, monkeypatch, name, data, message):
    write(tmp_path, name, data)
    monkeypatch.chdir(tmp_path)  # messages show paths as given
    with pytest.raises(IngestError) as exc:
        list(read_articles([name]))
    assert str(exc.value) == message
    articles, errors = read_all(name)
    assert articles == [] and [str(e) for e in errors] == [message]


def test_missing_path(tmp_path):
    with pytest.raises(IngestError, match=r"^no such file or folder: nowhere/x\.txt$"):
        list(read_articles(["nowhere/x.txt"]))
    with pytest.raises(IngestError, match=r"^no such file or folder: "):
        read_article(tmp_path / "absent.txt")


def test_too_large(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(
        IngestError, match=r"huge\.txt: 21\.0 MB is larger than 20 MB; split it into articles$"
    ):
        read_article(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "locked.txt", BODY)
    path.chmod(0)
    try:
        with pytest.raises(IngestError, match=r"locked\.txt: cannot read it \(permission denied\)"):
            read_article(path)
    finally:
        path.chmod(0o644)


def test_read_errors_are_translated(tmp_path, monkeypatch):
    path = write(tmp_path, "x.txt", BODY)

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(IngestError, match=r"x\.txt: cannot read it \(permission denied\); make it readable"):
        read_article(path)


# --------------------------------------------------------------------------------------------
# Folders
# --------------------------------------------------------------------------------------------


def test_folder_walk_is_recursive_sorted_and_skips_companions(tmp_path):
    write(tmp_path, "b.txt", BODY + " B.")
    write(tmp_path, "a.txt", BODY + " A.")
    write(tmp_path, "a.meta.json", '{"published": "2024-04-12"}')
    write(tmp_path, "seed.gold.json", '{"articles": []}')
    write(tmp_path, "README.md", "How these articles were collected.")
    write(tmp_path, "readme.txt", "Notes.")
    write(tmp_path, ".hidden.txt", "Not an article.")
    write(tmp_path, ".git/HEAD.txt", "ref: refs/heads/main")
    write(tmp_path, "sub/c.jsonl", json.dumps({"id": "c", "text": BODY + " C."}))
    write(tmp_path, "sub/deeper/d.md", BODY + " D.")
    articles, errors = read_all(tmp_path)
    assert errors == []
    assert [a.id for a in articles] == ["a", "b", "c", "d"]
    assert articles[0].published == date(2024, 4, 12)


def test_meta_json_named_explicitly_is_not_an_article(tmp_path):
    write(tmp_path, "a.txt", BODY)
    meta = write(tmp_path, "a.meta.json", '{"published": "2024-04-12"}')
    assert [a.id for a in read_articles([tmp_path / "a.txt", meta])] == ["a"]


def test_a_sidecar_named_alone_is_an_error_naming_the_fix(tmp_path):
    write(tmp_path, "a.txt", BODY)
    meta = write(tmp_path, "a.meta.json", '{"published": "2024-04-12"}')
    articles, errors = read_all(meta)
    assert articles == []
    assert len(errors) == 1 and str(errors[0]).startswith(f"{meta}: is not an article")
    assert "ingest the article file" in str(errors[0])


def test_a_store_inside_the_articles_folder_is_not_walked(tmp_path):
    from kg.store import KnowledgeGraph

    write(tmp_path, "01-good.txt", BODY)
    KnowledgeGraph.open(tmp_path / "kgstore").close()
    articles, errors = read_all(tmp_path)
    assert [a.id for a in articles] == ["01-good"] and errors == []
    articles, errors = read_all(tmp_path / "kgstore")
    assert articles == [] and "is a kg store" in str(errors[0])


def test_mixed_folder_reads_good_files_and_collects_one_error_per_bad_file(tmp_path):
    write(tmp_path, "01-good.txt", BODY + " One.")
    write(tmp_path, "02-latin1.txt", "Caf\xe9".encode("latin-1"))
    write(tmp_path, "03-good.html", PAGE)
    write(tmp_path, "04-image.txt", PNG)
    write(tmp_path, "05-empty.txt", "")
    write(tmp_path, "06-notes.docx", b"PK\x03\x04")
    write(tmp_path, "07-good.jsonl", json.dumps({"text": BODY + " Seven."}))
    write(tmp_path, "08-bad-date.txt", BODY)
    write(tmp_path, "08-bad-date.meta.json", '{"published": "2024-13-40"}')
    write(tmp_path, "09-broken.meta.json", "{")
    write(tmp_path, "09-broken.txt", BODY + " Nine.")
    articles, errors = read_all(tmp_path, tmp_path / "missing.txt")
    assert [a.id for a in articles] == ["01-good", "03-good", "07-good-1"]
    assert [str(e).split(":")[0] for e in errors] == [
        str(tmp_path / "02-latin1.txt"),
        str(tmp_path / "04-image.txt"),
        str(tmp_path / "05-empty.txt"),
        str(tmp_path / "06-notes.docx"),
        str(tmp_path / "08-bad-date.meta.json"),
        str(tmp_path / "09-broken.meta.json line 1"),
        "no such file or folder",
    ]


def test_duplicate_ids(tmp_path):
    write(tmp_path, "a/x.txt", BODY)
    write(tmp_path, "b/x.txt", BODY)  # the same article twice: read once
    write(tmp_path, "c/x.txt", BODY + " Different.")
    articles, errors = read_all(tmp_path)
    assert [a.path for a in articles] == [str(tmp_path / "a" / "x.txt")]
    assert [str(e) for e in errors] == [
        f'{tmp_path / "c" / "x.txt"}: id "x" is already used by {tmp_path / "a" / "x.txt"}; '
        'give each article its own "id"'
    ]


# --------------------------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------------------------


def test_seed_article_furniture_is_blanked_in_place():
    original = SEED.read_text(encoding="utf-8")
    article = read_article(SEED)
    assert article.id == "seed-niger-russia-trainers"
    assert article.published == date(2024, 4, 12)
    assert len(article.text) == len(original)
    assert article.text.index(SEED_BODY) == original.index(SEED_BODY)
    for furniture in (
        "Remo Stars",
        "JAMB",
        "Traoré",
        "494",
        "Screenshot of",
        "Home News",
        "About The Author",
        "NewsWorld",
        "Related Articles",
        "Photo Source",
    ):
        assert furniture in original
        assert furniture not in article.text
    for body in (
        "This move comes amid deteriorating relations",
        "Vladimir Putin",
        "the broadcast said.",
        "\nNiger Welcomes Russian Military Trainers Amid Tensions with U.S.\n",
    ):  # the headline
        assert article.text.index(body) == original.index(body)
    assert [i for i, c in enumerate(article.text) if c == "\n"] == [
        i for i, c in enumerate(original) if c == "\n"
    ]


FURNITURE_LINES = [
    "Home News Niger Welcomes Russian Military Trainers",
    "Home › World › Africa › Niger",
    "Home | News | Sport",
    "NewsWorld",
    "NewsSports",
    "World » Africa",
    "494",
    "1.2K shares",
    "Views: 3,021",
    "Updated 3 hours ago",
    "Published: 12 April 2024, 10:32 GMT",
    "April 12, 2024",
    "5 min read",
    "Advertisement",
    "Story continues below advertisement",
    "Share on Facebook",
    "Share this article:",
    "Facebook Twitter WhatsApp Email",
    "Click here to join our WhatsApp channel",
    "Sign up for our daily briefing",
    "Follow us on X",
    "Subscribe to our newsletter",
    "Read More: Niger expels French ambassador",
    "Also read: Burkina Faso suspends French media",
    "By Aisha Salaudeen and Nimi Princewill, CNN",
    "Tags: Niger, Russia, Sahel",
    "© 2024 West Africa Weekly. All rights reserved.",
    "Screenshot of the two Russian military trainers featured in the RTN broadcast on Thursday. "
    "Photo Source: Crux on YouTube.",
    "Soldiers parade in Niamey. Photo: Reuters",
    "General Tiani at the airport (Photo by Issouf Sanogo/AFP)",
    "FILE PHOTO: A US Air Force drone at Air Base 201 in Agadez, Niger, April 16, 2018. REUTERS/Joe Penney",
    "Protesters outside the French embassy in Niamey. AFP via Getty Images",
    "File photo of the presidential palace",
    "Credit: Ministry of Defence",
    "Image: Nigerien soldiers on patrol near Ouallam",
]

PROSE_LINES = [
    "Niger’s junta deemed U.S. military flights from its airbases illegal last month. "
    "It also resisted U.S. pressure to avoid partnering with Russia.",
    "Home News Network reported that Russian trainers landed in Niamey on Wednesday. "
    "The broadcaster showed crates of air-defence equipment.",
    "Getty Images photographer John Moore was in Niamey for the protests. "
    "He said crowds chanted slogans against France.",
    "A Reuters/Ipsos poll found that most Americans knew little about the deployment in Niger.",
    "Niger revoked the accord on March 16, 2024.",
    "This move comes amid deteriorating relations between Niger and the United States.",
    "By Wednesday, the last French soldiers had left Niamey.",
    "Share prices in Lagos fell after the coup.",
    "More than 1,000 American troops were based in Niger.",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_furniture_lines_are_blanked(line):
    text = f"{BODY}\n{line}\n{BODY}"
    out = strip_furniture(text)
    assert out == f"{BODY}\n{' ' * len(line)}\n{BODY}"


@pytest.mark.parametrize("line", PROSE_LINES)
def test_prose_lines_are_kept(line):
    text = f"{BODY}\n{line}\n{BODY}"
    assert strip_furniture(text) == text


@pytest.mark.parametrize(
    ("marker", "survives"),
    [
        ("Related Articles", False),
        ("Related Stories", False),
        ("About The Author", False),
        ("About the author", False),
        ("Most Read", False),
        ("You may also like", False),
        ("Leave a Reply", False),
        ("Comments", False),
        ("3 Comments", False),
        ("Read more", True),  # a block of links, not the end of the article
        ("Recommended", True),
        ("More from Sahel Daily", True),
    ],
)
def test_section_markers(marker, survives):
    teaser = "Remo Stars Clinch First League Title in 15 Years"
    later = "President Traoré has received massive international support. Crowds rallied in Ouagadougou."
    text = f"{BODY}\n\n{marker}\n{teaser}\n\n{later}\n"
    out = strip_furniture(text)
    assert out.startswith(BODY)
    assert marker not in out and teaser not in out
    assert (later in out) is survives
    assert len(out) == len(text)


def test_end_marker_before_any_body_text_does_not_swallow_the_article():
    text = "Most Read\n\nNiger expels French envoy\n\n" + BODY + "\nRelated Stories\nSomething else"
    out = strip_furniture(text)
    assert BODY in out and "Most Read" not in out
    assert "Something else" not in out


def test_repeated_title_is_blanked_once_seen():
    title = "Niger Welcomes Russian Military Trainers"
    text = f"{title}\n\n{BODY}\n\n{title}\n{BODY}"
    out = strip_furniture(text)
    assert out.count(title) == 1 and out.startswith(title)
    out = strip_furniture(f"Sahel brief\n\n{title}\n{BODY}\n{title}\n", title=title)
    assert out.count(title) == 1 and out.index(title) == len("Sahel brief\n\n")


def test_strip_furniture_leaves_clean_text_alone():
    assert strip_furniture(BODY) == BODY
    assert strip_furniture("") == ""


def test_long_lines_do_not_hang():
    for text in ("1" * 5000 + "x", "NewsWorld" * 500 + "!", "1 2 3 " * 2000 + "x", "By " + "A " * 3000 + "."):
        assert len(strip_furniture(text)) == len(text)


hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies

_LINES = st.one_of(
    st.sampled_from(FURNITURE_LINES + PROSE_LINES + ["", "Related Articles", "Read more", "Comments", BODY]),
    st.text(max_size=80),
)


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(st.one_of(st.text(), st.lists(_LINES, max_size=25).map("\n".join)))
def test_offsets_are_preserved(text):
    out = strip_furniture(text)
    assert len(out) == len(text)
    for kept, original in zip(out, text, strict=True):
        assert kept == original or (kept == " " and original not in "\r\n")


@hypothesis.settings(max_examples=100, deadline=None)
@hypothesis.given(st.lists(st.sampled_from(FURNITURE_LINES), min_size=1, max_size=10))
def test_furniture_around_a_body_is_all_blanked(lines):
    text = "\n".join(lines[: len(lines) // 2] + [BODY] + lines[len(lines) // 2 :])
    assert re.sub(r"\s+", " ", strip_furniture(text)).strip() == BODY
