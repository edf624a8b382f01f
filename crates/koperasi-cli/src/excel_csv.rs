//! CSV for a spreadsheet set to Indonesian (`--format csv --locale id`): `;` between fields,
//! `,` as the decimal mark, a UTF-8 byte-order mark first (so Excel reads the text as UTF-8),
//! Indonesian headers (`Periode`, `Tidak aktif`) and values (`Aktif`, `ya`/`tidak`). Excel
//! under an Indonesian locale splits such a file into columns when it is opened by a
//! double-click. `--locale en` keeps the plain CSV of [`crate::render::csv_out`].
//!
//! The cells are made safe by the same rule as every CSV ([`crate::render::csv_cell`]).

use crate::labels::Labels;
use crate::render;
use koperasi::io::safe::CellKind;
use koperasi::register::Field;

/// The UTF-8 byte-order mark that starts an Excel CSV.
pub const BOM: char = '\u{feff}';

/// How the values of one of our columns are written in Indonesian.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Values {
    /// As they are (counts, names, lines).
    Plain,
    /// A decimal: `.` becomes `,`.
    Decimal,
    /// `true`/`false` become `ya`/`tidak`.
    Bool,
    /// A breakdown key (status code, jenis code): its label.
    Key(Field),
    /// A kind of problem of `koperasi check`.
    Problem,
}

/// The Indonesian header and value rule of a column code of our CSVs.
fn column(code: &str, l: &Labels) -> Option<(String, Values)> {
    if let Some(f) = Field::parse(code) {
        return Some((render::field_label(l, f).to_string(), Values::Key(f)));
    }
    let (header, values) = match code {
        "period" => ("Periode", Values::Plain),
        "regions" => ("Jumlah wilayah", Values::Plain),
        "aktif" => ("Aktif", Values::Plain),
        "tidak_aktif" => ("Tidak aktif", Values::Plain),
        "total" => ("Jumlah", Values::Plain),
        "change" => ("Perubahan", Values::Plain),
        "pct_change" => ("% perubahan", Values::Decimal),
        "active_share" => ("% aktif", Values::Decimal),
        "summed" => ("Wilayah dijumlahkan", Values::Plain),
        "total_rows" => ("Baris jumlah (tidak dijumlahkan)", Values::Plain),
        "comparable" => ("Sebanding", Values::Bool),
        "count" => ("Jumlah", Values::Plain),
        "line" => ("Baris", Values::Plain),
        "source_id" => ("ID sumber", Values::Plain),
        "name" => ("Nama", Values::Plain),
        "region" => ("Wilayah", Values::Plain),
        "reason_codes" => ("Kode alasan", Values::Plain),
        "reasons" => ("Alasan (bahasa Inggris)", Values::Plain),
        "reasons_id" => ("Alasan", Values::Plain),
        "identified" => ("Teridentifikasi", Values::Bool),
        "latest_rat_book_year" => ("Tahun buku RAT terakhir", Values::Plain),
        "kind" => ("Jenis masalah", Values::Problem),
        "column" => ("Kolom", Values::Plain),
        "value" => ("Nilai", Values::Plain),
        "code" => ("Kode", Values::Plain),
        "reason" => ("Alasan", Values::Plain),
        _ => return None,
    };
    Some((header.to_string(), values))
}

fn value(v: &str, rule: Values, l: &Labels) -> String {
    match rule {
        _ if v.is_empty() => String::new(),
        Values::Plain => v.to_string(),
        Values::Decimal => v.replace('.', ","),
        Values::Bool => match v {
            "true" => "ya".into(),
            "false" => "tidak".into(),
            other => other.into(),
        },
        Values::Key(f) => render::key_label(l, f, &Some(v.to_string())),
        Values::Problem => match v {
            "rejected_row" => "baris ditolak",
            "cell_error" => "sel tak terbaca",
            "unresolved_region" => "wilayah tak dikenal",
            "duplicate" => "kemungkinan duplikat",
            "finding" => "temuan",
            other => other,
        }
        .into(),
    }
}

/// `rows` (header first, our stable codes as headers) in Indonesian: the first `ours` columns
/// get Indonesian headers and values; the columns after them (a file's own columns, carried
/// along) are left exactly as they are.
pub fn localise(rows: &[Vec<String>], ours: usize, l: &Labels) -> Vec<Vec<String>> {
    let Some(header) = rows.first() else {
        return Vec::new();
    };
    let rules: Vec<Option<(String, Values)>> = header
        .iter()
        .enumerate()
        .map(|(i, h)| if i < ours { column(h, l) } else { None })
        .collect();
    let mut out = Vec::with_capacity(rows.len());
    out.push(
        header
            .iter()
            .zip(&rules)
            .map(|(h, r)| r.as_ref().map_or_else(|| h.clone(), |(id, _)| id.clone()))
            .collect(),
    );
    for row in rows.iter().skip(1) {
        out.push(
            row.iter()
                .enumerate()
                .map(|(i, v)| match rules.get(i) {
                    Some(Some((_, rule))) => value(v, *rule, l),
                    _ => v.clone(),
                })
                .collect(),
        );
    }
    out
}

/// Rows as `;`-separated CSV, `\n` line ends (Excel reads them; a `\r` would be escaped by
/// the terminal rule of the output) and no byte-order mark: [`BOM`] is put first by the caller, before
/// any comment line), every cell made safe by [`render::csv_cell`] with the kind `kind(row, column)`.
pub fn write(
    rows: &[Vec<String>],
    kind: impl Fn(usize, usize) -> CellKind,
) -> Result<String, crate::Failure> {
    render::csv_with(rows, kind, b';', csv::Terminator::Any(b'\n'))
}

/// A whole CSV output for `l`: in Indonesian the byte-order mark first, in English as it is.
pub fn finish(l: &Labels, text: String) -> String {
    if l.id { format!("{BOM}{text}") } else { text }
}
