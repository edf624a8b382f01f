//! Hostile workbooks: a far cell, zip bombs (one huge cell, whitespace), a 49-million-cell
//! range, an ODS row repeated a billion times, formulas without a saved value. Each gives a
//! limit error naming the limit, the sheet and the cell (or a note), never an abort. The
//! workbooks are built here with the zip crate; the full-size bombs were measured by hand
//! (see the module documentation of `koperasi::io::xlsx_scan`).
#![cfg(feature = "xlsx")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::error::ReadError;
use koperasi::io::xlsx::{read_xlsx, read_xlsx_table};
use koperasi::io::{ReadLimits, ReadOptions, Table};
use std::io::Write;
use zip::write::SimpleFileOptions;

/// A piece of a zip entry's content, written in turn.
type Part<'a> = &'a dyn Fn(&mut dyn Write);

fn deflated() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)
}

/// A zip of `(path, parts of its content)`; each part is written in turn (a large part is
/// streamed, never held whole).
fn zip_of(entries: &[(&str, &[Part<'_>])]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (path, parts) in entries {
        let o = if *path == "mimetype" {
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored)
        } else {
            deflated()
        };
        z.start_file(*path, o).unwrap();
        for p in *parts {
            p(&mut z);
        }
    }
    z.finish().unwrap().into_inner()
}

fn text(s: &str) -> impl Fn(&mut dyn Write) + '_ {
    move |w: &mut dyn Write| w.write_all(s.as_bytes()).unwrap()
}

/// `n` bytes of `byte`, written in 64 KiB pieces.
fn filler(byte: u8, n: usize) -> impl Fn(&mut dyn Write) {
    move |w: &mut dyn Write| {
        let piece = vec![byte; 1 << 16];
        let mut left = n;
        while left > 0 {
            let k = left.min(piece.len());
            w.write_all(&piece[..k]).unwrap();
            left -= k;
        }
    }
}

const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;

/// An XLSX with one sheet `Data`: `rows` is the XML inside `<sheetData>`; `shared` the
/// `<si>` elements of the shared strings (if any).
fn xlsx(rows: &[Part<'_>], shared: Option<&[Part<'_>]>) -> Vec<u8> {
    xlsx_after(rows, shared, "")
}

