"""Office registers (issue 15, items 5-7) through Python: the figures of the Rust tests
(crates/koperasi/tests/register_office.rs) on the real SIMKOPDES slice, computed
independently with python3's csv module (tests/data/real/simkopdes-kopdes-locations)."""

from __future__ import annotations

import collections
import csv
import datetime as dt
import pathlib

import koperasi as k

REAL = pathlib.Path(__file__).parents[3] / "tests/data/real/simkopdes-kopdes-locations"


def test_simkopdes_headers_coordinates_and_kecamatan() -> None:
    path = REAL / "kopdes_locations_situbondo.csv"
    rr = k.read_register(str(path))
    assert (rr.report.rows_read, rr.report.accepted) == (47, 47)
    recs = rr.register.records
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    assert recs.column("location.kecamatan") == [r["subdistrict"] for r in rows]
    assert recs.column("location.kab_kota") == [r["district"] for r in rows]
    assert recs.column("location.coordinates.latitude") == [float(r["latitude"]) for r in rows]
    by_kec = collections.Counter(recs.column("location.kecamatan"))
    assert by_kec == {"Panji": 12, "Kapongan": 10, "Besuki": 10, "Panarukan": 8, "Banyuglugur": 7}


def test_office_status_cross_table_and_findings() -> None:
    src = (
        "name,type,status,district,subdistrict,latitude,longitude,rat_2022,rat_2023,rat_2024\n"
        "KSU Sido Rukun,Serba Usaha,Aktif,KAB. SITUBONDO,Panji,-7.7079,114.0259,tidak,tidak,tidak\n"
        "KSP Maju,Simpan Pinjam,Tidak Aktif,KAB. SITUBONDO,Besuki,7.7384,113.7006,ya,ya,ya\n"
    )
    d = k.build_report(src, as_of=dt.date(2025, 7, 1)).to_dict()
    assert d["office_status"]["disagree"] == 2
    codes = sorted(f["code"] for f in d["findings"])
    assert codes == [
        "coordinates_outside_indonesia",
        "office_status_disagrees",
        "office_status_disagrees",
    ]
    reg = k.read_register(src).register
    assert reg[0].to_dict()["kelompok"] == "KSU"
    assert reg[1].to_dict()["office_status"] == {
        "active": False,
        "column": "status",
        "value": "Tidak Aktif",
    }
