//! What a reader says about a file as a whole ([`ReadNote`]): a stable code, the English text
//! (`Display`, which [`ReadReport::notes`](super::ReadReport::notes) holds) and the Indonesian
//! text ([`ReadNote::message_id`], which
//! [`ReadReport::notes_id`](super::ReadReport::notes_id) holds in the same order).
//!
//! Every `match` lists every variant, so a new note does not compile until it has its
//! Indonesian text.

use chrono::NaiveDate;

/// One note of a read report, with the facts it states.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadNote {
    /// The title block gives a data date other than the one given (which is used).
    TitleDateDiffers {
        /// The date in the title.
        title: NaiveDate,
        /// The title's text.
        text: String,
        /// The date given (used).
        given: NaiveDate,
    },
    /// The file was read as Windows-1252 and converted to UTF-8.
    Windows1252,
    /// The file was UTF-16 (`UTF-16LE`, `UTF-16BE`) and converted to UTF-8.
    Utf16 {
        /// The encoding's name, upper case.
        encoding: String,
    },
    /// A CSV's header is below a title block (lines 1..line-1), which was skipped.
    HeaderBelowTitle {
        /// 1-based line of the header.
        line: u64,
    },
    /// A CSV's delimiter is not the one guessed from its first line.
    DelimiterDiffers {
        /// The delimiter used, as shown (`` `;` ``, `TAB`).
        found: String,
        /// The delimiter guessed first, as shown.
        guessed: String,
    },
    /// A sheet's header is below a title block (rows 1..row-1), which was skipped.
    SheetHeaderBelowTitle {
        /// 1-based row of the header.
        row: u64,
    },
    /// A sheet's header is below blank rows.
    SheetHeaderBelowBlank {
        /// 1-based row of the header.
        row: u64,
    },
    /// Formula cells with no saved value were read as empty.
    FormulasWithoutValue {
        /// How many.
        count: u64,
        /// The first such cell (`B2`).
        first: String,
    },
    /// Two header rows (merged cells above sub-headers) form the header.
    TwoRowHeader {
        /// 1-based row of the first header row.
        row: u64,
    },
    /// Merged cell regions were filled with their top-left value.
    MergedCells {
        /// How many regions.
        count: u64,
    },
    /// Numbers in date columns were read as Excel date serials.
    DateSerials {
        /// How many cells.
        count: u64,
    },
    /// A register with a last-RAT column states no data date.
    NoDataDate,
    /// Date cells held a spreadsheet's empty date and were read as empty.
    PlaceholderDates {
        /// How many cells.
        count: u64,
    },
    /// Under `decimal = auto`, a column's decimal mark was settled from its unambiguous cells.
    DecimalSettled {
        /// The column's header.
        column: String,
        /// True for a decimal comma, false for a decimal point.
        comma: bool,
        /// Cells that read only with that mark.
        cells: u64,
        /// Cells that read only with the other mark (refused).
        other: u64,
    },
    /// Under `decimal = auto`, a column's decimal mark could not be settled.
    DecimalUnsettled {
        /// The column's header.
        column: String,
        /// Cells that read only with a decimal comma.
        comma: u64,
        /// Cells that read only with a decimal point.
        point: u64,
        /// Cells that read both ways (refused as ambiguous).
        both: u64,
    },
    /// A table of counts whose header does not say what its figures count.
    UnnamedMeasure,
    /// Cells of a table of counts with no figure (`n/a`, `-`, empty), left out.
    CellsWithoutFigure {
        /// How many.
        count: u64,
    },
}

fn cells(n: u64) -> &'static str {
    if n == 1 { "cell" } else { "cells" }
}

