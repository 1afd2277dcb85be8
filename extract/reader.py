"""Read news article files (plain text, dated text, Markdown) into `Article`s.

The reader's job is to hand the NER clean prose: metadata lines become fields, Markdown images,
links and headings disappear, photo credits are set aside, and site furniture ("Register",
"Latest Podcasts") is dropped. Every offset later taken is into `Article.body`.
"""

from __future__ import annotations

import codecs
import errno
import html
import os
import re
import stat
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from .facts import Article
from .names import AGENCIES, PERSON_DESCRIBERS, TITLES, strip_possessive

# Larger files are refused with a message, not read into memory. The cost of one article grows
# faster than its length (the parser takes up to 16 of its 50,000-character pieces at once, and the
# relation model scores every pair of its entities): 100 KB of entity-dense news (BBC stories run
# together) peaked at 0.97 GB and took 17 s; 200 KB at 1.6 GB and 32 s; 1 MB passed 5 GB after
# 2.5 minutes. A news article is a few KB; a long read, some tens.
MAX_BYTES = 200_000
SUFFIXES = (".txt", ".md", ".markdown", ".text")


class ArticleError(Exception):
    """A file that cannot be read as an article; str() is the one-line message for the user."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = shown(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown(path: str | os.PathLike | bytes) -> str:
    """A file name as text that is safe on one line: bytes that are not UTF-8 as \\xNN, and control
    characters (a newline in a name could forge a message line), line separators and bidi controls
    as escapes. Ordinary names are unchanged. Used for article paths, ids and messages."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


# --- finding files -------------------------------------------------------------------------


def find_articles(sources: Iterable[str | os.PathLike]) -> Iterator[Path | ArticleError]:
    """Yield every article file under the given files and folders, sorted, once each.

    Problems (a missing path, a folder that cannot be listed) are yielded as ArticleError so the
    caller can report them and go on with the rest.
    """
    seen: set[Path] = set()
    for source in sources:
        path = Path(source)
        if not path.exists() and not path.is_symlink():
            yield ArticleError(path, "no such file or folder")
            continue
        if path.is_dir():
            found = sorted(_walk(path), key=lambda item: os.fsencode(getattr(item, "file", item)))
        else:
            found = [path]
        for item in found:
            if isinstance(item, ArticleError):
                yield item
                continue
            key = _same_file_key(item)
            if key not in seen:
                seen.add(key)
                yield item


def _same_file_key(path: Path) -> Path:
    """The real path of a file (two names of one file are read once); the name itself where it
    cannot be resolved (missing, or past PATH_MAX: reading it will say why)."""
    try:
        return path.resolve() if path.exists() else path
    except OSError:
        return path


