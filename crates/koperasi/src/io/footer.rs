//! Lines under a register table that describe no cooperative, as offices leave them: a place
//! and date (`Sleman, 10 Januari 2025`), a signature block (`Mengetahui`, `Kepala Dinas ...`,
//! the signer's name, `NIP. 19650101 199003 1 005`), notes (`Keterangan:`, `Catatan:`,
//! `Sumber:`), a total row worded `Jumlah Koperasi`, and a block apart from the data by a blank
//! row.
//!
//! Decided by structure and patterns together, never by a pattern alone, so that a coop named
//! `Koperasi Karyawan Dinas Pendidikan` stays a coop:
//! - a row is **sparse** when at most `max(2, columns / 3)` of its cells are filled and at
//!   least one is empty (a data row fills most of its cells);
//! - a sparse row with a footer pattern in one of its cells starts a held block; so does a
//!   sparse row of one cell after a blank row (in a table of 4 or more columns), unless that
//!   cell starts with a number or names a coop (`Koperasi`, `KSP`, `KUD`, ...);
//! - while a block is held, sparse rows join it (the signer's name has no pattern), once it
//!   holds a footer line other than a total (a total row followed by a nameless row is not a
//!   signature block: both are read as before);
//! - a filled row that is not a total releases the block: its rows are read as data, as
//!   before. A block still held at the end of the file is the footer: its lines are skipped and
//!   listed in [`super::ReadReport::skipped`] (total rows among them are rejected as
//!   `total_row`, as a total row always is).

use super::{ReadReport, Rejection, decode, is_total_label, rejection_label};
use crate::locale::{month_of_word, parse_date};

/// A footer never has more lines than this; a longer held block is released as data.
const MAX_FOOTER_ROWS: usize = 100;

/// Code of a place-and-date line.
const PLACE_DATE: &str = "footer_place_date";
/// Code of a signer's title (`Kepala Dinas ...`, `Mengetahui`, `a.n.`).
const TITLE: &str = "footer_title";
/// Code of an NIP line.
const NIP: &str = "footer_nip";
/// Code of a note (`Keterangan:`, `Catatan:`, `Sumber:`).
const NOTE: &str = "footer_note";
/// Code of any other line of the block (the signer's name, an office, a blank-separated line).
const LINE: &str = "footer_line";
/// Code of a total row.
const TOTAL: &str = "total_row";

/// First words of a signer's title (lower case, dots removed).
const TITLE_WORDS: [&str; 31] = [
    "mengetahui",
    "pimpinan",
    "pada",
    "dinas",
    "pemerintah",
    "menyetujui",
    "disetujui",
    "diketahui",
    "kepala",
    "kadis",
    "kadin",
    "kabid",
    "kasi",
    "kasie",
    "kasubag",
    "kasubbag",
    "sekretaris",
    "plt",
    "plh",
    "an",
    "ub",
    "bupati",
    "walikota",
    "camat",
    "pembina",
    "penata",
    "dibuat",
    "disusun",
    "diperiksa",
    "dikeluarkan",
    "ditetapkan",
];

/// Words that open a note when followed by `:` (or alone in the cell).
const NOTE_WORDS: [&str; 8] = [
    "keterangan",
    "tembusan",
    "ket",
    "catatan",
    "sumber",
    "note",
    "notes",
    "source",
];

/// Parts of a cell that name a cooperative (lower case).
const COOP_WORDS: [&str; 10] = [
    "kop",
    "ksp",
    "kud",
    "ksu",
    "kpri",
    "bmt",
    "kjks",
    "usp",
    "credit union",
    "primer",
];

