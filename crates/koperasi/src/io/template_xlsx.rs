//! The blank register template as an XLSX workbook (feature `xlsx-write`): the same bytes
//! for the CLI (`koperasi template register -o template.xlsx`), Python
//! (`koperasi.template_register`) and JavaScript (`templateRegister()`).
//!
//! The columns come from [`super::template::template_columns`], so the template and the reader
//! cannot drift. The workbook has:
//! - a first sheet "Daftar Koperasi" / "Register": the headers (bold, frozen with the name
//!   column), one example row in grey italics whose name starts with `CONTOH (hapus baris
//!   ini)`, columns sized, identifier and date columns formatted as text (a 16-digit NIK keeps
//!   its digits; `03/04/2025` stays 3 April whatever the computer's date setting), and on every
//!   data row a drop-down list for each column with choices (bentuk, jenis, kelompok, pola,
//!   yes/no, office status, dissolved by), whole-number checks for counts and years, a range
//!   check for coordinates, and an input hint on each column;
//! - a second sheet "Petunjuk" / "Instructions": each column with what to write, its values and
//!   its example, then the date forms read and how to use the file.

use super::template::{ColumnKind, DATE_FORMATS, TemplateColumn, template_columns};
use crate::error::ExportError;
use crate::locale::{MAX_YEAR, MIN_YEAR};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

/// Rows of the register sheet given checks and hints (header excluded): enough for any office.
const DATA_ROWS: u32 = 10_000;

/// The blank register template's bytes (an XLSX workbook) with the RAT example column of
/// book year `rat_book_year` (`RAT 2025`); sheet names, hints and instructions in Indonesian
/// when `indonesian`, else English (the headers are the reader's Indonesian headers in both).
/// The creation time is fixed (2000-01-01), so the same arguments give the same bytes.
///
/// Errors: [`ExportError::Write`] when `rat_book_year` is outside 1900..=2100 (why says so,
/// in both languages) or the workbook writer fails.
pub fn template_register_xlsx(
    rat_book_year: i32,
    indonesian: bool,
) -> Result<Vec<u8>, ExportError> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&rat_book_year) {
        return Err(ExportError::Write {
            why: format!(
                "{rat_book_year} is not a book year ({MIN_YEAR}..={MAX_YEAR}) / bukan tahun buku"
            ),
        });
    }
    let cols = template_columns(rat_book_year);
    written(workbook(
        &cols,
        id_or_en(indonesian, REGISTER_USAGE),
        indonesian,
    ))
}

/// The blank KDMP/KKMP register template's bytes (an XLSX workbook): the columns of
/// [`super::template_kopdes::template_kopdes_columns`] (identity, place, one column per stage),
/// the same sheets, checks and fixed creation time as [`template_register_xlsx`], and how-to
/// lines for `koperasi kopdes stages|readiness`; in Indonesian when `indonesian`, else English.
///
/// Errors: [`ExportError::Write`] when the workbook writer fails.
pub fn template_kopdes_xlsx(indonesian: bool) -> Result<Vec<u8>, ExportError> {
    let cols = super::template_kopdes::template_kopdes_columns();
    written(workbook(
        &cols,
        id_or_en(indonesian, KOPDES_USAGE),
        indonesian,
    ))
}

fn written(r: Result<Vec<u8>, XlsxError>) -> Result<Vec<u8>, ExportError> {
    r.map_err(|e| ExportError::Write {
        why: format!("cannot write the template: {e}"),
    })
}

fn id_or_en<T>(id: bool, (in_id, in_en): (T, T)) -> T {
    if id { in_id } else { in_en }
}

/// The workbook's bytes (creation time fixed, so the same template gives the same bytes).
fn workbook(cols: &[TemplateColumn], usage: &[&str], id: bool) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let ws = wb.add_worksheet();
    ws.set_name(if id { "Daftar Koperasi" } else { "Register" })?;
    register_sheet(ws, cols, id)?;
    let ws = wb.add_worksheet();
    ws.set_name(if id { "Petunjuk" } else { "Instructions" })?;
    instructions_sheet(ws, cols, usage, id)?;
    wb.save_to_buffer()
}