def _walk(folder: Path) -> Iterator[Path | ArticleError]:
    """Article files under the folder; each folder that cannot be listed (unreadable, deeper than
    PATH_MAX) as an ArticleError, so that it is named rather than silently left out."""
    failed: list[OSError] = []
    for root, dirs, files in os.walk(folder, followlinks=False, onerror=failed.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(SUFFIXES):
                continue
            yield Path(root) / name
        yield from map(_unlisted, failed)
        failed.clear()
    yield from map(_unlisted, failed)


def _unlisted(exc: OSError) -> ArticleError:
    error = ArticleError(exc.filename, f"cannot list folder ({exc.strerror or exc})")
    error.file = exc.filename or ""
    return error


# --- decoding --------------------------------------------------------------------------------


def decode(data: bytes, path: str | os.PathLike = "<text>") -> tuple[str, tuple[str, ...]]:
    """Decode bytes as honestly as possible; return the text and what had to be guessed."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), ()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), ("decoded as UTF-16 (byte-order mark)",)
    if b"\x00" in data:
        raise ArticleError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, ("not UTF-8; decoded as cp1252 (guessed)",)
    except UnicodeDecodeError:
        return data.decode("latin-1"), ("not UTF-8; decoded as Latin-1 (guessed)",)


# UTF-8 shown as cp1252 (or Latin-1): "Â£" for "£", "â€™" for "’", "Ã©" for "é". _AS_BYTE is
# the byte each character stood for (cp1252's where it has one, else Latin-1's); _MOJIBAKE a lead
# byte (U+00C2-U+00F4) with as many continuation bytes (0x80-0xBF) as it announces.
_AS_BYTE = {chr(b): b for b in range(0x80, 0x100)} | {
    bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_CONTINUATION = "".join(ch for ch, b in _AS_BYTE.items() if b < 0xC0)
_C = f"[{re.escape(_CONTINUATION)}]"
_MOJIBAKE = re.compile(f"[\u00c2-\u00df]{_C}|[\u00e0-\u00ef]{_C}{{2}}|[\u00f0-\u00f4]{_C}{{3}}")
_CHARACTER_REFERENCE = re.compile(r"&#(?:(\d{2,7})|[xX]([0-9a-fA-F]{2,6}));")


def repair_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Mend what a wrong decoding upstream left in a text: UTF-8 read as cp1252 or Latin-1
    ("Â£5m" -> "£5m", "Ministerâ€™s" -> "Minister’s"), and HTML character references
    ("Ren&#233;" -> "René"); only a run that decodes as UTF-8 changes, so "Zürich" and "naïve" stay.
    Returns the text and what was repaired, for the article's warnings."""
    repaired = 0

    def mend(m: re.Match) -> str:
        nonlocal repaired
        try:
            fixed = bytes(_AS_BYTE[ch] for ch in m.group()).decode("utf-8")
        except UnicodeDecodeError:
            return m.group()
        if not ("\u00a0" <= fixed <= "\u017f" or "\u2010" <= fixed <= "\u206f" or fixed in "€™"):
            return m.group()  # what mis-decoding makes of Western text; not "groß“" (U+07D3)
        repaired += 1
        return fixed

    def reference(m: re.Match) -> str:
        nonlocal repaired
        code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
        fixed = html.unescape(m.group())  # as HTML5 reads it: "&#146;" is cp1252's ’
        if code < 0x20 or code == 0x7F or fixed == "\ufffd" or unicodedata.category(fixed) == "Cc":
            return m.group()
        repaired += 1
        return fixed

    text = _MOJIBAKE.sub(mend, text)
    text = _CHARACTER_REFERENCE.sub(reference, text)
    if not repaired:
        return text, ()
    plural = "s" if repaired > 1 else ""
    return text, (f"repaired {repaired} mis-decoded character{plural}",)  # UTF-8 read as cp1252, or &#NNN;


def read_article(path: str | os.PathLike) -> Article:
    """Read one file into an Article, or raise ArticleError saying why it cannot be used."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ArticleError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise ArticleError(path, "not a regular file (a pipe, socket or device)")
        size = info.st_size
        if size > MAX_BYTES:
            raise ArticleError(
                path,
                f"too large ({size:,} bytes; the limit is {MAX_BYTES:,}, to keep the "
                "memory one article needs under 1 GB: split it into articles)",
            )
        data = path.read_bytes()
    except ArticleError:
        raise
    except IsADirectoryError:
        raise ArticleError(path, "is a folder, not a file") from None
    except PermissionError:
        raise ArticleError(path, "permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError(path, "symbolic link loop") from None
        raise ArticleError(path, f"cannot read ({exc.strerror or exc})") from None
    if data.startswith(b"\x89PNG") or data[:4] in (b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff\xe0"):
        raise ArticleError(path, "binary file (an image or document), not text")
    text, warnings = decode(data, path)
    if _HTML_START.match(text):
        text = html_to_text(text)
        warnings += ("an HTML page, not plain text: read its visible text",)
    article = parse_article(text, article_id=shown(path.stem), path=shown(path))
    if not article.body.strip():
        raise ArticleError(path, "empty: no article text found")
    if warnings:
        article = replace(article, warnings=article.warnings + warnings)
    return article


_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html[\s>]|<head[\s>])", re.I)


def html_to_text(page: str) -> str:
    """The visible text of an HTML page, one block element a line (scripts and styles dropped)."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "title", "tr", "article", "section"}
        SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer"}

        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skipping = 0

        def handle_starttag(self, tag, attrs):
            if tag in self.SKIP:
                self.skipping += 1
            elif tag in self.BLOCKS:
                self.parts.append("\n\n")

        def handle_endtag(self, tag):
            if tag in self.SKIP and self.skipping:
                self.skipping -= 1
            elif tag in self.BLOCKS:
                self.parts.append("\n\n")

        def handle_data(self, data):
            if not self.skipping:
                self.parts.append(data.replace("\n", " "))

    parser = Text()
    parser.feed(page)
    parser.close()
    return "".join(parser.parts)


# --- parsing ---------------------------------------------------------------------------------

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$", re.I)
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_META = re.compile(r"^(keywords|authors?|publish(?:ed)?[ _]date|date|url|source)\s*:\s*(.*)$", re.I)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_CREDIT_LINE = re.compile(r"^(?:©|\(c\)\s|photo\s*:|image\s*:|picture\s*:|additional reporting by\b)", re.I)
_IMAGE_COPYRIGHT = re.compile(r"^image copyright\s+(.*?)(?:\s+image caption\s+(.*))?$", re.I)
# a caption's credit, after its last sentence: "(Lucas Schifres/Pictobank)", "AP Photo/Matt Rourke"
_PHOTO_CREDIT = re.compile(
    r"\(?(?P<credit>(?:[A-Z][A-Za-z'’-]*\s+){0,3}(?:Photo|Images?|Pictures?)\s*/\s*[A-Z][\w.'’ -]{1,40}?)\)?"
    r"|\((?P<name>[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3}\s*/\s*[A-Z][\w.&'’ -]{1,30}?)\)"
)
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.!?\"”’])\s+)(?=[^.!?]*$)")
_CAPTION = re.compile(r"^(?:media|image) caption\s+", re.I)
_BYLINE = re.compile(r"^(?:written by|by)\s+(.{2,80})$", re.I)
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls and DEL, but for tab and line break


