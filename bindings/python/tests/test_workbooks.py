"""Workbooks (XLSX) through read_any / read_register / read_panel: the office file of the
bad-input corpus. Expected values are those of tests/data/bad/README.md (the file was written
cell by cell by `generate_xlsx_corpus` in crates/koperasi/tests/bad_input.rs): sheet `Catatan`
without a header before sheet `Data`; header on row 4; 5 rows accepted on sheet rows 5, 6, 7,
9, 10; `1/2/20245` in D9 is `date_invalid`; row 11 `JUMLAH` is a total row; row 8 blank."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import koperasi as k
from conftest import REPO

OFFICE = REPO / "tests" / "data" / "bad" / "office.xlsx"
NOT_A_WORKBOOK = REPO / "tests" / "data" / "bad" / "not_a_workbook.xlsx"


def check_office(r: k.RegisterRead) -> None:
    rep = r.report
    assert rep.sheet == "Data"
    assert (rep.rows_read, rep.accepted, rep.blank_rows) == (6, 5, 1)
    assert rep.accepted + len(rep.rejected) == rep.rows_read
    recs = [x.to_dict() for x in r.register]
    assert [x["source_line"] for x in recs] == [5, 6, 7, 9, 10]
    assert [x["name"] for x in recs] == [
        "KSP Sejahtera Bersama", "Kopwan Melati", "klik", "KSP Tunas", "KSP Nol",
    ]
    assert [x["members"]["total"] for x in recs[:2]] == [1500, 75]  # `1.500` as text; a number cell
    assert [x.get("tanggal_badan_hukum") for x in recs[:4]] == [
        dt.date(2019, 11, 6), dt.date(2025, 2, 1), dt.date(2019, 11, 6), None,
    ]
    assert [x["location"]["kecamatan"] for x in recs[:2]] == ["Bogor Barat", "Bogor Barat"]
    (total,) = rep.rejected
    assert (total.line, total.code) == (11, "total_row")
    (bad,) = rep.cell_errors
    assert (bad.line, bad.cell, bad.value, bad.code) == (9, "D9", "1/2/20245", "date_invalid")
    assert any("row 4" in n for n in rep.notes), rep.notes
    assert any("serial" in n for n in rep.notes), rep.notes
    assert rep.encoding is None


def test_read_any_path_and_bytes() -> None:
    by_path = k.read_any(OFFICE)
    assert isinstance(by_path, k.RegisterRead)
    check_office(by_path)
    by_str = k.read_any(str(OFFICE))
    assert isinstance(by_str, k.RegisterRead)
    by_bytes = k.read_any(OFFICE.read_bytes())
    assert isinstance(by_bytes, k.RegisterRead)
    check_office(by_bytes)
    assert by_bytes.to_dict() == by_path.to_dict() == by_str.to_dict()


def test_read_register_on_a_workbook() -> None:
    check_office(k.read_register(OFFICE))
    check_office(k.read_register(bytearray(OFFICE.read_bytes()), sheet="Data"))


def test_sheet_by_name_and_number() -> None:
    a = k.read_any(OFFICE, sheet="Data")
    b = k.read_any(OFFICE, 2)
    assert isinstance(a, k.RegisterRead) and isinstance(b, k.RegisterRead)
    check_office(a)
    assert a.to_dict() == b.to_dict()


def test_wrong_sheet_is_a_read_error() -> None:
    with pytest.raises(k.ReadError) as e:
        k.read_any(OFFICE, sheet="Nope")
    assert e.value.code == "read_no_such_sheet"
    assert "Catatan, Data" in str(e.value)
    with pytest.raises(k.ReadError) as e:
        k.read_register(OFFICE, sheet=3)
    assert e.value.code == "read_no_such_sheet"
    with pytest.raises(k.ValidationError):
        k.read_any(OFFICE, sheet=2.0)  # type: ignore[arg-type]


def test_register_workbook_given_to_read_panel() -> None:
    with pytest.raises(k.ReadError) as e:
        k.read_panel(OFFICE)
    assert e.value.code == "read_unknown_layout"
    assert "register" in str(e.value)


def test_damaged_workbook_and_sheet_of_csv() -> None:
    with pytest.raises(k.ReadError) as e:
        k.read_any(NOT_A_WORKBOOK)
    assert e.value.code == "read_workbook"
    with pytest.raises(k.ReadError) as e:
        k.read_any("nama_koperasi\nKSP Maju\n", sheet="Data")
    assert e.value.code == "read_workbook"


def test_report_to_dict_has_the_workbook_fields(tmp_path: Path) -> None:
    r = k.read_any(OFFICE)
    d = r.report.to_dict()
    assert d["sheet"] == "Data"
    assert "encoding" not in d  # UTF-8 / workbook: left out, as in the Rust serde shape
    assert d["notes"] == list(r.report.notes)
    assert d["cell_errors"][0]["cell"] == "D9"
    assert "cell" not in d["rejected"][0]  # a whole-row problem has no cell reference
    # CSV: no sheet, no cell references.
    csv = tmp_path / "x.csv"
    csv.write_bytes("nama_koperasi,kecamatan\nKSP Caf\xe9,Bogor Barat\n".encode("cp1252"))
    c = k.read_any(csv).report
    assert (c.sheet, c.encoding, c.accepted) == (None, "windows-1252", 1)
    assert c.to_dict()["encoding"] == "windows-1252" and "sheet" not in c.to_dict()


def test_build_report_reads_a_workbook() -> None:
    # Issue 16: build_report took the workbook's zip bytes as CSV (`read_unknown_layout`,
    # "header: PK..."); it now reads it as read_any does (the core's build_report_from).
    r = k.build_report(OFFICE, as_of=dt.date(2025, 6, 30))
    assert r.kind == k.Layout.REGISTER
    d = r.to_dict()
    read = d["read"]
    assert (read["sheet"], read["rows_read"], read["accepted"], read["blank_rows"]) == ("Data", 6, 5, 1)
    assert [x["code"] for x in read["rejected"]] == ["total_row"]
    assert (read["cell_errors"][0]["cell"], read["cell_errors"][0]["value"]) == ("D9", "1/2/20245")
    assert d["records"] == 5
    by_bytes = k.build_report(OFFICE.read_bytes(), as_of="2025-06-30", sheet=2).to_dict()
    assert {**by_bytes, "source": None} == {**d, "source": None}
    with pytest.raises(k.ReadError) as e:
        k.build_report(OFFICE, as_of="2025-06-30", sheet="Nope")
    assert e.value.code == "read_no_such_sheet"
    assert (e.value.value, e.value.details["available"]) == ("Nope", "Catatan, Data")
