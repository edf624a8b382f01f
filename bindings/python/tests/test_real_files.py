"""The two real files give the figures of the Rust tests (crates/koperasi/tests/panel_jatim.rs,
register_counts.rs, io_register.rs, tests/cli.rs), which were computed independently with
python3's csv module."""

from __future__ import annotations

import datetime as dt

import pytest

import koperasi as k
from conftest import BOGOR, JATIM

AS_OF = dt.date(2022, 8, 15)


@pytest.fixture(scope="module")
def jatim() -> k.PanelRead:
    return k.read_panel(JATIM)


@pytest.fixture(scope="module")
def bogor() -> k.RegisterRead:
    return k.read_register(BOGOR)


def test_jatim_reads_every_row(jatim: k.PanelRead) -> None:
    rep = jatim.report
    assert (rep.rows_read, rep.accepted, rep.rejected, rep.cell_errors) == (798, 798, (), ())
    p = jatim.panel
    assert len(p) == 798
    assert len(p.regions()) == 38
    periods = p.periods()
    assert (len(periods), periods[0], periods[-1]) == (21, "2018-Q4", "2025-Q2")
    cols = p.to_dict()
    assert cols["line"][0] == 2 and cols["line"][-1] == 799
    assert cols["region"][0] == "Kabupaten Pacitan"
    # line 2: Kabupaten Pacitan,2018-Q4,436,116,2512,29,552,0,54,1,381,148895,147574
    assert [cols[m][0] for m in ("aktif", "tidak_aktif", "karyawan", "total")] == [436, 116, 2512, 552]
    assert cols["period_end"][0] == dt.date(2018, 12, 31)
    assert len(p.measures()) == 11


def test_jatim_province_totals(jatim: k.PanelRead) -> None:
    t = jatim.panel.totals_by_period(["aktif", "tidak_aktif", "total"]).to_dict()
    i, j = t["period"].index("2018-Q4"), t["period"].index("2025-Q2")
    assert (t["aktif"][i], t["tidak_aktif"][i], t["total"][i]) == (21322, 13182, 34504)
    assert (t["aktif"][j], t["total"][j]) == (27985, 42725)
    q1 = t["period"].index("2025-Q1")
    assert (t["aktif"][q1], t["total"][q1]) == (19621, 34155)


def test_jatim_growth(jatim: k.PanelRead) -> None:
    rows = k.growth(jatim.panel, "total", "2018-Q4", "2025-Q2")
    assert len(rows) == 38
    ranked = sorted(rows, key=lambda r: -r.change)
    assert [(r.region, r.change) for r in ranked[:3]] == [
        ("Kabupaten Lamongan", 563),
        ("Kabupaten Sumenep", 543),
        ("Kabupaten Gresik", 498),
    ]
    assert [(r.region, r.change) for r in ranked[-3:][::-1]] == [
        ("Kota Surabaya", -311),
        ("Kota Malang", -126),
        ("Kota Pasuruan", -89),
    ]
    assert sum(1 for r in rows if r.change < 0) == 5
    # python3: ((42725/34504)**(1/6.5)-1)*100
    assert k.cagr(34504, 42725, 6.5) == pytest.approx(3.3424766919365467, abs=1e-9)
    assert k.cagr(21322, 27985, 6.5) == pytest.approx(4.272269590029554, abs=1e-9)


def test_jatim_findings(jatim: k.PanelRead) -> None:
    f = k.run_checks(jatim.panel)
    codes = f.column("code")
    assert len(f) == 7
    assert codes.count("implausible_swing") == 5
    moj = [x for x in f if x.region == "Kabupaten Mojokerto" and x.measure == "total"]
    assert len(moj) == 1
    assert moj[0].periods == ("2021-Q3", "2021-Q4", "2022-Q1")
    assert moj[0].values == (949, 356, 925)
    assert moj[0].lines == (207, 245, 283)
    assert moj[0].severity in (k.Severity.WARNING, k.Severity.ERROR)
    end = next(x for x in f if x.code == "large_change_at_end")
    assert end.values == (34155, 42725)
    assert end.lines == tuple(range(762, 800))


