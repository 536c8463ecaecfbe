"""The small public surface re-exported from eventcoder/__init__."""
import eventcoder
from conftest import RES


def test_code_text_and_paths(pipeline):
    (e,) = eventcoder.code_text("Gunmen killed two civilians in Mogadishu on Monday, police said.", "2020-02-10",
                                pipeline=pipeline)
    assert isinstance(e, eventcoder.Event) and (e.location, e.fatalities) == ("Mogadishu", 2)
    results = dict(eventcoder.code_paths([RES / "corpus.jsonl", RES / "french.txt"], pipeline=pipeline))
    errors = {k: v for k, v in results.items() if isinstance(v, eventcoder.InputError)}
    assert sorted(type(v).__name__ for v in errors.values()) == ["EmptyInputError", "LanguageError", "MalformedInputError"]
    assert sum(len(v) for v in results.values() if isinstance(v, list)) == 2


def test_exception_tree():
    assert issubclass(eventcoder.LanguageError, eventcoder.InputError)
    assert issubclass(eventcoder.InputError, eventcoder.EventCoderError)
    assert issubclass(eventcoder.StoreError, eventcoder.EventCoderError)
    assert eventcoder.Pipeline.__name__ == "Pipeline"