/// The first word of `cell`, lower case, without dots and a trailing `:` or `,`.
fn first_word(cell: &str) -> String {
    let w = cell
        .split(|c: char| c.is_whitespace() || c == ':' || c == ',')
        .next()
        .unwrap_or("");
    w.chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// `Sleman, 10 Januari 2025`, `Bogor,     Desember 2024`: a short place name without digits,
/// a comma, then a date or a month and a year.
fn is_place_date(cell: &str) -> bool {
    let Some((place, when)) = cell.rsplit_once(',') else {
        return false;
    };
    let place = place.trim();
    let short = !place.is_empty()
        && place.split_whitespace().count() <= 4
        && !place.chars().any(|c| c.is_ascii_digit());
    if !short {
        return false;
    }
    let when = when.trim();
    if parse_date(when).is_ok() {
        return true;
    }
    // A month and a 4-digit year, the day left blank to fill in by hand.
    let words: Vec<&str> = when
        .split(|c: char| c.is_whitespace() || c == '.' || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let year = words
        .last()
        .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    year && words.iter().any(|w| month_of_word(w).is_some())
}

/// The footer code of one cell, if it has a footer pattern.
fn cell_code(cell: &str) -> Option<&'static str> {
    let first = first_word(cell);
    if is_place_date(cell) {
        return Some(PLACE_DATE);
    }
    if matches!(first.as_str(), "nip" | "nrp" | "nip/nrp") {
        return Some(NIP);
    }
    if is_total_label(cell) || matches!(first.as_str(), "jumlah" | "total") {
        return Some(TOTAL);
    }
    let rest = cell
        .trim_start()
        .get(first.len()..)
        .unwrap_or("")
        .trim_start();
    let word_alone = cell.trim().trim_end_matches([':', '.', ',']).len() <= first.len() + 1;
    if NOTE_WORDS.contains(&first.as_str()) && (rest.starts_with([':', '.']) || word_alone) {
        return Some(NOTE);
    }
    if cell.trim_start().starts_with("*)") {
        return Some(NOTE);
    }
    if TITLE_WORDS.contains(&first.as_str()) {
        return Some(TITLE);
    }
    None
}

/// True for the cells of a total row: its label (`Jumlah`, `Jumlah Koperasi`, `TOTAL`) or a
/// figure (`165`, `1.325`, `12,5 %`, `-`).
fn is_total_or_number(cell: &str) -> bool {
    matches!(first_word(cell).as_str(), "jumlah" | "total")
        || is_total_label(cell)
        || cell
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '%' | ' ' | '\u{a0}'))
}

/// True when a cell names a cooperative (`Koperasi ...`, `KSP ...`, `Primkop ...`).
fn names_a_coop(cell: &str) -> bool {
    let t = cell.to_lowercase();
    COOP_WORDS.iter().any(|w| t.contains(w))
}

/// A row held as a possible footer line.
struct Held<T> {
    item: T,
    line: u64,
    fields: Vec<String>,
    /// The first filled cell.
    value: String,
    code: &'static str,
}

/// What [`Tail::offer`] did with a row.
pub(crate) enum Offer<T> {
    /// Not a footer line: read it as data now.
    Pass(T),
    /// Held as a possible footer line.
    Held,
    /// The rows held were data after all: read them, then this one, in this order.
    Release(Vec<T>, T),
}

/// Watches the rows of a register in file order and holds back those that may be its footer
/// (see the module documentation). `T` is what the reader made of each row.
pub(crate) struct Tail<T> {
    /// Columns of the header.
    width: usize,
    held: Vec<Held<T>>,
    /// The rows held include a footer line other than a total (a signature, a note): only then
    /// does a row without a pattern join them (the signer's name).
    signature: bool,
    /// The last line of the previous row (0 before the first).
    prev_end: u64,
}

impl<T> Tail<T> {
    /// A tail for a table of `width` header columns.
    pub(crate) fn new(width: usize) -> Self {
        Tail {
            width,
            held: Vec::new(),
            signature: false,
            prev_end: 0,
        }
    }

    /// Take the next row (`raw` as read, starting at `line`) and what the reader made of it.
    pub(crate) fn offer(&mut self, item: T, raw: &csv::ByteRecord, line: u64) -> Offer<T> {
        let gap = self.prev_end > 0 && line > self.prev_end + 1;
        let breaks = memchr::memchr_iter(b'\n', raw.as_slice()).count() as u64;
        self.prev_end = line + breaks;
        let filled = raw.iter().filter(|c| !c.trim_ascii().is_empty()).count();
        let sparse = filled <= (self.width / 3).max(2) && filled < self.width.max(raw.len());
        let holding = !self.held.is_empty();
        if !sparse && !Self::first_is_total_word(raw) {
            return self.release(item);
        }
        let cells: Vec<String> = raw.iter().map(decode).collect();
        let filled_cells: Vec<&str> = cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        let code = match filled_cells.iter().find_map(|c| cell_code(c)) {
            // `Total Jaya, Mlati`: a coop whose name starts with the word, not a total.
            Some(TOTAL) if !filled_cells.iter().all(|c| is_total_or_number(c)) => None,
            c => c,
        };
        let code = match code {
            Some(TOTAL) => Some(TOTAL),
            _ if !sparse => return self.release(item),
            Some(c) => Some(c),
            None if holding && self.signature => Some(LINE),
            None => {
                let lone = filled_cells.len() == 1 && self.width >= 4;
                let starts_with_number = filled_cells
                    .first()
                    .is_some_and(|c| c.starts_with(|ch: char| ch.is_ascii_digit()));
                (gap && lone
                    && !starts_with_number
                    && !filled_cells.iter().any(|c| names_a_coop(c)))
                .then_some(LINE)
            }
        };
        let Some(code) = code else {
            return self.release(item);
        };
        if self.held.len() >= MAX_FOOTER_ROWS {
            return self.release(item);
        }
        let value = filled_cells
            .first()
            .map(|c| c.to_string())
            .unwrap_or_default();
        self.signature |= code != TOTAL;
        self.held.push(Held {
            item,
            line,
            fields: cells,
            value,
            code,
        });
        Offer::Held
    }

