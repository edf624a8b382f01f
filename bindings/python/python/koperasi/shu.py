"""SHU (sisa hasil usaha): the allocation plan of the AD/ART, members and their
transactions, the distribution to each member exact to the sen, and apportionment
(``DOMAIN.md``, SHU; UU 25/1992 Pasal 45). Re-exported by :mod:`koperasi`: use
``koperasi.shu_distribute`` and the others from there."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import _types as _gt
from ._convert import encode as _encode
from ._convert import typed as _typed
from ._errors import ReadError, ShuError, ValidationError

from . import (
    ReadReport,
    Source,
    _import,
    _koperasi as _k,
    _mapping,
    _Result,
    _Rows,
    _Table,
    _source,
    read_register,
)

__all__ = [
    "AllocatedLine", "Allocation", "AllocationPlan", "Apportionment", "Distribution", "Member",
    "MemberShare", "MemberShares", "Members", "MembersRead", "PoolShare", "Rounding",
    "shu_allocate", "shu_apportion", "shu_distribute", "shu_plan_from_toml", "shu_pseudonym",
    "shu_read_members",
]


Rounding = _gt.Rounding


class AllocationPlan:
    """An SHU allocation plan (the AD/ART's percentages, DOMAIN.md 3.2): components in basis
    points summing to exactly 10,000, the base each member pool is shared by, rounding.
    Build one with :meth:`from_toml`, :meth:`from_json` or :meth:`from_dict`; all validate
    and raise :class:`ShuError` (``shu_plan_sum``, ``shu_plan_parse``, ...)."""

    __slots__ = ("_p",)

    def __init__(self, _native: Any) -> None:
        self._p = _native

    @classmethod
    def from_toml(cls, text: str) -> "AllocationPlan":
        """A plan from TOML (``[[components]] component = "jasa_modal" basis_points = 3000
        base = "capital"``)."""
        return cls(_k.Plan.from_toml(text))

    @classmethod
    def from_json(cls, text: str) -> "AllocationPlan":
        """A plan from JSON (the serde shape, as :meth:`to_dict`)."""
        return cls(_k.Plan.from_json(text))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "AllocationPlan":
        """A plan from a dict (the serde shape, as :meth:`to_dict`)."""
        return cls(_k.Plan.from_dict(dict(d)))

    def to_dict(self) -> Dict[str, Any]:
        """The plan in its serde shape (defaults filled in)."""
        d: Dict[str, Any] = self._p.to_dict()
        return d

    def to_json(self) -> str:
        """The plan as pretty-printed JSON."""
        return self._p.to_json()

    @property
    def name(self) -> Optional[str]:
        """The plan's label, when it has one."""
        n: Optional[str] = self.to_dict().get("name")
        return n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AllocationPlan) and bool(self._p == other._p)

    def __hash__(self) -> int:
        return hash(self.to_json())

    def __repr__(self) -> str:
        d = self.to_dict()
        return f"AllocationPlan(name={d.get('name')!r}, {len(d['components'])} components)"


def _plan(plan: Union[AllocationPlan, Mapping[str, Any]]) -> Any:
    if isinstance(plan, AllocationPlan):
        return plan._p
    if isinstance(plan, Mapping):
        return _k.Plan.from_dict(dict(plan))
    raise ValidationError(
        f"plan must be an AllocationPlan or a dict, got {type(plan).__name__}",
        "invalid_argument",
    )


def shu_plan_from_toml(text: str) -> AllocationPlan:
    """Read and validate an SHU allocation plan from TOML (see :class:`AllocationPlan`).
    Raises :class:`ShuError` (``shu_plan_parse``, ``shu_plan_sum``, ``shu_plan_empty``,
    ``shu_plan_duplicate``, ``shu_plan_invalid``)."""
    return AllocationPlan.from_toml(text)


@dataclass(frozen=True)
class Member(_Result):
    """One member of a coop: ``id`` (membership number), ``join_date`` / ``leave_date``,
    ``savings`` (kind -> sen at the book year's end), ``transactions`` (base -> sen over the
    year), ``source_line``. ``name`` and ``nik`` are personal data: kept for the coop's own
    output (``to_dict()``), never shown by ``repr()``."""

    id: str
    name: Optional[str] = field(default=None, repr=False)
    nik: Optional[str] = field(default=None, repr=False)
    join_date: Optional[_dt.date] = None
    leave_date: Optional[_dt.date] = None
    savings: Dict[str, int] = field(default_factory=dict)
    transactions: Dict[str, int] = field(default_factory=dict)
    source_line: Optional[int] = None

    def to_dict(self) -> Dict[str, Any]:
        """The member in its serde shape (absent optional fields left out)."""
        d = super().to_dict()
        return {k: v for k, v in d.items() if v is not None}


