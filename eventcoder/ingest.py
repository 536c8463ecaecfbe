"""Stage 0: read inputs (text, HTML, JSONL, CSV, folders) into raw documents.

Every rejected input raises an :class:`~eventcoder.errors.InputError` that
names the input and the reason; :func:`iter_documents` turns them into
``Rejected`` items so that a batch goes on with the other inputs.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import errors

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024  # one input file; a corpus file (jsonl/csv) may be larger
MAX_CORPUS_BYTES = 2 * 1024 ** 3
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES


@dataclass(frozen=True)
class RawDocument:
    origin: str
    content: str
    kind: str  # "text" or "html"
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source_name: str | None = None


@dataclass(frozen=True)
class Rejected:
    origin: str
    error: errors.InputError


def parse_published(value, origin: str) -> dt.date | None:
    """Parse a publication date given by the user or a corpus column."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        d = dt.date.fromisoformat(s[:10])
    except ValueError:
        import dateparser

        parsed = dateparser.parse(s, settings={"STRICT_PARSING": True, "DATE_ORDER": "DMY"})
        if parsed is None:
            raise errors.BadDateError(
                f"publication date {s!r} is not a date; give it as YYYY-MM-DD", source=origin
            ) from None
        d = parsed.date()
    if not (1900 <= d.year <= dt.date.today().year + 1):
        raise errors.BadDateError(f"publication date {d} is out of range (1900 to next year)", source=origin)
    return d


def decode(data: bytes, origin: str) -> str:
    """Bytes to text: UTF-8 first, then a detected encoding; reject binary."""
    if not data.strip():
        raise errors.EmptyInputError("the input is empty; give a file with article text", source=origin)
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        raise errors.BinaryInputError(
            "the input looks binary (NUL bytes); give text, HTML, JSONL or CSV", source=origin
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise errors.EncodingError(
                "the text encoding could not be determined; convert the file to UTF-8", source=origin
            ) from None
        text = str(best)
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise errors.BinaryInputError("the input is mostly control characters, not text", source=origin)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path, limit: int) -> bytes:
    origin = str(path)
    if not path.exists():
        raise errors.MissingInputError("no such file or folder", source=origin)
    size = path.stat().st_size
    if size > limit:
        raise errors.TooLargeError(
            f"the file is {size / 2**20:.1f} MiB, over the {limit / 2**20:.0f} MiB limit for one article; "
            "split it or give a JSONL/CSV corpus",
            source=origin,
        )
    return path.read_bytes()


def _record_docs(rows: Iterator[tuple[str, dict]], default_published) -> Iterator[RawDocument | Rejected]:
    for origin, row in rows:
        text = row.get("text") or row.get("notes") or row.get("body") or row.get("content")
        try:
            if not isinstance(text, str) or not text.strip():
                raise errors.EmptyInputError("the record has no 'text' field", source=origin)
            published = parse_published(row.get("published") or row.get("date"), origin) or default_published
            kind = "html" if text.lstrip().startswith("<") else "text"
            yield RawDocument(origin, text.replace("\r\n", "\n"), kind, row.get("title") or None,
                              row.get("url") or None, published, row.get("source") or None)
        except errors.InputError as e:
            yield Rejected(origin, e)


def _jsonl_rows(path: Path, text: str) -> Iterator[tuple[str, dict]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        origin = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            yield origin, {"__error__": f"line is not valid JSON ({e.msg})"}
            continue
        if not isinstance(row, dict):
            yield origin, {"__error__": "line is not a JSON object"}
            continue
        yield origin, row


def _csv_rows(path: Path, text: str) -> Iterator[tuple[str, dict]]:
    delim = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delim, strict=True)
    try:
        reader.fieldnames
    except csv.Error as e:
        raise errors.MalformedInputError(f"broken CSV header: {e}", source=str(path)) from None
    if not reader.fieldnames or not ({"text", "notes", "body", "content"} & set(reader.fieldnames)):
        raise errors.MalformedInputError(
            f"the CSV has no 'text' column (columns: {', '.join(reader.fieldnames or [])}); "
            "name the article column 'text'",
            source=str(path),
        )
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            raise errors.MalformedInputError(f"broken CSV at line {reader.line_num}: {e}", source=str(path)) from None
        yield f"{path}:{reader.line_num}", row


def iter_documents(paths, published: dt.date | None = None) -> Iterator[RawDocument | Rejected]:
    """Yield a RawDocument or a Rejected item for every article found under ``paths``."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            yield from iter_documents(files, published)
            continue
        origin = str(path)
        suffix = path.suffix.lower()
        try:
            if suffix not in SUPPORTED:
                raise errors.MalformedInputError(
                    f"unsupported file type {suffix!r}; use one of .txt .html .jsonl .csv", source=origin)
            corpus = suffix in JSONL_SUFFIXES | CSV_SUFFIXES
            text = decode(_read_bytes(path, MAX_CORPUS_BYTES if corpus else MAX_BYTES), origin)
            if suffix in JSONL_SUFFIXES:
                rows = list(_jsonl_rows(path, text))
                for origin_r, row in rows:
                    if "__error__" in row:
                        yield Rejected(origin_r, errors.MalformedInputError(row["__error__"], source=origin_r))
                yield from _record_docs(((o, r) for o, r in rows if "__error__" not in r), published)
            elif suffix in CSV_SUFFIXES:
                yield from _record_docs(_csv_rows(path, text), published)
            else:
                kind = "html" if suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")) else "text"
                yield RawDocument(origin, text, kind, published=published)
        except errors.InputError as e:
            log.warning("rejected %s", e)
            yield Rejected(origin, e)
