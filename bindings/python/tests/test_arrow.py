"""Arrow for bulk data (issue 16 item 5): tables out through ``__arrow_c_stream__`` (pyarrow,
polars, pandas via pyarrow, no decoder of ours) with values equal to the per-row results, and
DataFrames in read as cells, giving the same register and rejections as the CSV."""

import collections
import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest

import koperasi as k
from conftest import BOGOR, JATIM, REPO

pa = pytest.importorskip("pyarrow")

AS_OF = "2022-08-15"
REAL = REPO / "tests" / "data" / "real"
# Registers of tests/data/real (see their PROVENANCE.md) with the header on line 1.
REAL_REGISTERS = [
    REAL / "gianyar-koperasi-rat-terakhir" / "koperasi.csv",
    REAL / "subang-koperasi-rat" / "koperasi.csv",
    REAL / "subang-koperasi-pad" / "koperasi.csv",
    REAL / "simkopdes-kopdes-locations" / "kopdes_locations_situbondo.csv",
]
# Files of tests/data/bad (see its README.md) with rejected rows and unreadable cells.
BAD = REPO / "tests" / "data" / "bad"
CASES = [(p, ",") for p in REAL_REGISTERS] + [
    (BAD / "dates.csv", ";"), (BAD / "counts.csv", ";"), (BAD / "total_row.csv", ","),
]


@pytest.fixture(scope="module")
def bogor() -> k.Register:
    return k.read_register(BOGOR).register


def test_assess_all_is_an_arrow_table_equal_to_assess(bogor: k.Register) -> None:
    a = bogor.assess_all(AS_OF)
    t = pa.table(a)
    assert t.num_rows == 398
    assert t.schema.field("as_of").type == pa.date32()
    assert t.schema.field("line").type == pa.int64()
    assert pa.types.is_dictionary(t.schema.field("status").type)
    assert t.schema.field("latest_rat_book_year").type == pa.int32()
    rows = t.to_pylist()
    for i in (0, 1, 200, 397):
        one = k.assess(bogor[i], AS_OF)
        row = rows[i]
        assert row["as_of"] == one.as_of == dt.date(2022, 8, 15)
        assert row["status"] == one.status.value
        assert row["reason"] == one.reasons[0].code
        assert row["detail_id"] == one.reasons[0].detail_id
        assert row["reason_codes"] == ";".join(r.code for r in one.reasons)
        assert row["latest_rat_book_year"] == one.latest_rat_book_year
        assert (row["rat_window_first"], row["rat_window_last"]) == one.rat_window
        assert row["name"] == bogor[i].name and row["line"] == bogor[i].to_dict()["source_line"]
    # the dict of lists (no pyarrow needed) says the same
    assert a.to_dict()["status"] == [r["status"] for r in rows]
    # polars and pandas take it without a decoder of ours
    pl = pytest.importorskip("polars")
    assert pl.DataFrame(a).height == 398
    assert pl.from_arrow(a).struct.unnest()["status"].to_list() == a.column("status")
    pd = pytest.importorskip("pandas")
    df = a.to_pandas()
    assert df["status"].value_counts()[lambda c: c > 0].to_dict() == {
        "not_assessable": 395, "not_yet_due": 3,
    }
    assert str(df["as_of"].dtype).startswith("datetime64")


def test_count_by_is_arrow_and_counts_the_csv(bogor: k.Register) -> None:
    t = bogor.count_by(["kecamatan", "status"], AS_OF)
    schema = pa.table(t).schema
    assert schema.names == ["kecamatan", "status", "count"]
    assert schema.field("count").type == pa.uint64()
    a = bogor.assess_all(AS_OF).to_dict()
    want = collections.Counter(
        (r.to_dict()["location"]["kecamatan"], s) for r, s in zip(bogor, a["status"])
    )
    d = t.to_dict()
    got = {(kc.split(" ", 1)[1], s): n for kc, s, n in zip(d["kecamatan"], d["status"], d["count"])}
    assert got == want and sum(got.values()) == 398
    assert got[("Bogor Tengah", "not_assessable")] == 127


