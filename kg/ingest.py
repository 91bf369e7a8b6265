"""Read articles from files and folders: text, HTML, JSON and JSON Lines become ``Article`` values.

    errors = []
    for article in read_articles(["data/articles"], errors=errors):
        print(article.id, article.published, len(article.text))

This is the only module that reads article files. Every problem a user can cause
(a missing file, a bad date, a broken JSON line, a binary file) is an ``IngestError``
whose message names the file, the line when there is one, and the fix.

Page furniture (navigation, view counters, photo captions, "Related Articles" and
what follows) is blanked with spaces rather than cut out, so an article's text keeps
the length and offsets of what was read: an event's ``char_start`` points into the
file (for .txt files, front matter included).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from kg.errors import IngestError
from kg.model import Article

MAX_MB = 20
MAX_BYTES = MAX_MB * 1024 * 1024  # one article, or one JSON Lines record
BINARY_PROBE = 8192  # a NUL byte in this many leading bytes means "not text"
FUTURE_SLACK = timedelta(days=2)  # time zones and early-dated pages, not typos

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
META_KEYS = ("id", "published", "url", "title", "source")
SUFFIX_HINT = "use .txt, .html, .json or .jsonl"

# Files that sit beside articles without being articles: skipped everywhere.
SKIPPED_SUFFIXES = (".meta.json", ".gold.json")
SKIPPED_STEMS = ("readme",)


# --------------------------------------------------------------------------------------------
# Page furniture, as data. Each table holds regexes matched against one stripped line.
# --------------------------------------------------------------------------------------------

# fmt: off
MENU_WORDS = (
    "Home", "News", "World", "Africa", "Europe", "Asia", "Americas", "Middle East", "US", "UK",
    "Politics", "Business", "Economy", "Markets", "Sports?", "Football", "Travel", "Entertainment",
    "Opinion", "Opinions", "Editorial", "Columns?", "Analysis", "Features?", "Tech", "Technology",
    "Science", "Health", "Education", "Environment", "Climate", "Culture", "Lifestyle", "Arts?",
    "Style", "Food", "Video", "Videos", "Photos", "Gallery", "Podcasts?", "Live", "Latest",
    "Trending", "Top Stories", "Local", "National", "International", "Regional", "Weather",
    "Menu", "Search", "Subscribe", "Log ?in", "Sign ?in", "Contact(?: Us)?", "About(?: Us)?",
    "More", "Defen[cs]e", "Security", "Crime", "Metro", "Nation", "Society", "Sahel",
)
# fmt: on
_MENU = "(?:" + "|".join(MENU_WORDS) + ")"
_MENU_SEP = r"(?:\s*[|·•/›»>,:–—-]\s*|\s+)"
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAY = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
)
# (?!\d) and \b keep each token from being split two ways, so matching stays linear.
_DATE_TOKEN = (
    r"(?:\d{1,4}(?:[:/.-]\d{1,4})*(?!\d)(?:st|nd|rd|th)?"
    rf"|(?:{_MONTH}|{_WEEKDAY}|[ap]\.?m|gmt|utc|wat|cat|eat|cet|cest|bst|est|edt|pst|pdt|at|on)\b"
    r"|[+-]\d{2}:?\d{2}(?!\d))\.?"
)
_STAMP_PREFIX = r"(?:(?:last\s+)?(?:updated|published|posted|modified|created|date)(?:\s+(?:on|at))?\s*:?\s*)"

# A line that is exactly one of these ends the article: it and everything after it are
# furniture (bios, teasers of other stories, comment threads), once some body text was read.
END_MARKERS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"related(?: articles?| stories| posts| news| content| coverage| reading| topics| links)?\s*:?",
        r"about the authors?\s*:?",
        r"(?:most|more) (?:read|popular|viewed|shared|commented)(?: (?:stories|articles|news))?\s*:?",
        r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in|have missed)\s*:?",
        r"leave a (?:reply|comment)\s*:?",
        r"(?:\d+\s+)?comments?(?:\s*\(\d+\))?\s*:?",
        r"(?:post|add|write) a comment\s*:?",
        r"(?:join|start) the (?:discussion|conversation)\s*:?",
        r"trending(?: now| stories| articles)?\s*:?",
        r"more stories\s*:?",
    )
)

# A line that is exactly one of these starts a block of links: it and the headline-like lines
# right after it (up to a blank line, none ending a sentence) are furniture.
SECTION_MARKERS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?:also )?read more\s*:?",
        r"(?:also )?(?:read|see)(?: also)?\s*:",
        r"more (?:from|on|in)\b[^.!?]*",
        r"recommended(?: for you| stories| reading| articles| videos)?\s*:?",
        r"share this(?: article| story| post)?\s*:?",
        r"subscribe to our newsletters?\s*[.!:]?",
    )
)

# A line matching one of these in full is furniture.
LINE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        # breadcrumbs and navigation: "Home News …", "Home › World › …", "NewsWorld", "Home | News | Sport"
        rf"(?:Home|HOME)(?:\s*[›»>/|]\s*|\s+{_MENU}\b).*",
        rf"{_MENU}\s*[›»>]\s*.*",
        rf"(?i:(?:{_MENU}{_MENU_SEP}?)+)",
        # counters: "494", "1.2K shares", "Views: 3,021"
        r"(?i:\d[\d.,]*\s*[km]?(?:\s*(?:views?|shares?|comments?|reads?|likes?|reactions?|votes?))?)",
        r"(?i:(?:views?|shares?|comments?|reads?|likes?)\s*:?\s*\d[\d.,]*\s*[km]?)",
        # timestamps: "Updated 3 hours ago", "Published: 12 April 2024, 10:32 GMT"
        r"(?i:" + _STAMP_PREFIX + r"?(?:(?:about|an?|\d+)\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h"
        r"|days?|d|weeks?|wks?|months?|years?|yrs?)\s+ago|just now|yesterday|today))",
        r"(?i:" + _STAMP_PREFIX + r"?(?=[^\d\n]*\d)(?:" + _DATE_TOKEN + r"[\s,|·•–-]*)+)",
        r"(?i:\d+\s*(?:min(?:ute)?s?)\s+read)",
        r"(?i:listen to (?:this|the) (?:article|story)\b.*)",
        # share buttons and calls to action
        r"(?i:share (?:on|via|to)\b.*)",
        r"(?i:(?:(?:share|tweet|facebook|twitter|x|linkedin|whatsapp|telegram|email|e-mail|print|copy link"
        r"|pinterest|reddit|messenger|comment)\s*[|·•/,]?\s*)+)",
        r"(?i:click here\b.*)",
        r"(?i:sign up\b.*)",
        r"(?i:follow us\b.*)",
        r"(?i:subscribe\b.*)",
        r"(?i:join (?:our|us on)\b.*)",
        r"(?i:download (?:our|the) app\b.*)",
        r"(?i:(?:also )?(?:read|see) (?:more|also)\b.*)",
        r"(?i:(?:also read|watch|listen)\s*:.*)",
        # a labelled teaser: "Related: Russia and China held drills in July.", "Most read: …"
        r"(?i:(?:related(?: articles?| stories| story| coverage| content| news)?|most (?:read|popular)"
        r"|further reading|editor'?s picks?)\s*:.*)",
        # advertising
        r"(?i:(?:advertisements?|advertising|ad|sponsored(?: content)?|promoted(?: content)?"
        r"|story continues (?:below|after) (?:this )?(?:advertisement|ad)"
        r"|continue reading(?: below| the main story)?|scroll to continue(?: with content)?)\s*:?)",
        # bylines, tags, copyright
        r"By\s+[A-Z][\w.'’-]*(?:(?:\s*[|,&]\s*|\s+)(?:[A-Z][\w.'’-]*|and|de|da|van|von|al|el|bin|ibn))*",
        r"(?i:(?:tags?|topics?|filed under|categories|category)\s*:.*)",
        r"(?i:(?:©|\(c\)|copyright\b).*)",
        r"(?i:.*\ball rights reserved\.?)",
    )
)

# Credits and caption leaders, searched in a line: a line that has one and is not prose
# once they are taken out (see _is_prose) is a photo caption.
CAPTION_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"^(?:A\s+)?(?:Screenshot|Screengrab|Screen grab|Still)s?\s+(?:of|from)\b",
        r"^(?:A\s+)?(?:[Ff]ile|FILE)\s+(?:[Pp]hoto|PHOTO|[Pp]icture|[Ii]mage)s?\b",
        r"^FILE\s*[:–-]",
        r"\b(?:Photo|Photograph|Picture|Image|Pic|Video|PHOTO|IMAGE)s?"
        r"(?:\s+(?:[Ss]ource|[Cc]redit|[Cc]ourtesy))?\s*:.*$",
        r"\b(?:Photo|Image|Picture|Video)\s+(?:by|courtesy of|credit)\b.*$",
        r"\((?:[Pp]hoto|[Ii]mage|[Pp]icture|[Pp]hotograph)s?\s*(?:by|credit|courtesy|:)[^)]*\)",
        r"\bCredits?\s*:.*$",
        r"(?:\b[\w.-]+(?:/|\s+via\s+))?Getty Images\W*$",
        r"\bREUTERS/.*$",
        r"\bReuters/(?!Ipsos)[A-Z][^/\n]*$",
        r"\b(?:AFP|AP Photo|EPA|EPA-EFE|Anadolu|Xinhua|Sputnik|TASS)/.*$",
        r"\b(?:Shutterstock|Alamy)\W*$",
    )
)

# Prose: at least 12 words, ending a sentence, with a sentence break inside.
_PROSE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$|”\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(\[]?[A-Z0-9]")
_HEADLINE_END = re.compile(r"[.!?”\"]\s*$")
_CONTENT_WORDS = 8  # a line this long, not furniture, is body text: end markers count after it
_TITLE_WORDS = 20  # a repeated line longer than this is not a title


def _is_prose(line: str) -> bool:
    """Two or more sentences of at least 12 words: never furniture (before an end marker)."""
    return len(line.split()) >= 12 and bool(_PROSE_END.search(line)) and bool(_SENTENCE_BREAK.search(line))


def _any_full(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    return any(p.fullmatch(line) for p in patterns)


def _is_caption(line: str) -> bool:
    rest, found = line, False
    for pattern in CAPTION_PATTERNS:
        rest, n = pattern.subn(" ", rest)
        found = found or n > 0
    return found and not _is_prose(rest.strip())


def _is_furniture_line(line: str) -> bool:
    # a caption's credit does not make it prose: _is_caption judges the line without it
    return _is_caption(line) or (not _is_prose(line) and _any_full(LINE_PATTERNS, line))


def strip_furniture(text: str, *, title: str | None = None) -> str:
    """Blank page furniture with spaces, keeping newlines, length and every kept character's offset.

    >>> strip_furniture("NewsWorld\\n494\\nTroops arrived in Niamey.").split("\\n")
    ['         ', '   ', 'Troops arrived in Niamey.']
    """
    spans, start = [], 0
    for raw in text.split("\n"):
        spans.append((start, start + len(raw)))
        start += len(raw) + 1
    lines = [" ".join(text[a:b].split()) for a, b in spans]
    drop = [False] * len(spans)
    repeatable = {" ".join(title.split())} if title and title.strip() else set()
    seen: set[str] = set()
    first_line: str | None = None
    in_content = False
    section = False  # inside a SECTION_MARKERS block
    for i, line in enumerate(lines):
        if not line:
            section = False
            continue
        if first_line is None:
            first_line = line
            repeatable.add(line)
        if in_content and _any_full(END_MARKERS, line):
            drop[i:] = [True] * (len(spans) - i)
            break
        if not _is_prose(line) and (_any_full(END_MARKERS, line) or _any_full(SECTION_MARKERS, line)):
            drop[i] = section = True
            continue
        if section and not _HEADLINE_END.search(line) and not _is_prose(line):
            drop[i] = True
            continue
        section = False
        if _is_furniture_line(line):
            drop[i] = True
            continue
        if line in repeatable and len(line.split()) <= _TITLE_WORDS and not _is_prose(line):
            if line in seen:
                drop[i] = True
                continue
            seen.add(line)
        if len(line.split()) >= _CONTENT_WORDS and _HEADLINE_END.search(line):
            in_content = True  # a sentence of body text, not a headline
    if not any(drop):
        return text
    out = list(text)
    for (a, b), gone in zip(spans, drop, strict=True):
        if gone:
            for j in range(a, b):
                if out[j] not in "\r\n":
                    out[j] = " "
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def read_articles(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    errors: list[IngestError] | None = None,
) -> Iterator[Article]:
    """Every article in the given files and folders (folders recursively, sorted), in order.

    With ``errors`` given, a bad file or record is appended there and skipped (the batch
    proceeds); without it, the first problem raises. ``published`` is the date used for
    articles that give none.

        errors = []
        articles = list(read_articles(["data/articles", "extra.jsonl"], errors=errors))
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    default = _default_published(published)
    seen: dict[str, tuple[str, bytes]] = {}  # id -> (where it was read, digest of its text)
    for item in _items(paths, default):
        if isinstance(item, tuple):
            where, article = item
            digest = hashlib.sha256(article.text.encode("utf-8")).digest()
            earlier = seen.get(article.id)
            if earlier is None:
                seen[article.id] = (where, digest)
                yield article
                continue
            if earlier[1] == digest:
                continue  # the same article twice: reading it again changes nothing
            item = IngestError(
                f'{where}: id "{article.id}" is already used by {earlier[0]}; give each article its own "id"'
            )
        if errors is None:
            raise item
        errors.append(item)