/// The sheet to fill: headers, the example row, formats, widths and checks.
fn register_sheet(ws: &mut Worksheet, cols: &[TemplateColumn], id: bool) -> Result<(), XlsxError> {
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xDDEBF7));
    let required = header.clone().set_background_color(Color::RGB(0xFCE4D6));
    let example = Format::new().set_italic().set_font_color(Color::Gray);
    let text = Format::new().set_num_format("@");
    let whole = Format::new().set_num_format("0");
    for (c, col) in cols.iter().enumerate() {
        let c = u16::try_from(c).map_err(|_| XlsxError::ParameterError("columns".into()))?;
        let fmt = if col.required { &required } else { &header };
        ws.write_string_with_format(0, c, &col.header, fmt)?;
        match number_format(col) {
            "0" => ws.set_column_format(c, &whole).map(|_| ())?,
            "@" => ws.set_column_format(c, &text).map(|_| ())?,
            _ => {}
        }
        write_example(
            ws,
            c,
            col,
            &example.clone().set_num_format(number_format(col)),
        )?;
        let width = col.header.chars().count().max(col.example.chars().count()) + 2;
        ws.set_column_width(c, width.clamp(10, 40) as f64)?;
        ws.add_data_validation(1, c, DATA_ROWS, c, &check(col, id)?)?;
    }
    ws.set_row_height(0, 30)?;
    ws.set_freeze_panes(1, 2)?;
    Ok(())
}

/// The number format of a column's cells.
fn number_format(col: &TemplateColumn) -> &'static str {
    match col.kind {
        ColumnKind::Count | ColumnKind::Year | ColumnKind::Percent => "0",
        ColumnKind::Coordinate | ColumnKind::Choice => "General",
        _ => "@",
    }
}

/// The example value of a column on row 2: a number for counts, years and coordinates.
fn write_example(
    ws: &mut Worksheet,
    c: u16,
    col: &TemplateColumn,
    fmt: &Format,
) -> Result<(), XlsxError> {
    if col.example.is_empty() {
        return Ok(());
    }
    let numeric = matches!(
        col.kind,
        ColumnKind::Count | ColumnKind::Year | ColumnKind::Coordinate | ColumnKind::Percent
    );
    match col.example.parse::<f64>() {
        Ok(x) if numeric => ws.write_number_with_format(1, c, x, fmt)?,
        _ => ws.write_string_with_format(1, c, &col.example, fmt)?,
    };
    Ok(())
}

/// The input check of a column's data cells, with its hint and error message in the locale.
fn check(col: &TemplateColumn, id: bool) -> Result<DataValidation, XlsxError> {
    let (south, north, west, east) = crate::geo::INDONESIA_BOUNDS;
    let dv = DataValidation::new();
    let (dv, error) = match col.kind {
        ColumnKind::Choice if col.open_choices => (
            dv.allow_list_strings(&col.choices)?,
            if id {
                "Nilai ini tidak ada dalam daftar; tetap dapat dipakai."
            } else {
                "This value is not in the list; it is accepted too."
            },
        ),
        ColumnKind::Choice => (
            dv.allow_list_strings(&col.choices)?,
            if id {
                "Pilih salah satu nilai dari daftar."
            } else {
                "Choose one of the values of the list."
            },
        ),
        ColumnKind::Count => (
            dv.allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
            if id {
                "Tulis angka bulat 0 atau lebih."
            } else {
                "Write a whole number, 0 or more."
            },
        ),
        ColumnKind::Percent => (
            dv.allow_whole_number(DataValidationRule::Between(0, 100)),
            if id {
                "Tulis angka bulat 0 sampai 100."
            } else {
                "Write a whole number from 0 to 100."
            },
        ),
        ColumnKind::Year => (
            dv.allow_whole_number(DataValidationRule::Between(MIN_YEAR, MAX_YEAR)),
            if id {
                "Tulis tahun buku dengan 4 angka."
            } else {
                "Write the book year with 4 digits."
            },
        ),
        ColumnKind::Coordinate => {
            let (lo, hi) = if col.field == "latitude" {
                (south, north)
            } else {
                (west, east)
            };
            (
                dv.allow_decimal_number(DataValidationRule::Between(lo, hi)),
                if id {
                    "Koordinat ini di luar Indonesia; periksa tanda dan urutannya."
                } else {
                    "This coordinate lies outside Indonesia; check its sign and order."
                },
            )
        }
        _ => (dv.allow_any_value(), ""),
    };
    let strict = matches!(
        col.kind,
        ColumnKind::Choice | ColumnKind::Count | ColumnKind::Year | ColumnKind::Percent
    ) && !col.open_choices;
    let hint = if id {
        col.description_id
    } else {
        col.description_en
    };
    let title: String = col.header.chars().take(32).collect();
    let dv = dv
        .set_input_title(title.as_str())?
        .set_input_message(hint)?
        .set_error_title(title.as_str())?
        .set_error_message(error)?;
    Ok(dv.set_error_style(if strict {
        DataValidationErrorStyle::Stop
    } else {
        DataValidationErrorStyle::Warning
    }))
}