def parse_article(text: str, article_id: str, path: str = "") -> Article:
    """Parse an article's text (already decoded) into headline, metadata and clean body."""
    text, repaired = repair_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    headline: str | None = None
    date = url = None
    authors: list[str] = []
    keywords: list[str] = []
    credits: list[str] = []
    paragraphs: list[str] = []
    first_line = True

    for raw in text.split("\n"):
        line = raw.strip()
        if first_line and line:
            first_line = False
            m = _DATE_LINE.match(line)
            if m:
                date = m.group(1)
                line = m.group(2).strip()
        if not line:
            continue
        m = _HEADING.match(line)
        if m:
            if headline is None and not paragraphs:
                headline = _inline_markdown(m.group(1))
            continue  # later headings are section titles: not prose
        m = _META.match(line)
        if m and not paragraphs:
            field, value = m.group(1).lower(), m.group(2).strip()
            if value.lower() in ("", "none", "null", "n/a"):
                continue
            if field.startswith("keyword"):
                keywords.extend(w for w in re.split(r"[,\s]+", value) if w)
            elif field.startswith("author"):
                authors.extend(a.strip() for a in value.split(",") if a.strip())
            elif field in ("url", "source"):
                url = value
            elif _ISO_DATE.match(value[:10]):
                date = value[:10]
            continue
        if _IMAGE.fullmatch(line):
            continue
        links = list(_LINK.finditer(line))
        if links and _LINK.sub("", line).strip() == "":
            for link in links:  # a line of bare links: keep the article's own address, drop the rest
                if link.group(1).strip().lower() in ("original article", "source", "original"):
                    url = url or link.group(2)
            continue
        line = _inline_markdown(line)
        if _CREDIT_LINE.match(line):
            credits.append(
                re.sub(r"^(?:©|\(c\)|photo\s*:|image\s*:|picture\s*:|additional reporting by)\s*", "", line, flags=re.I)
            )
            continue
        m = _IMAGE_COPYRIGHT.match(line)
        if m:
            credits.append(m.group(1).strip())
            if not m.group(2):
                continue
            line = m.group(2).strip()
        line = _CAPTION.sub("", line)
        cut = _LAST_SENTENCE.search(line)
        m = _PHOTO_CREDIT.fullmatch(line, cut.end()) if cut else None
        if m:
            credits.append(re.sub(r"\s*/\s*", "/", m.group("credit") or m.group("name")))
            line = line[: cut.start()].strip()
        m = _BYLINE.match(line)
        if m and len(m.group(1).split()) <= 6 and not _SENTENCE_END.search(line):
            authors.extend(a.strip() for a in re.split(r",| and ", m.group(1)) if a.strip())
            continue
        if line:
            paragraphs.append(line)

    editors: list[str] = []
    sources: list[str] = []
    while paragraphs:  # the end-of-article credits: agencies, author and editor lines
        kept, credited = closing_credits(paragraphs[-1])
        authors.extend(credited["author"])
        editors.extend(credited["editor"])
        sources.extend(credited["source"])
        if kept:
            paragraphs[-1] = kept
            break
        paragraphs.pop()
    if headline is None:
        for i, para in enumerate(paragraphs[:3]):
            if _looks_like_title(para, first=i == 0):
                headline = para
                del paragraphs[i]
                break
    if headline is None and paragraphs:  # a headline run into the first sentence (the BBC data set)
        glued = glued_headline(paragraphs[0])
        if glued:
            headline, paragraphs[0] = glued
    if headline:
        # a repeated title (alone, or with "Published 4 hours ago" after it) is not prose; a
        # first sentence that starts with the title's words is ("Myra Clark Gaines (c. 1804 -
        # 1885) was an American socialite")
        paragraphs = [p for p in paragraphs if not _repeats_title(p, headline)]
    paragraphs = [p for p in paragraphs if not _is_furniture(p, authors)]
    if paragraphs:  # a wire dateline: "WASHINGTON (AP) — The president ..."
        paragraphs[0], credited = dateline(paragraphs[0])
        sources.extend(credited)
    body = "\n\n".join(paragraphs)
    if not headline:
        headline = _first_sentence(body)
    return Article(
        id=article_id,
        path=path,
        headline=headline or article_id,
        body=body,
        date=date,
        url=url,
        authors=tuple(dict.fromkeys(authors)),
        keywords=tuple(keywords),
        credits=tuple(credits),
        editors=tuple(dict.fromkeys(editors)),
        sources=tuple(dict.fromkeys(sources)),
        warnings=repaired,
    )


