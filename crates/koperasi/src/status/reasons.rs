//! The reasons of an assessment: one builder per [`Verdict`], and the note of a field check
//! that did not decide the status. Texts come from [`super::text`]; the rules that chose the
//! verdict are in [`super::decide`].

use super::text::{
    business_inactive_reason, check_text, check_text_id, date_en, date_id, deadline_text,
    deadline_text_id, last_rat_text, no_rat_for_year, not_found_reason, rat_text, rat_text_id,
    years, years_id,
};
use super::{RatFacts, Reason, Verdict, business, latest_in_window};
use crate::cooperative::{DissolvedBy, FieldCheck, Koperasi};
use chrono::{Datelike, NaiveDate};

/// What every reason of one assessment is built from.
pub(super) struct Ctx<'a> {
    k: &'a Koperasi,
    as_of: NaiveDate,
    months: u32,
    f: &'a RatFacts,
    window_en: String,
    window_id: String,
    last_rat: Option<(String, String)>,
}

impl<'a> Ctx<'a> {
    /// The context of assessing `k` as of `as_of`, RATs due `months` after their book year.
    pub(super) fn new(k: &'a Koperasi, as_of: NaiveDate, months: u32, f: &'a RatFacts) -> Self {
        Ctx {
            k,
            as_of,
            months,
            f,
            window_en: f.window.map_or_else(String::new, |(s, e)| years(s, e)),
            window_id: f.window.map_or_else(String::new, |(s, e)| years_id(s, e)),
            last_rat: last_rat_text(k, months),
        }
    }

    /// The reasons for `verdict`, the deciding one first; `last_year_flag` as in
    /// [`super::Assessment::rat_for_last_closed_year`].
    pub(super) fn verdict_reasons(
        &self,
        verdict: Verdict,
        last_year_flag: Option<bool>,
    ) -> Vec<Reason> {
        let mut out = Vec::with_capacity(2);
        match verdict {
            Verdict::Dissolved => out.push(dissolved(self.k)),
            Verdict::NotYetFounded => out.push(self.not_yet_founded()),
            Verdict::NotFound(c) => out.push(not_found_reason(&c)),
            Verdict::FieldActive(c) => out.push(field_active(&c)),
            Verdict::FieldInactive(c) => out.push(business_inactive_reason(&c)),
            Verdict::NoBusiness(b) => out.push(business::no_business_reason(&b)),
            Verdict::RatActive => out.push(self.rat_active()),
            Verdict::RatEveryYear => out.push(self.rat_every_year()),
            Verdict::RatNone => out.push(self.rat_none()),
            Verdict::RatMissing => self.rat_missing(&mut out),
            Verdict::TooYoung => out.push(self.too_young()),
            Verdict::NoHistory => out.push(self.no_history()),
            Verdict::NoFounding => self.no_founding(&mut out),
        }
        match verdict {
            Verdict::FieldActive(_) | Verdict::RatActive | Verdict::RatEveryYear => {
                if let (Some(false), Some((_, e))) = (last_year_flag, self.f.window) {
                    out.push(no_rat_for_year(
                        "no_rat_for_last_closed_year",
                        e,
                        self.months,
                    ));
                }
            }
            Verdict::RatNone | Verdict::RatMissing => self.founding_note(&mut out),
            _ => {}
        }
        out
    }

    /// The first window year the cooperative had to hold an RAT for.
    fn first_year(&self, s: i32) -> i32 {
        self.f.first_required.map_or(s, |fr| fr.max(s))
    }

    fn founding_note(&self, out: &mut Vec<Reason>) {
        if self.f.first_required.is_none() {
            out.push(Reason::new(
                "no_founding_date",
                "founding date and year unknown: every window year taken as required",
                "tanggal dan tahun pendirian tidak diketahui: setiap tahun buku dalam jangka \
                 waktu penilaian dianggap wajib RAT",
            ));
        }
    }

    fn not_yet_founded(&self) -> Reason {
        let (k, as_of) = (self.k, self.as_of);
        let (en, id) = match k.founded() {
            Some(d) => (
                format!("founded on {}, after {}", date_en(d), date_en(as_of)),
                format!(
                    "didirikan pada {}, setelah tanggal penilaian {}",
                    date_id(d),
                    date_id(as_of)
                ),
            ),
            None => {
                let y = k.founding_year().unwrap_or_default();
                (
                    format!(
                        "founding year {y} (from the nomor badan hukum) is after {}",
                        as_of.year()
                    ),
                    format!(
                        "didirikan tahun {y} (menurut nomor badan hukum), setelah tahun \
                         penilaian {}",
                        as_of.year()
                    ),
                )
            }
        };
        Reason::new("not_yet_founded", en, id)
    }

