//! `--format xlsx`: a [`Book`] as an Excel workbook (rust_xlsxwriter). The first sheet,
//! "Catatan" / "Notes", says where the figures come from; then one sheet per section, its
//! header row bold and frozen, columns sized to their content.
//!
//! Cells: text is always written as a text cell, never as a formula, with the "quote prefix"
//! style when a spreadsheet program would otherwise run it once edited
//! ([`koperasi::io::safe::is_dangerous`], the rule every writer applies); counts, decimals and
//! percentages are number cells; money is a number cell in rupiah, `sen / 100` (the double
//! nearest the exact amount, as Excel stores a typed amount), shown with 2 decimals; it reads
//! back to the same sen up to Rp 10 triliun (Excel's 15 significant digits).
//!
//! Number formats: `#,##0`, `#,##0.00`, `0.00`; under `--locale id` they carry the Indonesian
//! locale tag `[$-421]` and money the `Rp` sign, so a spreadsheet shows `Rp 1.234.567,89`
//! where it follows the format's locale (LibreOffice; Excel uses the computer's separators).

use crate::Failure;
use crate::book::{Book, Cell, ChartKind, Section};
use koperasi::io::safe::is_dangerous;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

/// The largest column width set, in characters (longer text wraps in the cell).
const MAX_WIDTH: usize = 60;

/// The formats of one workbook.
struct Formats {
    header: Format,
    header_quoted: Format,
    text: Format,
    quoted: Format,
    int: Format,
    dec: [Format; 5],
    pct: Format,
    money: Format,
}

impl Formats {
    fn new(id: bool) -> Formats {
        let tag = if id { "[$-421]" } else { "" };
        let num = |code: &str| Format::new().set_num_format(format!("{tag}{code}"));
        let dec = [0u8, 1, 2, 3, 4].map(|p| match p {
            0 => num("0"),
            p => num(&format!("0.{}", "0".repeat(usize::from(p)))),
        });
        Formats {
            header: Format::new().set_bold().set_text_wrap(),
            header_quoted: Format::new().set_bold().set_text_wrap().set_quote_prefix(),
            // Long text (reasons, notes with line breaks) wraps within the column.
            text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            quoted: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_quote_prefix(),
            int: num("#,##0"),
            dec,
            pct: num("0.00"),
            money: if id {
                Format::new().set_num_format("[$Rp-421] #,##0.00")
            } else {
                num("#,##0.00")
            },
        }
    }
}

/// The workbook's bytes. The file's creation time is fixed (1 January 2000), so that the same
/// result gives the same bytes.
///
/// Errors: a sheet or cell the XLSX format cannot hold (a text above 32,767 characters, more
/// than 1,048,576 rows), named by sheet and cell.
pub fn workbook(book: &Book) -> Result<Vec<u8>, Failure> {
    let err = |e: XlsxError| Failure(format!("cannot write the workbook: {e}"));
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(err)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let f = Formats::new(book.id);
    let mut names = SheetNames::default();
    let notes = Section {
        title: book.notes_title().to_string(),
        header: if book.id {
            vec!["Butir".into(), "Keterangan".into()]
        } else {
            vec!["Item".into(), "Value".into()]
        },
        rows: book
            .notes
            .iter()
            .map(|(k, v)| vec![Cell::text(k), Cell::text(v)])
            .collect(),
        charts: Vec::new(),
    };
    for s in std::iter::once(&notes).chain(&book.sections) {
        let ws = wb.add_worksheet();
        let name = names.unique(&s.title);
        ws.set_name(&name).map_err(err)?;
        sheet(ws, s, &f).map_err(|e| Failure(format!("sheet `{name}`: {e}")))?;
        charts(ws, &name, s).map_err(|e| Failure(format!("sheet `{name}`: chart: {e}")))?;
    }
    wb.save_to_buffer().map_err(err)
}