def read_article(
    path: str | Path,
    *,
    published: date | None = None,
    article_id: str | None = None,
) -> Article:
    """One article file (.txt, .md, .html, or a .json/.jsonl holding it); ``article_id`` overrides its id.

    read_article("eval/articles/seed.txt", published=date(2024, 4, 12), article_id="seed")
    """
    path = Path(path)
    default = _default_published(published)
    if not path.exists():
        raise IngestError(f"no such file or folder: {path}")
    if path.is_dir():
        raise IngestError(f"{path}: is a folder, not an article; read it with read_articles")
    wanted = _clean_id(article_id, "article_id") if article_id is not None else None
    found: list[Article] = []
    for item in _read_file(path, default, article_id=wanted):
        if isinstance(item, IngestError):
            raise item
        found.append(item[1])
    if wanted is not None:
        match = [a for a in found if a.id == wanted]
        if match:
            return match[0]
    if len(found) == 1:
        return found[0] if wanted is None else found[0].model_copy(update={"id": wanted})
    raise IngestError(
        f"{path}: holds {len(found)} articles"
        + (f', none with id "{wanted}"' if wanted else "")
        + "; read it with read_articles or name the article's id"
    )


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    published: date | str | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Article:
    """An Article from text in memory; without an id, one is derived from the URL or the text.

    >>> article_from_text("Russian trainers arrived in Niger.", published="2024-04-12").published
    datetime.date(2024, 4, 12)
    """
    meta = _meta_fields(
        {"id": id, "published": published, "url": url, "title": title, "source": source}, None
    )
    return _article(text, meta, where=None, default_id=None, default_published=None, path=None)


