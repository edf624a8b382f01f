"""Koperasi Desa/Kelurahan Merah Putih (KDMP/KKMP, Inpres 9/2025; issue 19): coverage of
every desa/kelurahan of the Kemendagri 2025 table, the SIMKOPDES public statistics exports,
the stages as dated facts, loan readiness under PMK 49/2025 and the KDMP/KKMP wave in growth
figures.

Results are plain dicts in the serde shape of the Rust result types (``Coverage``,
``StagesReport``, ``ReadinessReport``, ``WaveGrowth``, ``WaveFinding``), the same keys as the
JSON of ``koperasi kopdes ... --format json`` and of the JS package::

    import koperasi
    c = koperasi.kopdes_coverage("kdmp.csv", level="kecamatan", region="35.12")
    c["total"]["coverage_pct"], c["matching"]["match_rate_pct"], c["without_coop"]
    s = koperasi.kopdes_statistics("kopdes_stats_district.csv",
                                   parent="kopdes_stats_province.csv")
    s["snapshot"]["totals"], s["level_check"]
    koperasi.kopdes_stages("kdmp.csv", "2026-06-30", by="kab_kota")["funnel"]
    koperasi.kopdes_readiness("kdmp.csv")["overall"]["ready"]
    koperasi.kopdes_wave("panel_jatim.csv", kdmp_count=8494, at="2025-Q2")["detail"]
"""

from __future__ import annotations

import os
from typing import Any, Dict, Optional, Tuple, Union

from . import _types as _gt
from ._convert import typed as _typed

from . import (
    DateLike,
    Panel,
    PanelRead,
    Register,
    RegisterRead,
    Source,
    _iso,
    _koperasi as _k,
    _source,
    read_any,
    read_register,
)

__all__ = [
    "kopdes_coverage", "kopdes_statistics", "kopdes_stages", "kopdes_readiness", "kopdes_wave",
]

RegisterLike = Union[Register, RegisterRead, Source]
"""A register (or :func:`read_register`'s result), or a source :func:`read_register` reads."""

TomlLike = Union[str, "os.PathLike[str]", None]
"""TOML text, or the path of a ``.toml`` file."""


def _register(source: RegisterLike) -> Register:
    if isinstance(source, Register):
        return source
    if isinstance(source, RegisterRead):
        return source.register
    return read_register(source).register


def _toml(t: TomlLike) -> Optional[str]:
    if t is None:
        return None
    if isinstance(t, os.PathLike) or ("\n" not in t and t.endswith(".toml")):
        with open(t, encoding="utf-8") as f:
            return f.read()
    return t


def _table(source: Optional[Source]) -> Tuple[Optional[bytes], Optional[str]]:
    if source is None:
        return None, None
    return _source(source)


def kopdes_coverage(
    source: RegisterLike, level: str = "provinsi", region: Optional[str] = None
) -> Dict[str, Any]:
    """Coverage of every desa/kelurahan by a KDMP/KKMP: ``rows`` by ``level`` (``nasional``,
    ``provinsi``, ``kabupaten_kota``, ``kecamatan``, ``desa_kelurahan``), each with ``code``,
    ``name``, ``desa``, ``with_coop``, ``without_coop``, ``with_several``, ``coops`` and
    ``coverage_pct``; the ``total``; ``without_coop`` (the desa/kelurahan without one),
    ``with_several``, ``mergers``, ``problems`` (names not matched: never dropped) and
    ``matching`` (with ``match_rate_pct``). ``source``: a register of KDMP/KKMP (desa names or
    codes), a SIMKOPDES location export, or the village table of a SIMKOPDES statistics
    export (a ``cooperatives`` column). ``region``: a Kemendagri code (``"35.12"``). Raises
    :class:`ValidationError` (``invalid_level``, ``wilayah_unknown_code``,
    ``kopdes_not_a_list`` for a statistics table above village level), :class:`ReadError`."""
    if not isinstance(source, (Register, RegisterRead)):
        data, path = _source(source)
        head = data[:4096] if data is not None else _head(path)
        if b"cooperatives" in head.split(b"\n", 1)[0].lower():
            out: Dict[str, Any] = _k.kopdes_coverage(None, data, path, level, region)
            return out
    reg = _register(source)
    out = _k.kopdes_coverage(reg._g, None, None, level, region)
    return out


def _head(path: Optional[str]) -> bytes:
    if path is None:
        return b""
    with open(path, "rb") as f:
        return f.read(4096)


