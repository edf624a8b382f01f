"""build_report takes the reading options of read_any and the report options of the CLI
(issue 16: one report entry point, the core's build_report_from, with the same options in
the CLI, Python and JavaScript). Figures from real files (tests/data/real, the
embedded East Java sample), computed independently with pandas."""

from __future__ import annotations

import pytest

import koperasi as k
from conftest import REPO

REAL = REPO / "tests" / "data" / "real"
BPS_2024 = REAL / "bps-koperasi-aktif-provinsi-2024" / "bps-koperasi-aktif-provinsi-2024.csv"


def test_period_for_a_snapshot_without_a_period_column() -> None:
    # 10 provinces; the sum of `Jumlah Koperasi Aktif` (Indonesian thousands: `1.190` = 1190)
    # is 38,538 (pandas: 38.538 read as a float, i.e. 38538).
    with pytest.raises(k.ReadError) as e:
        k.build_report(BPS_2024)
    assert (e.value.code, e.value.column) == ("read_missing_column", "period")
    p = k.build_report(BPS_2024, period=2024).to_dict()
    (first,) = p["periods"]
    assert (first["period"], first["regions"], first["aktif"]) == ("2024", 10, 38538)


def test_by_and_top() -> None:
    office = REPO / "tests" / "data" / "bad" / "office.xlsx"
    r = k.build_report(office, as_of="2025-06-30", by=["jenis"]).to_dict()
    assert r["counts"]["fields"] == ["jenis"]
    assert sum(n for _, n in r["counts"]["rows"]) == 5
    # The embedded East Java panel (real, samples.text("jatim_panel")): change of the total
    # from 2018-Q4 to 2025-Q2, by pandas: Lamongan +563, Sumenep +543 ... Malang -126,
    # Surabaya -311.
    r2 = k.build_report(k.samples.text("jatim_panel"), top=2).to_dict()
    assert [(g["region"], g["change"]) for g in r2["grew_most"]] == [
        ("Kabupaten Lamongan", 563), ("Kabupaten Sumenep", 543),
    ]
    assert [(g["region"], g["change"]) for g in r2["shrank_most"]] == [
        ("Kota Surabaya", -311), ("Kota Malang", -126),
    ]
    assert len(k.build_report(k.samples.text("jatim_panel")).to_dict()["grew_most"]) == 5


def test_checks() -> None:
    # The East Java periods are yearly (2018-Q4, 2019-Q4, 2020-Q4, ...) then quarterly
    # (..., 2025-Q1, 2025-Q2): one `uneven_periods` finding, gone with the spacing check off.
    t = k.samples.text("jatim_panel")
    codes = [f["code"] for f in k.build_report(t).to_dict()["findings"]]
    assert codes.count("uneven_periods") == 1
    off = k.build_report(t, checks={"spacing": False}).to_dict()["findings"]
    assert "uneven_periods" not in [f["code"] for f in off]
    with pytest.raises(k.ValidationError) as e:
        k.build_report(t, checks={"swing": "big"})
    assert e.value.code == "invalid_check_params"


def test_a_dataframe_is_reported_as_cells_like_its_csv() -> None:
    # The same real files as CSV text and as pandas / polars DataFrames of text cells: the
    # same periods and movers for the East Java panel, the same counts for the Bogor register
    # (read as cells through Arrow, not written back to CSV).
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    pytest.importorskip("pyarrow")
    import io

    t = k.samples.text("jatim_panel")
    want = k.build_report(t, top=2).to_dict()
    for df in (
        pd.read_csv(io.StringIO(t), dtype=str, keep_default_na=False),
        pl.read_csv(io.StringIO(t), infer_schema=False),
    ):
        got = k.build_report(df, top=2).to_dict()
        assert got["periods"] == want["periods"]
        assert got["grew_most"] == want["grew_most"] and got["grew_most"][0]["change"] == 563
    b = k.samples.text("bogor_register")
    want = k.build_report(b, as_of="2022-08-15").to_dict()
    df = pl.read_csv(io.StringIO(b), infer_schema=False)
    got = k.build_report(df, as_of="2022-08-15").to_dict()
    assert got["counts"] == want["counts"]
    assert got["read"]["accepted"] == want["read"]["accepted"] == 398
