"""koperasi: registers and statistics of Indonesian cooperatives (koperasi).

Read a register (one row per cooperative) or a published panel (counts per region and
period), assess the status of every cooperative as of a date with its reasons, compute growth
and consistency findings, and get the results into pandas or polars.

Conventions:

- dates are :class:`datetime.date` in and out (an ISO ``"2025-02-01"`` or Indonesian
  ``"1 Februari 2025"`` string is accepted too); no function reads the clock;
- money is an ``int`` number of **sen** (1 rupiah = 100 sen); :class:`Rupiah` formats it;
- enums are ``str``-valued (:class:`Status`, :class:`Level`, :class:`Field`, ...);
- results are frozen objects with ``to_dict()`` (the JSON shape of the Rust result);
- collections have ``to_dict()`` (a dict of lists), ``to_pandas()`` and ``to_polars()``;
- errors are :class:`KoperasiError` subclasses carrying ``code``, ``line``, ``column`` and
  ``value``.

The work is done by the Rust core (``koperasi._koperasi``); this package only converts.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as _dt
import importlib
import os
from dataclasses import dataclass, field
from typing import (
    Any,
    Dict,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    TypeVar,
    TypedDict,
    Union,
    overload,
)

from . import _koperasi as _k
from . import _types as _gt
from ._convert import Generated as _Generated
from ._convert import StrEnum as _StrEnum
from ._convert import encode as _encode
from ._convert import typed as _typed
from ._convert import OMIT as _OMIT
from ._errors import (
    DemographyError,
    ExportError,
    IdentityError,
    KoperasiError,
    MoneyError,
    ParseError,
    PolicyError,
    ReadError,
    ShuError,
    StatsError,
    ValidationError,
    WilayahError,
)

__all__ = [
    # errors
    "KoperasiError", "ParseError", "ValidationError", "PolicyError", "WilayahError",
    "IdentityError", "ReadError", "StatsError", "MoneyError", "ShuError", "DemographyError",
    "ExportError",
    # enums
    "Level", "Status", "BadanHukumKind", "Layout", "Field", "Severity", "DuplicateKey",
    # locale / money
    "parse_date", "format_date", "format_date_numeric", "parse_decimal", "parse_count",
    "parse_rupiah", "format_rupiah", "format_rupiah_whole", "format_int", "is_missing", "Rupiah",
    # wilayah
    "Wilayah", "KodeWilayah", "wilayah_get", "find_provinsi", "find_kab_kota", "find_kecamatan",
    "wilayah_search", "wilayah_children", "normalize_name", "parse_kode_wilayah",
    # identity
    "NomorBadanHukum", "parse_nomor_badan_hukum", "parse_nik_koperasi", "parse_nib",
    # package
    "__version__", "samples", "PolicyLike", "FieldsLike",
    # status
    "StatusPolicy", "policy_presets", "Koperasi", "Reason", "Assessment", "assess",
    "rat_deadline", "PolicyComparison", "compare_policies",
    # template
    "template_register",
    "template_kopdes",
    # io
    "Rejection", "ReadReport", "DataAsOf", "RegisterRead", "PanelRead", "read_register", "read_panel",
    "read_any", "detect_layout", "Source",
    # register
    "Register", "Records", "Assessments", "CountTable", "ReasonCounts", "DuplicateGroups",
    "RegistrationsByYear",
    # stats
    "Panel", "PeriodTotals", "GrowthRow", "GrowthRows", "Finding", "Findings", "growth", "cagr",
    "pct_change", "run_checks", "parse_period",
    # report
    "Report", "build_report",
    # shu
    "Rounding", "AllocationPlan", "Member", "Members", "MembersRead", "AllocatedLine",
    "Allocation", "PoolShare", "MemberShare", "MemberShares", "Distribution", "Apportionment",
    "shu_plan_from_toml", "shu_allocate", "shu_distribute", "shu_apportion", "shu_pseudonym",
    "shu_read_members",
    # demography
    "Population", "KaplanMeier", "Rates", "DemographyYear", "DemographyYears", "Lifeline",
    "Cohort", "Cohorts", "SurvivalData", "UnitGrowth", "UnitGrowths", "HighGrowth",
    "KaplanMeierSummary", "DemographyReport", "kaplan_meier", "demography_rates",
    "yearly_demography", "cohort_survival", "survival_data", "high_growth",
    "demography_report", "StatusSeries",
    # output safety
    "safe_csv_cell", "safe_markdown_cell", "safe_terminal_text",
]

__version__: str = _k.__version__
"""The version of the package (the version of the Rust crates it is built from)."""

DateLike = Union[_dt.date, str]
"""A date: :class:`datetime.date`, or text that :func:`parse_date` reads."""

Source = Any
"""A reader's input: a path (``str`` without a line break, or :class:`os.PathLike`), CSV text
(``str`` with a line break), CSV ``bytes``, or a pandas or polars ``DataFrame``."""


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------


def _period(p: Union[DateLike, int, None]) -> Optional[str]:
    """A period argument as text for the core: a date as ISO, a year as its digits."""
    if p is None:
        return None
    if isinstance(p, int):
        return str(p)
    return _iso(p, "period")


def _iso(d: DateLike, name: str = "date") -> str:
    if isinstance(d, _dt.datetime):
        return d.date().isoformat()
    if isinstance(d, _dt.date):
        return d.isoformat()
    if isinstance(d, str):
        return d
    raise ValidationError(
        f"`{name}` must be a datetime.date or a date string, got {type(d).__name__}",
        "invalid_argument",
        value=repr(d),
    )


def _opt_iso(d: Optional[DateLike], name: str) -> Optional[str]:
    """An optional date argument as ISO text for the core."""
    return None if d is None else _iso(d, name)


def _date(s: str) -> _dt.date:
    return _dt.date.fromisoformat(s)


def _import(package: str) -> Any:
    try:
        return importlib.import_module(package)
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            f"this needs the `{package}` package, which is not installed: pip install {package}"
        ) from e


class _Result(_Generated):
    """Base of the hand-written frozen result objects: ``_from`` (the one decoder of
    :mod:`koperasi._convert`) and ``to_dict()`` (the JSON shape of the Rust result; dates as
    :class:`datetime.date`, enums as their ``str`` values, tuples as lists)."""

    __slots__ = ()


def _arrow(source: Source) -> Any:
    """``source`` as an Arrow stream (``__arrow_c_stream__``) when it is a table: a pandas
    DataFrame (through ``pyarrow``, without its index), a polars DataFrame, a pyarrow Table or
    any object of the Arrow PyCapsule interface; else ``None``."""
    if isinstance(source, (str, bytes, bytearray, memoryview, os.PathLike)):
        return None
    if type(source).__module__.split(".")[0] == "pandas":
        return _import("pyarrow").Table.from_pandas(source, preserve_index=False)
    if callable(getattr(source, "__arrow_c_stream__", None)):
        return source
    return None


def _source(source: Source) -> Tuple[Optional[bytes], Optional[str]]:
    """(data, path) for the native readers. A DataFrame is written to CSV in one call for the
    readers that take no cells (members, statements, Kopdes tables); registers, panels and
    reports read it as cells, see :func:`_arrow`."""
    if isinstance(source, bytes):
        return source, None
    if isinstance(source, (bytearray, memoryview)):
        return bytes(source), None
    if isinstance(source, os.PathLike):
        return None, os.fspath(source)
    if isinstance(source, str):
        if "\n" in source or "\r" in source:
            return source.encode("utf-8"), None
        return None, source
    mod = type(source).__module__.split(".")[0]
    if mod == "pandas":
        text: str = source.to_csv(index=False)
        return text.encode("utf-8"), None
    if mod == "polars":
        out: str = source.write_csv()
        return out.encode("utf-8"), None
    raise ValidationError(
        "a source is a path, CSV text or bytes, or a pandas/polars DataFrame; got "
        + type(source).__name__,
        "invalid_argument",
    )


def _sheet(sheet: Union[str, int, None]) -> Optional[str]:
    """A sheet name, or a 1-based sheet number as the core takes it (its text)."""
    if sheet is None or isinstance(sheet, str):
        return sheet
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        return str(sheet)
    raise ValidationError(
        "a sheet is a name (str) or a 1-based number (int); got " + type(sheet).__name__,
        "invalid_argument",
    )


def _mapping(mapping: Optional[Mapping[str, str]]) -> List[Tuple[str, str]]:
    return list((mapping or {}).items())


def _fields(fields: "Optional[FieldsLike]") -> List[str]:
    """Field names for the core: one name (``"kecamatan"``, a :class:`Field`) or a list."""
    if fields is None:
        return []
    if isinstance(fields, str):
        return [str(fields)]
    return [str(f) for f in fields]


# ---------------------------------------------------------------------------------------------
# enums
# ---------------------------------------------------------------------------------------------


Level = _gt.Level


Status = _gt.Status


BadanHukumKind = _gt.BadanHukumKind


class Layout(_StrEnum):
    """What a CSV holds: a register (one row per cooperative) or a panel (counts)."""

    REGISTER = "register"
    PANEL = "panel"


Field = _gt.Field


FieldsLike = Union[Field, str, Sequence[Union[Field, str]]]
"""A breakdown argument: one field name (``"kecamatan"``, :attr:`Field.KECAMATAN`) or a list
of them (``["kecamatan", "status"]``)."""


Severity = _gt.Severity


DuplicateKey = _gt.DuplicateKey


# ---------------------------------------------------------------------------------------------
# locale / money
# ---------------------------------------------------------------------------------------------


def parse_date(text: str) -> _dt.date:
    """Read an Indonesian or ISO date: ``"1 Februari 2025"``, ``"6 Nop 2019"``,
    ``"Sabtu (1/2/2025)"``, ``"01/02/2025"`` (always day/month/year), ``"2025-02-01"``.

    Raises :class:`ParseError` (``date_unrecognised``, ``date_invalid``: e.g. ``30/2/2021``, a
    year outside 1900..2100 or not of 4 digits, a weekday that does not match).
    """
    return _date(_k.parse_date(text))


def format_date(date: DateLike) -> str:
    """Format as ``"1 Februari 2025"`` (Indonesian month name, no leading zero)."""
    return _k.format_date(_iso(date))


def format_date_numeric(date: DateLike) -> str:
    """Format as ``"01/02/2025"`` (day/month/year, zero-padded)."""
    return _k.format_date_numeric(_iso(date))


def parse_decimal(text: str) -> str:
    """Read an Indonesian number exactly (``.`` thousands, ``,`` decimals; ``%``, ``Rp``, the
    scale words ``rb``, ``jt``, ``M``, ``T``) and return its canonical text with a ``.``
    decimal point and the scale kept: ``"54,34%"`` gives ``"54.34"``. Pass it to
    :class:`decimal.Decimal` for arithmetic.

    Raises :class:`ParseError` (``number_not_a_number``, ``number_ambiguous`` such as
    ``1.5`` or ``1,234.56``, ``number_out_of_range``).
    """
    return _k.parse_decimal(text)


def parse_count(text: str) -> int:
    """Read a non-negative whole count: ``"1.500"`` is 1500, ``"15 rb"`` 15000.

    Raises :class:`ParseError` (``number_inexact`` for ``9,7``, ``number_out_of_range`` for a
    negative count, and those of :func:`parse_decimal`).
    """
    return _k.parse_count(text)


def parse_rupiah(text: str) -> int:
    """Read a money amount in rupiah and return exact **sen**: ``"Rp 1.234.567,89"`` is
    123456789. ``Rp``/``IDR`` prefixes, ``,-``, ``jt``, ``M`` (miliar) are understood.

    Raises :class:`ParseError` (``number_inexact`` for a fraction of a sen, never rounded).
    """
    return _k.parse_rupiah(text)


def format_rupiah(sen: int) -> str:
    """Format sen as ``"Rp 1.234.567,89"`` (always two decimals; ``-Rp 1.500,00``)."""
    return _k.format_rupiah(sen)


def format_rupiah_whole(sen: int) -> str:
    """Format sen as ``"Rp 5.000.000"`` when whole rupiah, else as :func:`format_rupiah`."""
    return _k.format_rupiah_whole(sen)


def format_int(n: int) -> str:
    """Format an integer with Indonesian thousands separators: ``1234567`` gives
    ``"1.234.567"``."""
    return _k.format_int(n)


def is_missing(text: str) -> bool:
    """True for a placeholder meaning "no value": ``""``, ``-``, ``n/a``, ``#N/A``, ``null``,
    ``tidak ada``, ``?``, ... (case and spaces ignored). ``0`` is not a placeholder."""
    return _k.is_missing(text)


@dataclass(frozen=True, order=True)
class Rupiah:
    """An exact amount of money: an ``int`` number of sen (1 rupiah = 100 sen).

    ``str()`` formats it as ``"Rp 1.234.567,89"``; :meth:`parse` reads Indonesian text.
    Arithmetic stays in integers: ``Rupiah(150) + Rupiah(50) == Rupiah(200)``.
    """

    sen: int

    def __post_init__(self) -> None:
        if isinstance(self.sen, bool) or not isinstance(self.sen, int):
            raise ValidationError(
                f"Rupiah takes an int number of sen, got {type(self.sen).__name__}",
                "invalid_argument",
                value=repr(self.sen),
            )
        if not -(2**63) <= self.sen < 2**63:
            raise MoneyError(
                f"{self.sen} sen does not fit an i64", "money_overflow", value=str(self.sen)
            )

    @classmethod
    def parse(cls, text: str) -> "Rupiah":
        """The amount ``text`` states (see :func:`parse_rupiah`)."""
        return cls(parse_rupiah(text))

    @classmethod
    def from_rupiah(cls, rupiah: int) -> "Rupiah":
        """An amount of whole rupiah."""
        return cls(rupiah * 100)

    @property
    def whole_rupiah(self) -> int:
        """The whole-rupiah part, truncated toward zero."""
        return int(self.sen / 100) if self.sen < 0 else self.sen // 100

    def __str__(self) -> str:
        return format_rupiah(self.sen)

    def __add__(self, other: "Rupiah") -> "Rupiah":
        return Rupiah(self.sen + other.sen)

    def __sub__(self, other: "Rupiah") -> "Rupiah":
        return Rupiah(self.sen - other.sen)

    def __int__(self) -> int:
        return self.sen


# ---------------------------------------------------------------------------------------------
# wilayah
# ---------------------------------------------------------------------------------------------


class KodeWilayah(_gt.KodeWilayah):
    """A Kemendagri region code in its dotted form (``"64.71.01"``): the generated
    ``KodeWilayah``, a ``str`` (as in the JSON of the Rust type), with the read-only ``code``
    (the text) and ``level`` (:class:`Level`) of the earlier ``(code, level)`` object;
    ``to_dict()`` gives that object's ``{"code", "level"}`` (the shape the three bindings share)."""

    __slots__ = ()

    @property
    def code(self) -> str:
        """The dotted code as a plain ``str``."""
        return str(self)

    @property
    def level(self) -> Level:
        """The code's level (from the core's ``KodeWilayah::level``)."""
        return Level(_k.parse_kode_wilayah(self)["level"])

    def to_dict(self) -> Dict[str, Any]:
        """``{"code": ..., "level": ...}``, as ``parseKodeWilayah`` gives in JS."""
        return {"code": self.code, "level": self.level.value}


