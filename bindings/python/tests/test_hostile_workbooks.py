"""Hostile workbooks through read_any: a raised koperasi.ReadError with a code, the limit,
the sheet and the cell, never a dead interpreter. The workbooks are built here with the
zipfile module (no spreadsheet library): see crates/koperasi/tests/xlsx_hostile.rs for the
full set."""

from __future__ import annotations

import io
import zipfile

import pytest

import koperasi as k

WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook '
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships '
    'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)


def xlsx(rows: str) -> bytes:
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def test_a_far_cell_raises_a_limit_error() -> None:
    # A1 and XFD1048576: this 1 KB file used to abort the interpreter.
    far = xlsx(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>nama_koperasi</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    assert len(far) < 2048
    with pytest.raises(k.ReadError) as e:
        k.read_any(far)
    assert e.value.code == "read_limit_exceeded"
    assert e.value.details["limit"] == "max_cells"
    assert (e.value.details["sheet"], e.value.details["cell"]) == ("Data", "XFD1048576")
    assert "sheet `Data`, cell XFD1048576" in str(e.value)


def test_a_whitespace_bomb_raises_a_limit_error() -> None:
    # 64 MiB of spaces between two cells (64 KB zipped): refused while inflating.
    bomb = xlsx('<row r="1"><c r="A1"><v>1</v></c>' + " " * (64 << 20) + "</row>")
    assert len(bomb) < 1 << 20
    with pytest.raises(k.ReadError) as e:
        k.read_any(bomb)
    assert e.value.code == "read_limit_exceeded"
    assert e.value.details["limit"] == "max_field_bytes"
    assert e.value.details["sheet"] == "Data"
