//! A register's **data date**: the date its facts describe, as an office writes it in the
//! title block above the header (`Keadaan s/d 31 Desember 2024`, `Keadaan per 31 Desember
//! 2024`, `per tanggal 10 Januari 2025`, `Posisi 31 Desember 2024`, `Data per 31/12/2024`),
//! or given by the user ([`ReadOptions::data_as_of`](super::ReadOptions::data_as_of)).
//!
//! A last-RAT column means "no later RAT up to the data date"
//! ([`RatKnowledge::LastRat`](crate::cooperative::RatKnowledge::LastRat)); the date is reported
//! in [`ReadReport::data_as_of`](super::ReadReport::data_as_of) with where it came from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a register's data date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DataAsOfSource {
    /// Given by the user: [`ReadOptions::data_as_of`](super::ReadOptions::data_as_of) (CLI
    /// `--data-as-of`, Python `data_as_of=`, JS `dataAsOf`).
    Option,
    /// Read from the title block above the header.
    Title,
}

/// A register's data date, with where it came from (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DataAsOf {
    /// The date the register describes.
    pub date: NaiveDate,
    /// `option` or `title`.
    pub source: DataAsOfSource,
    /// The title line the date was read from (`Keadaan s/d 31 Desember 2024`), for `title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Words after which a title states its data date: `per`, `s/d` (`s.d.`, `sd`, `sampai
/// dengan`), `hingga`, `posisi`, `keadaan`.
const MARKERS: &[&str] = &[
    "per", "s/d", "s.d", "sd", "dengan", "hingga", "posisi", "keadaan",
];

/// Words that may stand between a marker and the date: `Keadaan s/d tanggal 31 ...`,
/// `Posisi per : 31 ...`.
const FILLERS: &[&str] = &["tanggal", "tgl", "per", "s/d", "s.d", "sd", "bulan", ""];

/// The data date a title line states (see the module documentation), or `None`. The date
/// follows one of the marker words, possibly after `tanggal`/`tgl` or a `:`, and is read by
/// [`parse_date`](crate::locale::parse_date) (`31 Desember 2024`, `31/12/2024`,
/// `2024-12-31`). A line without a marker (`Dicetak 10 Januari 2025`) states none.
pub(crate) fn data_date_in_title(line: &str) -> Option<NaiveDate> {
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '|' | '"' | ':'))
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, '(' | ')' | '.' | '-'))
                .to_lowercase()
        })
        .collect();
    for (i, w) in words.iter().enumerate() {
        if !MARKERS.contains(&w.as_str()) {
            continue;
        }
        let Some(start) = words
            .iter()
            .skip(i + 1)
            .position(|w| !FILLERS.contains(&w.as_str()))
            .map(|p| p + i + 1)
        else {
            continue;
        };
        let rest: Vec<&str> = words
            .iter()
            .skip(start)
            .filter(|w| !w.is_empty())
            .take(3)
            .map(String::as_str)
            .collect();
        for n in [3, 1] {
            if let Some(d) = rest
                .get(..n)
                .and_then(|ws| crate::locale::parse_date(&ws.join(" ")).ok())
            {
                return Some(d);
            }
        }
    }
    None
}

/// The first data date stated by one of `lines` (the title block), with the line, tidied
/// (cells joined by single spaces).
pub(crate) fn data_date_in_lines<'a, I: IntoIterator<Item = &'a str>>(
    lines: I,
) -> Option<(NaiveDate, String)> {
    lines.into_iter().find_map(|l| {
        data_date_in_title(l).map(|d| {
            let text = l
                .split(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '|' | '"'))
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            (d, text)
        })
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn titles_offices_write() {
        for (line, date) in [
            ("Keadaan s/d 31 Desember 2024", "2024-12-31"),
            ("Keadaan per 31 Desember 2024", "2024-12-31"),
            ("per tanggal 10 Januari 2025", "2025-01-10"),
            ("Posisi 31 Desember 2024", "2024-12-31"),
            ("Data per 31/12/2024", "2024-12-31"),
            (
                "DAFTAR KOPERASI KABUPATEN SLEMAN PER 31 DESEMBER 2024",
                "2024-12-31",
            ),
            ("Keadaan s/d tanggal 30 Juni 2025", "2025-06-30"),
            ("Keadaan s/d : 31 Desember 2023", "2023-12-31"),
            ("Keadaan s.d. 31 Des. 2022", "2022-12-31"),
            ("Data sampai dengan 2024-12-31", "2024-12-31"),
            ("\"Keadaan per 31 Desember 2024\";;;;", "2024-12-31"),
            ("(Posisi: 31-12-2024)", "2024-12-31"),
        ] {
            assert_eq!(data_date_in_title(line), Some(d(date)), "{line}");
        }
    }

    #[test]
    fn lines_that_state_no_data_date() {
        for line in [
            "DAFTAR KOPERASI AKTIF TAHUN 2024",
            "Dicetak tanggal 10 Januari 2025",
            "Sleman, 10 Januari 2025",
            "Keadaan Desember 2024",
            "per",
            "",
            "Keadaan s/d 31 Februari 2024",
        ] {
            assert_eq!(data_date_in_title(line), None, "{line}");
        }
    }

    #[test]
    fn the_first_line_with_a_date_wins() {
        let lines = [
            "DAFTAR KOPERASI",
            "KABUPATEN GIANYAR",
            "Keadaan s/d 31 Desember 2024;;;",
            "Posisi 30 Juni 2024",
        ];
        assert_eq!(
            data_date_in_lines(lines),
            Some((d("2024-12-31"), "Keadaan s/d 31 Desember 2024".to_string()))
        );
        assert_eq!(data_date_in_lines(["DAFTAR KOPERASI"]), None);
    }
}