    fn rat_active(&self) -> Reason {
        let latest = latest_in_window(self.k, self.as_of, self.months, self.f);
        let (en, id) = match (latest, self.f.latest_counted) {
            (Some(r), _) => (
                format!("{} (window: {})", rat_text(&r), self.window_en),
                format!(
                    "{} (jangka waktu penilaian: {})",
                    rat_text_id(&r),
                    self.window_id
                ),
            ),
            (None, Some(y)) => (
                format!("RAT held for book year {y}"),
                format!("RAT tahun buku {y} diadakan"),
            ),
            (None, None) => ("RAT held".to_string(), "RAT diadakan".to_string()),
        };
        Reason::new("rat_within_window", en, id)
    }

    fn rat_every_year(&self) -> Reason {
        let (en, id) = match self.f.window {
            Some((s, e)) if self.first_year(s) == e => (
                format!("RAT held for book year {e}"),
                format!("RAT tahun buku {e} diadakan"),
            ),
            Some((s, e)) => {
                let first = self.first_year(s);
                (
                    format!("RAT held for each of {}", years(first, e)),
                    format!("RAT diadakan untuk setiap {}", years_id(first, e)),
                )
            }
            None => ("RAT held".to_string(), "RAT diadakan".to_string()),
        };
        Reason::new("rat_every_year_in_window", en, id)
    }

    fn rat_none(&self) -> Reason {
        let (as_of, months) = (self.as_of, self.months);
        let mut en = format!(
            "no RAT held for {} as of {}",
            self.window_en,
            date_en(as_of)
        );
        let mut id = format!(
            "tidak ada RAT untuk {} per {}",
            self.window_id,
            date_id(as_of)
        );
        if let Some((l_en, l_id)) = &self.last_rat {
            en.push_str(&format!("; {l_en}"));
            id.push_str(&format!("; {l_id}"));
        } else if let Some(y) = self.f.latest_counted {
            en.push_str(&format!("; latest RAT: book year {y}"));
            id.push_str(&format!("; RAT terakhir: tahun buku {y}"));
        }
        let last_closed = as_of.year() - 1;
        if self.f.window.is_some_and(|(_, e)| e < last_closed) {
            en.push_str(&format!(
                "; the RAT for book year {last_closed} is not yet due (deadline {})",
                deadline_text(last_closed, months)
            ));
            id.push_str(&format!(
                "; RAT tahun buku {last_closed} belum diadakan (batas waktu {})",
                deadline_text_id(last_closed, months)
            ));
        }
        Reason::new("no_rat_within_window", en, id)
    }

    fn rat_missing(&self, out: &mut Vec<Reason>) {
        let Some((s, e)) = self.f.window else { return };
        for y in self.first_year(s)..=e {
            // Only the years known to have had no RAT; unknown years are not counted
            // against the cooperative.
            if !self.f.held(y) && self.k.rat_known.covers_by(y, self.months) {
                out.push(no_rat_for_year("rat_missing_for_year", y, self.months));
            }
        }
    }

    fn too_young(&self) -> Reason {
        let months = self.months;
        let (en, id) = match self.f.first_required {
            Some(fr) => {
                let (founded_en, founded_id) = founded_text(self.k);
                (
                    format!(
                        "{founded_en}: the first required RAT is for book year {fr}, due by {}",
                        deadline_text(fr, months)
                    ),
                    format!(
                        "{founded_id}: RAT pertama yang wajib diadakan adalah RAT tahun buku \
                         {fr} (batas waktu {})",
                        deadline_text_id(fr, months)
                    ),
                )
            }
            None => (
                "no book year is due yet".to_string(),
                "belum ada RAT tahun buku yang jatuh tempo".to_string(),
            ),
        };
        Reason::new("too_young_for_rat", en, id)
    }

    fn no_history(&self) -> Reason {
        let (k, f) = (self.k, self.f);
        let (w_en, w_id) = (&self.window_en, &self.window_id);
        if k.rat_known.is_known() {
            let missing: Vec<String> = f
                .window
                .map(|(s, e)| {
                    (self.first_year(s)..=e)
                        .filter(|y| !f.year_known(k, *y, self.months))
                        .map(|y| y.to_string())
                        .collect()
                })
                .unwrap_or_default();
            let plural = if missing.len() == 1 { "" } else { "s" };
            let missing = missing.join(", ");
            let (l_en, l_id) = self
                .last_rat
                .as_ref()
                .map(|(en, id)| (format!("; {en}"), format!("; {id}")))
                .unwrap_or_default();
            Reason::new(
                "rat_history_incomplete",
                format!(
                    "the record does not say whether an RAT was held for book year{plural} \
                     {missing}; an RAT is needed for {w_en}{l_en}"
                ),
                format!(
                    "data tidak menyebutkan apakah RAT diadakan untuk tahun buku {missing}; \
                     penilaian memerlukan data RAT untuk {w_id}{l_id}"
                ),
            )
        } else if let Some(latest) = f.latest_counted {
            // RATs are listed, but nothing says which book years the list is complete for.
            Reason::new(
                "rat_history_incomplete",
                format!(
                    "the record lists RATs up to book year {latest} but does not say \
                     whether an RAT was held for {w_en}"
                ),
                format!(
                    "data mencatat RAT sampai tahun buku {latest}, tetapi tidak menyebutkan \
                     apakah RAT diadakan untuk {w_id}"
                ),
            )
        } else {
            Reason::new(
                "no_rat_history",
                format!("the record carries no RAT history; an RAT is needed for {w_en}"),
                format!(
                    "data tidak memuat riwayat RAT; penilaian memerlukan data RAT untuk {w_id}"
                ),
            )
        }
    }