impl ReadNote {
    /// Stable snake_case code of the note, e.g. `header_below_title`.
    pub fn code(&self) -> &'static str {
        match self {
            ReadNote::TitleDateDiffers { .. } => "title_date_differs",
            ReadNote::Windows1252 => "encoding_windows_1252",
            ReadNote::Utf16 { .. } => "encoding_utf16",
            ReadNote::HeaderBelowTitle { .. } => "header_below_title",
            ReadNote::DelimiterDiffers { .. } => "delimiter_differs",
            ReadNote::SheetHeaderBelowTitle { .. } => "sheet_header_below_title",
            ReadNote::SheetHeaderBelowBlank { .. } => "sheet_header_below_blank",
            ReadNote::FormulasWithoutValue { .. } => "formulas_without_value",
            ReadNote::TwoRowHeader { .. } => "two_row_header",
            ReadNote::MergedCells { .. } => "merged_cells",
            ReadNote::DateSerials { .. } => "date_serials",
            ReadNote::NoDataDate => "no_data_date",
            ReadNote::PlaceholderDates { .. } => "placeholder_dates",
            ReadNote::DecimalSettled { .. } => "decimal_settled",
            ReadNote::DecimalUnsettled { .. } => "decimal_unsettled",
            ReadNote::UnnamedMeasure => "unnamed_measure",
            ReadNote::CellsWithoutFigure { .. } => "cells_without_figure",
        }
    }

    /// The note in Indonesian (the English one is the `Display`), with the same facts.
    pub fn message_id(&self) -> String {
        match self {
            ReadNote::TitleDateDiffers { title, text, given } => format!(
                "judul menyebut data per {title} (`{text}`); tanggal yang diberikan, {given}, \
                 yang dipakai"
            ),
            ReadNote::Windows1252 => "berkas bukan UTF-8: dibaca sebagai Windows-1252 (pengodean \
                                      \"CSV\" Excel di Windows) dan diubah ke UTF-8"
                .to_string(),
            ReadNote::Utf16 { encoding } => {
                format!("berkas berpengodean {encoding} (\"Unicode Text\" Excel): diubah ke UTF-8")
            }
            ReadNote::HeaderBelowTitle { line } => format!(
                "judul kolom ada di baris {line}; baris 1-{} di atasnya (blok judul) dilewati",
                line.saturating_sub(1)
            ),
            ReadNote::DelimiterDiffers { found, guessed } => format!(
                "kolom dipisahkan oleh {found}, bukan oleh {guessed} yang diduga dari judul kolom"
            ),
            ReadNote::SheetHeaderBelowTitle { row } => format!(
                "judul kolom ada di baris {row}; baris 1-{} di atasnya (blok judul) dilewati",
                row.saturating_sub(1)
            ),
            ReadNote::SheetHeaderBelowBlank { row } => {
                format!("judul kolom ada di baris {row}; baris di atasnya kosong")
            }
            ReadNote::FormulasWithoutValue { count, first } => format!(
                "{count} sel rumus tidak menyimpan nilai (berkas tidak terakhir disimpan oleh \
                 spreadsheet yang menghitungnya) dan dibaca sebagai kosong; yang pertama {first}"
            ),
            ReadNote::TwoRowHeader { row } => format!(
                "baris {row}-{} membentuk judul kolom dua baris (sel gabungan di atas sub-judul)",
                row + 1
            ),
            ReadNote::MergedCells { count } => {
                format!("{count} wilayah sel gabungan diisi dengan nilai sel kiri atasnya")
            }
            ReadNote::DateSerials { count } => format!(
                "{count} angka di kolom tanggal dibaca sebagai nomor seri tanggal Excel \
                 (mis. 43775 = 2019-11-06)"
            ),
            ReadNote::NoDataDate => "register tidak menyebutkan tanggal data (tidak ada \
                                     `Keadaan s/d ...` atau `per tanggal ...` di atas judul \
                                     kolom, tidak ada --data-as-of): kolom RAT terakhir \
                                     dianggap terkini pada tanggal penilaian (tidak ada RAT lain \
                                     sampai tanggal itu); berikan --data-as-of TANGGAL bila \
                                     register lebih lama"
                .to_string(),
            ReadNote::PlaceholderDates { count } => format!(
                "{count} sel tanggal berisi tanggal kosong dari spreadsheet (`00/01/1900`, \
                 `0/0/0000`, `0000-00-00`, serial 0) dan dibaca sebagai kosong"
            ),
            ReadNote::DecimalSettled {
                column,
                comma,
                cells,
                other,
            } => {
                let (mark, other_mark) = if *comma {
                    ("koma", "titik")
                } else {
                    ("titik", "koma")
                };
                let mut s = format!(
                    "kolom `{column}`: tanda desimal {mark} (dari {cells} sel yang tidak bermakna \
                     ganda)"
                );
                if *other > 0 {
                    s.push_str(&format!(
                        "; {other} sel yang ditulis dengan desimal {other_mark} ditolak"
                    ));
                }
                s
            }
            ReadNote::DecimalUnsettled {
                column,
                comma,
                point,
                both,
            } => format!(
                "kolom `{column}`: tanda desimal tidak dapat ditentukan ({comma} sel hanya \
                 terbaca dengan desimal koma, {point} hanya dengan desimal titik); {both} sel \
                 yang terbaca dua cara (seperti `1.500` atau `1,500`) ditolak karena bermakna \
                 ganda: atur `decimal` ke `comma` atau `point`"
            ),
            ReadNote::UnnamedMeasure => "judul kolom tidak menyebut apa yang dihitung: dibaca \
                                         sebagai ukuran `value` (tidak dijumlahkan sebagai \
                                         koperasi)"
                .to_string(),
            ReadNote::CellsWithoutFigure { count } => {
                format!("{count} sel tanpa angka (`n/a`, `-`, kosong) dilewati")
            }
        }
    }
}

