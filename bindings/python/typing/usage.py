"""A typed use of the public API, checked with ``mypy --strict`` in CI (not run)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Optional

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


def arrow(path: str) -> int:
    """Tables out as Arrow streams; DataFrames in as cells."""
    reg: k.Register = k.read_register(path).register
    a: k.Assessments = reg.assess_all("2022-08-15")
    stream: Any = a.__arrow_c_stream__()
    names: List[str] = a.columns
    as_of: List[Any] = a.column("as_of")
    rc: k.ReasonCounts = reg.reason_counts("2022-08-15")
    frame: Any = rc.to_pandas()
    back: k.RegisterRead = k.read_register(a.to_arrow())
    return len(names) + len(as_of) + len(frame) + len(back.register) + (stream is None)


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
    key: Optional[str] = None if nbh is None else nbh.key
    kode: k.KodeWilayah = k.parse_kode_wilayah("647101")
    up: Optional[k.KodeWilayah] = w.parent
    text: str = kode + kode.code + str(kode.level) + (up or "") + (key or "")
    deadline: Optional[dt.date] = k.rat_deadline(2024, k.StatusPolicy.office())
    rep: k.Report = k.build_report("x.csv", as_of=d)
    book: k.Report = k.build_report("x.xlsx", as_of=d, sheet=2, mapping={"name": "Nama"}, by=["kecamatan"], top=3)
    try:
        k.parse_date("x")
    except k.ParseError as e:
        code: str = e.code
        line: Optional[int] = e.line
        del code, line
    return f"{k.format_date(d)} {r} {lvl} {nbh} {deadline} {rep.kind} {text}"


def shu(members_csv: str) -> int:
    plan: k.AllocationPlan = k.shu_plan_from_toml("[[components]]\ncomponent = \"cadangan\"\nbasis_points = 10000\n")
    a: k.Allocation = k.shu_allocate(plan, 500_000_000)
    read: k.MembersRead = k.shu_read_members(members_csv)
    m: k.Member = read.members[0]
    d: k.Distribution = k.shu_distribute(plan, read.members, 500_000_000, 2024)
    d2: k.Distribution = k.shu_distribute({"components": []}, [{"id": "A"}, m], 1, 2024)
    share: k.MemberShare = d.members[0]
    ap: k.Apportionment = k.shu_apportion(100, [1, 2], k.Rounding.HALF_EVEN, reconcile=True)
    p: str = k.shu_pseudonym("secret", m.id)
    return a.shu + share.total + sum(ap.amounts) + len(p) + d2.distributed


def demography(reg: k.Register) -> float:
    km: k.KaplanMeier = k.kaplan_meier([1.0, 2.0], [True, False], entry=[0.0, 0.5])
    med: Optional[float] = km.median
    life: k.Lifeline = {"founded": 2015, "active_years": [2015, 2016]}
    years: k.DemographyYears = k.yearly_demography([life, {"founded": 2016}], 2015, 2016, 2020)
    y: k.DemographyYear = years[0]
    rates: Optional[k.Rates] = y.rates
    c: k.Cohort = k.cohort_survival([life], 2015, 2015, 2020)[0]
    sd: k.SurvivalData = k.survival_data([life], 2015, 2020)
    hg: k.HighGrowth = k.high_growth([{"id": "A", "members": [[2019, 10], [2022, 20]]}], 2022)
    rep: k.DemographyReport = k.demography_report(reg, 2016, 2020, dt.date(2021, 12, 31))
    curve: Optional[k.KaplanMeier] = rep.survival_curve
    s: k.StatusSeries = reg.status_series(("2019-01-01", "2021-12-31", "yearly"), fields=["kecamatan"])
    r: k.Rates = k.demography_rates(100, 10, 5)
    return (km.survival_at(1.5) + (med or 0.0) + (0.0 if rates is None else rates.birth_rate)
            + c.births + len(sd) + hg.eligible + len(rep.years) + (0 if curve is None else len(curve))
            + len(s) + r.churn_rate)


def workbook(path: str, data: bytes) -> List[Optional[str]]:
    got = k.read_any(path, sheet="Data")
    rep: k.ReadReport = got.report
    by_number: k.RegisterRead = k.read_register(data, 2)
    cells: List[Optional[str]] = [e.cell for e in by_number.report.cell_errors]
    notes: tuple[str, ...] = rep.notes
    sheet: Optional[str] = rep.sheet
    enc: Optional[str] = rep.encoding
    p: k.PanelRead = k.read_panel(data, sheet=None)
    return cells + [sheet, enc, str(len(notes) + len(p.panel))]


def safe_output(name: str) -> List[str]:
    return [
        k.safe_csv_cell(name),
        k.safe_csv_cell("-5", numeric=True),
        k.safe_markdown_cell(name),
        k.safe_terminal_text(name),
    ]


def sensitivity(path: str) -> int:
    reg: k.Register = k.read_register(path).register
    c: k.PolicyComparison = reg.compare_policies(
        dt.date(2025, 7, 1), ["national", k.StatusPolicy.permenkop_25_2015()]
    )
    d: dt.date = c.as_of
    changed: int = c.pairs[0].changed + c.policies[0].counts["active"]
    return changed + c.records + d.year + len(k.compare_policies(reg, d, ["office"]).policies)


def first_day() -> int:
    reg: k.Register = k.samples.kota_bogor().register
    panel: k.Panel = k.samples.jawa_timur().panel
    path = k.samples.path("bogor_register")
    text: str = k.samples.text("jatim_panel") + k.samples.source("jatim_panel") + k.__version__
    names: List[str] = k.samples.names()
    t: k.CountTable = reg.count_by("kecamatan", "2022-08-15", policy="office")
    counts: Dict[k.Status, int] = reg.status_counts("2022-08-15", {"name": "mine"})
    first: k.Koperasi = reg.records[0]
    some: List[k.Koperasi] = reg.records[1:3]
    every: List[str] = [r.name for r in reg.records]
    a: k.Assessment = k.assess(first, "2022-08-15", "permenkop_25_2015")
    return len(t) + len(panel) + len(str(path)) + len(text) + len(names) + len(counts) + len(some) + len(every) + len(a.reasons)


def template() -> int:
    """The blank register template: bytes, written to a path when one is given."""
    data: bytes = k.template_register(rat_year=2024, locale="id")
    again: bytes = k.template_register("register.xlsx" if not data else None)
    return len(data) + len(again)

def published_statements() -> int:
    read: k.StatementsRead = k.samples.balikpapan_statements()
    found: List[Dict[str, Any]] = k.check_statements(read, relations=None)
    again: List[Dict[str, Any]] = k.check_statements(read.statements)
    reg: k.Register = k.samples.kota_bogor().register
    f: k.Funnel = k.funnel(reg, "2022-08-15", policy="office", by=["kecamatan"])
    g: k.Funnel = k.funnel(k.samples.kota_bogor(), "2022-08-15")
    on_record: Optional[int] = f.value("on_record")
    out: List[Dict[str, Any]] = f.to_statements("2022-08-16", region="32.71 Kota Bogor")
    compared: List[Dict[str, Any]] = k.compare_statements(out, f)
    csv: str = k.statements_csv(out)
    back: k.StatementsRead = k.read_statements(csv)
    return len(found) + len(again) + (on_record or 0) + len(compared) + len(back.statements) + (g.value("new") or 0)


def kopdes(stats: str, register: str, panel_csv: str) -> int:
    cov: Dict[str, Any] = k.kopdes_coverage(register, level="kecamatan", region="35.12")
    st: Dict[str, Any] = k.kopdes_statistics(stats, parent=None, previous=None,
                                             data_as_of=dt.date(2026, 8, 5))
    reg: k.RegisterRead = k.read_register(register)
    stages: Dict[str, Any] = k.kopdes_stages(reg, "2026-01-31", by="kab_kota")
    ready: Dict[str, Any] = k.kopdes_readiness(reg.register, checklist=None, by=None)
    wave: Dict[str, Any] = k.kopdes_wave(panel_csv, kdmp_count=8494, at="2025-Q2")
    growth: Dict[str, Any] = k.kopdes_wave(reg, from_year=2022, to_year=2025)
    return len(cov) + len(st) + len(stages) + len(ready) + len(wave) + len(growth)