/// Write one section on its sheet: header, rows, frozen header, widths.
fn sheet(ws: &mut Worksheet, s: &Section, f: &Formats) -> Result<(), String> {
    let mut widths: Vec<usize> = s.header.iter().map(|h| h.chars().count()).collect();
    for (c, h) in s.header.iter().enumerate() {
        let fmt = if is_dangerous(h) {
            &f.header_quoted
        } else {
            &f.header
        };
        ws.write_string_with_format(0, col(c)?, h, fmt)
            .map_err(|e| format!("header {}: {e}", c + 1))?;
    }
    for (r, row) in s.rows.iter().enumerate() {
        let rn = u32::try_from(r + 1).map_err(|_| "too many rows".to_string())?;
        for (c, cell) in row.iter().enumerate() {
            write_cell(ws, rn, col(c)?, cell, f)
                .map_err(|e| format!("row {}, column {}: {e}", r + 2, c + 1))?;
            let w = cell.plain().chars().count() + 2;
            match widths.get_mut(c) {
                Some(x) => *x = (*x).max(w),
                None => widths.push(w),
            }
        }
    }
    ws.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    for (c, w) in widths.iter().enumerate() {
        let w = (*w).clamp(8, MAX_WIDTH) as f64;
        ws.set_column_width(col(c)?, w).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The section's charts, right of its table, one below the other.
fn charts(ws: &mut Worksheet, sheet: &str, s: &Section) -> Result<(), XlsxError> {
    use rust_xlsxwriter::{Chart, ChartFormat, ChartSolidFill, ChartType};
    let last = u32::try_from(s.rows.len()).unwrap_or(u32::MAX);
    let right = u16::try_from(s.header.len() + 1).unwrap_or(u16::MAX);
    for (i, c) in s.charts.iter().enumerate() {
        let rows = u32::try_from(c.rows).unwrap_or(last).min(last);
        let (Ok(cat), true) = (u16::try_from(c.category), rows > 0) else {
            continue;
        };
        let mut chart = Chart::new(match c.kind {
            ChartKind::Line => ChartType::Line,
            ChartKind::StackedColumn => ChartType::ColumnStacked,
            ChartKind::Bar => ChartType::Bar,
        });
        chart.title().set_name(&c.title);
        for (v, colour) in &c.series {
            let Ok(v) = u16::try_from(*v) else { continue };
            let series = chart
                .add_series()
                .set_categories((sheet, 1, cat, rows, cat))
                .set_values((sheet, 1, v, rows, v))
                .set_name((sheet, 0, v));
            if let Some(colour) = colour {
                series.set_format(
                    ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(*colour)),
                );
            }
        }
        if c.series.len() < 2 {
            chart.legend().set_hidden();
        }
        if c.kind == ChartKind::Bar {
            // The first category on top, as in the table.
            chart.y_axis().set_reverse();
        }
        let at = 1 + 16 * u32::try_from(i).unwrap_or(0);
        ws.insert_chart(at, right, &chart)?;
    }
    Ok(())
}

fn col(c: usize) -> Result<u16, String> {
    u16::try_from(c).map_err(|_| "too many columns".to_string())
}

fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(s) if s.is_empty() => Ok(()),
        Cell::Text(s) => {
            let fmt = if is_dangerous(s) { &f.quoted } else { &f.text };
            ws.write_string_with_format(r, c, s, fmt).map(|_| ())
        }
        Cell::Int(n) => ws
            .write_number_with_format(r, c, *n as f64, &f.int)
            .map(|_| ()),
        Cell::Plain(n) => ws
            .write_number_with_format(r, c, *n as f64, &f.dec[0])
            .map(|_| ()),
        Cell::Dec(x, p) => {
            let fmt = f.dec.get(usize::from(*p)).unwrap_or(&f.pct);
            ws.write_number_with_format(r, c, *x, fmt).map(|_| ())
        }
        Cell::Pct(x) => ws.write_number_with_format(r, c, *x, &f.pct).map(|_| ()),
        Cell::Money(sen) => ws
            .write_number_with_format(r, c, *sen as f64 / 100.0, &f.money)
            .map(|_| ()),
        Cell::Empty => Ok(()),
    }
}

/// Valid, distinct sheet names: at most 31 characters, none of `[]:*?/\`, no `'` at either
/// end, not "History", unique regardless of case (a second `Status` becomes `Status (2)`).
#[derive(Default)]
struct SheetNames {
    taken: Vec<String>,
}