class Wilayah(_gt.Wilayah):
    __doc__ = (_gt.Wilayah.__doc__ or "") + """
    Fields are the generated ones (``code``, ``name``, ``level``); ``parent`` (the code of the
    region above, ``None`` for a province) is a read-only property that ``to_dict()`` adds to
    the serde shape, as the JS binding does."""

    @property
    def parent(self) -> Optional[KodeWilayah]:
        """Code of the region above; ``None`` for a province."""
        p = _k.parse_kode_wilayah(self.code)["parent"]
        return None if p is None else KodeWilayah(p)

    def to_dict(self) -> Dict[str, Any]:
        """The serde shape of the Rust ``Wilayah`` plus ``parent`` (text or ``None``)."""
        p = self.parent
        return {**super().to_dict(), "parent": None if p is None else p.code}


def wilayah_get(code: str) -> Wilayah:
    """The region with this code (``"32.71"`` or ``"3271"``).

    Raises :class:`WilayahError` (``wilayah_bad_code``; ``wilayah_not_found`` when the table
    has no such region).
    """
    return Wilayah._from(_k.wilayah_get(code))


def find_provinsi(name: str) -> Wilayah:
    """Resolve a province name (``"Jawa Timur"``, ``"Jatim"``, ``"DKI Jakarta"``).

    Raises :class:`WilayahError` (``wilayah_not_found``).
    """
    return Wilayah._from(_k.wilayah_find("provinsi", name))


