"""Write the hostile workbooks of issue 13 with the zipfile module (no spreadsheet library).

    python3 tests/data/bad/hostile_workbooks.py small DIR   # the fuzz seeds (a few KB each)
    python3 tests/data/bad/hostile_workbooks.py full DIR    # the full-size bombs, to measure

`full` writes far_cell.xlsx (2 KB: A1 and XFD1048576), range_49m.xlsx (A1 and AU1048576:
49,283,072 cells), cell_bomb_sst.xlsx and cell_bomb_inline.xlsx (one 4 GiB cell, ~4 MB
zipped), whitespace_bomb.xlsx (4 GiB of spaces in the sheet XML) and ods_rows_1e9.ods (a row
repeated 1,000,000,000 times). Each must give `read_limit_exceeded` naming the sheet and cell,
with a peak RSS under 300 MB (`/usr/bin/time -v target/release/koperasi report FILE`).
`small` writes the same kinds at a few KB (bombs of 2 MiB, over the caps of the fuzz targets).
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships '
    'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>nama_koperasi</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>kecamatan</t></is></c></row>'
)
CHUNK = 1 << 20


def write_parts(z: zipfile.ZipFile, name: str, parts: list[bytes | tuple[bytes, int]]) -> None:
    """A zip entry from parts; `(byte, n)` is n copies of one byte, streamed."""
    with z.open(name, "w", force_zip64=True) as f:
        for p in parts:
            if isinstance(p, tuple):
                b, n = p
                block = b * CHUNK
                while n > 0:
                    f.write(block[: min(n, CHUNK)])
                    n -= CHUNK
            else:
                f.write(p)


def xlsx(path: Path, rows: list[bytes | tuple[bytes, int]], sst: list | None = None) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>'
        write_parts(z, "xl/worksheets/sheet1.xml", [head.encode(), *rows, b"</sheetData></worksheet>"])
        if sst is not None:
            write_parts(z, "xl/sharedStrings.xml", [f'<sst xmlns="{NS}">'.encode(), *sst, b"</sst>"])


def ods(path: Path, rows: str) -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Data">'
        f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
        z.writestr("content.xml", content)


def ods_cell(v: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'


def main(kind: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    big = 4 << 30 if kind == "full" else 2 << 20
    xlsx(out / "far_cell.xlsx", [HEADER.encode(), b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'])
    xlsx(out / "range_49m.xlsx", [HEADER.encode(), b'<row r="1048576"><c r="AU1048576"><v>1</v></c></row>'])
    xlsx(
        out / "cell_bomb_sst.xlsx",
        [HEADER.encode(), b'<row r="2"><c r="A2" t="s"><v>0</v></c></row>'],
        [b"<si><t>", (b"x", big), b"</t></si>"],
    )
    xlsx(
        out / "cell_bomb_inline.xlsx",
        [HEADER.encode(), b'<row r="2"><c r="A2" t="inlineStr"><is><t>', (b"x", big), b"</t></is></c></row>"],
    )
    xlsx(
        out / "whitespace_bomb.xlsx",
        [HEADER.encode(), b'<row r="2"><c r="A2"><v>1</v></c>', (b" ", big), b"</row>"],
    )
    xlsx(
        out / "formula_no_value.xlsx",
        [HEADER.encode(), b'<row r="2"><c r="A2" t="inlineStr"><is><t>Kop A</t></is></c><c r="B2"><f>A2</f></c></row>'],
    )
    header = "<table:table-row>" + ods_cell("nama_koperasi") + ods_cell("kecamatan") + "</table:table-row>"
    ods(
        out / "ods_rows_1e9.ods",
        header + '<table:table-row table:number-rows-repeated="1000000000">'
        + ods_cell("Kop A") + ods_cell("Bogor") + "</table:table-row>",
    )
    ods(
        out / "ods_rows_2e6.ods",
        header + '<table:table-row table:number-rows-repeated="2000000">' + ods_cell("Kop A") + "</table:table-row>",
    )


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