    /// True when the first filled cell of `raw` starts with the word `jumlah` or `total`
    /// (`Jumlah Koperasi`, `TOTAL KOPERASI AKTIF`): a total row, whatever else it holds.
    fn first_is_total_word(raw: &csv::ByteRecord) -> bool {
        raw.iter()
            .find(|c| !c.trim_ascii().is_empty())
            .is_some_and(|c| {
                let c = c.trim_ascii();
                c.len() >= 5
                    && matches!(c.first().map(u8::to_ascii_lowercase), Some(b'j' | b't'))
                    && matches!(first_word(&decode(c)).as_str(), "jumlah" | "total")
            })
    }

    /// Release the rows held (none, usually) before `item`.
    fn release(&mut self, item: T) -> Offer<T> {
        if self.held.is_empty() {
            Offer::Pass(item)
        } else {
            self.signature = false;
            let held = std::mem::take(&mut self.held);
            Offer::Release(held.into_iter().map(|h| h.item).collect(), item)
        }
    }

    /// Release every row held, in order (when the end of the file shows they were data).
    pub(crate) fn release_all(&mut self) -> Vec<T> {
        self.signature = false;
        std::mem::take(&mut self.held)
            .into_iter()
            .map(|h| h.item)
            .collect()
    }

    /// At the end of the file: the footer lines held, each with what the reader made of it and
    /// why it is skipped (code `total_row` for a total row).
    pub(crate) fn finish(self) -> Vec<(T, Rejection)> {
        self.held
            .into_iter()
            .map(|h| {
                let reason = match h.code {
                    TOTAL => "a total row under the table, not a cooperative".to_string(),
                    code => rejection_label(code).map_or(code, |(en, _)| en).to_string(),
                };
                let rej = Rejection {
                    line: h.line,
                    column: None,
                    value: Some(h.value),
                    code: h.code.to_string(),
                    reason,
                    fields: h.fields,
                    cell: None,
                };
                (h.item, rej)
            })
            .collect()
    }
}

/// Put the footer lines found by [`Tail::finish`] in `report`: a total row is rejected
/// (`total_row`: the reader's own rejection of the row when `rejection` gives one), every
/// other line is listed in [`ReadReport::skipped`] and taken out of `rows_read`, so that
/// `accepted + rejected.len() == rows_read` still holds.
pub(crate) fn skip<T>(
    report: &mut ReadReport,
    footer: Vec<(T, Rejection)>,
    rejection: impl Fn(T) -> Option<Rejection>,
) {
    for (item, line) in footer {
        if line.code == TOTAL {
            report.rejected.push(rejection(item).unwrap_or(line));
        } else {
            report.rows_read = report.rows_read.saturating_sub(1);
            report.skipped.push(line);
        }
    }
}

