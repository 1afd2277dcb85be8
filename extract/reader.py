"""Read news article files (plain text, dated text, Markdown) into `Article`s.

The reader's job is to hand the NER clean prose: metadata lines become fields, Markdown images,
links and headings disappear, photo credits are set aside, and site furniture ("Register",
"Latest Podcasts") is dropped. Every offset later taken is into `Article.body`.
"""
from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from .facts import Article

# Larger files are refused with a message, not read into memory. The cost of one article grows
# faster than its length (the parser takes up to 16 of its 50,000-character pieces at once, and the
# relation model scores every pair of its entities): 100 KB of entity-dense news (BBC stories run
# together) peaked at 0.97 GB and took 17 s; 200 KB at 1.6 GB and 32 s; 1 MB passed 5 GB after
# 2.5 minutes. A news article is a few KB; a long read, some tens.
MAX_BYTES = 100_000
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
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), ()
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
            raise ArticleError(path, f"too large ({size:,} bytes; the limit is {MAX_BYTES:,}, to keep the "
                                     "memory one article needs under 1 GB: split it into articles)")
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
_CAPTION = re.compile(r"^(?:media|image) caption\s+", re.I)
_BYLINE = re.compile(r"^(?:written by|by)\s+(.{2,80})$", re.I)
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def parse_article(text: str, article_id: str, path: str = "") -> Article:
    """Parse an article's text (already decoded) into headline, metadata and clean body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or ch >= " " and not 0x7F <= ord(ch) < 0xA0)
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
            credits.append(re.sub(r"^(?:©|\(c\)|photo\s*:|image\s*:|picture\s*:|additional reporting by)\s*",
                                  "", line, flags=re.I))
            continue
        m = _IMAGE_COPYRIGHT.match(line)
        if m:
            credits.append(m.group(1).strip())
            if not m.group(2):
                continue
            line = m.group(2).strip()
        line = _CAPTION.sub("", line)
        m = _BYLINE.match(line)
        if m and len(m.group(1).split()) <= 6 and not _SENTENCE_END.search(line):
            authors.extend(a.strip() for a in re.split(r",| and ", m.group(1)) if a.strip())
            continue
        if line:
            paragraphs.append(line)

    if headline is None:
        for i, para in enumerate(paragraphs[:3]):
            if _looks_like_title(para, first=i == 0):
                headline = para
                del paragraphs[i]
                break
    if headline:
        # a repeated title (often with "Published 4 hours ago" after it) is not prose
        paragraphs = [p for p in paragraphs if not p.startswith(headline)]
    paragraphs = [p for p in paragraphs if not _is_furniture(p, authors)]
    body = "\n\n".join(paragraphs)
    if not headline:
        headline = _first_sentence(body)
    return Article(
        id=article_id, path=path, headline=headline or article_id, body=body, date=date, url=url,
        authors=tuple(dict.fromkeys(authors)), keywords=tuple(keywords), credits=tuple(credits),
    )


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
