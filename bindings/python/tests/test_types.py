"""Dates, enums, exceptions, money, results and DataFrame round trips."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys

import pytest

import koperasi as k
from conftest import BOGOR, JATIM

REG = (
    "nama_koperasi,tanggal_badan_hukum,kecamatan,rat_2022,rat_2023,rat_2024\n"
    "KSP Maju,1 Februari 2010,Bogor Barat,ya,20/04/2024,\n"
    "Kop Tidur,01/02/2010,Tanah Sareal,tidak,tidak,tidak\n"
)


def test_dates_in_and_out() -> None:
    d = k.parse_date("Sabtu, 1 Februari 2025")
    assert type(d) is dt.date and d == dt.date(2025, 2, 1)
    assert k.format_date(d) == "1 Februari 2025"
    assert k.format_date("2025-02-01") == "1 Februari 2025"  # ISO text accepted
    assert k.rat_deadline(2024) == dt.date(2025, 6, 30)
    reg = k.read_register(REG).register
    a = reg.assess_all(dt.date(2025, 7, 1))
    assert a[0].as_of == dt.date(2025, 7, 1)
    assert all(type(x) is dt.date for x in a.column("as_of"))
    assert reg.records.column("tanggal_badan_hukum") == [dt.date(2010, 2, 1)] * 2
    # a datetime is taken as its date; Indonesian text too
    assert k.assess(reg[0], dt.datetime(2025, 7, 1, 12, 0)) == k.assess(reg[0], "1 Juli 2025")
    with pytest.raises(k.ValidationError) as e:
        k.format_date(20250201)  # type: ignore[arg-type]
    assert e.value.code == "invalid_argument"


def test_enums_are_str() -> None:
    a = k.assess(k.read_register(REG).register[0], "2025-07-01")
    assert a.status is k.Status.ACTIVE
    assert a.status == "active" and isinstance(a.status, str) and str(a.status) == "active"
    assert [s.value for s in k.Status] == [
        "active", "inactive", "not_found", "dissolved", "not_yet_due", "not_assessable",
    ]
    assert k.wilayah_get("32.71").level is k.Level.KABUPATEN_KOTA
    assert k.detect_layout(REG) is k.Layout.REGISTER
    assert a.to_dict()["status"] == "active" and type(a.to_dict()["status"]) is str


def test_results_are_frozen() -> None:
    w = k.wilayah_get("32.71.03")
    with pytest.raises(dataclasses.FrozenInstanceError):
        w.name = "x"  # type: ignore[misc]
    assert w.to_dict() == {"code": "32.71.03", "name": "Bogor Tengah", "level": "kecamatan", "parent": "32.71"}
    a = k.assess(k.Koperasi.from_dict({"name": "X"}), dt.date(2025, 1, 1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.status = k.Status.INACTIVE  # type: ignore[misc]


def test_exceptions() -> None:
    assert issubclass(k.KoperasiError, Exception)
    assert not issubclass(k.KoperasiError, (KeyboardInterrupt, SystemExit))
    for cls in (k.ParseError, k.ValidationError, k.PolicyError, k.WilayahError, k.IdentityError,
                k.ReadError, k.StatsError, k.MoneyError, k.ShuError, k.DemographyError):
        assert issubclass(cls, k.KoperasiError)
    with pytest.raises(k.ParseError) as e:
        k.parse_date("31/02/2024")
    assert (e.value.code, e.value.value) == ("date_invalid", "31/02/2024")
    assert "day 31" in str(e.value) and e.value.details["why"].startswith("day 31")
    with pytest.raises(k.ParseError) as e:
        k.parse_rupiah("Rp 0,125")
    assert e.value.code == "number_inexact"
    with pytest.raises(k.WilayahError) as w:
        k.find_kab_kota("Malang")
    assert w.value.code == "wilayah_ambiguous" and "35.73 Kota Malang" in w.value.details["candidates"]
    with pytest.raises(k.PolicyError) as p:
        k.StatusPolicy.from_json('{"name": "x", "rat_window_years": 0}')
    assert (p.value.code, p.value.column) == ("policy_invalid", "rat_window_years")
    with pytest.raises(k.ReadError) as r:
        k.read_register('"a,b\n1,2\n')
    assert r.value.code in ("read_csv", "read_missing_column")
    with pytest.raises(k.ReadError) as r:
        k.read_register("alamat,kecamatan\nJl. A,Bogor Barat\n")
    assert (r.value.code, r.value.column) == ("read_missing_column", "name")
    with pytest.raises(k.ReadError) as r:
        k.read_register("/no/such/file.csv")
    assert r.value.code == "read_io"
    with pytest.raises(k.IdentityError) as i:
        k.parse_nib("123")
    assert (i.value.code, i.value.value) == ("identity_bad_nib", "123")
    with pytest.raises(k.StatsError) as s:
        k.pct_change(0, 3)
    assert s.value.code == "stats_non_positive_base"
    with pytest.raises(k.ValidationError) as v:
        k.read_register(REG).register.count_by(["kota"], "2025-01-01")
    assert (v.value.code, v.value.value) == ("invalid_field", "kota")
    with pytest.raises(k.ValidationError) as v:
        k.Koperasi.from_dict({"name": "X", "rat": [{"book_year": "dua ribu"}]})
    assert v.value.code == "invalid_record"


def test_rupiah() -> None:
    r = k.Rupiah.parse("Rp 1.234.567,89")
    assert r.sen == 123456789 and str(r) == "Rp 1.234.567,89"
    assert k.Rupiah(150) + k.Rupiah(50) == k.Rupiah(200)
    assert k.Rupiah.from_rupiah(5) == k.Rupiah(500)
    assert k.Rupiah(-199).whole_rupiah == -1
    with pytest.raises(k.ValidationError):
        k.Rupiah(1.5)  # type: ignore[arg-type]
    with pytest.raises(k.MoneyError):
        k.Rupiah(2**63)


def test_policies() -> None:
    office = k.StatusPolicy.office()
    assert office == k.StatusPolicy.preset("office")
    assert k.StatusPolicy.from_json(office.to_json()) == office
    assert k.StatusPolicy.from_dict(office.to_dict()) == office
    toml = 'name = "dinas"\nrat_window_years = 2\nrequire_every_year = true\n'
    assert k.StatusPolicy.from_toml(toml).to_dict()["require_every_year"] is True
    reg = k.read_register(REG).register
    c = reg.status_counts("2025-07-01", office)
    assert c[k.Status.INACTIVE] == 2


def test_sources_paths_text_bytes_frames() -> None:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    from pathlib import Path

    a = k.read_register(BOGOR).register.records.to_dict()
    b = k.read_register(Path(BOGOR)).register.records.to_dict()
    c = k.read_register(Path(BOGOR).read_bytes()).register.records.to_dict()
    assert a == b == c
    df = pd.read_csv(BOGOR, dtype=str, keep_default_na=False)
    d = k.read_register(df).register
    assert len(d) == 398
    assert d.records.column("name") == a["name"]
    pf = pl.read_csv(JATIM)
    p = k.read_panel(pf).panel
    assert len(p) == 798 and p.totals_by_period().to_dict()["total"][0] == 34504


def test_to_pandas_round_trip() -> None:
    pytest.importorskip("pandas")
    panel = k.read_panel(JATIM).panel
    df = panel.to_pandas()
    assert df.shape == (798, 16)
    assert int(df.loc[df.period == "2018-Q4", "total"].sum()) == 34504
    back = k.read_panel(df.drop(columns=["line", "region_code", "period_end"])).panel
    assert back.to_dict()["total"] == panel.to_dict()["total"]
    a = k.read_register(BOGOR).register.assess_all("2022-08-15").to_pandas()
    # status is a categorical of every Status (zero counts included)
    assert a["status"].value_counts().to_dict() == {
        "not_assessable": 395, "not_yet_due": 3, "active": 0, "inactive": 0, "not_found": 0,
        "dissolved": 0,
    }
    assert list(a["status"].cat.categories) == [s.value for s in k.Status]
    assert df.to_dict(orient="list")["region"] == panel.to_dict()["region"]
    # A register is a frame of its records, one row per coop (398 in the Bogor file).
    reg = k.read_register(BOGOR).register
    rf = reg.to_pandas()
    assert len(rf) == 398 and rf["name"].tolist() == reg.records.to_pandas()["name"].tolist()


def test_to_polars_round_trip() -> None:
    pl = pytest.importorskip("polars")
    panel = k.read_panel(JATIM).panel
    df = panel.to_polars()
    assert df.shape == (798, 16)
    assert df.filter(pl.col("period") == "2025-Q2")["total"].sum() == 42725
    assert df.schema["period_end"] == pl.Date
    back = k.read_panel(df.drop(["line", "region_code", "period_end"])).panel
    assert back.to_dict()["aktif"] == panel.to_dict()["aktif"]
    g = k.growth(panel, "total", "2018-Q4", "2025-Q2").to_polars()
    assert g.sort("change", descending=True)["region"][0] == "Kabupaten Lamongan"
    a = k.read_register(BOGOR).register.assess_all("2022-08-15").to_polars()
    assert a.height == 398 and a.schema["as_of"] == pl.Date


def test_missing_library_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)
    monkeypatch.setitem(sys.modules, "pandas", None)
    g = k.growth(k.read_panel(JATIM).panel, "total", "2018-Q4", "2025-Q2")
    with pytest.raises(ImportError, match="`polars`"):
        g.to_polars()
    with pytest.raises(ImportError, match="`pandas`"):
        g.to_pandas()


def test_docstrings_everywhere() -> None:
    for name in k.__all__:
        obj = getattr(k, name)
        if name in ("Source", "PolicyLike", "FieldsLike", "__version__"):  # type aliases, a str
            continue
        assert obj.__doc__ and obj.__doc__.strip(), name
        if isinstance(obj, type):
            for attr, member in vars(obj).items():
                if callable(member) and not attr.startswith("_"):
                    assert member.__doc__, f"{name}.{attr}"