def find_kab_kota(name: str, within: Optional[str] = None) -> Wilayah:
    """Resolve a kabupaten/kota name (``"KAB. MALANG"``, ``"Kota Bogor"``), optionally
    within a region code.

    Raises :class:`WilayahError` (``wilayah_ambiguous`` for ``"Malang"``, with
    ``details["candidates"]``; ``wilayah_not_found``).
    """
    return Wilayah._from(_k.wilayah_find("kab_kota", name, within))


def find_kecamatan(name: str, within: Optional[str] = None) -> Wilayah:
    """Resolve a kecamatan name, optionally within a region code (usually needed: many
    kecamatan share a name).

    Raises :class:`WilayahError` (``wilayah_ambiguous``, ``wilayah_not_found``).
    """
    return Wilayah._from(_k.wilayah_find("kecamatan", name, within))


def wilayah_search(
    name: str, level: Optional[Union[Level, str]] = None, within: Optional[str] = None
) -> List[Wilayah]:
    """Regions whose code or name matches ``name``, best first (at most 50), restricted to
    ``level`` and ``within`` when given; when none matches, the closest names ("did you
    mean": ``"Balikpapn Selatan"`` finds ``Balikpapan Selatan``).

    Raises :class:`ValidationError` for an unknown level, :class:`WilayahError` for a bad
    ``within`` code.
    """
    lv = None if level is None else str(Level(level))
    return [Wilayah._from(d) for d in _k.wilayah_search(name, lv, within)]


def wilayah_children(code: str) -> List[Wilayah]:
    """The regions directly below ``code`` in code order (kab/kota of a province, kecamatan
    of a kab/kota). Raises :class:`WilayahError` (``wilayah_bad_code``)."""
    return [Wilayah._from(d) for d in _k.wilayah_children(code)]


def normalize_name(text: str) -> str:
    """A region name normalised for comparison: lower case, punctuation as spaces, prefixes
    canonical (``"KAB. MALANG"`` gives ``"kabupaten malang"``)."""
    return _k.normalize_name(text)


def parse_kode_wilayah(text: str) -> KodeWilayah:
    """Parse a region code (``"64.71.01"`` or ``"647101"``) into its dotted form and level.

    Raises :class:`WilayahError` (``wilayah_bad_code``).
    """
    return KodeWilayah(_k.parse_kode_wilayah(text)["code"])


# ---------------------------------------------------------------------------------------------
# identity
# ---------------------------------------------------------------------------------------------


class NomorBadanHukum(_gt.NomorBadanHukum):
    __doc__ = (_gt.NomorBadanHukum.__doc__ or "") + """
    Fields are the generated ones; ``key`` (normalised, for duplicate detection) is a read-only
    property that ``to_dict()`` adds to the serde shape, as the JS binding does."""

    @property
    def key(self) -> str:
        """The normalised form for duplicate detection (the core's ``NomorBadanHukum::key``)."""
        key: str = (_k.parse_nomor_badan_hukum(self.raw) or {})["key"]  # raw parses again
        return key

    def to_dict(self) -> Dict[str, Any]:
        """The serde shape of the Rust ``NomorBadanHukum`` plus ``key``."""
        return {**super().to_dict(), "key": self.key}


def parse_nomor_badan_hukum(text: str) -> Optional[NomorBadanHukum]:
    """Read a nomor badan hukum (``"008412/BH/M.KUKM.2/V/2018"`` gives kind ``kemenkop``,
    year 2018, month 5). ``None`` for a placeholder (``""``, ``-``, ``0``). Never raises."""
    d = _k.parse_nomor_badan_hukum(text)
    if d is None:
        return None
    return NomorBadanHukum._from(d)


def parse_nik_koperasi(text: str) -> Optional[str]:
    """The digits of a Nomor Induk Koperasi (13 to 16 digits); ``None`` for a placeholder.

    Raises :class:`IdentityError` (``identity_bad_nik``).
    """
    return _k.parse_nik_koperasi(text)


def parse_nib(text: str) -> Optional[str]:
    """The digits of a NIB (13 digits); ``None`` for a placeholder.

    Raises :class:`IdentityError` (``identity_bad_nib``).
    """
    return _k.parse_nib(text)


# ---------------------------------------------------------------------------------------------
# status
# ---------------------------------------------------------------------------------------------


class StatusPolicy:
    """The parameters of the status rules (DOMAIN.md 2.2), as data. Build one with
    :meth:`preset`, :meth:`national`, :meth:`office`, :meth:`field_verification_first`,
    :meth:`from_json`, :meth:`from_toml` or :meth:`from_dict`; all validate.
    """

    __slots__ = ("_p",)

    def __init__(self, _native: Any) -> None:
        self._p = _native

    @classmethod
    def preset(cls, name: str) -> "StatusPolicy":
        """A shipped preset (see :func:`policy_presets`). Raises :class:`PolicyError`
        (``policy_unknown_preset``)."""
        return cls(_k.Policy.preset(name))

    @classmethod
    def national(cls) -> "StatusPolicy":
        """Kemenkop: at least one RAT within the last 3 book years."""
        return cls(_k.Policy.national())

    @classmethod
    def office(cls) -> "StatusPolicy":
        """Dinas practice: an RAT in each of the last 2 book years."""
        return cls(_k.Policy.office())

    @classmethod
    def field_verification_first(cls) -> "StatusPolicy":
        """Balikpapan 2025: the latest field check decides first, then the national rule."""
        return cls(_k.Policy.field_verification_first())

    @classmethod
    def permenkop_25_2015(cls) -> "StatusPolicy":
        """The regulation's wording (Permenkop 25/Per/M.KUKM/IX/2015 Pasal 1 angka 3-4): an RAT
        in each of the last 3 book years and a running business when known."""
        return cls(_k.Policy.preset("permenkop_25_2015"))

    @classmethod
    def from_json(cls, text: str) -> "StatusPolicy":
        """A policy from JSON; missing fields take the national defaults. Raises
        :class:`PolicyError` (``policy_parse``, ``policy_invalid``)."""
        return cls(_k.Policy.from_json(text))

    @classmethod
    def from_toml(cls, text: str) -> "StatusPolicy":
        """A policy from TOML (same fields as JSON). Raises :class:`PolicyError`."""
        return cls(_k.Policy.from_toml(text))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "StatusPolicy":
        """A policy from a dict (same fields as JSON). Raises :class:`PolicyError`."""
        return cls(_k.Policy.from_dict(dict(d)))

    @property
    def name(self) -> str:
        """The policy's name."""
        n: str = self.to_dict()["name"]
        return n

    def to_dict(self) -> Dict[str, Any]:
        """Every parameter, as in the JSON form."""
        d: Dict[str, Any] = self._p.to_dict()
        return d

    def to_json(self) -> str:
        """The policy as pretty-printed JSON (the format of the shipped presets)."""
        return self._p.to_json()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StatusPolicy) and bool(self._p == other._p)

    def __hash__(self) -> int:
        return hash(self.to_json())

    def __repr__(self) -> str:
        return f"StatusPolicy(name={self.name!r})"


def policy_presets() -> List[str]:
    """Names of the shipped presets: ``national``, ``office``, ``field_verification_first``,
    ``permenkop_25_2015``."""
    return list(_k.policy_presets())


PolicyLike = Union[StatusPolicy, str, Mapping[str, Any]]
"""A policy argument: a :class:`StatusPolicy`, the name of a preset (``"office"``,
``"permenkop_25_2015"``; see :func:`policy_presets`) or a dict of its fields (as
:meth:`StatusPolicy.from_dict`)."""


