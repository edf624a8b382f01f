"""Arrow for the remaining tables (issue 16): records, panel rows, duplicates, findings,
demography and SHU tables are Arrow tables built in Rust (``__arrow_c_stream__``; dates
``date32``, amounts in sen ``int64``) whose values equal the per-row results (the dataclasses,
or the serde shape through another path), on real files."""

import datetime as dt
from typing import Any, Dict, List

import pytest

import koperasi as k
from koperasi import _koperasi as _k
from conftest import BOGOR, JATIM, REPO

pa = pytest.importorskip("pyarrow")

REAL = REPO / "tests" / "data" / "real"
GIANYAR = REAL / "gianyar-koperasi-rat-terakhir" / "koperasi.csv"


def _rows(x: Any) -> List[Dict[str, Any]]:
    rows: List[Dict[str, Any]] = pa.table(x).to_pylist()
    return rows


@pytest.fixture(scope="module")
def gianyar() -> k.Register:
    return k.read_register(str(GIANYAR)).register


def test_records_are_arrow_equal_to_each_record(gianyar: k.Register) -> None:
    t = pa.table(gianyar.records)
    assert t.num_rows == len(gianyar) == 20
    assert t.schema.field("tanggal_badan_hukum").type == pa.date32()
    assert t.schema.field("source_line").type == pa.int64()
    assert pa.types.is_list(t.schema.field("rat").type)
    rows = t.to_pylist()
    for i in (0, 1, 10, 19):
        one = gianyar[i].to_dict()
        row = rows[i]
        assert row["name"] == one["name"] and row["source_line"] == one["source_line"]
        assert row["tanggal_badan_hukum"] == one.get("tanggal_badan_hukum")
        assert row["location.kecamatan"] == one["location"]["kecamatan"]
        assert [r["book_year"] for r in row["rat"]] == [r["book_year"] for r in one["rat"]]
        assert [r["date"] for r in row["rat"]] == [r["date"] for r in one["rat"]]
    # the first row of the file, by hand: id 2, founded 2016-03-29, RAT held 2020-01-18
    assert rows[0]["source_id"] == "2"
    assert rows[0]["tanggal_badan_hukum"] == dt.date(2016, 3, 29)
    assert rows[0]["rat"][0]["date"] == dt.date(2020, 1, 18)
    # the dict of lists says the same, with no pyarrow in between
    assert gianyar.records.column("tanggal_badan_hukum")[0] == dt.date(2016, 3, 29)
    pl = pytest.importorskip("polars")
    assert pl.from_arrow(pa.table(gianyar.records))["name"].to_list() == [r.name for r in gianyar]


def test_panel_rows_are_arrow_equal_to_the_serde_rows() -> None:
    panel = k.read_panel(JATIM).panel
    t = pa.table(panel.table)
    assert t.schema.field("period_end").type == pa.date32()
    assert t.schema.field("total").type == pa.int64()
    serde = panel._g.to_dict()["rows"]
    rows = t.to_pylist()
    assert len(rows) == len(serde) == len(panel)
    for got, want in zip(rows, serde):
        assert (got["line"], got["region"], got["period"], got["region_code"]) == (
            want["line"], want["region"], want["period"], want["region_code"],
        )
        for m, v in want["values"].items():
            assert got[m] == v
    assert rows[0]["period_end"] == dt.date(2018, 12, 31)


def test_duplicates_are_arrow_and_point_at_records_sharing_the_value() -> None:
    reg = k.read_register(BOGOR).register
    rows = _rows(reg.duplicates())
    assert rows and {r["key"] for r in rows} >= {"name", "badan_hukum"}
    for r in rows:
        recs = [reg[i].to_dict() for i in r["records"]]
        assert [x["source_line"] for x in recs] == r["lines"]
        if r["key"] == "badan_hukum":
            assert len({x["badan_hukum"]["raw"] for x in recs}) >= 1
    assert sum(1 for r in rows if r["key"] == "badan_hukum") == 11


def test_findings_are_arrow_equal_to_the_report_findings() -> None:
    panel = k.read_panel(JATIM).panel
    f = k.run_checks(panel)
    rows = _rows(f)
    report = k.build_report(JATIM).to_dict()["findings"]
    assert [r["code"] for r in rows] == [x["code"] for x in report]
    assert [r["region"] for r in rows] == [x["region"] for x in report]
    assert [list(r["lines"]) for r in rows] == [list(x["lines"]) for x in report]
    assert [f[i].code for i in range(len(f))] == [r["code"] for r in rows]