/// The instructions: one row per column, then the date forms and how to use the file.
fn instructions_sheet(
    ws: &mut Worksheet,
    cols: &[TemplateColumn],
    usage: &[&str],
    id: bool,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_text_wrap();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let head: [&str; 5] = if id {
        ["Kolom", "Wajib", "Isi", "Pilihan", "Contoh"]
    } else {
        ["Column", "Required", "What to write", "Values", "Example"]
    };
    for (c, h) in (0u16..).zip(head) {
        ws.write_string_with_format(0, c, h, &bold)?;
    }
    let mut r = 1u32;
    for col in cols {
        let required = match (col.required, id) {
            (true, true) => "ya",
            (true, false) => "yes",
            _ => "",
        };
        let what = if id {
            col.description_id
        } else {
            col.description_en
        };
        let cells = [
            col.header.as_str(),
            required,
            what,
            &col.choices.join(", "),
            &col.example,
        ];
        for (c, v) in (0u16..).zip(cells) {
            ws.write_string_with_format(r, c, v, &wrap)?;
        }
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(
        r,
        0,
        if id {
            "Format tanggal yang dibaca"
        } else {
            "Date forms read"
        },
        &bold,
    )?;
    for (example, d_id, d_en) in DATE_FORMATS {
        r += 1;
        ws.write_string_with_format(r, 0, example, &wrap)?;
        ws.write_string_with_format(r, 2, if id { d_id } else { d_en }, &wrap)?;
    }
    r += 2;
    ws.write_string_with_format(r, 0, if id { "Cara pakai" } else { "How to use" }, &bold)?;
    for &line in usage {
        r += 1;
        ws.write_string_with_format(r, 0, line, &wrap)?;
    }
    for (c, w) in (0u16..).zip([24.0, 10.0, 70.0, 30.0, 30.0]) {
        ws.set_column_width(c, w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// How to use the register template, line by line (Indonesian, English).
const REGISTER_USAGE: (&[&str], &[&str]) = (
    &[
        "Isi satu baris per koperasi di lembar Daftar Koperasi, mulai baris 2.",
        "Baris 2 adalah CONTOH: hapus baris itu sebelum memakai berkas.",
        "Jangan ubah judul kolom. Kolom yang tidak dipakai boleh dihapus dan urutannya boleh diubah.",
        "Untuk RAT, isi kolom per tahun buku (tambahkan kolom RAT <tahun> untuk tahun buku lain) dan/atau Tahun/Tanggal RAT Terakhir.",
        "Baris di bawah tabel (tempat dan tanggal, tanda tangan, NIP) tidak dihitung.",
        "Baca berkas dengan: koperasi report berkas.xlsx --locale id (koperasi check berkas.xlsx menunjukkan sel yang tidak terbaca).",
    ],
    &[
        "Fill one row per cooperative on the Register sheet, from row 2.",
        "Row 2 is an EXAMPLE (its name starts with CONTOH): delete it before using the file.",
        "Do not change the headers. Columns you do not use may be deleted, and the order may change.",
        "For RATs, fill a column per book year (add a column RAT <year> for other book years) and/or the last-RAT year/date.",
        "Lines under the table (place and date, signature, NIP) are not counted.",
        "Read the file with: koperasi report file.xlsx (koperasi check file.xlsx lists the cells it could not read).",
    ],
);

/// How to use the KDMP/KKMP template, line by line (Indonesian, English).
const KOPDES_USAGE: (&[&str], &[&str]) = (
    &[
        "Isi satu baris per Koperasi Desa/Kelurahan Merah Putih di lembar Daftar Koperasi, mulai baris 2.",
        "Baris 2 adalah CONTOH: hapus baris itu sebelum memakai berkas.",
        "Jangan ubah judul kolom. Kolom yang tidak dipakai boleh dihapus dan urutannya boleh diubah.",
        "Tiap tahap: tulis tanggal tercapainya, atau ya bila sudah tetapi tanggalnya tidak diketahui; kosong berarti belum.",
        "Baris di bawah tabel (tempat dan tanggal, tanda tangan, NIP) tidak dihitung.",
        "Baca berkas dengan: koperasi kopdes stages berkas.xlsx --locale id (tahapan) dan koperasi kopdes readiness berkas.xlsx --locale id (kesiapan pinjaman, PMK 49/2025).",
    ],
    &[
        "Fill one row per Koperasi Desa/Kelurahan Merah Putih on the Register sheet, from row 2.",
        "Row 2 is an EXAMPLE (its name starts with CONTOH): delete it before using the file.",
        "Do not change the headers. Columns you do not use may be deleted, and the order may change.",
        "Each stage: write the date it was reached, or ya (yes) when reached but the date is not known; empty means not yet.",
        "Lines under the table (place and date, signature, NIP) are not counted.",
        "Read the file with: koperasi kopdes stages file.xlsx (the stages) and koperasi kopdes readiness file.xlsx (loan readiness, PMK 49/2025).",
    ],
);

#[cfg(all(test, feature = "xlsx"))]
mod tests {
    // ok: unit tests only (cfg(test)): an unwrap or panic here is the test failing, never a
    // user's input reaching a panic.
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use crate::cooperative::Jenis;
    use crate::io::xlsx::read_xlsx;
    use crate::io::{ReadOptions, ReadReport, Table};
    use crate::register::Register;

    /// The workbook read back as a register; anything else fails the test.
    fn read_back(bytes: &[u8], options: &ReadOptions) -> (Register, ReadReport) {
        match read_xlsx(bytes, None, options) {
            Ok(Table::Register(reg, read)) => (reg, read),
            Ok(Table::Panel(..)) => panic!("the template is read as a panel"), // ok: test
            Err(e) => panic!("the template is not read: {e}"),                 // ok: test
        }
    }

    #[test]
    fn the_template_reads_back_as_one_example_coop_with_every_column_known() {
        let bytes = template_register_xlsx(2024, false).unwrap(); // ok: test
        assert_eq!(&bytes[..2], b"PK");
        let keep = ReadOptions {
            keep_template_example: true,
            ..ReadOptions::default()
        };
        let (reg, read) = read_back(&bytes, &keep);
        assert_eq!(read.sheet.as_deref(), Some("Register"));
        assert_eq!(read.columns.len(), 34);
        assert!(read.unknown_columns().is_empty(), "{:?}", read.columns);
        let [k] = reg.records.as_slice() else {
            panic!("{} records", reg.records.len()) // ok: test
        };
        let mark = crate::io::template::EXAMPLE_MARK;
        assert!(k.name.starts_with(mark), "{}", k.name);
        assert_eq!(k.jenis, Some(Jenis::Konsumen));
        assert_eq!(k.location.kecamatan.as_deref(), Some("Bogor Tengah"));
        // By default the example row is rejected, never counted.
        let (none, read) = read_back(&bytes, &ReadOptions::default());
        assert!(none.records.is_empty());
        assert_eq!(read.rejected[0].code, "template_example");
    }

    #[test]
    fn same_arguments_same_bytes_and_the_locale_names_the_sheets() {
        let id = template_register_xlsx(2025, true).unwrap(); // ok: test
        assert_eq!(id, template_register_xlsx(2025, true).unwrap()); // ok: test
        let (_, read) = read_back(&id, &ReadOptions::default());
        assert_eq!(read.sheet.as_deref(), Some("Daftar Koperasi"));
        assert!(read.columns.iter().any(|(h, _)| h == "RAT 2025"));
    }

    #[test]
    fn a_year_outside_the_book_years_is_an_error_not_a_panic() {
        for y in [1899, 2101, i32::MIN] {
            let e = template_register_xlsx(y, true).unwrap_err(); // ok: test
            assert_eq!(e.code(), "export_write");
            assert!(e.to_string().contains("bukan tahun buku"), "{e}");
        }
    }
    /// The KDMP/KKMP template read back: every column known, and the example coop's stages as
    /// written (SK AHU 28 June 2025, building at 60 %: not finished), missing only the approval
    /// of the PMK 49/2025 checklist.
    #[test]
    fn the_kopdes_template_reads_back_with_its_stages() {
        use crate::kopdes::{Checklist, Stage, StallPreset, readiness_report, stages_report};
        let bytes = template_kopdes_xlsx(true).unwrap(); // ok: test
        let keep = ReadOptions {
            keep_template_example: true,
            ..ReadOptions::default()
        };
        let (reg, read) = read_back(&bytes, &keep);
        assert_eq!(read.sheet.as_deref(), Some("Daftar Koperasi"));
        assert_eq!(read.columns.len(), 27);
        assert!(read.unknown_columns().is_empty(), "{:?}", read.columns);
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap(); // ok: test
        let preset = StallPreset::default_preset().unwrap(); // ok: test
        let st = stages_report(&reg.records, as_of, None, &preset);
        let reached = |s: Stage| st.funnel.iter().find(|c| c.stage == s).map(|c| c.reached);
        assert_eq!(reached(Stage::SkAhu), Some(1));
        assert_eq!(reached(Stage::Land), Some(1));
        assert_eq!(reached(Stage::Building), Some(0));
        assert_eq!(reached(Stage::Operating), Some(0));
        let ready = readiness_report(&reg.records, &Checklist::pmk_49_2025().unwrap(), None, None); // ok: test
        assert_eq!(ready.coops[0].missing, ["approval"]);
        assert_eq!(ready.overall.ready, 0);
    }
}