def _as_policy(p: PolicyLike) -> StatusPolicy:
    """``p`` as a :class:`StatusPolicy` (a preset by name, a dict by its fields). Raises
    :class:`PolicyError` (``policy_unknown_preset``, ``policy_invalid``) or
    :class:`ValidationError` (``invalid_argument``) for another type."""
    if isinstance(p, StatusPolicy):
        return p
    if isinstance(p, str):
        return StatusPolicy.preset(p)
    if isinstance(p, Mapping):
        return StatusPolicy.from_dict(p)
    raise ValidationError(
        "policy must be a StatusPolicy, a preset name or a dict, got " + type(p).__name__,
        "invalid_argument",
    )


def _policy(p: Optional[PolicyLike]) -> Any:
    return None if p is None else _as_policy(p)._p


class Koperasi:
    """One cooperative record: facts with dates (identity, location, RAT history, field
    checks, dissolution). Build one with :meth:`from_dict` (the serde shape of the core
    record; only ``name`` is required) or take one from a :class:`Register`.
    """

    __slots__ = ("_r",)

    def __init__(self, _native: Any) -> None:
        self._r = _native

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Koperasi":
        """A record from a dict such as ``{"name": "KSP Maju", "tanggal_badan_hukum":
        datetime.date(2010, 2, 1), "rat": [{"book_year": 2023, "date": "2024-04-20"}],
        "rat_known": {"kind": "complete"}}``. Raises :class:`ValidationError`
        (``invalid_record``) naming the wrong field."""
        return cls(_k.Record.from_dict(dict(d)))

    @property
    def name(self) -> str:
        """The name as written."""
        return self._r.name

    def to_dict(self) -> Dict[str, Any]:
        """The record as a dict (the serde shape of the core record; dates as
        :class:`datetime.date`)."""
        d: Dict[str, Any] = _typed(_gt.Koperasi, self._r.to_dict())
        return d

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Koperasi) and bool(self._r == other._r)

    def __hash__(self) -> int:
        return hash(self.name)

    def __repr__(self) -> str:
        return f"Koperasi(name={self.name!r})"


Reason = _gt.Reason


Assessment = _gt.Assessment


def assess(
    koperasi: Koperasi, as_of: DateLike, policy: Optional[PolicyLike] = None
) -> Assessment:
    """The status of ``koperasi`` as of ``as_of`` under ``policy`` (default: national), with
    reasons. Raises :class:`ParseError` for an unreadable date string."""
    return Assessment._from(_k.assess(koperasi._r, _iso(as_of, "as_of"), _policy(policy)))


def rat_deadline(book_year: int, policy: Optional[PolicyLike] = None) -> Optional[_dt.date]:
    """The date by which the RAT for ``book_year`` is due under ``policy`` (default national:
    30 June of the next year); ``None`` when out of the date range."""
    s = _k.rat_deadline(book_year, _policy(policy))
    return None if s is None else _date(s)


# ---------------------------------------------------------------------------------------------
# collections
# ---------------------------------------------------------------------------------------------