def test_demography_tables_are_arrow_equal_to_the_rows(gianyar: k.Register) -> None:
    r = k.demography_report(gianyar, 2016, 2021, dt.date(2022, 12, 31))
    years = _rows(r.years)
    assert [y["year"] for y in years] == [y.year for y in r.years] == list(range(2016, 2022))
    assert [y["births"] for y in years] == [y.births for y in r.years]
    assert [y["rates.birth_rate"] for y in years] == [y.rates.birth_rate for y in r.years]
    # births by founding year, independently from the file's founding dates
    import csv

    with open(GIANYAR, newline="", encoding="utf-8") as fh:
        founded = [row["tglBadanHukumPendirian"][:4] for row in csv.DictReader(fh)]
    assert sum(y["births"] for y in years) <= sum(1 for f in founded if "2016" <= f <= "2021")
    cohorts = _rows(r.cohorts)
    for row, c in zip(cohorts, r.cohorts):
        assert row["births"] == c.births
        assert [row[f"survivors.{i + 1}"] for i in range(len(c.survivors))] == list(c.survivors)
    series = gianyar.status_series(["2019-12-31", "2021-12-31"])
    st = pa.table(series)
    assert st.schema.field("date").type == pa.date32()
    got = {(x["date"], x["status"]): x["count"] for x in st.to_pylist()}
    serde = series.to_serde()
    for status, counts in serde["groups"][0]["counts"]:
        for d, n in zip(series.dates, counts):
            assert got[(d, status)] == n
    assert sum(n for (d, _), n in got.items() if d == dt.date(2021, 12, 31)) == 20


def test_kaplan_meier_and_survival_tables() -> None:
    km = k.kaplan_meier([1.0, 2.0, 2.0, 3.0, 5.0], [True, True, False, True, False])
    t = pa.table(km.table)
    assert t.column_names == [
        "timeline", "at_risk", "events", "censored", "entered", "survival", "ci_lower",
        "ci_upper", "greenwood",
    ]
    assert t.column("timeline").to_pylist() == km.timeline
    assert t.column("survival").to_pylist() == km.survival
    # by hand: S(1) = 4/5, S(2) = 4/5 * 3/4
    assert (km.survival_at(1.0), km.survival_at(2.0)) == pytest.approx((0.8, 0.6))
    lifelines = [{"founded": 2015, "active_years": [2015, 2016], "dissolved": 2017},
                 {"founded": 2016, "active_years": [2016, 2017, 2018]}]
    sd = k.survival_data(lifelines, 2015, 2018)
    raw = pa.table(sd).to_pydict()
    assert raw == sd.to_dict() and len(raw["durations"]) == 2
    g = k.high_growth(
        [{"id": "A", "founded": 2010, "members": [[2019, 100], [2022, 200]]},
         {"id": "B", "founded": 2010, "members": [[2019, 100], [2022, 110]]}], 2022,
    )
    units = _rows(g.units)
    assert [u["id"] for u in units] == [u.id for u in g.units] == ["A", "B"]


def test_shu_tables_are_arrow_equal_to_the_members_and_shares() -> None:
    plan = k.shu_plan_from_toml(
        '[[components]]\ncomponent = "cadangan"\nbasis_points = 4000\n'
        '[[components]]\ncomponent = "jasa_modal"\nbasis_points = 6000\nbase = "capital"\n'
    )
    members = k.Members.from_list([
        {"id": "A", "savings": {"wajib": 100}, "join_date": "2020-01-02"},
        {"id": "B", "savings": {"wajib": 300}},
    ])
    t = pa.table(members.table)
    assert t.schema.field("join_date").type == pa.date32()
    assert t.schema.field("savings.wajib").type == pa.int64()
    assert t.column("join_date").to_pylist() == [dt.date(2020, 1, 2), None]
    d = k.shu_distribute(plan, members, 100_000, 2024)
    rows = _rows(d.members)
    # 60% of 1,000 rupiah shared 1:3 by capital: 150 and 450 rupiah, in sen
    assert [r["amounts.jasa_modal"] for r in rows] == [m.amounts[0] for m in d.members]
    assert [r["amounts.jasa_modal"] for r in rows] == [15_000, 45_000]
    assert [r["total"] for r in rows] == [m.total for m in d.members]


def test_native_tables_need_no_decoder_of_ours(gianyar: k.Register) -> None:
    """Every table is a native ``Table`` (one Arrow batch), not a dict built in Python."""
    assert isinstance(gianyar._g.records_table(), _k.Table)
    assert isinstance(gianyar._g.duplicates(), _k.Table)
    assert isinstance(k.read_panel(JATIM).panel._g.table(), _k.Table)