# --------------------------------------------------------------------------------------------
# Finding files
# --------------------------------------------------------------------------------------------

Item = tuple[str, Article] | IngestError


def _items(paths: Iterable[str | Path], default: date | None) -> Iterator[Item]:
    paths = [Path(given) for given in paths]
    for path in paths:
        if not path.exists():
            yield IngestError(f"no such file or folder: {path}")
        elif path.is_dir() and _is_store_folder(path):
            yield IngestError(f"{path}: is a kg store (a database folder), not articles; pass the articles' folder")
        elif path.is_dir():
            for found in _walk(path, set()):
                if isinstance(found, IngestError):
                    yield found
                else:
                    yield from _guarded(found, default)
        elif not _is_companion(path):
            yield from _guarded(path, default)
        elif not any(other.parent == path.parent and other.name.startswith(path.name.split(".")[0] + ".")
                     and not _is_companion(other) for other in paths):
            # Beside its article (a shell glob) a sidecar is read with it; alone it is a mistake.
            yield IngestError(
                f"{path}: is not an article (metadata, annotations or a README kept beside articles); "
                "ingest the article file (or its folder) instead"
            )


def _guarded(path: Path, default: date | None) -> Iterator[Item]:
    """A file's articles and record errors; a file-level error ends the file, not the batch."""
    try:
        yield from _read_file(path, default)
    except IngestError as exc:
        yield exc