NOT_INITIALS = frozenset({"and/or", "he/she", "his/her", "him/her", "s/he", "w/o", "km/h"})
_ENDS_SENTENCE = re.compile(r"[.!?\"”’)\]]$")
_EDITOR = re.compile(r"(?:^|\s)Editors?\s*:\s*(?P<names>[^:]{2,80})$")
_AUTHOR = re.compile(r"(?:^|\s)(?:Author|Reporter|Written by)s?\s*:\s*(?P<names>[^:]{2,100})$", re.I)
_INITIALS_THEN_AGENCIES = re.compile(r"(?:^|\s)(?P<chain>[a-z]{1,4}(?:/[A-Za-z]{1,8})+)?\s*\((?P<list>[^()]{1,60})\)$")
_CHAIN = re.compile(r"(?:^|\s)(?P<chain>[a-z]{1,4}(?:/[A-Za-z]{1,8})+)$")
_AGENCIES_THEN_INITIALS = re.compile(r"(?:^|\s)(?P<list>[A-Za-z][\w ,-]{0,40}?)\s*\([a-z]{1,4}(?:/[a-z]{1,4})+\)$")
# Without a run of 50 spaces or a chain of 20 names, no credit above is longer than 300 characters:
# then only a paragraph's last CREDITS_TAIL characters are searched for one.
_LONG_RUN = re.compile(r"\s{50}|(?:/[A-Za-z]{1,8}){20}")
CREDITS_TAIL = 400


_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?P<rest>,? [\w.,' ]{0,30}?)?"
    r"\s*\((?P<list>[^()]{1,40})\)\s*[-—–]+\s*"
)


def dateline(para: str) -> tuple[str, list[str]]:
    """A wire story's opening dateline: the place in ordinary capitals, so that the NER reads a
    name rather than a shout, and the agency credited in it as a source ("WASHINGTON (AP) —
    The president" -> "Washington — The president", ["AP"])."""
    m = _DATELINE.match(para)
    listed = _agencies(m.group("list").split(",")) if m else None
    if not listed:
        return para, []
    place = " ".join(
        w if "." in w else "-".join(p.capitalize() for p in w.split("-")) for w in m.group("place").split()
    )  # "U.S." stays, "WINSTON-SALEM" -> "Winston-Salem"
    return f"{place}{(m.group('rest') or '').rstrip()} — {para[m.end() :]}", listed


def _agencies(items: list[str]) -> list[str] | None:
    """The items, if every one is a known agency, else None."""
    items = [i.strip() for i in items if i.strip()]
    return items if items and all(i.lower() in AGENCIES for i in items) else None


