"""A register's data date (title block or ``data_as_of=``), what a last-RAT column then says,
and the fact-order findings: the same figures as the Rust tests (crates/koperasi/tests/
last_rat.rs) on the real Gianyar register."""
import datetime as dt
import pathlib

import koperasi

ROOT = pathlib.Path(__file__).resolve().parents[3]
GIANYAR = ROOT / "tests/data/real/gianyar-koperasi-rat-terakhir/koperasi.csv"
MAPPING = {
    "name": "namaKoperasi",
    "nomor_badan_hukum": "nomorBadanHukum",
    "tanggal_badan_hukum": "tglBadanHukumPendirian",
    "last_rat_date": "tglRAT_terakhir",
}

TITLED = (
    "DAFTAR KOPERASI;;\n"
    "Keadaan s/d 31 Desember 2024;;\n"
    "nama_koperasi;tanggal_badan_hukum;tahun_rat_terakhir\n"
    "KSP Satu;01/05/2010;2020\n"
)


def test_the_title_gives_the_data_date() -> None:
    got = koperasi.read_any(TITLED)
    da = got.report.data_as_of
    assert da == koperasi.DataAsOf(dt.date(2024, 12, 31), "title", "Keadaan s/d 31 Desember 2024")
    d = got.report.to_dict()["data_as_of"]
    assert d == {"date": dt.date(2024, 12, 31), "source": "title", "text": "Keadaan s/d 31 Desember 2024"}
    a = koperasi.assess(got.register[0], dt.date(2024, 12, 31))
    assert a.status == koperasi.Status.INACTIVE
    assert "last RAT for book year 2020 (register as of 2024-12-31); none for book years 2021–2023" in a.reasons[0].detail


def test_data_as_of_wins_and_is_reported() -> None:
    got = koperasi.read_any(TITLED, data_as_of=dt.date(2025, 1, 10))
    assert got.report.data_as_of == koperasi.DataAsOf(dt.date(2025, 1, 10), "option", None)
    assert "text" not in got.report.to_dict()["data_as_of"]


def test_gianyar_office_counts() -> None:
    reg = koperasi.read_register(GIANYAR, mapping=MAPPING, data_as_of="2022-05-15")
    assert reg.report.data_as_of is not None and reg.report.data_as_of.source == "option"
    office = koperasi.StatusPolicy.office()
    statuses = [koperasi.assess(k, dt.date(2022, 5, 15), office).status for k in reg.register]
    assert statuses.count(koperasi.Status.INACTIVE) == 13
    assert statuses.count(koperasi.Status.NOT_ASSESSABLE) == 7


def test_report_findings() -> None:
    text = (
        "nama_koperasi;tanggal_badan_hukum;tanggal_pembubaran\n"
        "KSP Satu;01/05/2010;31/12/2009\n"
    )
    r = koperasi.build_report(text, as_of=dt.date(2024, 12, 31), data_as_of="2024-12-31")
    f = r.data["findings"]
    assert [x["code"] for x in f] == ["dissolved_before_founding"]
    assert f[0]["values"] == [20091231, 20100501]
    assert r.data["read"]["data_as_of"]["source"] == "option"