def _is_companion(path: Path) -> bool:
    """Metadata, gold annotations and READMEs sit beside articles without being articles."""
    name = path.name.lower()
    return name.endswith(SKIPPED_SUFFIXES) or name.split(".")[0] in SKIPPED_STEMS


def _is_store_folder(folder: Path) -> bool:
    """An on-disk store (RocksDB files under Oxigraph) kept among the articles: never walked."""
    try:
        return (folder / "CURRENT").is_file() and (folder / "IDENTITY").is_file()
    except OSError:  # an unreadable folder: _walk reports it
        return False


def _walk(folder: Path, visited: set[Path]) -> Iterator[Path | IngestError]:
    real = folder.resolve()
    if real in visited:  # a symlink loop
        return
    visited.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield IngestError(f"{folder}: cannot list the folder ({exc.strerror or exc}); check its permissions")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not _is_store_folder(entry):
                yield from _walk(entry, visited)
        elif entry.is_file() and not _is_companion(entry):
            yield entry


def _read_file(path: Path, default: date | None, *, article_id: str | None = None) -> Iterator[Item]:
    if not path.is_file():  # reading a named pipe would wait for a writer forever
        raise IngestError(f"{path}: not a regular file (a pipe or device); save the article to a file")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield str(path), _read_text_file(path, default, article_id)
    elif suffix in HTML_SUFFIXES:
        yield str(path), _read_html_file(path, default, article_id)
    elif suffix in JSON_SUFFIXES:
        yield from _read_json_file(path, default)
    elif suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, default)
    else:
        kind = f"file type {suffix}" if suffix else "file type (no extension)"
        raise IngestError(f"{path}: unknown {kind}; {SUFFIX_HINT}")