impl std::fmt::Display for ReadNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadNote::TitleDateDiffers { title, text, given } => write!(
                f,
                "the title says the data are as of {title} (`{text}`); the date given, {given}, \
                 was used"
            ),
            ReadNote::Windows1252 => f.write_str(
                "the file is not UTF-8: it was read as Windows-1252 (the encoding of Excel's \
                 \"CSV\" on Windows) and converted to UTF-8",
            ),
            ReadNote::Utf16 { encoding } => write!(
                f,
                "the file is {encoding} (Excel's \"Unicode Text\"): it was converted to UTF-8"
            ),
            ReadNote::HeaderBelowTitle { line } => write!(
                f,
                "the header is on line {line}; lines 1-{} above it (a title block) were skipped",
                line.saturating_sub(1)
            ),
            ReadNote::DelimiterDiffers { found, guessed } => write!(
                f,
                "the columns are separated by {found}, not by the {guessed} guessed from the header"
            ),
            ReadNote::SheetHeaderBelowTitle { row } => write!(
                f,
                "the header is on row {row}; rows 1-{} above it (a title block) were skipped",
                row.saturating_sub(1)
            ),
            ReadNote::SheetHeaderBelowBlank { row } => {
                write!(f, "the header is on row {row}; the rows above it are blank")
            }
            ReadNote::FormulasWithoutValue { count, first } => write!(
                f,
                "{count} formula cell(s) have no saved value (the file was not last saved by a \
                 spreadsheet that computes them) and were read as empty; the first is {first}"
            ),
            ReadNote::TwoRowHeader { row } => write!(
                f,
                "rows {row}-{} form a two-row header (merged cells above sub-headers)",
                row + 1
            ),
            ReadNote::MergedCells { count } => write!(
                f,
                "{count} merged cell region(s) were filled with their top-left value"
            ),
            ReadNote::DateSerials { count } => write!(
                f,
                "{count} number(s) in date columns were read as Excel date serials (e.g. 43775 = \
                 2019-11-06)"
            ),
            ReadNote::NoDataDate => f.write_str(
                "the register states no data date (no `Keadaan s/d ...` or `per tanggal ...` \
                 above the header, no --data-as-of): its last-RAT column is taken as current on \
                 the assessment date (no later RAT held up to then); give --data-as-of DATE if \
                 the register is older",
            ),
            ReadNote::PlaceholderDates { count } => write!(
                f,
                "{count} date cell(s) held a spreadsheet's empty date (`00/01/1900`, `0/0/0000`, \
                 `0000-00-00`, serial 0) and were read as empty"
            ),
            ReadNote::DecimalSettled {
                column,
                comma,
                cells: n,
                other,
            } => {
                let (mark, other_mark) = if *comma {
                    ("comma", "point")
                } else {
                    ("point", "comma")
                };
                write!(
                    f,
                    "column `{column}`: decimal {mark} (from {n} unambiguous {})",
                    cells(*n)
                )?;
                if *other > 0 {
                    write!(
                        f,
                        "; {other} {} written with a decimal {other_mark} are refused",
                        cells(*other)
                    )?;
                }
                Ok(())
            }
            ReadNote::DecimalUnsettled {
                column,
                comma,
                point,
                both,
            } => {
                let (reads, are) = if *both == 1 {
                    ("reads", "is")
                } else {
                    ("read", "are")
                };
                write!(
                    f,
                    "column `{column}`: decimal mark not settled ({comma} {} read only with a \
                     decimal comma, {point} only with a decimal point); {both} {} that {reads} \
                     both ways (such as `1.500` or `1,500`) {are} refused as ambiguous: set \
                     `decimal` to `comma` or `point`",
                    cells(*comma),
                    cells(*both)
                )
            }
            ReadNote::UnnamedMeasure => f.write_str(
                "the header does not say what the figures count: read as the measure `value` \
                 (not summed as coops)",
            ),
            ReadNote::CellsWithoutFigure { count } => write!(
                f,
                "{count} cells hold no figure (`n/a`, `-` or empty) and were left out"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    //! Every note has an Indonesian text that is not empty and not the English one; `variant`
    //! has no wildcard, so a new note fails to compile until numbered, then fails the test
    //! until it has a sample.
    #![allow(clippy::unwrap_used)]
    use super::ReadNote;
    use chrono::NaiveDate;
    use std::collections::BTreeSet;

    fn samples() -> Vec<ReadNote> {
        let date = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        let s = |x: &str| x.to_string();
        vec![
            ReadNote::TitleDateDiffers {
                title: date,
                text: s("Keadaan s/d 31 Desember 2024"),
                given: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
            },
            ReadNote::Windows1252,
            ReadNote::Utf16 {
                encoding: s("UTF-16LE"),
            },
            ReadNote::HeaderBelowTitle { line: 4 },
            ReadNote::DelimiterDiffers {
                found: s("`;`"),
                guessed: s("`,`"),
            },
            ReadNote::SheetHeaderBelowTitle { row: 5 },
            ReadNote::SheetHeaderBelowBlank { row: 3 },
            ReadNote::FormulasWithoutValue {
                count: 2,
                first: s("B2"),
            },
            ReadNote::TwoRowHeader { row: 6 },
            ReadNote::MergedCells { count: 3 },
            ReadNote::DateSerials { count: 9 },
            ReadNote::NoDataDate,
            ReadNote::PlaceholderDates { count: 1 },
            ReadNote::DecimalSettled {
                column: s("simpanan_wajib"),
                comma: true,
                cells: 2,
                other: 1,
            },
            ReadNote::DecimalUnsettled {
                column: s("anggota"),
                comma: 1,
                point: 1,
                both: 3,
            },
            ReadNote::UnnamedMeasure,
            ReadNote::CellsWithoutFigure { count: 4 },
        ]
    }

    fn variant(n: &ReadNote) -> usize {
        match n {
            ReadNote::TitleDateDiffers { .. } => 0,
            ReadNote::Windows1252 => 1,
            ReadNote::Utf16 { .. } => 2,
            ReadNote::HeaderBelowTitle { .. } => 3,
            ReadNote::DelimiterDiffers { .. } => 4,
            ReadNote::SheetHeaderBelowTitle { .. } => 5,
            ReadNote::SheetHeaderBelowBlank { .. } => 6,
            ReadNote::FormulasWithoutValue { .. } => 7,
            ReadNote::TwoRowHeader { .. } => 8,
            ReadNote::MergedCells { .. } => 9,
            ReadNote::DateSerials { .. } => 10,
            ReadNote::NoDataDate => 11,
            ReadNote::PlaceholderDates { .. } => 12,
            ReadNote::DecimalSettled { .. } => 13,
            ReadNote::DecimalUnsettled { .. } => 14,
            ReadNote::UnnamedMeasure => 15,
            ReadNote::CellsWithoutFigure { .. } => 16,
        }
    }

    #[test]
    fn every_note_has_its_indonesian_text_and_a_unique_code() {
        let all = samples();
        let seen: BTreeSet<usize> = all.iter().map(variant).collect();
        assert_eq!(seen, (0..17).collect(), "a note has no sample");
        let codes: BTreeSet<&str> = all.iter().map(ReadNote::code).collect();
        assert_eq!(codes.len(), all.len(), "two notes share a code");
        for n in &all {
            let (en, id) = (n.to_string(), n.message_id());
            assert!(!id.trim().is_empty(), "{}", n.code());
            assert_ne!(en, id, "{}", n.code());
        }
    }

    #[test]
    fn notes_state_the_same_facts() {
        let n = ReadNote::DecimalSettled {
            column: "simpanan_wajib".into(),
            comma: true,
            cells: 2,
            other: 1,
        };
        assert_eq!(
            n.to_string(),
            "column `simpanan_wajib`: decimal comma (from 2 unambiguous cells); 1 cell written \
             with a decimal point are refused"
        );
        assert_eq!(
            n.message_id(),
            "kolom `simpanan_wajib`: tanda desimal koma (dari 2 sel yang tidak bermakna ganda); \
             1 sel yang ditulis dengan desimal titik ditolak"
        );
        let mut r = super::super::ReadReport::default();
        r.add_note(ReadNote::HeaderBelowTitle { line: 4 });
        assert_eq!(
            r.notes_in(false),
            ["the header is on line 4; lines 1-3 above it (a title block) were skipped"]
        );
        assert_eq!(
            r.notes_in(true),
            ["judul kolom ada di baris 4; baris 1-3 di atasnya (blok judul) dilewati"]
        );
    }

    /// Every rejection label and status reason label has an Indonesian text of its own (a new
    /// code without one fails here).
    #[test]
    fn every_label_has_its_indonesian_text() {
        let rejections = super::super::REJECTION_LABELS
            .iter()
            .map(|(c, en, id)| (c, en, id));
        let reasons = crate::status::REASONS.iter().map(|(c, id, en)| (c, en, id));
        for (code, en, id) in rejections.chain(reasons) {
            assert!(!id.trim().is_empty(), "{code}: no Indonesian label");
            assert_ne!(en, id, "{code}: the Indonesian label is the English one");
        }
    }
}
