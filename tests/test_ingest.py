import datetime as dt

import pytest

from eventcoder import errors
from eventcoder.ingest import Rejected, RawDocument, decode, iter_documents, parse_published
from conftest import RES


def one(path, published=None):
    (doc,) = list(iter_documents([path], published))
    return doc


def test_empty_file_is_rejected_with_its_name(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("   \n")
    doc = one(p)
    assert isinstance(doc, Rejected) and isinstance(doc.error, errors.EmptyInputError)
    assert str(p) in str(doc.error) and "[E101]" in str(doc.error)


def test_binary_file_is_rejected(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert isinstance(one(p).error, errors.BinaryInputError)


def test_latin1_is_decoded(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Clashes near Darnah killed six civilians, officials in Benghazi said on Friday. Caf\xe9 owners fled.".encode("latin-1"))
    doc = one(p)
    assert isinstance(doc, RawDocument) and "Café" in doc.content


def test_undecodable_bytes_are_rejected():
    with pytest.raises(errors.InputError):
        decode(bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d] * 50 + [0x00]), "x.txt")


def test_huge_file_is_rejected(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    doc = one(p)
    assert isinstance(doc.error, errors.TooLargeError) and "50" in str(doc.error)


def test_missing_and_unsupported(tmp_path):
    assert isinstance(one(tmp_path / "nope.txt").error, errors.MissingInputError)
    p = tmp_path / "a.pdf"
    p.write_bytes(b"%PDF-1.4")
    assert isinstance(one(p).error, errors.MalformedInputError)


def test_jsonl_corpus_keeps_good_records_and_names_bad_lines():
    docs = list(iter_documents([RES / "corpus.jsonl"]))
    good = [d for d in docs if isinstance(d, RawDocument)]
    bad = [d for d in docs if isinstance(d, Rejected)]
    assert [d.published for d in good] == [dt.date(2020, 2, 29), dt.date(2020, 2, 12)]
    assert good[0].title == "Clashes south of Tripoli" and good[0].source_name == "Libya Observer"
    assert sorted(d.origin.rsplit(":", 1)[1] for d in bad) == ["3", "4"]


def test_broken_csv_reports_the_line():
    docs = list(iter_documents([RES / "broken.csv"]))
    assert isinstance(docs[0], RawDocument)
    assert isinstance(docs[-1], Rejected) and "line 2" in str(docs[-1].error)


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("a,b\n1,2\n")
    assert "no 'text' column" in str(one(p).error)


def test_folder_is_walked(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Gunmen killed two civilians in Mogadishu on Monday, police said.")
    (tmp_path / "b.html").write_text((RES / "kabul-attack.html").read_text())
    (tmp_path / ".hidden.txt").write_text("x")
    docs = list(iter_documents([tmp_path]))
    assert [d.kind for d in docs] == ["html", "text"]


@pytest.mark.parametrize("value", ["2018-02-30", "yesterday-ish", "1066-10-14", "2999-01-01"])
def test_impossible_published_dates(value):
    with pytest.raises(errors.BadDateError) as e:
        parse_published(value, "--published")
    assert "--published" in str(e.value)


def test_published_formats():
    assert parse_published("2018-05-16", "x") == dt.date(2018, 5, 16)
    assert parse_published("16 May 2018", "x") == dt.date(2018, 5, 16)
    assert parse_published(None, "x") is None


def test_broken_csv_header(tmp_path):
    p = tmp_path / "h.csv"
    p.write_text('text,"published,source\n"x",1\n')
    doc = one(p)
    assert isinstance(doc.error, errors.MalformedInputError) and "header" in str(doc.error)