def test_bogor_reads_every_row(bogor: k.RegisterRead) -> None:
    rep = bogor.report
    assert (rep.rows_read, rep.accepted, len(rep.rejected), rep.unknown_columns) == (398, 398, 0, [])
    reg = bogor.register
    assert len(reg) == 398
    r3 = reg[2]
    assert r3.to_dict()["source_id"] == "3" and r3.to_dict()["source_line"] == 4
    assert r3.name == "Koperasi Pegawai Republik Indonesia Madrasah Tsanawiah Negeri Bogor AL AMANAH"
    assert reg[0].to_dict()["badan_hukum"]["raw"] == "8091/BH/KWK-10/22"


def test_bogor_counts(bogor: k.RegisterRead) -> None:
    reg = bogor.register
    t = reg.count_by([k.Field.KECAMATAN], AS_OF).to_dict()
    assert list(zip(t["kecamatan"], t["count"])) == [
        ("32.71.01 Bogor Selatan", 12),
        ("32.71.02 Bogor Timur", 21),
        ("32.71.03 Bogor Tengah", 127),
        ("32.71.04 Bogor Barat", 98),
        ("32.71.05 Bogor Utara", 39),
        ("32.71.06 Tanah Sareal", 101),
    ]
    c = reg.status_counts(AS_OF)
    assert sum(c.values()) == 398
    assert c[k.Status.ACTIVE] + c[k.Status.INACTIVE] == 0
    assert c[k.Status.NOT_YET_DUE] == 3 and c[k.Status.NOT_ASSESSABLE] == 395
    rc = reg.reason_counts(AS_OF).to_dict()
    i = rc["code"].index("no_rat_history")
    assert (rc["status"][i], rc["count"][i]) == ("not_assessable", 395)
    assert reg.registrations_by_year().by_year[2017] == 46


def test_bogor_duplicates(bogor: k.RegisterRead) -> None:
    reg = bogor.register
    d = reg.duplicates().to_dict()
    ids = reg.records.column("source_id")
    groups = list(zip(d["key"], d["records"], d["value"], d["lines"]))
    names = [[ids[i] for i in recs] for key, recs, _, _ in groups if key == "name"]
    assert names == [["39", "81"], ["145", "164"]]
    assert sum(1 for g in groups if g[0] == "badan_hukum") == 11
    g = next(g for g in groups if g[2] == "518/14/BH/PERINDAGKOP")
    assert g[3] == [16, 339]


def test_bogor_report(bogor: k.RegisterRead) -> None:
    r = k.build_report(BOGOR, as_of=AS_OF)
    assert r.kind is k.Layout.REGISTER
    d = r.to_dict()
    assert (d["records"], d["on_register"], d["as_of"]) == (398, 398, AS_OF)
    assert d["badan_hukum"]["ahu"] == 68 and d["badan_hukum"]["with_number"] == 398
    assert len(d["duplicates"]) == 13
    assert '"records": 398' in r.to_json()


def test_assess_all_matches_assess(bogor: k.RegisterRead) -> None:
    reg = bogor.register
    a = reg.assess_all(AS_OF)
    assert len(a) == 398
    assert a[200] == k.assess(reg[200], AS_OF)


def test_national_series_reads_as_a_total_above_its_provinces() -> None:
    """tests/data/real/levels-bps-koperasi-aktif-nasional-2019-2021 (see its PROVENANCE.md):
    the national figures, not national + provinces (178,862 in 2019)."""
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[3]
    f = root / "tests/data/real/levels-bps-koperasi-aktif-nasional-2019-2021/koperasi_aktif_nasional_provinsi_2019_2021.csv"
    r = k.build_report(str(f))
    assert [p["aktif"] for p in r.data["periods"]] == [123048, 127124, 127846]
    ra = r.read_as
    assert ra is not None
    assert [(x["level"], x["regions"]) for x in ra["levels"]] == [("nasional", 1), ("provinsi", 5)]
    assert ra["totals"][0]["region"] == "INDONESIA"
    assert ra["text_id"].startswith("panel, satu baris per wilayah dan periode")
    assert [f["code"] for f in r.data["findings"]] == ["partial_coverage"] * 3
    assert k.read_panel(str(f)).panel.totals_by_period(["aktif"]).to_dict()["aktif"] == [123048, 127124, 127846]
