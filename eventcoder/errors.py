"""Errors raised by eventcoder.

Every error carries a stable code (``E1xx`` for input, ``E2xx`` for
configuration, ``E3xx`` for storage, ``E4xx`` for evaluation, ``E5xx`` for the
optional LLM backend) and a message
that names the input and says what to do next.

Exception tree::

    EventCoderError
    ├── InputError            bad input: the file/record is rejected, the batch goes on
    │   ├── EmptyInputError       E101
    │   ├── BinaryInputError      E102
    │   ├── EncodingError         E103
    │   ├── TooLargeError         E104
    │   ├── LanguageError         E105
    │   ├── MalformedInputError   E106 (broken HTML, CSV, JSONL)
    │   ├── BadDateError          E107 (impossible publication date)
    │   └── MissingInputError     E108
    ├── ConfigError           E201 unknown model, format, gazetteer file ...
    ├── StoreError            E301 the database cannot be opened or written
    ├── EvalError             E401 evaluation file is not in the expected layout
    └── BackendError          E501 the optional LLM endpoint is unreachable, refuses the key or answers nonsense
"""
from __future__ import annotations


class EventCoderError(Exception):
    code = "E000"

    def __init__(self, message: str, *, source: str | None = None):
        self.source = source
        self.message = message
        prefix = f"[{self.code}] "
        where = f"{source}: " if source else ""
        super().__init__(prefix + where + message)

    def __reduce__(self):  # picklable for worker processes (Dask)
        return (_rebuild, (self.__class__, self.message, self.source))


def _rebuild(cls, message, source):
    return cls(message, source=source)


class InputError(EventCoderError):
    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class TooLargeError(InputError):
    code = "E104"


class LanguageError(InputError):
    code = "E105"


class MalformedInputError(InputError):
    code = "E106"


class BadDateError(InputError):
    code = "E107"


class MissingInputError(InputError):
    code = "E108"


class ConfigError(EventCoderError):
    code = "E201"


class StoreError(EventCoderError):
    code = "E301"


class EvalError(EventCoderError):
    code = "E401"


class BackendError(EventCoderError):
    code = "E501"