class _Table:
    """A table of results held in Rust as one Arrow record batch. It is an Arrow stream
    (``__arrow_c_stream__``, the Arrow PyCapsule interface): ``pyarrow.table(t)``,
    ``polars.from_arrow(t)`` or DuckDB take it without a copy; dates are ``date32``, codes
    dictionary-encoded strings. ``to_dict()`` gives a dict of lists (no pyarrow needed; dates
    as :class:`datetime.date`), :meth:`to_arrow`, :meth:`to_pandas` (via pyarrow) and
    :meth:`to_polars` DataFrames."""

    __slots__ = ("_t", "_d")

    def __init__(self, _native: Any) -> None:
        self._t = _native
        self._d: Optional[Dict[str, List[Any]]] = None

    def _table(self) -> Any:
        return self._t

    def __len__(self) -> int:
        return len(self._table())

    def _cols(self) -> Dict[str, List[Any]]:
        if self._d is None:
            self._d = self._table().to_pydict()
        return self._d

    @property
    def columns(self) -> List[str]:
        """The column names, in order."""
        return list(self._table().column_names)

    def column(self, name: str) -> List[Any]:
        """One column as a list. Raises ``KeyError`` for an unknown name."""
        return list(self._cols()[name])

    def to_dict(self) -> Dict[str, List[Any]]:
        """The columns as a dict of lists (dates as :class:`datetime.date`, nulls as
        ``None``). Builds one Python object per cell: for a large table prefer
        :meth:`to_pandas` / :meth:`to_polars`."""
        return {k: list(v) for k, v in self._cols().items()}

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        """The table as an Arrow C stream PyCapsule (the Arrow PyCapsule interface)."""
        return self._table().__arrow_c_stream__(requested_schema)

    def __arrow_c_schema__(self) -> Any:
        """The table's Arrow schema as a PyCapsule."""
        return self._table().__arrow_c_schema__()

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table``. Raises ``ImportError`` naming ``pyarrow`` when it is not
        installed."""
        return _import("pyarrow").table(self._table())

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` through pyarrow: integers and booleans as nullable
        (``Int64``, ``Int32``, ``boolean``), dates as ``datetime64``, dictionary columns as
        categoricals. Raises ``ImportError`` naming ``pandas`` or ``pyarrow`` when it is not
        installed."""
        pd = _import("pandas")
        pa = _import("pyarrow")
        nullable = {
            pa.int64(): pd.Int64Dtype(), pa.int32(): pd.Int32Dtype(),
            pa.uint64(): pd.UInt64Dtype(), pa.bool_(): pd.BooleanDtype(),
        }
        return self.to_arrow().to_pandas(types_mapper=nullable.get, date_as_object=False)

    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` (dates as ``Date``, dictionary columns as ``Categorical``).
        Raises ``ImportError`` naming ``polars`` when it is not installed."""
        return _import("polars").DataFrame(self._table())

    def _row(self, i: int) -> Dict[str, Any]:
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"row {i} of {n}")
        return {k: v[i] for k, v in self._cols().items()}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} rows; columns {self.columns})"


class Assessments(_Table):
    """The assessments of a register, one per record (row ``i`` is record ``i``), held in
    Rust: no Python object is made per row until asked for. Indexing and iteration give
    :class:`Assessment` objects, :meth:`to_dict` the serde columns. As an Arrow table
    (``__arrow_c_stream__``, :meth:`to_arrow`, :meth:`to_pandas`, :meth:`to_polars`), one row
    per record: the record's ``line`` in the source file (``int64``, null when not read from
    a file), ``source_id`` (the source's own id) and ``name``, to join on; ``as_of``
    (``date32``), ``status`` (dictionary of every :class:`Status`, in that order), the
    deciding (first) reason's ``reason`` code, ``label_id``, ``label_en``, ``detail``,
    ``detail_id`` and every reason code ``;``-joined as ``reason_codes`` (dictionaries),
    ``identified`` and ``rat_for_last_closed_year`` (``bool``), ``latest_rat_book_year``,
    ``rat_window_first``, ``rat_window_last`` (``int32``)."""

    __slots__ = ("_a",)

    def __init__(self, _native: Any) -> None:
        self._a = _native
        super().__init__(None)

    def _table(self) -> Any:
        if self._t is None:
            self._t = self._a.table()
        return self._t

    def __len__(self) -> int:
        return len(self._a)

    def _cols(self) -> Dict[str, List[Any]]:
        if self._d is None:
            self._d = self._a.rows_table().to_pydict()
        return self._d

    @property
    def columns(self) -> List[str]:
        """The column names of :meth:`to_dict`, in order."""
        return list(self._cols())

    def to_dict(self) -> Dict[str, List[Any]]:
        """The serde columns as a dict of lists (``as_of`` as :class:`datetime.date`,
        ``status``, ``reasons`` (each cell a list of reason dicts), ``identified``,
        ``latest_rat_book_year``, ``rat_window``, ``rat_for_last_closed_year``). Builds one
        Python object per cell: for a large register prefer the Arrow table
        (:meth:`to_pandas`, :meth:`to_polars`, ``__arrow_c_stream__``)."""
        return {k: list(v) for k, v in self._cols().items()}

    def __getitem__(self, i: int) -> Assessment:
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"row {i} of {n}")
        return Assessment._from(self._a.get(i))

    def __iter__(self) -> Iterator[Assessment]:
        return (self[i] for i in range(len(self)))

    def __repr__(self) -> str:
        return f"Assessments({len(self)} rows)"


class Records(Sequence[Koperasi]):
    """The records of a register (``reg.records``): a sequence of :class:`Koperasi` (``len()``,
    ``[i]``, slices, ``for k in reg.records``) that is also a table: :meth:`column`,
    :meth:`to_dict`, :meth:`to_pandas` and :meth:`to_polars` give the records as columns,
    nested objects flattened with dotted names (``location.kecamatan``, ``badan_hukum.raw``,
    ``members.total``), lists (``rat``, ``extra``) as one cell. The columns are built once,
    when first asked for."""

    __slots__ = ("_g", "_table")

    def __init__(self, _native: Any) -> None:
        self._g = _native
        self._table: Optional[_Table] = None

    def _t(self) -> _Table:
        if self._table is None:
            self._table = _Table(self._g.records_table())
        return self._table

    def __len__(self) -> int:
        return len(self._g)

    @overload
    def __getitem__(self, i: int) -> Koperasi: ...

    @overload
    def __getitem__(self, i: slice) -> List[Koperasi]: ...

    def __getitem__(self, i: Union[int, slice]) -> Union[Koperasi, List[Koperasi]]:
        n = len(self)
        if isinstance(i, slice):
            return [Koperasi(self._g.record(j)) for j in range(*i.indices(n))]
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"record {i} of {n}")
        return Koperasi(self._g.record(i))

    def __iter__(self) -> Iterator[Koperasi]:
        return (Koperasi(self._g.record(i)) for i in range(len(self)))

    @property
    def columns(self) -> List[str]:
        """The column names, in order."""
        return self._t().columns

    def column(self, name: str) -> List[Any]:
        """One column as a list. Raises ``KeyError`` for an unknown name."""
        return self._t().column(name)

    def to_dict(self) -> Dict[str, List[Any]]:
        """The columns as a dict of lists (dates as :class:`datetime.date`)."""
        return self._t().to_dict()

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        """The records as an Arrow C stream PyCapsule (``pyarrow.table(reg.records)``)."""
        return self._t().__arrow_c_stream__(requested_schema)

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame``, one row per record, through pyarrow. Raises
        ``ImportError`` naming ``pandas`` or ``pyarrow`` when it is not installed."""
        return self._t().to_pandas()

    def to_polars(self) -> Any:
        """A ``polars.DataFrame``, one row per record. Raises ``ImportError`` naming
        ``polars`` when it is not installed."""
        return self._t().to_polars()

    def __repr__(self) -> str:
        return f"Records({len(self)} records)"


class CountTable(_Table):
    """Counts by a breakdown: one column per field (``None`` = unknown), then ``count``;
    sorted by key. The counts sum to the number of records."""


class ReasonCounts(_Table):
    """How many records got each (status, deciding reason): columns ``status``, ``code``,
    ``label_id``, ``label_en``, ``count``."""


class DuplicateGroups(_Table):
    """Groups of records sharing a key: columns ``key`` (:class:`DuplicateKey` value),
    ``value``, ``records`` (indices), ``lines`` (source lines)."""


class PeriodTotals(_Table):
    """Sums over all regions per period: ``period`` then one column per measure."""


class GrowthRow(_gt.GrowthRow):
    __doc__ = (_gt.GrowthRow.__doc__ or "") + """
    Fields are the generated ones (``from_`` and ``to`` for the serde ``from``/``to``;
    ``to_dict()`` is the serde shape); ``from_value`` and ``to_value`` are read-only aliases."""

    @property
    def from_value(self) -> int:
        """Value in the start period (``from_``)."""
        return self.from_

    @property
    def to_value(self) -> int:
        """Value in the end period (``to``)."""
        return self.to


class GrowthRows(_Table):
    """A growth table, one row per region: columns ``region``, ``region_code``,
    ``from_period``, ``to_period``, ``from``, ``to``, ``change``, ``pct_change`` (percent)."""

    def __getitem__(self, i: int) -> GrowthRow:
        return GrowthRow._from(self._row(i))

    def __iter__(self) -> Iterator[GrowthRow]:
        return (self[i] for i in range(len(self)))


Finding = _gt.Finding


class Findings(_Table):
    """Findings as columns (see :class:`Finding`); indexing gives a :class:`Finding`."""

    def __getitem__(self, i: int) -> Finding:
        d = self._row(i)
        return Finding(
            d["code"], Severity(d["severity"]), d["region"], tuple(d["periods"]), d["measure"],
            tuple(d["lines"]), tuple(d["values"]), d["message_en"], d["message_id"],
        )

    def __iter__(self) -> Iterator[Finding]:
        return (self[i] for i in range(len(self)))


RegistrationsByYear = _gt.RegistrationsByYear
"""Registrations per founding year (the generated type): ``by_year`` (year -> count) and
``unknown``."""

PolicyComparison = _gt.PolicyComparison
"""Definition sensitivity (:meth:`Register.compare_policies`), the generated type: ``as_of``,
``records``, ``policies`` (:class:`koperasi._types.PolicyCounts`) and ``pairs``
(:class:`koperasi._types.PairComparison`, with ``cross`` cells and ``changes`` groups as
dataclasses; ``to_dict()`` gives the serde shape, ``from`` and ``to`` as keys)."""


def compare_policies(
    register: "Register",
    as_of: DateLike,
    policies: Sequence[PolicyLike],
) -> PolicyComparison:
    """:meth:`Register.compare_policies` as a function."""
    return register.compare_policies(as_of, policies)


# ---------------------------------------------------------------------------------------------
# io
# ---------------------------------------------------------------------------------------------


Rejection = _gt.Rejection


DataAsOf = _gt.DataAsOf


@dataclass(frozen=True)
class ReadReport(_gt.ReadReport):
    __doc__ = _gt.ReadReport.__doc__

    shape: Optional[Dict[str, Any]] = field(  # type: ignore[assignment]
        default=None, metadata={_OMIT: True}
    )
    """How a table of counts was read: the serde shape of the Rust ``io::shapes::Shape``
    (``kind``, ``header_line``, ``region_column``, ``period_columns`` or ``period_given``,
    ``measures`` with units, ``parent_lines``, ``parent_gaps``); ``None`` for a register."""

    @property
    def unknown_columns(self) -> List[str]:
        """Headers no field recognised (kept as extra columns)."""
        return [h for h, f in self.columns if f is None]


class Register:
    """Many cooperative records (read by :func:`read_register`). ``len()`` is the number of
    records; indexing gives a :class:`Koperasi`. Every method runs in the Rust core."""

    __slots__ = ("_g",)

    def __init__(self, _native: Any) -> None:
        self._g = _native

    @classmethod
    def from_records(cls, records: Sequence[Koperasi]) -> "Register":
        """A register of these records."""
        return cls(_k.Register.from_records([r._r for r in records]))

    def __len__(self) -> int:
        return len(self._g)

    def __getitem__(self, i: int) -> Koperasi:
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"record {i} of {n}")
        return Koperasi(self._g.record(i))

    def __iter__(self) -> Iterator[Koperasi]:
        return (self[i] for i in range(len(self)))

    @property
    def records(self) -> Records:
        """The records: a sequence of :class:`Koperasi` that is also a table (:class:`Records`)."""
        return Records(self._g)

    def to_dict(self) -> Dict[str, Any]:
        """The register in its serde shape: ``{"records": [record dicts]}``."""
        d: Dict[str, Any] = _typed(_gt.Register, self._g.to_dict())
        return d

    def to_pandas(self) -> Any:
        """The records as a pandas DataFrame, one row per coop (``self.records.to_pandas()``).
        Raises ``ImportError`` naming pandas when it is missing."""
        return self.records.to_pandas()

    def to_polars(self) -> Any:
        """The records as a polars DataFrame, one row per coop (``self.records.to_polars()``).
        Raises ``ImportError`` naming polars when it is missing."""
        return self.records.to_polars()

    def assess_all(self, as_of: DateLike, policy: Optional[PolicyLike] = None) -> Assessments:
        """Assess every record as of ``as_of`` (default policy: national), in record order."""
        return Assessments(self._g.assess_all(_iso(as_of, "as_of"), _policy(policy)))

    def status_counts(
        self, as_of: DateLike, policy: Optional[PolicyLike] = None
    ) -> Dict[Status, int]:
        """Number of records per :class:`Status` as of ``as_of`` (every status present)."""
        d = self._g.status_counts(_iso(as_of, "as_of"), _policy(policy))
        return {s: d[s.value] for s in Status}

    def count_by(
        self,
        fields: FieldsLike,
        as_of: DateLike,
        policy: Optional[PolicyLike] = None,
    ) -> CountTable:
        """Counts by a breakdown: one field (``"kecamatan"``) or several (``["kecamatan",
        "status"]``); see :class:`Field`.
        Region keys are ``"<code> <name>"`` (``"32.71.03 Bogor Tengah"``) when resolved.
        ``as_of`` and ``policy`` matter only for ``status``. Raises :class:`ValidationError`
        (``invalid_field``)."""
        names = _fields(fields)
        return CountTable(self._g.count_by(names, _iso(as_of, "as_of"), _policy(policy)))

    def reason_counts(
        self, as_of: DateLike, policy: Optional[PolicyLike] = None
    ) -> ReasonCounts:
        """How many records got each (status, deciding reason) as of ``as_of``."""
        return ReasonCounts(self._g.reason_counts(_iso(as_of, "as_of"), _policy(policy)))

    def duplicates(self) -> DuplicateGroups:
        """Groups of records sharing a NIK, a nomor badan hukum key, or a normalised name
        within one kabupaten/kota. Records are never merged."""
        return DuplicateGroups(self._g.duplicates())

    def status_series(
        self,
        dates: Union[Sequence[DateLike], Tuple[DateLike, DateLike, str], Mapping[str, Any]],
        policy: Optional[PolicyLike] = None,
        fields: Optional[FieldsLike] = None,
    ) -> "StatusSeries":
        """Counts by status at many dates (one sweep over each record's status changes),
        broken down by ``fields`` (one :class:`Field` or a list; any but ``status``). ``dates`` is a list of
        dates, or ``(start, end, frequency)`` / ``{"start", "end", "frequency"}`` with
        frequency ``monthly`` or ``yearly`` for every month or year end from ``start`` to
        ``end``. Raises :class:`DemographyError` (``demography_status_breakdown``,
        ``demography_empty``, ``demography_empty_span``) or :class:`ValidationError`
        (``invalid_field``, ``invalid_frequency``)."""
        names = _fields(fields)
        p = _policy(policy)
        if isinstance(dates, Mapping):
            dates = (dates["start"], dates["end"], dates["frequency"])
        if (
            isinstance(dates, tuple) and len(dates) == 3 and isinstance(dates[2], str)
            and dates[2] in ("monthly", "yearly")
        ):
            d, c = _k.status_series(
                self._g, None, _iso(dates[0], "start"), _iso(dates[1], "end"), dates[2], p,
                names,
            )
        else:
            d, c = _k.status_series(self._g, [_iso(x) for x in dates], None, None, None, p, names)
        return StatusSeries(d, c)

    def compare_policies(
        self, as_of: DateLike, policies: Sequence[PolicyLike]
    ) -> "PolicyComparison":
        """The same register under several policies (presets by name or :class:`StatusPolicy`):
        counts under each, and for each pair the cross table and the coops that change status,
        grouped by why (:class:`PolicyComparison`). Raises :class:`PolicyError`
        (``policy_invalid``: none given, two with one name; ``policy_unknown_preset``)."""
        d = _k.compare_policies(self._g, _iso(as_of, "as_of"), [_policy(p) for p in policies])
        return PolicyComparison._from(d)

    def registrations_by_year(self) -> RegistrationsByYear:
        """Registrations per founding year."""
        return RegistrationsByYear._from(self._g.registrations_by_year())

    def __repr__(self) -> str:
        return f"Register({len(self)} records)"


class Panel:
    """Published counts per region and period (read by :func:`read_panel`). ``len()`` is
    the number of rows."""

    __slots__ = ("_g",)

    def __init__(self, _native: Any) -> None:
        self._g = _native

    def __len__(self) -> int:
        return len(self._g)

    def to_dict(self) -> Dict[str, List[Any]]:
        """The rows as columns: ``line``, ``region``, ``region_code``, ``period`` (canonical
        text such as ``"2021-Q3"``), ``period_end`` (date), then one column per measure
        (``None`` where a row lacks it)."""
        return self.table.to_dict()

    @property
    def table(self) -> "_Table":
        """The rows as an Arrow table (``line`` ``uint64``, ``period_end`` ``date32``, measures
        ``int64``): ``pyarrow.table(panel.table)``, ``polars.from_arrow(panel.table)``."""
        return _Table(self._g.table())

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` of :meth:`to_dict`, through pyarrow. Raises ``ImportError``
        naming ``pandas`` or ``pyarrow`` when it is not installed."""
        return self.table.to_pandas()

    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` of :meth:`to_dict`. Raises ``ImportError`` naming
        ``polars`` when it is not installed."""
        return self.table.to_polars()

    def periods(self) -> List[str]:
        """The periods, chronological, as canonical text."""
        return list(self._g.periods())

    def regions(self) -> List[str]:
        """The regions as published, in first-seen order."""
        return list(self._g.regions())

    def measures(self) -> List[str]:
        """The measure names (``aktif``, ``tidak_aktif``, ``total``, ...), sorted."""
        return list(self._g.measures())

    def totals_by_period(
        self, measures: Sequence[str] = ("aktif", "tidak_aktif", "total")
    ) -> PeriodTotals:
        """Sums over all regions per period (each region and period counted once)."""
        return PeriodTotals(self._g.totals_by_period(list(measures)))

    def __repr__(self) -> str:
        return f"Panel({len(self)} rows)"