# --------------------------------------------------------------------------------------------
# Bytes and text
# --------------------------------------------------------------------------------------------

_BINARY = "looks like a binary file, not an article; remove it or convert it to text"
_UNREADABLE = "make it readable or leave it out"
_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _read_bytes(path: Path, *, too_large: str = "split it into articles") -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(f"{path}: {size / 1024 / 1024:.1f} MB is larger than {MAX_MB} MB; {too_large}")
        return path.read_bytes()
    except PermissionError as exc:
        raise IngestError(f"{path}: cannot read it (permission denied); {_UNREADABLE}") from exc
    except OSError as exc:
        raise IngestError(f"{path}: cannot read it ({exc.strerror or exc}); check the file") from exc


def _bom_codec(data: bytes) -> str | None:
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def _binary_problem(data: bytes) -> str:
    """What to say about bytes with a NUL in their head: UTF-16/32 text without a BOM, or binary."""
    for codec, unit in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        head = data[:BINARY_PROBE]
        try:
            text = head[: len(head) - len(head) % unit].decode(codec)
        except UnicodeDecodeError:
            continue
        printable = all(c.isprintable() or c in "\t\n\r\f" for c in text)
        if printable and sum(c.isspace() for c in text) * 50 >= len(text) > 0:  # prose has spaces
            name = codec[:6].upper()
            return f"looks like {name} text without a byte order mark; convert it to UTF-8"
    return _BINARY


def _decode(data: bytes, where: str) -> str:
    """UTF-8 (BOM or not), or UTF-16/32 with a BOM; anything else is an error naming the byte."""
    codec = _bom_codec(data)
    if codec is not None and codec != "utf-8-sig":
        try:
            return data.decode(codec)
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"{where}: not {codec.upper()} text despite its byte order mark "
                f"(bad bytes at offset {exc.start}); convert it to UTF-8"
            ) from exc
    if b"\x00" in data[:BINARY_PROBE]:
        raise IngestError(f"{where}: {_binary_problem(data)}")
    skip = 3 if codec == "utf-8-sig" else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        raise IngestError(
            f"{where}: not UTF-8 text (byte 0x{data[offset]:02x} at offset {offset}); convert it to UTF-8"
        ) from exc


