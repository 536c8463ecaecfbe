import pytest

from eventcoder import errors
from eventcoder.clean import clean, segment_text
from eventcoder.ingest import RawDocument, iter_documents
from conftest import DERNA, RES


def roles(text):
    return [(s.role, text[s.start:s.end][:30]) for s in segment_text(text)]


def test_derna_segments():
    text = DERNA.read_text()
    r = roles(text)
    assert r[0] == ("headline", "Libyan National Army attacks m")
    assert r[1][0] == "standfirst"
    assert r[2][0] == "caption" and "military parade" in text[segment_text(text)[2].start:segment_text(text)[2].end]
    related = [t for role, t in r if role == "related"]
    assert related[0].startswith("Read more") and len(related) == 3
    assert r[-1][0] == "body"


def test_html_boilerplate_removed_and_caption_marked():
    (doc,) = list(iter_documents([RES / "kabul-attack.html"]))
    a = clean(doc)
    assert a.title == "Gunmen kill four police officers at checkpoint in Ghazni"
    assert "Sign in" not in a.text and "Privacy" not in a.text and "Copyright" not in a.text
    assert "Afghan peace talks stall" not in a.text  # the related-links box
    caps = [a.text[s.start:s.end] for s in a.segments if s.role == "caption"]
    assert caps == ["Afghan security forces patrol a road in Ghazni province in 2019. / AFP"]
    assert str(a.published) == "2020-03-12"


def test_broken_html_is_rejected():
    (doc,) = list(iter_documents([RES / "broken.html"]))
    with pytest.raises(errors.MalformedInputError) as e:
        clean(doc)
    assert "broken.html" in str(e.value)


@pytest.mark.parametrize("text", [
    (RES / "french.txt").read_text(),
    "مقتل ستة مدنيين في اشتباكات قرب مدينة درنة الليبية حسب الأمم المتحدة",
])
def test_non_english_is_rejected(text):
    with pytest.raises(errors.LanguageError) as e:
        clean(RawDocument("x.txt", text, "text"))
    assert "[E105] x.txt" in str(e.value)
