"""Exceptions of koperasi: one class per area of the core's errors, all rooted at
:class:`KoperasiError` (a plain ``Exception``).

Every exception carries the core's stable snake_case ``code`` (e.g. ``"date_invalid"``) and
the structured fields of the error: ``line`` (1-based line of a file, or ``None``), ``column``
(column or field name, or ``None``), ``value`` (the offending text as given, or ``None``) and
``details`` (every named field of the core error under its Rust name, as text: the core's
one error map, ``Error::details``, which the JavaScript package exposes too).
"""

from __future__ import annotations

from typing import Dict, Optional

__all__ = [
    "KoperasiError",
    "ParseError",
    "ValidationError",
    "PolicyError",
    "WilayahError",
    "IdentityError",
    "ReadError",
    "StatsError",
    "MoneyError",
    "ShuError",
    "DemographyError",
    "ExportError",
]


class KoperasiError(Exception):
    """Base of every error raised by koperasi.

    Attributes:
        code: stable snake_case code of the core error (``Error::code()`` in Rust).
        line: 1-based line of the input file, when the error has one.
        column: column or field name, when the error has one.
        value: the offending value as given, when the error has one.
        details: every named field of the core error, as text (e.g. ``{"value": "30/2/2021",
            "why": "day 30 does not exist in February 2021"}``).
    """

    code: str
    line: Optional[int]
    column: Optional[str]
    value: Optional[str]
    details: Dict[str, str]

    def __init__(
        self,
        message: str,
        code: str = "koperasi_error",
        line: Optional[int] = None,
        column: Optional[str] = None,
        value: Optional[str] = None,
        details: Optional[Dict[str, str]] = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.line = line
        self.column = column
        self.value = value
        self.details = dict(details or {})


class ParseError(KoperasiError):
    """A date or a number could not be read (codes ``date_*``, ``number_*``); ``value`` is the
    text as given."""


class ValidationError(KoperasiError):
    """A Python argument cannot become a core value: an unknown field or level name, a
    record dict of the wrong shape, a delimiter of more than one character, a register report
    without ``as_of`` (codes ``invalid_field``, ``invalid_level``, ``invalid_record``,
    ``invalid_delimiter``, ``invalid_decimal``, ``invalid_check_params``, ``missing_as_of``,
    ``invalid_argument``; ``integer_out_of_range`` for an ``int`` beyond what the argument
    takes, e.g. a year or count beyond 64 bits)."""


class PolicyError(KoperasiError):
    """A status policy is unknown or invalid (codes ``policy_unknown_preset``,
    ``policy_parse``, ``policy_invalid``; ``column`` names the invalid field)."""


class WilayahError(KoperasiError):
    """A region code or name could not be resolved (codes ``wilayah_bad_code``,
    ``wilayah_not_found``, ``wilayah_ambiguous`` with ``details["candidates"]``,
    ``wilayah_bad_table``)."""


class IdentityError(KoperasiError):
    """A Nomor Induk Koperasi or NIB is malformed (codes ``identity_bad_nik``,
    ``identity_bad_nib``)."""


class ReadError(KoperasiError):
    """A file could not be read at all (codes ``read_csv`` with ``line``, ``read_empty``,
    ``read_missing_column``, ``read_unknown_layout``, ``read_bad_mapping``,
    ``read_unknown_field``, ``read_conflicting_mapping``, ``read_io``,
    ``read_limit_exceeded``, ``read_workbook``, ``read_no_such_sheet``). Bad single rows are not
    errors: they are listed in :attr:`koperasi.ReadReport.rejected`."""


class StatsError(KoperasiError):
    """A statistic cannot be computed (codes ``stats_non_positive_base``,
    ``stats_bad_period``, ``stats_non_positive_years``, ``stats_negative_value``, ...)."""


class MoneyError(KoperasiError):
    """Money arithmetic overflowed, or an amount in sen does not fit a signed 64-bit integer
    (code ``money_overflow``, e.g. ``format_rupiah(2**63)``)."""


class ShuError(KoperasiError):
    """An SHU allocation plan or distribution cannot be computed (codes ``shu_*``)."""


class DemographyError(KoperasiError):
    """A business-demography statistic cannot be computed (codes ``demography_*``)."""


class ExportError(KoperasiError):
    """A table cannot be exported (codes ``export_cell_too_long``, ``export_too_large``,
    ``export_write``)."""
