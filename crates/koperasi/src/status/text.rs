//! The texts of reasons, in English and Indonesian: book years, dates, deadlines, RATs and
//! field checks as an officer reads them.

use super::{Reason, latest_due_book_year, rat_deadline};
use crate::cooperative::{FieldCheck, Koperasi, Rat, RatKnowledge};
use chrono::{Datelike, NaiveDate};

/// `book year 2023` or `book years 2022–2024`.
pub(super) fn years(s: i32, e: i32) -> String {
    if s == e {
        format!("book year {s}")
    } else {
        format!("book years {s}–{e}")
    }
}

/// `tahun buku 2023` or `tahun buku 2022–2024` (Indonesian does not inflect the plural).
pub(super) fn years_id(s: i32, e: i32) -> String {
    if s == e {
        format!("tahun buku {s}")
    } else {
        format!("tahun buku {s}–{e}")
    }
}

/// ISO 8601 `YYYY-MM-DD` (chrono's `Display`).
pub(super) fn date_en(d: NaiveDate) -> String {
    d.to_string()
}

/// `30 Juni 2025`.
pub(super) fn date_id(d: NaiveDate) -> String {
    crate::locale::format_date(d)
}

pub(super) fn deadline_text(y: i32, months: u32) -> String {
    rat_deadline(y, months).map_or_else(|| "unknown".to_string(), date_en)
}

pub(super) fn deadline_text_id(y: i32, months: u32) -> String {
    rat_deadline(y, months).map_or_else(|| "tidak diketahui".to_string(), date_id)
}

pub(super) fn rat_text(r: &Rat) -> String {
    match r.date {
        Some(d) => format!("RAT held for book year {} on {}", r.book_year, date_en(d)),
        None => format!("RAT held for book year {} (date not recorded)", r.book_year),
    }
}

pub(super) fn rat_text_id(r: &Rat) -> String {
    match r.date {
        Some(d) => format!(
            "RAT tahun buku {} diadakan pada {}",
            r.book_year,
            date_id(d)
        ),
        None => format!(
            "RAT tahun buku {} diadakan, tanggalnya tidak tercatat",
            r.book_year
        ),
    }
}

pub(super) fn check_text(c: &FieldCheck) -> String {
    format!("field check on {}", date_en(c.date))
}

pub(super) fn check_text_id(c: &FieldCheck) -> String {
    format!("verifikasi lapangan {}", date_id(c.date))
}

/// The `not_found_at_address` reason for a field check.
pub(super) fn not_found_reason(c: &FieldCheck) -> Reason {
    Reason::new(
        "not_found_at_address",
        format!("{}: not found at the registered address", check_text(c)),
        format!("{}: tidak ditemukan di alamat terdaftar", check_text_id(c)),
    )
}

/// The `field_check_business_inactive` reason for a field check.
pub(super) fn business_inactive_reason(c: &FieldCheck) -> Reason {
    Reason::new(
        "field_check_business_inactive",
        format!("{}: business not running", check_text(c)),
        format!("{}: usaha tidak berjalan", check_text_id(c)),
    )
}

/// What a register's last-RAT column says ([`RatKnowledge::LastRat`] or
/// [`RatKnowledge::After`]), in English and Indonesian, for reasons: `last RAT for book year
/// 2020 (register as of 2024-12-31); none for book years 2021–2023`. `None` for other records.
pub(super) fn last_rat_text(k: &Koperasi, months: u32) -> Option<(String, String)> {
    match k.rat_known {
        RatKnowledge::LastRat { year, as_of } => {
            let mut en = format!(
                "last RAT for book year {year} (register as of {})",
                date_en(as_of)
            );
            let mut id = format!(
                "RAT terakhir tahun buku {year} (data per {})",
                date_id(as_of)
            );
            if year >= as_of.year() {
                en.push_str(": a book year not closed on the register's date");
                id.push_str(": tahun buku yang belum berakhir pada tanggal data");
            } else if let Some(due) = latest_due_book_year(as_of, months).filter(|d| *d > year) {
                let first = year.saturating_add(1);
                en.push_str(&format!("; none for {}", years(first, due)));
                id.push_str(&format!("; tidak ada RAT untuk {}", years_id(first, due)));
            }
            Some((en, id))
        }
        RatKnowledge::After { year } => Some((
            format!(
                "last RAT for book year {year} (the register's date is unknown: the column is \
                 taken as current on the assessment date)"
            ),
            format!(
                "RAT terakhir tahun buku {year} (tanggal data tidak diketahui: kolom dianggap \
                 terkini pada tanggal penilaian)"
            ),
        )),
        _ => None,
    }
}

/// A reason that no RAT was held for book year `y`, with its deadline.
pub(super) fn no_rat_for_year(code: &str, y: i32, months: u32) -> Reason {
    Reason::new(
        code,
        format!(
            "no RAT held for book year {y} (due by {})",
            deadline_text(y, months)
        ),
        format!(
            "tidak ada RAT untuk tahun buku {y} (batas waktu {})",
            deadline_text_id(y, months)
        ),
    )
}