impl SheetNames {
    fn unique(&mut self, title: &str) -> String {
        let clean: String = title
            .chars()
            .map(|c| match c {
                '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '-',
                c if c.is_control() => ' ',
                c => c,
            })
            .collect();
        let mut base = short(clean.trim().trim_matches('\'').trim()).to_string();
        if base.is_empty() || base.eq_ignore_ascii_case("history") {
            base = format!("Sheet {}", self.taken.len() + 1);
        }
        let mut n = 1;
        loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!(" ({n})")
            };
            let keep = 31 - suffix.chars().count();
            let cut: String = base.chars().take(keep).collect();
            let name = format!("{}{suffix}", cut.trim_end().trim_end_matches('\''));
            let lower = name.to_lowercase();
            if !self.taken.iter().any(|t| t.to_lowercase() == lower) {
                self.taken.push(name.clone());
                return name;
            }
            n += 1;
        }
    }
}

/// A title that fits a sheet name (31 characters): as it is when it fits, else without its
/// parenthesis (`Possible duplicates (reported, not removed)`), else cut after a whole word.
fn short(title: &str) -> &str {
    const MAX: usize = 31;
    let fits = |s: &str| s.chars().count() <= MAX;
    if fits(title) {
        return title;
    }
    if let Some((head, _)) = title.split_once(" (") {
        if fits(head) && !head.is_empty() {
            return head;
        }
    }
    let end = title
        .char_indices()
        .take(MAX + 1)
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .last()
        .unwrap_or(title.len());
    title.get(..end).unwrap_or(title).trim_end()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::SheetNames;
    use crate::book::{Book, Cell, Section};
    use calamine::{Data, Reader, Xlsx};
    use proptest::prelude::*;

    /// The cells of the first section's sheet, read back with calamine, and whether the sheet
    /// holds any formula.
    fn read_back(book: &Book) -> (Vec<Vec<Data>>, bool) {
        let Ok(bytes) = super::workbook(book) else {
            return (Vec::new(), true);
        };
        let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let name = wb.sheet_names()[1].clone();
        let rows = wb
            .worksheet_range(&name)
            .unwrap()
            .rows()
            .map(<[Data]>::to_vec)
            .collect();
        let formulas = wb.worksheet_formula(&name).unwrap();
        (rows, formulas.cells().any(|(_, _, f)| !f.is_empty()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any text comes back as the same text, never as a formula; any amount in sen comes
        /// back to the same sen.
        #[test]
        fn text_stays_text_and_money_stays_exact(
            text in "[=+@\\-]?[ -~\u{a0}-\u{17f}]{1,40}",
            // Up to Rp 10 triliun: Excel keeps 15 significant digits.
            sen in -1_000_000_000_000_000i64..1_000_000_000_000_000,
        ) {
            let mut s = Section::new("Data", vec!["text", "money"]);
            s.rows.push(vec![Cell::text(&text), Cell::Money(sen)]);
            let mut book = Book::new(false);
            book.sections.push(s);
            let (rows, formulas) = read_back(&book);
            prop_assert!(!formulas);
            match &rows[1][0] {
                Data::String(got) => prop_assert_eq!(got, &text),
                // A text that is only spaces is kept as a text cell too.
                other => prop_assert!(false, "{other:?}"),
            }
            match rows[1][1] {
                Data::Float(x) => prop_assert_eq!((x * 100.0).round() as i64, sen),
                ref other => prop_assert!(false, "{other:?}"),
            }
        }
    }

    #[test]
    fn sheet_names_are_valid_and_distinct() {
        let mut n = SheetNames::default();
        assert_eq!(n.unique("Status"), "Status");
        assert_eq!(n.unique("status"), "status (2)");
        assert_eq!(
            n.unique("Jumlah menurut Kecamatan x Status x Jenis"),
            "Jumlah menurut Kecamatan x"
        );
        assert_eq!(n.unique("a/b:c?"), "a-b-c-");
        assert_eq!(n.unique("'History'"), "Sheet 5");
        assert_eq!(n.unique(""), "Sheet 6");
        assert_eq!(
            n.unique("Possible duplicates (reported, not removed)"),
            "Possible duplicates"
        );
        assert_eq!(
            n.unique("Pengesahan badan hukum per tahun"),
            "Pengesahan badan hukum per"
        );
        assert_eq!(n.unique(&"x".repeat(40)), "x".repeat(31));
    }
}