def _normalise(text: str) -> str:
    """Unix newlines and NFC, so offsets and comparisons mean the same for every source."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------------------------

_NULLS = ("", "~", "null", "Null", "NULL")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\S.*")


def _at(where: str | None, message: str) -> IngestError:
    return IngestError(f"{where}: {message}" if where else message)


_TYPE_NAMES = {
    dict: "an object",
    list: "a list",
    str: "a string",
    bool: "true/false",
    int: "a number",
    float: "a number",
}


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _default_published(value: date | str | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):
        return _parse_published(value, "published default")
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise IngestError(f"published default {value!r} is not a date; pass a datetime.date")
    return _not_future(value, None)


def _not_future(value: date, where: str | None) -> date:
    if value > date.today() + FUTURE_SLACK:
        raise _at(where, f"published {value.isoformat()} is in the future; fix the date")
    return value


def _parse_published(value: Any, where: str | None) -> date | None:
    if value is None or (isinstance(value, str) and value.strip() in _NULLS):
        return None
    parsed: date | None = None
    if isinstance(value, datetime):
        parsed = value.date()
    elif isinstance(value, date):
        parsed = value
    elif isinstance(value, str):
        s = value.strip()
        try:
            if _DATE_RE.fullmatch(s):
                parsed = date.fromisoformat(s)
            elif _DATETIME_RE.fullmatch(s):
                parsed = datetime.fromisoformat(s).date()  # the article's own calendar day
        except ValueError:
            parsed = None
    if parsed is None:
        shown = (
            json.dumps(value, ensure_ascii=False)
            if isinstance(value, (str, int, float))
            else _type_name(value)
        )
        raise _at(where, f'"published" is {shown}, not a date; use YYYY-MM-DD')
    return _not_future(parsed, where)


def _clean_id(value: Any, where: str | None) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _at(where, f'"id" is {_type_name(value)}, not text; make it a string')
    cleaned = str(value).strip()
    if not cleaned:
        raise _at(where, '"id" is empty; give the article an id or leave "id" out')
    bad = next((c for c in cleaned if unicodedata.category(c) in ("Cc", "Zl", "Zp")), None)
    if bad is not None:
        raise _at(
            where, f'"id" {json.dumps(cleaned)} contains the control character U+{ord(bad):04X}; remove it'
        )
    return cleaned


def _clean_text_field(key: str, value: Any, where: str | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise _at(where, f'"{key}" is {_type_name(value)}, not text; make it a string')
    value = unicodedata.normalize("NFC", " ".join(value.split()))
    return value or None


def _meta_fields(record: dict[str, Any], where: str | None) -> dict[str, Any]:
    """The known metadata keys of a record, meta.json or front matter, checked; others are ignored."""
    if record.get("published") is None and record.get("date") is not None:
        record = {**record, "published": record["date"]}  # front matter from blogs says "date"
    meta: dict[str, Any] = {}
    if record.get("id") is not None:
        meta["id"] = _clean_id(record["id"], where)
    published = _parse_published(record.get("published"), where)
    if published is not None:
        meta["published"] = published
    for key in ("url", "title", "source"):
        value = _clean_text_field(key, record.get(key), where)
        if value is not None:
            meta[key] = value
    return meta


def _read_sidecar(path: Path) -> dict[str, Any]:
    """STEM.meta.json beside STEM.txt/.html, if there is one."""
    sidecar = path.with_name(path.stem + ".meta.json")
    if not sidecar.is_file():
        return {}
    text = _decode(_read_bytes(sidecar), str(sidecar))
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"{sidecar} line {exc.lineno}: invalid JSON ({_json_problem(exc)}); fix the file"
        ) from exc
    if not isinstance(record, dict):
        raise IngestError(
            f'{sidecar}: expected a JSON object like {{"published": "2024-04-12"}}, '
            f"got {_type_name(record)}; fix the file"
        )
    return _meta_fields(record, str(sidecar))


_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|$)", re.DOTALL)
_YAML_KEY = re.compile(r"\s*[\w-]+\s*:")


def _split_front_matter(text: str, where: str) -> tuple[str, dict[str, Any]]:
    """Front matter is blanked (like furniture) so the body keeps its offsets in the file."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    block = match.group(1) or ""
    fm_where = f"{where} front matter"
    try:
        record = yaml.load(block, Loader=yaml.BaseLoader)  # strings only: ids like 0042 stay "0042"
    except yaml.YAMLError as exc:
        if not _YAML_KEY.match(block):
            return text, {}  # two horizontal rules, not front matter
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark is not None else ""
        raise IngestError(f"{fm_where}{line}: invalid YAML ({getattr(exc, 'problem', exc)}); fix it") from exc
    if record is None:
        record = {}
    if not isinstance(record, dict):
        return text, {}
    blank = re.sub(r"[^\n]", " ", text[: match.end()])
    return blank + text[match.end() :], _meta_fields(record, fm_where)