class Members:
    """The members of a coop, held in Rust (read by :func:`shu_read_members`, or built with
    :meth:`from_list`). Indexing gives a :class:`Member`; ``to_list()`` the serde shape,
    ``to_dict()`` columns (``savings.pokok``, ``transactions.sales``, ...), ``to_pandas()`` /
    ``to_polars()`` a DataFrame. ``repr()`` shows no personal data."""

    __slots__ = ("_m",)

    def __init__(self, _native: Any) -> None:
        self._m = _native

    @classmethod
    def from_list(cls, members: Sequence[Union[Member, Mapping[str, Any]]]) -> "Members":
        """Members from :class:`Member` objects or dicts (``{"id": "A-1", "savings":
        {"wajib": 50000000}, "transactions": {"sales": 1200000}}``, amounts in sen). Raises
        :class:`ValidationError` (``invalid_member``) naming the member id, never a name or
        NIK."""
        items = [m.to_dict() if isinstance(m, Member) else dict(m) for m in members]
        return cls(_k.Members.from_list(items))

    def __len__(self) -> int:
        return len(self._m)

    def __getitem__(self, i: int) -> Member:
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"member {i} of {n}")
        return Member._from(self._m.get(i))

    def __iter__(self) -> Iterator[Member]:
        return (self[i] for i in range(len(self)))

    def to_list(self) -> List[Dict[str, Any]]:
        """The members in their serde shape (a list of dicts, with names and NIK)."""
        out: List[Dict[str, Any]] = [_typed(_gt.Member, m) for m in self._m.to_list()]
        return out

    def to_dict(self) -> Dict[str, List[Any]]:
        """The members as columns (a dict of lists)."""
        return self.table.to_dict()

    @property
    def table(self) -> _Table:
        """The members as an Arrow table (``savings.pokok``, ...; amounts in sen ``int64``,
        dates ``date32``)."""
        return _Table(self._m.table())

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` of :meth:`to_dict`, through pyarrow."""
        return self.table.to_pandas()

    def to_polars(self) -> Any:
        """A ``polars.DataFrame`` of :meth:`to_dict`."""
        return self.table.to_polars()

    def anonymised(self, key: str) -> "Members":
        """The members with ids (and names) replaced by keyed pseudonyms
        (:func:`shu_pseudonym`), NIK and source lines removed. Raises :class:`ShuError`
        (``shu_empty_key``, ``shu_pseudonym_collision``)."""
        return Members(self._m.anonymised(key))

    def __repr__(self) -> str:
        return f"Members({len(self)} members)"


def _members(members: Union[Members, Sequence[Union[Member, Mapping[str, Any]]]]) -> Any:
    if isinstance(members, Members):
        return members._m
    return Members.from_list(members)._m


@dataclass(frozen=True)
class MembersRead:
    """The result of :func:`shu_read_members`: the ``members`` and the read ``report``
    (rejected rows with line, column and code; only recognised non-personal cells are shown,
    every other cell, such as a name, a NIK or a note, as ``<redacted>``)."""

    members: Members
    report: ReadReport

    def to_dict(self) -> Dict[str, Any]:
        """``{"members": [member dicts], "report": ...}``."""
        return {"members": self.members.to_list(), "report": self.report.to_dict()}


def shu_read_members(
    source: Source,
    *,
    mapping: Optional[Mapping[str, str]] = None,
    delimiter: Optional[str] = None,
    decimal: Optional[str] = None,
) -> MembersRead:
    """Read a member register for SHU from a path, CSV text or bytes, or a DataFrame:
    ``id`` (``no_anggota``), ``name``, ``nik``, join/leave dates, ``simpanan_<kind>`` savings
    and ``transaksi_<base>`` transactions (amounts read as rupiah, e.g. ``Rp 1.500.000``).
    Bad rows are reported, never raised. Raises :class:`ReadError` when the file cannot be
    read at all (``read_missing_column`` when no column gives the member id). ``decimal``: as
    for :func:`read_register`; without it, an amount such as ``1,500`` rejects its row
    (``number_ambiguous``) rather than become Rp 1,50 beside a neighbour's ``1.500``."""
    data, path = _source(source)
    m, rep = _k.shu_read_members(data, path, _mapping(mapping), delimiter, decimal)
    return MembersRead(Members(m), ReadReport._from(rep))


AllocatedLine = _gt.AllocatedLine


Allocation = _gt.Allocation


def shu_allocate(
    plan: Union[AllocationPlan, Mapping[str, Any]],
    shu_sen: int,
    non_member_shu_sen: Optional[int] = None,
) -> Allocation:
    """Split ``shu_sen`` into the plan's components, exact to the sen (DOMAIN.md 3.2);
    with ``non_member_shu_sen``, that part of the SHU follows the plan's non-member lines
    (all to ``cadangan`` by default). Raises :class:`ShuError` (``shu_negative_shu``, ...)."""
    return Allocation._from(_k.shu_allocate(_plan(plan), shu_sen, non_member_shu_sen))


PoolShare = _gt.PoolShare


MemberShare = _gt.MemberShu


class MemberShares(_Rows[MemberShare]):
    """Every member's SHU (see :class:`MemberShare`). As a table (``to_dict()``,
    ``to_pandas()``, ``to_polars()``) one column per pool: ``bases.<component>`` and
    ``amounts.<component>``."""

    def _make(self, d: Dict[str, Any]) -> MemberShare:
        return MemberShare._from(d)


@dataclass(frozen=True)
class Distribution:
    """The SHU shared among members as of ``year_end`` (DOMAIN.md 3.3): ``allocation``,
    ``pools``, ``members`` (:class:`MemberShares`, also as columns), ``members_counted``,
    ``members_excluded``, and in sen ``retained`` (kept by the coop), ``distributed`` and
    ``undistributed``. ``retained + distributed + undistributed`` is the SHU."""

    year_end: _dt.date
    allocation: Allocation
    pools: Tuple[PoolShare, ...]
    members: MemberShares
    members_counted: int
    members_excluded: int
    retained: int
    distributed: int
    undistributed: int

    @staticmethod
    def _from(d: Mapping[str, Any], table: Any) -> "Distribution":
        g = _gt.Distribution._from(d)
        fields = {f.name: getattr(g, f.name) for f in dataclasses.fields(g)}
        members = MemberShares(list(d["members"]), table)
        return Distribution(**{**fields, "members": members})

    def to_dict(self) -> Dict[str, Any]:
        """The serde shape (``members`` as a list of dicts; ``year_end`` a date)."""
        out: Dict[str, Any] = _encode(self)
        return out


def shu_distribute(
    plan: Union[AllocationPlan, Mapping[str, Any]],
    members: Union[Members, Sequence[Union[Member, Mapping[str, Any]]]],
    shu_sen: int,
    book_year: int,
    non_member_shu_sen: Optional[int] = None,
) -> Distribution:
    """Allocate ``shu_sen`` by ``plan`` and share each member pool among the members who
    are members at the end of ``book_year`` (31 December), in proportion to their base,
    exact to the sen (DOMAIN.md 3.3-3.4). Raises :class:`ShuError` (``shu_negative_base``
    naming the member id, ...) or :class:`ValidationError` (``invalid_member``)."""
    return Distribution._from(
        *_k.shu_distribute(_plan(plan), _members(members), shu_sen, book_year, non_member_shu_sen)
    )


Apportionment = _gt.Apportionment


def shu_apportion(
    total_sen: int,
    bases: Sequence[int],
    rounding: Union[Rounding, str] = Rounding.FLOOR,
    reconcile: bool = True,
    granularity_sen: int = 1,
) -> Apportionment:
    """Share ``total_sen`` in proportion to ``bases``, rounded once by ``rounding``, then
    (``reconcile``) by largest remainder so the amounts sum exactly to the total, in units of
    ``granularity_sen`` (1 sen or 100 = whole rupiah). Raises :class:`ShuError`
    (``shu_negative_shu``, ``shu_negative_base``, ``shu_granularity``) or
    :class:`ValidationError` (``invalid_rounding``)."""
    return Apportionment._from(
        _k.shu_apportion(total_sen, list(bases), str(rounding), reconcile, granularity_sen)
    )


def shu_pseudonym(key: str, member_id: str) -> str:
    """A stable pseudonym of ``member_id`` under the secret ``key`` (keyed SipHash-2-4,
    ``M-`` and 16 hex digits), for an export without names. Raises :class:`ShuError`
    (``shu_empty_key``)."""
    return _k.shu_pseudonym(key, member_id)
