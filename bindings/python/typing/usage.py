"""A typed use of the public API, checked with ``mypy --strict`` in CI (not run)."""

from __future__ import annotations

import datetime as dt
from typing import Dict, List, Optional

import koperasi as k


def figures(path: str) -> Dict[str, int]:
    read: k.RegisterRead = k.read_register(path, region="32.71")
    reg: k.Register = read.register
    counts: Dict[k.Status, int] = reg.status_counts(dt.date(2022, 8, 15), k.StatusPolicy.national())
    table: k.CountTable = reg.count_by([k.Field.KECAMATAN, "status"], "2022-08-15")
    cols: Dict[str, List[object]] = dict(table.to_dict())
    n: int = len(reg) + len(cols) + read.report.rows_read
    first: k.Assessment = reg.assess_all(dt.date(2022, 8, 15))[0]
    reasons: List[str] = [r.code for r in first.reasons]
    window: Optional[tuple[int, int]] = first.rat_window
    return {"n": n, "active": counts[k.Status.ACTIVE], "reasons": len(reasons), "w": 0 if window is None else window[0]}


def panel(path: str) -> float:
    p: k.Panel = k.read_panel(path).panel
    rows: k.GrowthRows = k.growth(p, "total", "2018-Q4", "2025-Q2")
    top: k.GrowthRow = rows[0]
    f: k.Findings = k.run_checks(p, {"end_change_relative": 0.3})
    sev: k.Severity = f[0].severity
    return k.cagr(top.from_value, top.to_value, 6.5) + k.pct_change(1, 2) + len(sev)


def locale() -> str:
    d: dt.date = k.parse_date("1 Februari 2025")
    sen: int = k.parse_rupiah("Rp 1.500,00")
    r: k.Rupiah = k.Rupiah(sen) + k.Rupiah.parse("Rp 5")
    w: k.Wilayah = k.find_kab_kota("Kota Bogor")
    lvl: k.Level = w.level
    nbh: Optional[k.NomorBadanHukum] = k.parse_nomor_badan_hukum("AHU-0007286.AH.01.26.TAHUN 2020")
    deadline: Optional[dt.date] = k.rat_deadline(2024, k.StatusPolicy.office())
    rep: k.Report = k.build_report("x.csv", as_of=d)
    try:
        k.parse_date("x")
    except k.ParseError as e:
        code: str = e.code
        line: Optional[int] = e.line
        del code, line
    return f"{k.format_date(d)} {r} {lvl} {nbh} {deadline} {rep.kind}"