@dataclass(frozen=True)
class RegisterRead:
    """The result of :func:`read_register`: the ``register`` and the read ``report``."""

    register: Register
    report: ReadReport

    def to_dict(self) -> Dict[str, Any]:
        """``{"register": ..., "report": ...}`` in their serde shapes."""
        return {"register": self.register.to_dict(), "report": self.report.to_dict()}


@dataclass(frozen=True)
class PanelRead:
    """The result of :func:`read_panel`: the ``panel`` and the read ``report``."""

    panel: Panel
    report: ReadReport

    def to_dict(self) -> Dict[str, Any]:
        """``{"panel": columns, "report": ...}``."""
        return {"panel": self.panel.to_dict(), "report": self.report.to_dict()}


def read_register(
    source: Source,
    sheet: Union[str, int, None] = None,
    *,
    mapping: Optional[Mapping[str, str]] = None,
    delimiter: Optional[str] = None,
    region: Optional[str] = None,
    decimal: Optional[str] = None,
    data_as_of: Optional[DateLike] = None,
) -> RegisterRead:
    """Read a register (one row per cooperative) from a path, CSV text or bytes, an
    XLSX/XLS/ODS workbook (path or bytes, told apart by its first bytes), or a table: a
    pandas (needs ``pyarrow``) or polars DataFrame, a pyarrow Table, any object with
    ``__arrow_c_stream__``. A table is read from its cells, not through CSV, with the same
    rules: its column names are the header (line 1), row ``i`` is line ``i + 2``; text
    columns are read as they are, others as Arrow writes them as text (dates ISO), nulls as
    empty cells (``sheet`` and ``delimiter`` do not apply). Indonesian headers are recognised; ``mapping`` maps a field (``name``,
    ``kecamatan``, ...) to a header; ``region`` is the code the whole file belongs to
    (``"32.71"``); ``sheet`` chooses the sheet of a workbook by name or 1-based number
    (default: the first sheet with a header). Bad rows are reported, never raised.

    ``decimal`` is the decimal mark of the file's numbers: ``"comma"`` (Indonesian:
    ``1.500`` = 1500, ``1,5`` = 1.5), ``"point"`` (English: ``1,500`` = 1500) or ``"auto"``
    (decided per column from the cells that read one way only, such as ``1.500.000`` or
    ``2,5``; the decision is a note in ``report.notes``). Default ``None``: Indonesian, but a
    cell such as ``1,500`` (1.5 or 1500?) is reported as ``number_ambiguous`` and not read.
    Raises :class:`ValidationError` (``invalid_decimal``) for another value.

    ``data_as_of`` is the date the register describes (its data date), when its title does
    not say it (``Keadaan s/d 31 Desember 2024``): a last-RAT column then means no later RAT
    up to that date. It wins over the title's date; ``report.data_as_of`` says which was used.

    Raises :class:`ReadError` when the file cannot be read at all (``read_missing_column``,
    ``read_csv``, ``read_io``, ``read_workbook``, ``read_no_such_sheet``; a workbook sheet
    that is a panel: ``read_unknown_layout``).
    """
    table = _arrow(source)
    if table is not None:
        _, g, rep = _k.read(
            table=table, layout="register", mapping=_mapping(mapping), region=region,
            decimal=decimal, data_as_of=_opt_iso(data_as_of, "data_as_of"),
        )
        return RegisterRead(Register(g), ReadReport._from(rep))
    data, path = _source(source)
    _, g, rep = _k.read(
        data, path, None, "register", _mapping(mapping), delimiter, region, _sheet(sheet),
        decimal, data_as_of=_opt_iso(data_as_of, "data_as_of"),
    )
    return RegisterRead(Register(g), ReadReport._from(rep))