/// The read report's note on `n` date cells that held a spreadsheet's empty date;
/// `None` when there were none.
pub(crate) fn placeholder_note(n: u64) -> Option<super::ReadNote> {
    (n > 0).then_some(super::ReadNote::PlaceholderDates { count: n })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::{LINE, NIP, NOTE, Offer, PLACE_DATE, TITLE, TOTAL, Tail, cell_code};

    #[test]
    fn patterns_of_one_cell() {
        for (cell, want) in [
            ("Sleman, 10 Januari 2025", Some(PLACE_DATE)),
            ("Bogor,    Desember 2024", Some(PLACE_DATE)),
            ("Kota Bogor, 31 Des. 2024", Some(PLACE_DATE)),
            ("Kepala Dinas Koperasi dan UKM", Some(TITLE)),
            ("KEPALA BIDANG KOPERASI,", Some(TITLE)),
            ("Mengetahui,", Some(TITLE)),
            ("a.n. Kepala Dinas", Some(TITLE)),
            ("Plt. Kepala Dinas", Some(TITLE)),
            ("NIP. 19650101 199003 1 005", Some(NIP)),
            ("NIP : 19650101 199003 1 005", Some(NIP)),
            ("Keterangan:", Some(NOTE)),
            ("Catatan : data sementara", Some(NOTE)),
            ("Sumber: Dinas Koperasi", Some(NOTE)),
            ("*) belum RAT", Some(NOTE)),
            ("Tembusan :", Some(NOTE)),
            ("Pada Tanggal : 10 Januari 2025", Some(TITLE)),
            ("Dikeluarkan di : Sleman", Some(TITLE)),
            ("u.b. Sekretaris", Some(TITLE)),
            ("JUMLAH", Some(TOTAL)),
            ("Jumlah Koperasi", Some(TOTAL)),
            // Cooperatives and places, not footers.
            ("Koperasi Karyawan Dinas Pendidikan", None),
            ("KPRI Kepala Sekolah", None),
            ("Sumber Rejeki", None),
            ("Sumber Makmur Jaya", None),
            ("KSP Maju, Bersama", None),
            ("Jl. Magelang, 10", None),
            ("Drs. BUDI SANTOSO, M.Si", None),
        ] {
            assert_eq!(cell_code(cell), want, "{cell}");
        }
    }

    fn rec(cells: &[&str]) -> csv::ByteRecord {
        csv::ByteRecord::from(cells.to_vec())
    }

    /// Offer rows (line, cells) of a 6-column table; the lines held at the end with codes.
    fn run(rows: &[(u64, &[&str])]) -> (Vec<u64>, Vec<(u64, String)>) {
        let mut tail = Tail::new(6);
        let mut passed = Vec::new();
        for (line, cells) in rows {
            match tail.offer(*line, &rec(cells), *line) {
                Offer::Pass(l) => passed.push(l),
                Offer::Held => {}
                Offer::Release(held, l) => {
                    passed.extend(held);
                    passed.push(l);
                }
            }
        }
        let skipped = tail
            .finish()
            .into_iter()
            .map(|(l, r)| (l, r.code))
            .collect();
        (passed, skipped)
    }

    #[test]
    fn a_signature_block_at_the_end_is_held() {
        let data: &[&str] = &["1", "KSP Maju", "Jl. A", "Depok", "2010", "ya"];
        let (passed, skipped) = run(&[
            (2, data),
            (3, data),
            (5, &["", "", "", "", "Sleman, 10 Januari 2025", ""]),
            (6, &["", "", "", "", "Kepala Dinas", ""]),
            (9, &["", "", "", "", "Drs. BUDI SANTOSO", ""]),
            (10, &["", "", "", "", "NIP. 19650101 199003 1 005", ""]),
        ]);
        assert_eq!(passed, [2, 3]);
        let codes: Vec<(u64, &str)> = skipped.iter().map(|(l, c)| (*l, c.as_str())).collect();
        assert_eq!(codes, [(5, PLACE_DATE), (6, TITLE), (9, LINE), (10, NIP)]);
    }

    #[test]
    fn a_held_block_followed_by_data_is_data() {
        let data: &[&str] = &["1", "KSP Maju", "Jl. A", "Depok", "2010", "ya"];
        let (passed, skipped) = run(&[
            (2, data),
            (3, &["", "Keterangan:", "", "", "", ""]),
            (4, &["", "Kop Melati", "", "", "", ""]),
            (5, data),
        ]);
        assert_eq!(passed, [2, 3, 4, 5]);
        assert!(skipped.is_empty());
    }

    #[test]
    fn a_lone_cell_after_a_blank_row_unless_it_names_a_coop() {
        let data: &[&str] = &["1", "KSP Maju", "Jl. A", "Depok", "2010", "ya"];
        let (passed, skipped) = run(&[
            (2, data),
            (4, &["", "Dinas Koperasi Kab. Sleman", "", "", "", ""]),
        ]);
        assert_eq!((passed, skipped.len()), (vec![2], 1));
        let (passed, skipped) = run(&[
            (2, data),
            (4, &["", "Koperasi Karyawan Dinas Sosial", "", "", "", ""]),
        ]);
        assert_eq!((passed, skipped.len()), (vec![2, 4], 0));
        // A last coop whose name starts with `Total` is no total row.
        let (passed, skipped) = run(&[(2, data), (3, &["", "Total Jaya", "", "Mlati", "", ""])]);
        assert_eq!((passed, skipped.len()), (vec![2, 3], 0));
        let (passed, skipped) = run(&[
            (2, data),
            (3, &["", "Jumlah Koperasi", "", "", "1.325", ""]),
        ]);
        assert_eq!((passed, skipped.len()), (vec![2], 1));
        // Without the blank row, a lone cell without a pattern is data.
        let (passed, _) = run(&[(2, data), (3, &["", "Maju Jaya", "", "", "", ""])]);
        assert_eq!(passed, [2, 3]);
    }
}