def test_reason_counts_is_arrow_and_counts_the_assessments(bogor: k.Register) -> None:
    rc = bogor.reason_counts(AS_OF)
    t = pa.table(rc)
    assert t.schema.names == ["status", "code", "label_id", "label_en", "count"]
    want = collections.Counter((x.status.value, x.reasons[0].code) for x in bogor.assess_all(AS_OF))
    got = {(r["status"], r["code"]): r["count"] for r in t.to_pylist()}
    assert got == want == {("not_assessable", "no_rat_history"): 395,
                           ("not_yet_due", "too_young_for_rat"): 3}


def test_growth_is_arrow_and_equal_to_the_panel() -> None:
    panel = k.read_panel(JATIM).panel
    g = k.growth(panel, "total", "2018-Q4", "2025-Q2")
    t = pa.table(g)
    assert t.schema.field("from").type == pa.int64()
    assert t.schema.field("region").type == pa.string()
    rows = t.to_pylist()
    assert len(rows) == len(g) == 38
    assert [r["region"] for r in rows] == [x.region for x in g]
    assert [r["change"] for r in rows] == [x.change for x in g]
    # independently, from the panel's own columns
    cols = panel.to_dict()
    total: Dict[Any, int] = {}
    for region, period, v in zip(cols["region"], cols["period"], cols["total"]):
        total[(region, period)] = v
    for r in rows:
        assert r["from"] == total[(r["region"], "2018-Q4")]
        assert r["to"] == total[(r["region"], "2025-Q2")]
        assert r["change"] == r["to"] - r["from"]
    assert sum(r["from"] for r in rows) == 34504


def _records(read: k.RegisterRead) -> List[Dict[str, Any]]:
    return [r.to_dict() for r in read.register]


@pytest.mark.parametrize("path,sep", CASES, ids=lambda c: getattr(c, "stem", c))
def test_a_dataframe_reads_as_its_csv(path: Path, sep: str) -> None:
    """The same file read as CSV and as a table of text cells: the same register, the same
    rejections and cell errors at the same lines."""
    csv = k.read_register(str(path), delimiter=sep)
    assert csv.report.rows_read > 0
    import pyarrow.csv as pacsv

    names = _names(path, sep)
    tables: List[Any] = [pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names}, strings_can_be_null=False
        ),
        parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=True),
    )]
    pl = pytest.importorskip("polars")
    tables.append(pl.read_csv(path, infer_schema=False, separator=sep))
    pd = pytest.importorskip("pandas")
    tables.append(pd.read_csv(path, dtype=str, keep_default_na=False, sep=sep))
    for table in tables:
        got = k.read_register(table)
        assert got.report.to_dict() == csv.report.to_dict()
        assert _records(got) == _records(csv)
        assert k.read_any(table).report.to_dict() == csv.report.to_dict()


def _names(path: Path, sep: str) -> List[str]:
    import csv

    with open(path, newline="", encoding="utf-8-sig") as f:
        return next(csv.reader(f, delimiter=sep))


def test_the_files_have_rejections_and_cell_errors() -> None:
    """The equality above is not vacuous: the files hold rows and cells the reader reports."""
    reports = [k.read_register(str(p), delimiter=sep).report for p, sep in CASES]
    assert sum(len(r.rejected) for r in reports) > 0
    assert sum(len(r.cell_errors) for r in reports) > 0


def test_typed_columns_in_are_read_as_text() -> None:
    """A typed frame (dates, integers, nulls) reads as its CSV: dates as ISO, nulls empty."""
    pl = pytest.importorskip("polars")
    df = pl.DataFrame({
        "nama_koperasi": ["KSP Satu", "KSP Dua", None],
        "tanggal_badan_hukum": [dt.date(2010, 5, 1), None, dt.date(2012, 1, 2)],
        "tahun_rat_terakhir": [2023, None, 2021],
    })
    text = "nama_koperasi,tanggal_badan_hukum,tahun_rat_terakhir\nKSP Satu,2010-05-01,2023\nKSP Dua,,\n,2012-01-02,2021\n"
    a, b = k.read_register(df, data_as_of="2025-06-30"), k.read_register(text, data_as_of="2025-06-30")
    assert a.report.to_dict() == b.report.to_dict()
    assert _records(a) == _records(b)
    assert [r.line for r in a.report.rejected] == [4]