def read_panel(
    source: Source,
    sheet: Union[str, int, None] = None,
    *,
    mapping: Optional[Mapping[str, str]] = None,
    delimiter: Optional[str] = None,
    region: Optional[str] = None,
    decimal: Optional[str] = None,
    period: Union[DateLike, int, None] = None,
    wide: bool = False,
) -> PanelRead:
    """Read a panel of published counts (region x period x measures) from a path, CSV text
    or bytes, an XLSX/XLS/ODS workbook (``sheet``: name or 1-based number), or a DataFrame.
    Raises :class:`ReadError` (e.g. ``read_missing_column``, ``read_no_such_sheet``; a
    workbook sheet that is a register: ``read_unknown_layout``). ``decimal``: as for
    :func:`read_register`. ``period`` is the period of
    every row of a table with no period column (a one-date snapshot, a ``metric,value``
    summary): a date, ``"2024-12"``, ``"2024-Q3"`` or a year; ``wide=True`` reads a table with a
    single period column (``2024``) as periods-as-columns. The shapes read (long, Satu Data,
    wide, SIPD hierarchy, key/value) and how: ``report.shape``. A DataFrame or Arrow table is
    read from its cells as :func:`read_register` reads one (row ``i`` is line ``i + 2``)."""
    table = _arrow(source)
    data, path = (None, None) if table is not None else _source(source)
    _, g, rep = _k.read(
        data, path, table, "panel", _mapping(mapping), delimiter, region, _sheet(sheet), decimal,
        _period(period), wide,
    )
    return PanelRead(Panel(g), ReadReport._from(rep))


def read_any(
    source: Source,
    sheet: Union[str, int, None] = None,
    *,
    mapping: Optional[Mapping[str, str]] = None,
    delimiter: Optional[str] = None,
    region: Optional[str] = None,
    decimal: Optional[str] = None,
    period: Union[DateLike, int, None] = None,
    wide: bool = False,
    data_as_of: Optional[DateLike] = None,
) -> Union[RegisterRead, PanelRead]:
    """Read a register or a panel, told apart by the header (see :func:`detect_layout`),
    from CSV (the delimiter is guessed when not given) or an XLSX/XLS/ODS workbook (path or
    bytes; ``sheet`` by name or 1-based number, default the first sheet with a header; the
    header may sit below a title block). Raises :class:`ReadError`
    (``read_unknown_layout``, ``read_no_such_sheet``, ``read_workbook``, ...; a table of
    counts with no period column: ``read_missing_column``, fixed by ``period=``). ``decimal``:
    as for :func:`read_register`; ``period`` and ``wide`` as in :func:`read_panel`;
    ``data_as_of`` as for :func:`read_register` (a register's title block is read for it).
    A DataFrame or Arrow table is told apart by its column names; a register is read from
    its cells as :func:`read_register` does."""
    table = _arrow(source)
    data, path = (None, None) if table is not None else _source(source)
    kind, g, rep = _k.read(
        data, path, table, None, _mapping(mapping), delimiter, region, _sheet(sheet), decimal,
        _period(period), wide, _opt_iso(data_as_of, "data_as_of"),
    )
    if kind == "register":
        return RegisterRead(Register(g), ReadReport._from(rep))
    return PanelRead(Panel(g), ReadReport._from(rep))


def detect_layout(
    csv_text: str,
    *,
    mapping: Optional[Mapping[str, str]] = None,
    delimiter: Optional[str] = None,
) -> Layout:
    """Tell a register from a panel by the header row of ``csv_text``. Raises
    :class:`ReadError` (``read_unknown_layout``, ``read_empty``)."""
    return Layout(_k.detect_layout(csv_text, _mapping(mapping), delimiter))


# ---------------------------------------------------------------------------------------------
# stats
# ---------------------------------------------------------------------------------------------


def growth(panel: Panel, measure: str, from_period: str, to_period: str) -> GrowthRows:
    """Growth of ``measure`` per region between two periods (regions having both values).
    Raises :class:`StatsError` (``stats_bad_period``)."""
    return GrowthRows(panel._g.growth(measure, from_period, to_period))


def cagr(from_value: int, to_value: int, years: float) -> float:
    """Compound annual growth rate in **percent** per year: ``((to/from)**(1/years) - 1) *
    100``. Raises :class:`StatsError` (``stats_non_positive_base``,
    ``stats_non_positive_years``, ``stats_negative_value``)."""
    return _k.cagr(from_value, to_value, years)


def pct_change(from_value: int, to_value: int) -> float:
    """Percentage change ``(to - from) / from * 100``. Raises :class:`StatsError`
    (``stats_non_positive_base`` when ``from <= 0``)."""
    return _k.pct_change(from_value, to_value)


def run_checks(panel: Panel, params: Optional[Mapping[str, Any]] = None) -> Findings:
    """Consistency checks of published figures (duplicates, parts vs total, implausible
    swings, uneven periods, a large change at the end). ``params`` overrides the defaults
    (``{"swing": {"min_relative": 0.5}, "parent_region": "Provinsi Jawa Timur"}``). Raises
    :class:`ValidationError` (``invalid_check_params``) or :class:`StatsError`
    (``stats_bad_parameter``)."""
    return Findings(panel._g.run_checks(None if params is None else dict(params)))


def parse_period(text: str) -> str:
    """A reporting period in canonical text: ``"TW III 2021"`` gives ``"2021-Q3"``,
    ``"Maret 2021"`` ``"2021-03"``. Raises :class:`StatsError` (``stats_bad_period``)."""
    return _k.parse_period(text)