def _names(text: str) -> list[str]:
    """People in an author or editor credit: 'Nathan Morley, Nicosia, Cyprus / dfm' -> Nathan Morley."""
    text = re.sub(r"\s*/\s*[a-z]{1,4}$", "", text.strip())  # the desk's initials
    names = []
    for part in re.split(r"/|\s+and\s+|&", text):
        name = part.split(",")[0].strip()
        if 2 <= len(name) <= 60 and name[0].isupper():
            names.append(name)
    return names


def closing_credits(para: str) -> tuple[str, dict[str, list[str]]]:
    """The paragraph without the credits news sites put after an article's last sentence, and
    those credits: {"author": [...], "editor": [...], "source": [agencies]}.

    Read from the end, as DW, AFP-fed and most wire-fed sites write them: "Author: Martin Polansky
    (jc) Editor: Rob Mudge", "mz/msh (AP, AFP, dpa)", "tkw/AFP/AP/dpa", "AFP, ASX (hch/bea)". A
    credit is taken only where the text before it ends a sentence (or nothing is before it), and
    agencies without desk initials only when every name in the list is a known agency, so a
    sentence that ends "(PACE)" keeps its acronym."""
    found: dict[str, list[str]] = {"author": [], "editor": [], "source": []}
    text, kept = para.strip(), (para.strip(), {k: [] for k in found})
    while text:
        before = None
        tail = 0 if _LONG_RUN.search(text) else max(0, len(text) - CREDITS_TAIL)  # where a credit may start
        m = _EDITOR.search(text, tail)
        if m:
            found["editor"][:0] = _names(m.group("names"))
            before = text[: m.start()]
        if before is None and (m := _AUTHOR.search(text, tail)):
            names = m.group("names")
            for group in re.findall(r"\(([^()]*)\)", names):
                found["source"][:0] = _agencies(group.split(",")) or []
            found["author"][:0] = _names(re.sub(r"\s*\([^()]*\)", "", names))
            before = text[: m.start()]
        if before is None and (m := _INITIALS_THEN_AGENCIES.search(text, tail)):
            items = m.group("list").split(",")
            listed = _agencies(items)
            if m.group("chain") and not listed:  # desk initials vouch for the list: any short names
                listed = [i.strip() for i in items if 0 < len(i.strip()) <= 30]
            if listed:
                found["source"][:0] = listed
                before = text[: m.start()]
        if before is None and (m := _CHAIN.search(text, tail)) and m.group("chain").lower() not in NOT_INITIALS:
            listed = [i for i in m.group("chain").split("/") if i.lower() in AGENCIES]
            if listed or m.group("chain").islower():
                found["source"][:0] = listed
                before = text[: m.start()]
        if before is None and (m := _AGENCIES_THEN_INITIALS.search(text, tail)):
            listed = [i.strip() for i in m.group("list").split(",")]
            if any(i.lower() in AGENCIES for i in listed):
                found["source"][:0] = listed
                before = text[: m.start()]
        if before is None:
            break
        text = before.strip()
        if not text or _ENDS_SENTENCE.search(text):  # credits end here: what is left is prose
            kept = (text, {k: list(v) for k, v in found.items()})
    return kept