    fn no_founding(&self, out: &mut Vec<Reason>) {
        out.push(Reason::new(
            "no_founding_date",
            format!(
                "founding date and year unknown, and no RAT counted for {}",
                self.window_en
            ),
            format!(
                "tanggal dan tahun pendirian tidak diketahui, dan tidak ada RAT yang \
                 tercatat untuk {}",
                self.window_id
            ),
        ));
        if !self.k.rat_known.is_known() && self.f.latest_counted.is_none() {
            out.push(Reason::new(
                "no_rat_history",
                "the record carries no RAT history",
                "data tidak memuat riwayat RAT",
            ));
        }
    }
}

/// `dissolved on 2023-05-01 by a court` (or `dissolved` without a date).
fn dissolved(k: &Koperasi) -> Reason {
    let (en, id) = match k.dissolution {
        Some(d) => {
            let (by_en, by_id) = match d.by {
                DissolvedBy::MemberMeeting => {
                    (" by decision of the member meeting", " oleh rapat anggota")
                }
                DissolvedBy::Government => (" by the government", " oleh pemerintah"),
                DissolvedBy::Court => (" by a court", " oleh pengadilan"),
                DissolvedBy::Unknown => ("", ""),
            };
            (
                format!("dissolved on {}{by_en}", date_en(d.date)),
                format!("dibubarkan pada {}{by_id}", date_id(d.date)),
            )
        }
        None => ("dissolved".to_string(), "dibubarkan".to_string()),
    };
    Reason::new("dissolved", en, id)
}

/// `field check on 2024-03-01: business running`.
fn field_active(c: &FieldCheck) -> Reason {
    Reason::new(
        "field_check_business_active",
        format!("{}: business running", check_text(c)),
        format!("{}: usaha berjalan", check_text_id(c)),
    )
}

/// `founded on 2023-02-01`, or the year from the nomor badan hukum.
fn founded_text(k: &Koperasi) -> (String, String) {
    match k.founded() {
        Some(d) => (
            format!("founded on {}", date_en(d)),
            format!("didirikan pada {}", date_id(d)),
        ),
        None => {
            let y = k.founding_year().unwrap_or_default();
            (
                format!("founded in {y} (from the nomor badan hukum)"),
                format!("didirikan tahun {y} (menurut nomor badan hukum)"),
            )
        }
    }
}

/// A field check that did not decide the status but reported a problem, noted beside it (an
/// officer will not sign "active" without reading it).
pub(super) fn field_check_noted(
    k: &Koperasi,
    as_of: NaiveDate,
    verdict: Verdict,
) -> Option<Reason> {
    let decided_by_check = matches!(
        verdict,
        Verdict::NotFound(_) | Verdict::FieldActive(_) | Verdict::FieldInactive(_)
    );
    if decided_by_check || matches!(verdict, Verdict::Dissolved | Verdict::NotYetFounded) {
        return None;
    }
    let c = k.latest_field_check(as_of)?;
    let problems = [
        (
            c.found_at_address,
            "not found at the registered address",
            "tidak ditemukan di alamat terdaftar",
        ),
        (
            c.board_known,
            "board not identified",
            "pengurus tidak jelas",
        ),
        (
            c.business_active,
            "business not running",
            "usaha tidak berjalan",
        ),
    ];
    let (en, id): (Vec<&str>, Vec<&str>) = problems
        .iter()
        .filter(|(fact, _, _)| *fact == Some(false))
        .map(|(_, en, id)| (*en, *id))
        .unzip();
    (!en.is_empty()).then(|| {
        Reason::new(
            "field_check_noted",
            format!(
                "{}: {} (noted; the status follows the policy's RAT rule)",
                check_text(c),
                en.join(", ")
            ),
            format!(
                "{}: {} (dicatat; status mengikuti aturan RAT kebijakan)",
                check_text_id(c),
                id.join(", ")
            ),
        )
    })
}