# ---------------------------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    """What ``koperasi report`` shows, as data: ``kind`` (``"register"`` or ``"panel"``) and
    ``data`` (the JSON of ``koperasi report --format json``, dates as :class:`datetime.date`)."""

    kind: Layout
    data: Dict[str, Any]

    @property
    def read_as(self) -> Optional[Dict[str, Any]]:
        """How a panel was read (layout, header line, region column and the levels found,
        period columns, measures and units, rows used as totals and not summed), with the
        statement in ``text_en`` and ``text_id``; ``None`` for a register."""
        v = self.data.get("read_as")
        return dict(v) if isinstance(v, dict) else None

    def to_dict(self) -> Dict[str, Any]:
        """The report as a dict (the JSON of ``koperasi report --format json``)."""
        return dict(self.data)

    def to_json(self) -> str:
        """The report as JSON text (dates ISO)."""
        import json

        return json.dumps(self.data, default=lambda o: o.isoformat(), ensure_ascii=False)


def build_report(
    source: Source,
    as_of: Optional[DateLike] = None,
    policy: Optional[PolicyLike] = None,
    data_as_of: Optional[DateLike] = None,
    *,
    sheet: Union[str, int, None] = None,
    mapping: Optional[Mapping[str, str]] = None,
    delimiter: Optional[str] = None,
    region: Optional[str] = None,
    decimal: Optional[str] = None,
    period: Union[DateLike, int, None] = None,
    wide: bool = False,
    by: "Optional[FieldsLike]" = None,
    top: Optional[int] = None,
    checks: Optional[Mapping[str, Any]] = None,
) -> Report:
    """Read a register or a panel, from CSV or an XLSX/XLS/ODS workbook as :func:`read_any`
    reads it (the same reading options, ``sheet`` by name or 1-based number), and build its
    report, as ``koperasi report`` does. A register needs ``as_of`` (the library never reads
    the clock); ``policy`` defaults to national; ``data_as_of`` as for :func:`read_register`;
    ``by``: the breakdown of a register (default kecamatan); ``top``: how many regions of a
    panel to list as grew / shrank most (default 5); ``checks``: the thresholds of a panel's
    consistency checks, as for :func:`run_checks`.

    Raises :class:`ReadError` for an unreadable file, :class:`ValidationError`
    (``missing_as_of``) for a register without ``as_of``.
    """
    table = _arrow(source)
    data, path = (None, None) if table is not None else _source(source)
    name = path if path is not None else "<data>"
    when = None if as_of is None else _iso(as_of, "as_of")
    d = _k.build_report(
        data, path, name, when, _policy(policy), _opt_iso(data_as_of, "data_as_of"),
        _mapping(mapping), delimiter, region, _sheet(sheet), decimal, _period(period), wide,
        None if by is None else _fields(by), top, None if checks is None else dict(checks),
        table=table,
    )
    kind = Layout(d["kind"])
    typed = _gt.RegisterReport if kind is Layout.REGISTER else _gt.PanelReport
    return Report(kind, _typed(typed, d))



# ---------------------------------------------------------------------------------------------
# collections of rows (results whose serde shape is a list of objects)
# ---------------------------------------------------------------------------------------------

_T = TypeVar("_T")


class _Rows(_Table, Generic[_T]):
    """A collection of result rows, held both as rows and as an Arrow table built in Rust.
    ``len()``, indexing and iteration give row objects; ``to_list()`` the rows in their serde
    shape (a list of dicts); ``to_dict()``, ``to_pandas()``, ``to_polars()`` and
    ``__arrow_c_stream__`` the table (nested objects flattened with dotted names)."""

    __slots__ = ("_rows",)

    def __init__(self, rows: List[Dict[str, Any]], table: Any) -> None:
        super().__init__(table)
        self._rows = rows

    def _make(self, d: Dict[str, Any]) -> _T:  # pragma: no cover - overridden
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i: int) -> _T:
        return self._make(self._rows[i])

    def __iter__(self) -> Iterator[_T]:
        return (self._make(r) for r in self._rows)

    def to_list(self) -> List[Dict[str, Any]]:
        """The rows in their serde shape (a list of dicts)."""
        return copy.deepcopy(self._rows)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} rows)"


# ---------------------------------------------------------------------------------------------
# output safety (one rule with the Rust core and the ``koperasi`` command: koperasi::io::safe)
# ---------------------------------------------------------------------------------------------


def safe_csv_cell(text: str, numeric: bool = False) -> str:
    """A cell made inert for a spreadsheet (CSV/XLSX): a text that starts with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets the prefix ``'`` (``"=1+1"`` gives
    ``"'=1+1"``), and so does one that already starts with ``'`` and such a character, so
    that the readers of this package give the original back. ``numeric=True`` is for a number
    column: a plain negative number such as ``"-5"`` stays as it is (``"-5"`` is ``"'-5"`` as
    text)."""
    return _k.safe_csv_cell(text, numeric)


def safe_markdown_cell(text: str) -> str:
    """A markdown table cell: ``\\``, ``|`` and backticks escaped with a backslash, ``<`` and
    ``>`` as ``&lt;`` and ``&gt;``, line breaks as ``<br>``, control and bidi characters as
    in :func:`safe_terminal_text`."""
    return _k.safe_markdown_cell(text)


def safe_terminal_text(text: str) -> str:
    """Text for a terminal: every control character but the line feed, and every bidi
    formatting character (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), written as
    a visible escape: ``"\\x1b[2J"`` gives ``"\\u{1b}[2J"``."""
    return _k.safe_terminal_text(text)


# ---------------------------------------------------------------------------------------------
# template
# ---------------------------------------------------------------------------------------------


def template_register(
    path: Union[str, "os.PathLike[str]", None] = None,
    *,
    rat_year: Optional[int] = None,
    locale: str = "en",
) -> bytes:
    """The blank register template (the workbook of ``koperasi template register``, built by
    the core): a sheet with the recognised headers, a drop-down list for jenis and the other
    choices, an example row (delete it), and an instructions sheet; sheet names and
    instructions in ``locale`` (``"id"`` or ``"en"``). ``rat_year`` is the book year of the
    example RAT column (default: last year in WIB, Asia/Jakarta). Returns the XLSX bytes, and
    writes them to ``path`` when given. Raises :class:`ExportError` for a year outside
    1900..=2100, ``ValueError`` for another locale."""
    if rat_year is None:
        wib = _dt.timezone(_dt.timedelta(hours=7))
        rat_year = _dt.datetime.now(wib).year - 1
    return _written(_k.template_register(rat_year, _indonesian(locale)), path)


def template_kopdes(
    path: Union[str, "os.PathLike[str]", None] = None,
    *,
    locale: str = "en",
) -> bytes:
    """The blank register template of Koperasi Desa/Kelurahan Merah Putih (the workbook of
    ``koperasi template kopdes``, built by the core): the id, name, NIK and place columns, then
    a column per stage (a date per stage from musdesus to the loan approval, land status,
    construction % and outlets), each a header :func:`kopdes_stages` and
    :func:`kopdes_readiness` read without a mapping; an example row (delete it) and an
    instructions sheet in ``locale`` (``"id"`` or ``"en"``). Returns the XLSX bytes, and writes
    them to ``path`` when given. Raises ``ValueError`` for another locale."""
    return _written(_k.template_kopdes(_indonesian(locale)), path)


def _indonesian(locale: str) -> bool:
    if locale not in ("id", "en"):
        raise ValueError(f"locale {locale!r}: expected 'id' or 'en' / locale harus 'id' atau 'en'")
    return locale == "id"


def _written(data: bytes, path: Union[str, "os.PathLike[str]", None]) -> bytes:
    if path is not None:
        with open(path, "wb") as f:
            f.write(data)
    return data

# published statements (issue 18): koperasi/statements.py
from .statements import (  # noqa: E402
    Funnel, StatementsRead, check_statements, compare_statements, funnel, read_statements,
    statements_csv,
)
__all__ += ["StatementsRead", "Funnel", "read_statements", "check_statements", "funnel",
            "compare_statements", "statements_csv"]

# Koperasi Desa/Kelurahan Merah Putih (issue 19): koperasi/kopdes.py
from .kopdes import (  # noqa: E402
    kopdes_coverage, kopdes_readiness, kopdes_stages, kopdes_statistics, kopdes_wave,
)
__all__ += ["kopdes_coverage", "kopdes_statistics", "kopdes_stages", "kopdes_readiness",
            "kopdes_wave"]

# SHU: koperasi/shu.py
from .shu import (  # noqa: E402
    AllocatedLine, Allocation, AllocationPlan, Apportionment, Distribution, Member, MemberShare,
    MemberShares, Members, MembersRead, PoolShare, Rounding, shu_allocate, shu_apportion,
    shu_distribute, shu_plan_from_toml, shu_pseudonym, shu_read_members,
)

# business demography: koperasi/demography.py
from .demography import (  # noqa: E402
    Cohort, Cohorts, DemographyReport, DemographyYear, DemographyYears, HighGrowth, KaplanMeier,
    KaplanMeierSummary, Lifeline, Population, Rates, StatusSeries, SurvivalData, UnitGrowth,
    UnitGrowths, cohort_survival, demography_rates, demography_report, high_growth, kaplan_meier,
    survival_data, yearly_demography,
)

from . import samples  # noqa: E402  (a submodule that uses the readers above)