def test_the_bogor_sample_reads_the_same_but_for_lines() -> None:
    """Bogor's quoted names span two lines: a frame has one row each, so only the lines
    differ from the CSV's."""
    pl = pytest.importorskip("polars")
    csv = k.read_register(BOGOR)
    frame = k.read_register(pl.read_csv(BOGOR, infer_schema=False))
    strip = lambda rs: [{x: v for x, v in r.items() if x != "source_line"} for r in rs]  # noqa: E731
    assert strip(_records(frame)) == strip(_records(csv))
    assert len(frame.register) == 398


def test_importable_and_to_dict_without_pyarrow() -> None:
    code = (
        "import sys; sys.modules['pyarrow'] = None\n"
        "import koperasi as k\n"
        f"reg = k.read_register({str(BOGOR)!r}).register\n"
        "t = reg.count_by('kecamatan', '2022-08-15')\n"
        "assert sum(t.to_dict()['count']) == 398\n"
        "try:\n    t.to_pandas()\nexcept ImportError as e:\n    assert '`pyarrow`' in str(e), e\n"
        "else:\n    raise SystemExit('to_pandas without pyarrow')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_totals_by_period_is_arrow_and_sums_the_panel() -> None:
    panel = k.read_panel(JATIM).panel
    t = panel.totals_by_period(["aktif", "total"])
    table = pa.table(t)
    assert table.schema.names == ["period", "aktif", "total"]
    assert table.schema.field("total").type == pa.int64()
    cols = panel.to_dict()
    want: Dict[str, int] = collections.defaultdict(int)
    for period, v in zip(cols["period"], cols["total"]):
        want[period] += v or 0
    got = dict(zip(table.column("period").to_pylist(), table.column("total").to_pylist()))
    assert got == dict(want) and got["2018-Q4"] == 34504


# Panels of tests/data/real (see their PROVENANCE.md) in several shapes (long, Satu Data, SIPD
# hierarchy), the sample of East Java, and a panel with unreadable cells (tests/data/bad).
PANELS = [
    (JATIM, ","),
    (REAL / "levels-bps-koperasi-aktif-nasional-2019-2021"
     / "koperasi_aktif_nasional_provinsi_2019_2021.csv", ","),
    (REAL / "levels-jatim-kabkota-vs-bps-provinsi" / "jatim_kabkota_dan_provinsi_2019_2021.csv",
     ","),
    (REAL / "satudata-blitar-ksp-sehat" / "satudata-blitar-ksp-sehat.csv", ","),
    (REAL / "sipd-gorontalo-koperasi" / "sipd-gorontalo-koperasi.csv", ","),
    (BAD / "panel_nan.csv", ";"),
]


@pytest.mark.parametrize("path,sep", PANELS, ids=lambda c: getattr(c, "stem", c))
def test_a_dataframe_reads_as_its_csv_panel(path: Path, sep: str) -> None:
    """A panel read from a DataFrame's cells (not CSV text) is the panel of its CSV: the same
    rows, shape, rejections and cell errors at the same lines."""
    csv = k.read_panel(str(path), delimiter=sep)
    assert csv.report.rows_read > 0
    pl = pytest.importorskip("polars")
    pd = pytest.importorskip("pandas")
    tables: List[Any] = [
        pl.read_csv(path, infer_schema=False, separator=sep),
        pd.read_csv(path, dtype=str, keep_default_na=False, sep=sep),
    ]
    for table in tables:
        got = k.read_panel(table)
        assert got.report.to_dict() == csv.report.to_dict()
        assert got.panel.to_dict() == csv.panel.to_dict()
        any_ = k.read_any(table)
        assert isinstance(any_, k.PanelRead)
        assert any_.panel.to_dict() == csv.panel.to_dict()


def test_the_panels_have_rejections() -> None:
    """The equality above is not vacuous: a panel file holds rows the reader rejects."""
    reports = [k.read_panel(str(p), delimiter=sep).report for p, sep in PANELS]
    assert sum(len(r.rejected) for r in reports) > 0
    assert any(r.shape is not None and r.shape["kind"] != "long" for r in reports)