# --------------------------------------------------------------------------------------------
# Building articles
# --------------------------------------------------------------------------------------------


def _derived_id(text: str, url: str | None) -> str:
    return hashlib.sha256((url or text).encode("utf-8")).hexdigest()[:16]


def _article(
    text: str,
    meta: dict[str, Any],
    *,
    where: str | None,
    default_id: str | None,
    default_published: date | None,
    path: str | None,
    clean: bool = True,
) -> Article:
    if clean:
        text = _normalise(text)
    if not text.strip():
        raise _at(where, "empty article; remove it or add its text")
    body = strip_furniture(text, title=meta.get("title"))
    if not body.strip():
        raise _at(
            where,
            "only page furniture (navigation, captions, links), no article text; remove it or add its text",
        )
    if not any(c.isalpha() for c in body):  # tag soup, a table of numbers: nothing to extract or store
        raise _at(where, "no words in it, only symbols, digits or markup; remove it or add its text")
    article_id = meta.get("id") or (default_id and _clean_id(default_id, where))
    article_id = article_id or _derived_id(body, meta.get("url"))
    return Article(
        id=article_id,
        text=body,
        published=meta.get("published", default_published),
        url=meta.get("url"),
        title=meta.get("title"),
        source=meta.get("source"),
        path=path,
    )


def _read_text_file(path: Path, default: date | None, article_id: str | None) -> Article:
    where = str(path)
    text = _normalise(_decode(_read_bytes(path), where))
    if not text.strip():
        raise IngestError(f"{where}: empty article; remove it or add its text")
    text, meta = _split_front_matter(text, where)
    meta = {**meta, **_read_sidecar(path)}
    if article_id is not None:
        meta["id"] = article_id
    return _article(
        text, meta, where=where, default_id=path.stem, default_published=default, path=where, clean=False
    )


def _read_html_file(path: Path, default: date | None, article_id: str | None) -> Article:
    import trafilatura  # slow to import; only HTML needs it

    where = str(path)
    data = _read_bytes(path)
    content: bytes | str = data
    if _bom_codec(data) is not None or b"\x00" in data[:BINARY_PROBE]:
        content = _decode(data, where)  # BOM-marked text, or the binary-file error
    elif not data.strip():
        raise IngestError(f"{where}: empty article; remove it or add its text")
    date_params = {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}
    try:
        doc = trafilatura.bare_extraction(
            content,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params=date_params,
        )
    except Exception as exc:  # trafilatura has no exception tree of its own; any failure is a bad page
        raise IngestError(
            f"{where}: cannot extract the article from the HTML ({exc}); save its text as .txt"
        ) from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise IngestError(f"{where}: no article text found in the page; save its text as .txt beside it")
    found: dict[str, Any] = {"title": doc.title, "url": doc.url, "source": doc.sitename}
    try:  # a page's own date markup is a hint, not the user's claim: ignore it when unusable
        found["published"] = _parse_published(doc.date, None)
    except IngestError:
        pass
    meta = {k: v for k, v in _meta_fields(found, where).items() if v is not None}
    meta = {**meta, **_read_sidecar(path)}
    if article_id is not None:
        meta["id"] = article_id
    return _article(text, meta, where=where, default_id=path.stem, default_published=default, path=where)


def _record(value: Any, *, where: str, default_id: str, default: date | None, path: Path) -> Article:
    if not isinstance(value, dict):
        raise _at(
            where,
            f'expected a JSON object with a "text" field, got {_type_name(value)}; '
            "fix the record or remove it",
        )
    if "text" not in value:
        raise _at(where, 'no "text" field; add the article text as "text"')
    text = value["text"]
    if not isinstance(text, str):
        raise _at(where, f'"text" is {_type_name(text)}, not text; make it a string')
    meta = _meta_fields(value, where)
    return _article(text, meta, where=where, default_id=default_id, default_published=default, path=str(path))


