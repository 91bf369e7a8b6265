"""The exception tree. Every error a user can cause is a KGError with a one-line message.

    KGError
    ├── IngestError     an article file or record cannot be read
    ├── ActorError      an actor name or code is unknown, an actor file is malformed
    ├── ExtractError    the NLP pipeline cannot be built
    ├── QueryError      invalid SPARQL, a missing parameter, a timeout
    ├── StoreError      the store cannot be opened, is locked, or a write failed
    ├── ExportError     an output cannot be written
    └── EvalError       a gold file is malformed

The CLI catches KGError, prints ``Error: <message>`` and exits non-zero.
"""

from __future__ import annotations


class KGError(Exception):
    """Base of every error kg reports to its user."""


class IngestError(KGError):
    """An article file or record cannot be read."""


class ActorError(KGError):
    """An actor is unknown or an actor file is malformed."""

    @classmethod
    def invalid_yaml(cls, path: object, exc: Exception) -> ActorError:
        """A gazetteer file's YAML error as one line naming the file and, where known, the line."""
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        return cls(f"{path}{where}: invalid YAML ({getattr(exc, 'problem', exc)}); fix the entry")


class ExtractError(KGError):
    """The extraction pipeline cannot be built or run."""


class QueryError(KGError):
    """A query is invalid, lacks a parameter, or failed."""


class StoreError(KGError):
    """The store cannot be opened or written."""


class ExportError(KGError):
    """An export cannot be written."""


class EvalError(KGError):
    """A gold annotation file is malformed."""
