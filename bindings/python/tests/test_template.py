"""The blank register template from Python (issue 17, item 7): the same workbook as
`koperasi template register` (built by the core), read back by the package's own reader; the
drop-down list of jenis holds the five jenis of Permenkop UKM 9/2018 art. 67."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

import koperasi as k


def part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode()


def test_the_template_reads_back_with_its_example_row_rejected(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    data = k.template_register(path, rat_year=2024, locale="id")
    assert data[:2] == b"PK"
    assert path.read_bytes() == data
    r = k.read_register(path)
    assert r.report.sheet == "Daftar Koperasi"
    # the example row is rejected, never counted as a cooperative
    assert (r.report.rows_read, r.report.accepted) == (1, 0)
    assert len(r.report.columns) == 34
    assert all(field is not None for _, field in r.report.columns)
    assert list(r.register) == []
    (rej,) = r.report.rejected
    assert rej.code == "template_example" and rej.line == 2


def test_sheets_and_the_jenis_list() -> None:
    data = k.template_register(rat_year=2024, locale="en")
    book = part(data, "xl/workbook.xml")
    assert 'name="Register"' in book and 'name="Instructions"' in book
    sheet = part(data, "xl/worksheets/sheet1.xml")
    assert '<formula1>"Produsen,Konsumen,Pemasaran,Simpan Pinjam,Jasa"</formula1>' in sheet
    # same arguments, same bytes (creation time fixed)
    assert data == k.template_register(rat_year=2024, locale="en")


def test_default_rat_year_is_last_year_in_wib() -> None:
    wib = dt.timezone(dt.timedelta(hours=7))
    year = dt.datetime.now(wib).year - 1
    r = k.read_register(k.template_register())
    assert f"RAT {year}" in [h for h, _ in r.report.columns]


def test_bad_arguments_are_errors_not_crashes() -> None:
    with pytest.raises(ValueError, match="expected 'id' or 'en'"):
        k.template_register(locale="fr")
    with pytest.raises(k.ExportError) as e:
        k.template_register(rat_year=1800)
    assert e.value.code == "export_write"


def test_the_kopdes_template_has_a_column_per_stage(tmp_path: Path) -> None:
    path = tmp_path / "kdmp.xlsx"
    data = k.template_kopdes(path, locale="id")
    assert path.read_bytes() == data
    book = part(data, "xl/workbook.xml")
    assert 'name="Daftar Koperasi"' in book and 'name="Petunjuk"' in book
    r = k.read_register(path)
    # 8 id and place columns, 19 stage columns; the example row is rejected, never counted
    assert len(r.report.columns) == 27
    headers = [h for h, _ in r.report.columns]
    assert headers[8] == "Tanggal Musdesus" and headers[-1] == "Tanggal Persetujuan"
    assert (r.report.rows_read, r.report.accepted) == (1, 0)
    assert r.report.rejected[0].code == "template_example"
    with pytest.raises(ValueError, match="expected 'id' or 'en'"):
        k.template_kopdes(locale="fr")