/// [`xlsx`] with `after` (e.g. `<mergeCells>`) after `<sheetData>`.
fn xlsx_after(rows: &[Part<'_>], shared: Option<&[Part<'_>]>, after: &str) -> Vec<u8> {
    let head = text(SHEET_HEAD);
    let tail_xml = format!("</sheetData>{after}</worksheet>");
    let tail = text(&tail_xml);
    let mut sheet: Vec<Part<'_>> = vec![&head];
    sheet.extend_from_slice(rows);
    sheet.push(&tail);
    let (wb, rels) = (text(WORKBOOK), text(RELS));
    let sst_head = text(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    let sst_tail = text("</sst>");
    let mut sst: Vec<Part<'_>> = vec![&sst_head];
    sst.extend_from_slice(shared.unwrap_or_default());
    sst.push(&sst_tail);
    let (wb, rels): ([Part<'_>; 1], [Part<'_>; 1]) = ([&wb], [&rels]);
    let mut entries: Vec<(&str, &[Part<'_>])> = vec![
        ("xl/workbook.xml", &wb),
        ("xl/_rels/workbook.xml.rels", &rels),
        ("xl/worksheets/sheet1.xml", &sheet),
    ];
    if shared.is_some() {
        entries.push(("xl/sharedStrings.xml", &sst));
    }
    zip_of(&entries)
}

/// An inline-string cell.
fn cell(r: &str, v: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{v}</t></is></c>"#)
}

/// A sheet `Data` with a register header in row 1 and `more` cells after it.
fn register_with(more: &str) -> Vec<u8> {
    let rows = format!(
        r#"<row r="1">{}{}</row>{more}"#,
        cell("A1", "nama_koperasi"),
        cell("B1", "kecamatan")
    );
    xlsx(&[&text(&rows)], None)
}

fn limit(
    r: Result<impl std::fmt::Debug, ReadError>,
) -> (String, u64, Option<String>, Option<String>) {
    match r {
        Err(ReadError::LimitExceeded {
            limit,
            found,
            sheet,
            cell,
            ..
        }) => (limit, found, sheet, cell),
        other => panic!("expected a limit error, got {other:?}"),
    }
}

fn opts(f: impl FnOnce(&mut ReadLimits)) -> ReadOptions {
    let mut o = ReadOptions::default();
    f(&mut o.limits);
    o
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn a_far_cell_is_refused_before_the_range_is_built() {
    // A1 and XFD1048576: 17,179,869,184 cells, which aborted the process.
    let far = register_with(r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#);
    assert!(far.len() < 2048, "{}", far.len());
    let o = ReadOptions::default();
    let (l, found, sheet, cell) = limit(read_xlsx(&far, None, &o));
    assert_eq!(
        (l.as_str(), found, sheet, cell),
        (
            "max_cells",
            16_384 * 1_048_576,
            some("Data"),
            some("XFD1048576")
        )
    );
    let e = read_xlsx(&far, None, &o).unwrap_err();
    assert_eq!(e.code(), "read_limit_exceeded");
    assert!(
        e.to_string().contains("(sheet `Data`, cell XFD1048576)")
            && !e.to_string().contains("line 0"),
        "{e}"
    );
    assert_eq!(limit(read_xlsx_table(&far, None, &o)).0, "max_cells");
    // The details carry the sheet and cell for the bindings.
    let d = koperasi::error::Error::from(e).details();
    assert!(d.fields.contains(&("sheet", "Data".to_string())), "{d:?}");
    assert!(
        d.fields.contains(&("cell", "XFD1048576".to_string())),
        "{d:?}"
    );
}

#[test]
fn a_49_million_cell_range_is_refused() {
    // A1 and AU1048576: 47 x 1,048,576 = 49,283,072 cells, under the old default of 50 million.
    let wide = register_with(r#"<row r="1048576"><c r="AU1048576"><v>1</v></c></row>"#);
    let (l, found, sheet, cell) = limit(read_xlsx(&wide, None, &ReadOptions::default()));
    assert_eq!(
        (l.as_str(), found, sheet, cell),
        ("max_cells", 49_283_072, some("Data"), some("AU1048576"))
    );
}

#[test]
fn a_single_far_cell_is_only_one_cell() {
    // The used range starts at its first value: one cell at XFD1048576 is one cell, no header.
    let lone = xlsx(
        &[&text(
            r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
        )],
        None,
    );
    assert!(matches!(
        read_xlsx(&lone, None, &ReadOptions::default()),
        Err(ReadError::Empty | ReadError::UnknownLayout { .. })
    ));
}

#[test]
fn too_many_rows_name_the_sheet_and_row() {
    let o = opts(|l| l.max_rows = 100);
    let tall = register_with(r#"<row r="200"><c r="A200"><v>1</v></c></row>"#);
    let (l, found, sheet, cell) = limit(read_xlsx(&tall, None, &o));
    assert_eq!(
        (l.as_str(), found, sheet, cell),
        ("max_rows", 200, some("Data"), None)
    );
    let e = read_xlsx(&tall, None, &o).unwrap_err().to_string();
    assert!(e.contains("(sheet `Data`, row 200)"), "{e}");
}

#[test]
fn a_huge_shared_string_is_refused_while_inflating() {
    // With max_field_bytes 64 KiB, a run of text over 8 x 64 KiB stops the inflate.
    let o = opts(|l| l.max_field_bytes = 64 << 10);
    let si_head = text("<si><t>");
    let big = filler(b'x', 1 << 20);
    let si_tail = text("</t></si>");
    let rows = text(r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#);
    let bomb = xlsx(&[&rows], Some(&[&si_head, &big, &si_tail]));
    assert!(bomb.len() < 16 << 10, "{}", bomb.len());
    let (l, found, sheet, cell) = limit(read_xlsx(&bomb, None, &o));
    assert_eq!(l, "max_field_bytes");
    assert!(found > 8 * (64 << 10), "{found}");
    assert_eq!(
        (sheet, cell),
        (some("xl/sharedStrings.xml"), some("string 1"))
    );
    let e = read_xlsx(&bomb, None, &o).unwrap_err().to_string();
    assert!(e.contains("(in xl/sharedStrings.xml)"), "{e}");
}

#[test]
fn a_shared_string_over_the_field_cap_names_its_cell() {
    // 200 KiB: under the inflate's run cap (8 x 64 KiB), over max_field_bytes: refused when
    // the cell is read, at its cell.
    let o = opts(|l| l.max_field_bytes = 64 << 10);
    let header = format!(
        r#"<row r="1">{}{}</row><row r="2"><c r="B2" t="s"><v>0</v></c></row>"#,
        cell("A1", "nama_koperasi"),
        cell("B1", "kecamatan")
    );
    let (si_head, big, si_tail) = (text("<si><t>"), filler(b'x', 200 << 10), text("</t></si>"));
    let wb = xlsx(&[&text(&header)], Some(&[&si_head, &big, &si_tail]));
    let (l, found, sheet, cell) = limit(read_xlsx(&wb, None, &o));
    assert_eq!(
        (l.as_str(), found, sheet, cell),
        ("max_field_bytes", 200 << 10, some("Data"), some("B2"))
    );
}

#[test]
fn an_inline_cell_bomb_is_refused_at_its_cell() {
    let o = opts(|l| l.max_field_bytes = 64 << 10);
    let head = text(r#"<row r="1"><c r="C1" t="inlineStr"><is><t>"#);
    let big = filler(b'x', 1 << 20);
    let tail = text("</t></is></c></row>");
    let bomb = xlsx(&[&head, &big, &tail], None);
    let (l, _, sheet, cell) = limit(read_xlsx(&bomb, None, &o));
    assert_eq!(
        (l.as_str(), sheet, cell),
        ("max_field_bytes", some("Data"), some("C1"))
    );
}

#[test]
fn a_whitespace_bomb_is_refused() {
    // Whitespace between two cells: a run without markup.
    let o = opts(|l| l.max_field_bytes = 64 << 10);
    let a = text(r#"<row r="1"><c r="A1"><v>1</v></c>"#);
    let ws = filler(b' ', 1 << 20);
    let b = text(r#"<c r="B1"><v>2</v></c></row>"#);
    let bomb = xlsx(&[&a, &ws, &b], None);
    let (l, found, sheet, cell) = limit(read_xlsx(&bomb, None, &o));
    assert_eq!(l, "max_field_bytes");
    assert!(found > 8 * (64 << 10), "{found}");
    assert_eq!((sheet, cell), (some("Data"), some("A1")));
}

#[test]
fn decompressed_bytes_are_capped() {
    // 2 MiB of cells, each small, with a cap of 1 MiB once decompressed.
    let o = opts(|l| l.max_decompressed_bytes = 1 << 20);
    let one = r#"<row><c><v>1</v></c></row>"#.repeat(1 << 16);
    let cells = text(&one);
    let wb = xlsx(&[&cells, &cells], None);
    assert!(wb.len() < 64 << 10, "{}", wb.len());
    let (l, found, sheet, _) = limit(read_xlsx(&wb, None, &o));
    assert_eq!(
        (l.as_str(), sheet),
        ("max_decompressed_bytes", some("Data"))
    );
    assert!(found > 1 << 20, "{found}");
    // The default (256 MiB) reads it.
    assert!(!matches!(
        read_xlsx(&wb, None, &ReadOptions::default()),
        Err(ReadError::LimitExceeded { .. })
    ));
}

#[test]
fn a_lying_shared_string_count_is_refused() {
    // calamine reserves room for `uniqueCount` strings before reading them.
    let sst = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="1000000000000"><si><t>a</t></si></sst>"#;
    let (wb, rels, sheet, sst) = (
        text(WORKBOOK),
        text(RELS),
        text(concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
            "</sheetData></worksheet>"
        )),
        text(sst),
    );
    let bytes = zip_of(&[
        ("xl/workbook.xml", &[&wb]),
        ("xl/_rels/workbook.xml.rels", &[&rels]),
        ("xl/worksheets/sheet1.xml", &[&sheet]),
        ("xl/sharedStrings.xml", &[&sst]),
    ]);
    match read_xlsx(&bytes, None, &ReadOptions::default()) {
        Err(ReadError::Workbook { why }) => assert!(why.contains("uniqueCount"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_merged_region_cannot_copy_a_cell_over_a_huge_area() {
    // A 60 KiB cell merged over A1:A2000 would copy 120 MB of text; the cap is 1 MiB here.
    let o = opts(|l| l.max_decompressed_bytes = 1 << 20);
    let big = "x".repeat(60 << 10);
    let rows = format!(
        r#"<row r="1">{}</row><row r="2000"><c r="B2000"><v>1</v></c></row>"#,
        cell("A1", &big)
    );
    let merge = r#"<mergeCells count="1"><mergeCell ref="A1:A2000"/></mergeCells>"#;
    let wb = xlsx_after(&[&text(&rows)], None, merge);
    let (l, _, sheet, cell) = limit(read_xlsx(&wb, None, &o));
    assert_eq!(
        (l.as_str(), sheet, cell),
        ("max_decompressed_bytes", some("Data"), some("A1"))
    );
}

#[test]
fn a_formula_without_a_saved_value_is_noted() {
    let wb = register_with(&format!(
        r#"<row r="2">{}<c r="B2"><f>A2&amp;"x"</f></c></row><row r="3">{}{}</row>"#,
        cell("A2", "Kop A"),
        cell("A3", "Kop B"),
        cell("B3", "Bogor Barat")
    ));
    let Table::Register(reg, rep) = read_xlsx(&wb, None, &ReadOptions::default()).unwrap() else {
        panic!("not a register")
    };
    assert_eq!(reg.records.len(), 2);
    assert!(
        rep.notes
            .iter()
            .any(|n| n.contains("1 formula cell(s) have no saved value") && n.contains("B2")),
        "{:?}",
        rep.notes
    );
    // A formula with its value: no note.
    let ok = register_with(&format!(
        r#"<row r="2">{}<c r="B2" t="str"><f>"Bogor"</f><v>Bogor</v></c></row>"#,
        cell("A2", "Kop A")
    ));
    let Table::Register(reg, rep) = read_xlsx(&ok, None, &ReadOptions::default()).unwrap() else {
        panic!("not a register")
    };
    assert!(
        !rep.notes.iter().any(|n| n.contains("formula")),
        "{:?}",
        rep.notes
    );
    assert_eq!(reg.records[0].name, "Kop A");
}

#[test]
fn blank_rows_above_the_header_are_not_a_title_block() {
    let rows = format!(
        r#"<row r="3">{}{}</row><row r="4">{}{}</row>"#,
        cell("A3", "nama_koperasi"),
        cell("B3", "kecamatan"),
        cell("A4", "Kop A"),
        cell("B4", "Bogor Barat")
    );
    let Table::Register(_, rep) =
        read_xlsx(&xlsx(&[&text(&rows)], None), None, &ReadOptions::default()).unwrap()
    else {
        panic!("not a register")
    };
    assert!(
        rep.notes
            .iter()
            .any(|n| n == "the header is on row 3; the rows above it are blank"),
        "{:?}",
        rep.notes
    );
    assert!(
        !rep.notes.iter().any(|n| n.contains("title block")),
        "{:?}",
        rep.notes
    );
}

/// An ODS with one table `Data`: `rows` is the XML inside `<table:table>`.
fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Data">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mime = text("application/vnd.oasis.opendocument.spreadsheet");
    let c = text(&content);
    let manifest = text(
        r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
    );
    zip_of(&[
        ("mimetype", &[&mime]),
        ("META-INF/manifest.xml", &[&manifest]),
        ("content.xml", &[&c]),
    ])
}

fn ods_cell(v: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>"#
    )
}

fn ods_header() -> String {
    format!(
        "<table:table-row>{}{}</table:table-row>",
        ods_cell("nama_koperasi"),
        ods_cell("kecamatan")
    )
}

#[test]
fn an_ods_row_repeated_a_billion_times_is_refused() {
    let rows = format!(
        r#"{}<table:table-row table:number-rows-repeated="1000000000">{}{}</table:table-row>"#,
        ods_header(),
        ods_cell("Kop A"),
        ods_cell("Bogor Barat")
    );
    let (l, found, sheet, cell) = limit(read_xlsx(&ods(&rows), None, &ReadOptions::default()));
    assert_eq!(
        (l.as_str(), found, sheet, cell),
        (
            "max_cells",
            2_000_000_002,
            some("Data"),
            some("B1000000001")
        )
    );
}

#[test]
fn an_ods_row_repeated_past_the_sheet_end_is_refused_not_cut() {
    // 2,000,000 rows of one cell: within max_cells and max_rows, but past the 1,048,576 rows
    // of a sheet, where the reader would cut it silently.
    let rows = format!(
        r#"{}<table:table-row table:number-rows-repeated="2000000">{}</table:table-row>"#,
        ods_header(),
        ods_cell("Kop A")
    );
    match read_xlsx(&ods(&rows), None, &ReadOptions::default()) {
        Err(ReadError::Workbook { why }) => {
            assert!(
                why.contains("sheet `Data`") && why.contains("B2000001"),
                "{why}"
            );
            assert!(why.contains("1048576 rows"), "{why}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn ods_trailing_empty_repeats_are_not_cells() {
    // LibreOffice ends each sheet with its empty rows and columns repeated: not a used range.
    let rows = format!(
        r#"{}<table:table-row>{}{}</table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#,
        ods_header(),
        ods_cell("Kop A"),
        ods_cell("Bogor Barat")
    );
    let Table::Register(reg, _) = read_xlsx(&ods(&rows), None, &ReadOptions::default()).unwrap()
    else {
        panic!("not a register")
    };
    assert_eq!(reg.records[0].name, "Kop A");
}

#[test]
fn an_ods_formula_without_a_value_is_noted() {
    let rows = format!(
        r#"{}<table:table-row>{}<table:table-cell table:formula="of:=[.A2]"/></table:table-row>"#,
        ods_header(),
        ods_cell("Kop A")
    );
    let Table::Register(_, rep) = read_xlsx(&ods(&rows), None, &ReadOptions::default()).unwrap()
    else {
        panic!("not a register")
    };
    assert!(
        rep.notes
            .iter()
            .any(|n| n.contains("1 formula cell(s) have no saved value") && n.contains("B2")),
        "{:?}",
        rep.notes
    );
}

#[test]
fn the_scan_accepts_the_real_workbooks() {
    // The committed workbooks read as before.
    let office = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/bad/office.xlsx"
    ))
    .unwrap();
    let scan = koperasi::io::xlsx_scan::scan_workbook(&office, &ReadLimits::default()).unwrap();
    assert!(scan.decompressed_bytes > 0);
    assert!(scan.formulas_without_value.is_empty());
}