def _json_error(where: str, exc: json.JSONDecodeError, fix: str) -> IngestError:
    return IngestError(f"{where} line {exc.lineno}: invalid JSON ({_json_problem(exc)}); {fix}")


def _json_problem(exc: json.JSONDecodeError) -> str:
    """json's message and column: "Invalid control character at column 9" (json says "… at" itself)."""
    return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"


def _read_json_file(path: Path, default: date | None) -> Iterator[Item]:
    text = _decode(_read_bytes(path, too_large="split it into smaller files or use .jsonl"), str(path))
    if not text.strip():
        raise IngestError(f"{path}: empty article; remove it or add its text")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _json_error(str(path), exc, "fix the file") from exc
    if isinstance(value, dict):
        yield str(path), _record(value, where=str(path), default_id=path.stem, default=default, path=path)
        return
    if not isinstance(value, list):
        raise IngestError(
            f'{path}: expected a JSON object with "text" or a list of them, '
            f"got {_type_name(value)}; fix the file"
        )
    if not value:
        raise IngestError(f"{path}: an empty list, no articles; remove it or add records")
    for index, (record, line) in enumerate(zip(value, _element_lines(text), strict=True), start=1):
        where = f"{path} line {line}"
        try:
            yield (
                where,
                _record(record, where=where, default_id=f"{path.stem}-{index}", default=default, path=path),
            )
        except IngestError as exc:
            yield exc


def _element_lines(text: str) -> list[int]:
    """The line each element of a (valid) top-level JSON array starts on."""
    decoder, lines = json.JSONDecoder(), []
    skip = re.compile(r"[\s,]*")
    pos, line, counted = text.index("[") + 1, 1, 0
    while True:
        pos = skip.match(text, pos).end()
        if text[pos] == "]":
            return lines
        line += text.count("\n", counted, pos)
        counted = pos
        lines.append(line)
        _, pos = decoder.raw_decode(text, pos)


def _read_jsonl_file(path: Path, default: date | None) -> Iterator[Item]:
    try:
        with path.open("rb") as handle:
            head = handle.read(BINARY_PROBE)
            codec = _bom_codec(head)
            if codec is not None and codec != "utf-8-sig":
                decoded = _decode(head + handle.read(), str(path))
                raw_lines = [(line + "\n").encode() for line in decoded.split("\n")]
            else:
                if b"\x00" in head:
                    raise IngestError(f"{path}: {_binary_problem(head)}")
                handle.seek(3 if codec == "utf-8-sig" else 0)
                raw_lines = handle  # type: ignore[assignment]
            yield from _jsonl_records(path, raw_lines, default, offset=3 if codec == "utf-8-sig" else 0)
    except PermissionError as exc:
        raise IngestError(f"{path}: cannot read it (permission denied); {_UNREADABLE}") from exc
    except OSError as exc:
        raise IngestError(f"{path}: cannot read it ({exc.strerror or exc}); check the file") from exc


def _jsonl_records(
    path: Path, raw_lines: Iterable[bytes], default: date | None, offset: int
) -> Iterator[Item]:
    count = 0
    for number, raw in enumerate(raw_lines, start=1):
        where = f"{path} line {number}"
        start, offset = offset, offset + len(raw)
        if len(raw) > MAX_BYTES:
            yield IngestError(f"{where}: the record is larger than {MAX_MB} MB; split it into articles")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"{path}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
                f"{start + exc.start}); convert it to UTF-8"
            ) from exc
        if not line.strip():
            continue
        count += 1
        try:
            value = json.loads(line.rstrip("\r\n"))  # without it, an error at the end is "column 1"
        except json.JSONDecodeError as exc:
            yield IngestError(
                f"{where}: invalid JSON ({_json_problem(exc)}); fix the record or remove the line"
            )
            continue
        try:
            yield (
                where,
                _record(value, where=where, default_id=f"{path.stem}-{number}", default=default, path=path),
            )
        except IngestError as exc:
            yield exc
    if count == 0:
        raise IngestError(f"{path}: empty article; remove it or add one JSON record per line")