def _inline_markdown(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(lambda m: m.group(1), line)
    line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
    return line.strip()


def _looks_like_title(para: str, first: bool) -> bool:
    words = _WORD.findall(para)
    if not 3 <= len(words) <= 25 or _SENTENCE_END.search(para):
        return False
    if first:
        return True
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.6 * len(words)


# Words that open a news sentence and, capitalised inside one, stand only in a title-case name
# ("Gangs Of New York"): where a headline runs into the body on one line, the body's first word.
SENTENCE_OPENERS = frozenset(
    """The A An This These That Those Its His Her Their Our Your He She It They We There One Two Three
    Four Five Six Seven Eight Nine Ten Some Many Most More Several Both All Each Every No In On At As
    After Before Despite Although While When If But For With Under Since According Former""".split()
)
# plural nouns that open a news story's first sentence ("Shares in Exel closed up", "Thousands of
# products"), read as openers of the body; a headline writes them in lower case but first. Not
# those that end names ("Greater Manchester Police said", "Manchester United Fans group")
PLURAL_OPENERS = frozenset(
    """Thousands Hundreds Millions Dozens Shares Prices Sales Profits Voters Investors Analysts
    Scientists Researchers Campaigners Critics Plans Talks Figures Spectators Viewers Consumers
    Shoppers""".split()
)
# words a headline does not end with: function words and the particles of names ("Naomi van As")
_NOT_LAST = frozenset(w.lower() for w in SENTENCE_OPENERS) | set(
    "of to and or by from v vs van von de der den da di du le la del bin al".split()
)
_ARTICLES = frozenset({"the", "a", "an"})  # prose has them; a headline hardly ever
_QUOTES = ("'", "’", '"', "”")
_PROSE_MARK = re.compile(r"[()]|,(?!\d)")  # a bracket, or a comma that is no thousands separator
NAMED_AGAIN_WORDS = 8  # the most words a headline ended by a full name has
# words that describe the name after them ("film star Robert De Niro", "Arsenal manager Arsene Wenger")
DESCRIBERS = TITLES | PERSON_DESCRIBERS | set("chief great firm company group giant band side club team".split())
GLUED_HEADLINE_WORDS = (2, 15)  # a headline run into the body has this many words at least and at most


def glued_headline(para: str) -> tuple[str, str] | None:
    """(headline, rest) of a paragraph whose first words are a headline run into the body, as in
    the BBC News data set ("Premier League planning Cole date The Premier League is attempting to
    ..."), or None.

    The body starts at the first capitalised word, within the first 15, that
    - follows a quotation of two or more words starting lower-case ("Hewitt decries 'career
      sexism' Plans to extend ..."), or
    - starts a full name whose last word the headline named, or a description of it ("Radcliffe
      yet to answer GB call Paula Radcliffe has been ...", "... box office Film star Robert De
      Niro ..."; `_names_again`), or
    - repeats the word before it, the headline's last ("Clyde 0-5 Celtic Celtic brushed aside ...",
      "... for Chancellor Chancellor Gordon Brown"), where the paragraph has that pair nowhere
      else and no describing word stands before it (a name: "Duran Duran ... Duran Duran",
      "Eighties band Duran Duran have ..."), or
    - is a sentence opener ("The", "A", "Three", "Despite", or a plural noun of PLURAL_OPENERS:
      "Shares", "Thousands") after a word that is no function word,
      with a lower-case word after it ("... rate change The decision to ..."), or, with no
      article in the headline, a lower-case word before it ("... record lows The US dollar ...")
      or an article itself ("... door open for Archer The Conservative Party ...").
    Before that, a comma, a dash or a sentence's end means prose: no headline. Inside a title-case
    name ("Gangs Of New York"), after a title ("the band The Residents") or a nickname ("Wilfried
    "Willi" Schneider") none of these holds. A body that opens otherwise ("... Lions All Blacks
    captain Tama Umaga ...") is not told apart and keeps its headline."""
    words = para.split(" ")
    low, high = GLUED_HEADLINE_WORDS
    for k in range(low, min(high, len(words) - 2) + 1):
        before, word, after = words[k - 1], words[k], words[k + 1]
        if not word[:1].isupper():
            continue
        opened = [i for i, w in enumerate(words[:k]) if w[:1] in "'‘\"“"]
        if before.endswith(_QUOTES) and opened and opened[-1] < k - 1 and words[opened[-1]][1:2].islower():
            return " ".join(words[:k]), " ".join(words[k:])
        if (
            _SENTENCE_END.search(before)
            and not before.endswith(_QUOTES)
            or before.endswith(",")
            or not any(c.isalnum() for c in before)
        ):
            return None  # a sentence ended, or goes on after a comma or a dash: prose, not a headline
        # "Borders 19-20 Ulster | Ulster clung on ...", but "Eighties band Duran Duran have ..."
        if word == before and para.count(f"{before} {word}") == 1 and _plain(words[k - 2]) not in DESCRIBERS:
            return " ".join(words[:k]), " ".join(words[k:])
        if _plain(before) in _NOT_LAST:
            continue
        named = _names_again(words, k) if before[:1].islower() else None
        if named:  # "... to answer GB call Paula Radcliffe has", "... box office Film star Robert De Niro"
            return " ".join(words[:named]), " ".join(words[named:])
        if word not in SENTENCE_OPENERS and word not in PLURAL_OPENERS:
            continue
        if (
            after[:1].islower()
            or (before[:1].islower() or word in ("The", "A", "An"))
            and not _ARTICLES & {w.lower() for w in words[:k]}
        ):
            return " ".join(words[:k]), " ".join(words[k:])
    return None


def _names_again(words: list[str], k: int) -> int | None:
    """Where the body starts when words k, k+1, ... are a full name (two or more capitalised
    words) whose last word the headline named ("Radcliffe yet to answer GB call | Paula Radcliffe
    has been ..."), or None. The body may open with a description of the name, one capitalised
    word and words in DESCRIBERS ("De Niro film leads US box office | Film star Robert De Niro
    ..."); the headline is then what comes before it, and it must end in a lower-case word that is
    no function word. A role word with only lower-case words before it back to the fourth word
    before the name is the headline's own ("Roddick in talks over new coach | Andy Roddick"); with
    a capital there, where the body starts is unclear and nothing is split ("... UKIP Ex-chat show
    host Robert Kilroy-Silk"). The headline has at most NAMED_AGAIN_WORDS words and no article,
    bracket or comma but a thousands separator ("5,000m"): prose has them."""
    if words[k] in SENTENCE_OPENERS:
        return None  # "The Lib Dems have ...": the openers' rule decides
    run = []
    for w in words[k : k + 4]:
        if not w[:1].isupper():
            break
        run.append(w)
        if not w[-1:].isalnum() and not w.endswith(("'s", "’s")):
            break  # a comma or a full stop ends the name
    if len(run) < 2:
        return None
    last = _bare(run[-1])
    if words[k - 1].lower() in DESCRIBERS:  # a description: "Film star", "Larne's teenage star"
        start = _description_start(words, k, last)
        if start is None and any(w[:1].isupper() for w in words[max(0, k - 4) : k - 1]):
            return None  # "... UKIP Ex-chat show host | Robert Kilroy-Silk": where it starts is unclear
        start = k if start is None else start  # else the headline's own words: "... new coach | Andy Roddick"
    else:
        start = k
    head = words[:start]
    if k > NAMED_AGAIN_WORDS or _ARTICLES & {w.lower() for w in head}:
        return None
    if any(_PROSE_MARK.search(w) for w in head):  # a comma or a bracket; "5,000m" is a number
        return None
    return start if len(last) > 2 and last in {_bare(w) for w in head} else None


def _description_start(words: list[str], k: int, last: str) -> int | None:
    """Where the description of the name at word k that word k-1 ends starts ("Film star | Robert
    De Niro", "Liverpool forward | Milan Baros"), or None when it is no description that starts
    the body ("Roddick in talks over new coach | Andy Roddick": the headline's own words)."""
    start = k - 1
    while start > 1 and words[start - 1][:1].islower() and k - start < 3:
        start -= 1
    start -= 1
    before = words[start - 1] if start >= 1 else ""
    if start < 2 or not words[start][:1].isupper():
        return None
    # the headline ends in a lower-case word that is no function word, or in the name itself
    # ("Unclear future for striker Baros | Liverpool forward Milan Baros")
    if _plain(before) in _NOT_LAST or not (before[:1].islower() or _bare(before) == last):
        return None
    return start


def _plain(word: str) -> str:
    """A word in lower case without the quote marks around it."""
    return word.lower().strip("'’\"”")


def _bare(word: str) -> str:
    """A word without punctuation or a possessive after it: "Brown's," -> "Brown"."""
    return strip_possessive(re.sub(r"[^\w'’]+$", "", word))


def _repeats_title(para: str, headline: str) -> bool:
    if not para.startswith(headline):
        return False
    rest = para[len(headline) :].strip()
    return not rest or len(rest.split()) <= 6 and not _SENTENCE_END.search(rest)


def _is_furniture(para: str, authors: list[str]) -> bool:
    """Short lines that are not sentences: navigation, bylines, section labels."""
    if para in authors:
        return True
    words = para.split()
    return len(words) <= 3 and not _SENTENCE_END.search(para)


def _first_sentence(body: str, max_words: int = 25) -> str:
    first = re.split(r"(?<=[.!?])\s+", body.strip(), maxsplit=1)[0] if body.strip() else ""
    words = first.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]) + " …"
    return first
