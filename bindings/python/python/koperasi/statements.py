"""Published statements (issue 18): the figures an office or a newspaper says about
cooperatives, each with its definition and date, checked against each other and against a
register (``DOMAIN.md``, "Definitions of published counts").

Statements and findings are plain dicts in the serde shape of the Rust ``Statement``,
``StatementFinding`` and ``ComparedStatement`` (the same keys as the JSON of ``koperasi check
--format json`` and of the JS package), so a list read here can be edited, saved as JSON and
checked again::

    import koperasi
    read = koperasi.read_statements("pernyataan.csv")        # or .xlsx, .json, .toml
    for f in koperasi.check_statements(read.statements):
        print(f["code"], f["statements"], f["message_id"])
    reg = koperasi.read_register("register.csv")             # register and read report
    fun = koperasi.funnel(reg, "2025-02-01")                  # what the register supports
    koperasi.compare_statements(read.statements, fun)         # matched / off / unsupported
    fun.to_statements("2025-02-01")                           # the consistent set to publish
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from . import _types as _gt
from ._convert import typed as _typed

from . import (
    DateLike,
    FieldsLike,
    PolicyLike,
    ReadReport,
    Register,
    RegisterRead,
    Source,
    _fields,
    _iso,
    _koperasi as _k,
    _policy,
    _sheet,
    _source,
)

__all__ = [
    "StatementsRead", "Funnel", "read_statements", "check_statements", "funnel",
    "compare_statements", "statements_csv",
]

StatementDict = Dict[str, Any]
"""One statement in the serde shape of the Rust ``Statement``: ``id``, ``said_on`` (ISO
text), ``describes`` (``"2025-02-01"``, ``"2023"``), ``region``, ``definition`` (a code such as
``"on_record"`` or ``{"other": text}`` for a definition outside the vocabulary), ``policy``,
``book_year``, ``breakdown`` (``[dimension, value]`` or ``None``), ``value``
(``{"kind": "count" | "percent", "value": n}``), ``percent_of``, ``stated_change``,
``change_from``, ``source``, ``quote``, ``line``."""


@dataclass(frozen=True)
class StatementsRead:
    """The result of :func:`read_statements`: the ``statements`` (dicts, in file order) and the
    read ``report`` (rows with a broken date such as ``1/2/20245`` are rejected there with
    their line and reason, never guessed)."""

    statements: List[StatementDict]
    report: ReadReport

    def to_dict(self) -> Dict[str, Any]:
        """``{"statements": [...], "report": ...}`` in their serde shapes."""
        return {"statements": self.statements, "report": self.report.to_dict()}


Statements = Union[StatementsRead, Sequence[Mapping[str, Any]], str, bytes, "os.PathLike[str]"]
"""Statements as :func:`read_statements` gives them (the result or its ``statements``), or a
source it reads (a path, CSV text or bytes)."""


def _items(statements: Statements) -> Any:
    if isinstance(statements, (str, bytes, os.PathLike)):
        statements = read_statements(statements)
    if isinstance(statements, StatementsRead):
        return statements.statements
    return [dict(s) for s in statements]


def read_statements(
    source: Source, sheet: Union[str, int, None] = None
) -> StatementsRead:
    """Read published statements, one per row, from a path, CSV text or bytes, or an
    XLSX/ODS workbook (Indonesian or English headers: ``tanggal``, ``periode``, ``wilayah``,
    ``definisi``, ``nilai``, ``perubahan``, ``sumber``, ``kutipan``, ...); a path ending in
    ``.json`` or ``.toml`` is read as a list of such records. Rows that cannot be read are in
    ``report.rejected``. Raises :class:`ReadError` (``read_missing_column`` without a
    definition or value column, ``read_csv``, ``read_io``, ``read_workbook``)."""
    data, path = _source(source)
    kind = None
    if path is not None:
        ext = os.path.splitext(path)[1].lower()
        kind = {".json": "json", ".toml": "toml"}.get(ext)
    d = _k.read_statements(data, path, _sheet(sheet), kind)
    return StatementsRead(list(d["statements"]), ReadReport._from(d["report"]))


def check_statements(
    statements: Statements, relations: Union[str, Mapping[str, Any], None] = None
) -> List[Dict[str, Any]]:
    """The findings of the checks on statements (stated change vs the series, mixed
    definitions, parts vs total, the definitions funnel, percentages vs counts, dates), each a
    dict: ``code``, ``severity``, ``measure``, ``region``, ``lines``, ``values``,
    ``message_en``, ``message_id`` and ``statements`` (the ids it rests on). ``relations`` is
    the definitions funnel to check (TOML text, or a dict ``{"relation": [...]}``); default:
    the embedded list. Raises :class:`ValidationError` (``invalid_statement``,
    ``relations_invalid``)."""
    out: List[Dict[str, Any]] = _k.check_statements(_items(statements), relations)
    return out


class Funnel:
    """The funnel of a register as of a date (:func:`funnel`): every definition the register
    can support (on record, found, identified, active under the policy, RAT held for the last
    due book year, NIK-certified, new, dissolved, ...), each counted with the facts it rests on,
    or said to be unsupported (never 0)."""

    __slots__ = ("_f",)

    def __init__(self, _native: Any) -> None:
        self._f = _native

    def to_dict(self) -> Dict[str, Any]:
        """The serde shape of the Rust ``Funnel``: ``as_of`` (a :class:`datetime.date`),
        ``policy``, ``rat_deadline_months``, ``region``, ``records``, ``status_counts``,
        ``figures`` (``definition``, ``describes``, ``book_year``, ``support``: ``{"kind":
        "counted", "value": n}`` or ``{"kind": "unsupported", ...}``, ``basis``) and
        ``parts``."""
        d: Dict[str, Any] = _typed(_gt.Funnel, self._f.to_dict())
        return d

    def value(self, definition: str) -> Optional[int]:
        """The count of the first figure of ``definition`` (``"on_record"``), ``None`` when the
        register cannot support it or the funnel has no such figure."""
        for f in self.to_dict()["figures"]:
            if f["definition"] == definition:
                s = f["support"]
                return int(s["value"]) if s.get("kind") == "counted" else None
        return None

    def to_statements(
        self, said_on: DateLike, region: Optional[str] = None
    ) -> List[StatementDict]:
        """The statements to publish: every supported figure (total, then each part), said on
        ``said_on``, for ``region`` (default: the register's kab/kota). Unsupported figures are
        left out."""
        out: List[StatementDict] = self._f.to_statements(_iso(said_on, "said_on"), region)
        return out

    def __repr__(self) -> str:
        d = self.to_dict()
        return f"Funnel(as_of={d['as_of']}, policy={d['policy']!r}, records={d['records']})"


def funnel(
    register: Union[Register, RegisterRead],
    as_of: DateLike,
    policy: Optional[PolicyLike] = None,
    by: Optional[FieldsLike] = None,
) -> Funnel:
    """The funnel of ``register`` as of ``as_of`` under ``policy`` (default: national), and
    of each part of ``by`` (``"kecamatan"``, ``["jenis"]``). Given the whole result of
    :func:`read_register` (a :class:`RegisterRead`), its read report names the file's columns
    each figure rests on and tells an empty NIK or dissolution column (a count of 0) from none
    (unknown). Raises :class:`ValidationError` (``invalid_field``) for an unknown field."""
    report = None
    if isinstance(register, RegisterRead):
        report = register.report.to_dict()
        register = register.register
    return Funnel(
        _k.funnel(register._g, _iso(as_of, "as_of"), _policy(policy), _fields(by), report)
    )


def compare_statements(statements: Statements, funnel: Funnel) -> List[Dict[str, Any]]:
    """Each statement against the funnel, in order: ``id``, ``line``, ``definition``,
    ``stated`` and ``outcome`` (``{"kind": "matched", "register": x}``, ``{"kind": "off",
    "register": x, "by": stated - register}``, ``{"kind": "unsupported" | "not_comparable",
    "reason_en": ..., "reason_id": ...}``)."""
    out: List[Dict[str, Any]] = _k.compare_statements(_items(statements), funnel._f)
    return out


def statements_csv(statements: Statements) -> str:
    """Statements as CSV text in the layout :func:`read_statements` reads (cells made inert
    for spreadsheet programs), e.g. ``funnel.to_statements(...)`` to publish."""
    out: str = _k.statements_csv(_items(statements))
    return out