def kopdes_statistics(
    source: Source,
    parent: Optional[Source] = None,
    previous: Optional[Source] = None,
    data_as_of: Optional[DateLike] = None,
) -> Dict[str, Any]:
    """A SIMKOPDES statistics export (by province, district, subdistrict or village; English
    headers ``province, district, ..., cooperatives, accounts_count, npwp_count, ...``) read as
    a dated snapshot: ``{"snapshot": {"level", "data_as_of", "rows", "totals", "matching"},
    "level_check": [...], "change": {...} | None, "coops_per_desa": [...]}``. ``parent``: the
    table one level up, whose figures must equal the sums of the rows under them (the
    findings are in ``level_check``); ``previous``: an earlier snapshot of the same level
    (``change``); ``data_as_of``: the date, when the file name does not carry it. Raises
    :class:`ReadError` (``read_missing_column``, ``read_csv``, ``read_io``)."""
    data, path = _source(source)
    pd_, pp = _table(parent)
    vd, vp = _table(previous)
    when = None if data_as_of is None else _iso(data_as_of, "data_as_of")
    out: Dict[str, Any] = _k.kopdes_statistics(data, path, pd_, pp, vd, vp, when)
    return out


def kopdes_stages(
    source: RegisterLike,
    as_of: DateLike,
    by: Optional[str] = None,
    stall_days: TomlLike = None,
) -> Dict[str, Any]:
    """The stages of KDMP/KKMP as of ``as_of``: the ``funnel`` (each stage reached, with
    ``covered`` false when no coop has a fact for it: unknown, not 0), ``by_region`` (with
    ``by``: ``provinsi``, ``kab_kota``, ``kecamatan`` or ``desa``), ``durations`` (days between
    stages), ``stall_counts`` and the ``stalled`` coops. ``stall_days``: a stall preset (TOML
    text or path; default the embedded one). Raises :class:`ValidationError`
    (``invalid_field``, ``kopdes_preset_parse``, ``kopdes_preset_invalid``)."""
    reg = _register(source)
    out: Dict[str, Any] = _typed(
        _gt.StagesReport, _k.kopdes_stages(reg._g, _iso(as_of, "as_of"), by, _toml(stall_days))
    )
    return out


def kopdes_readiness(
    source: RegisterLike,
    checklist: TomlLike = None,
    by: Optional[str] = None,
    as_of: Optional[DateLike] = None,
) -> Dict[str, Any]:
    """Loan readiness under PMK 49/2025 (Pasal 2 and 7; or ``checklist``, TOML text or path):
    ``overall`` (``coops``, ``ready``, ``items`` with ``met``/``missing``/``covered``),
    ``by_region`` (with ``by``) and ``coops`` (each with ``ready`` and the ``missing`` item
    codes). ``as_of``: count only facts dated on or before it. Raises
    :class:`ValidationError` (``invalid_field``, ``kopdes_preset_parse``,
    ``kopdes_preset_invalid``)."""
    reg = _register(source)
    when = None if as_of is None else _iso(as_of, "as_of")
    out: Dict[str, Any] = _typed(
        _gt.ReadinessReport, _k.kopdes_readiness(reg._g, _toml(checklist), when, by)
    )
    return out


def kopdes_wave(
    source: Union[Register, RegisterRead, Panel, PanelRead, Source],
    kdmp_count: Optional[int] = None,
    at: Optional[str] = None,
    region: Optional[str] = None,
    measure: Optional[str] = None,
    from_year: int = 2022,
    to_year: int = 2025,
    founding_window: bool = False,
) -> Dict[str, Any]:
    """The KDMP/KKMP wave in growth figures. For a register: growth by year with and without
    the cohort (recognised by name, flag column, or with ``founding_window`` by founding
    date), the serde shape of ``WaveGrowth``. For a panel of counts: how much of the jump at
    ``at`` (default the last period) in ``region`` a known ``kdmp_count`` explains
    (``WaveFinding``: ``jump``, ``explained_pct``, ``detail``, ``detail_id``, ...). Raises
    :class:`ValidationError` (``kopdes_needs_count`` for a panel without ``kdmp_count``),
    :class:`StatsError`."""
    if not isinstance(source, (Register, RegisterRead, Panel, PanelRead)):
        source = read_any(source)
    if isinstance(source, PanelRead):
        source = source.panel
    if isinstance(source, Panel):
        if kdmp_count is None:
            from ._errors import ValidationError

            raise ValidationError(
                "a panel holds counts per region and period: give the KDMP/KKMP count to set "
                "against the jump (kdmp_count=N, e.g. from SIMKOPDES)",
                "kopdes_needs_count", None, None, None, {},
            )
        out: Dict[str, Any] = _k.kopdes_wave_panel(
            source._g, kdmp_count, at, region, measure or "total"
        )
        return out
    out = _k.kopdes_wave_register(
        _register(source)._g, from_year, to_year, founding_window
    )
    return out
