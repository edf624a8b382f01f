//! The stages of a Koperasi Desa/Kelurahan Merah Putih as dated facts on the record
//! (DOMAIN.md 10): [`Stage`], [`StageFact`], and [`stage_facts`], which adds the facts a
//! record already carries elsewhere (the NIK koperasi, the badan hukum, the RAT history).

use crate::cooperative::Koperasi;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One stage of a KDMP/KKMP, in the order of the programme (DOMAIN.md 10: musdesus ->
/// founding meeting -> notary deed -> SK AHU -> NIK, NIB, NPWP, bank account -> SIMKOPDES
/// account -> land -> building -> outlets -> operating -> RAT), then two documents of the loan
/// application (PMK 49/2025 Pasal 7), which are facts of the same kind but not steps of the
/// pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Musyawarah desa/kelurahan khusus (musdesus/muskel) held.
    Musdesus,
    /// Founding meeting (rapat pendirian) held.
    FoundingMeeting,
    /// Notary deed of establishment (akta pendirian, by the NPAK).
    Akta,
    /// Legal entity: the SK of the Ministry of Law (AHU).
    SkAhu,
    /// Nomor Induk Koperasi issued.
    NikKoperasi,
    /// Nomor Induk Berusaha (OSS) issued.
    Nib,
    /// Tax number (NPWP) issued.
    Npwp,
    /// Bank account opened.
    BankAccount,
    /// Account on SIMKOPDES.
    SimkopdesAccount,
    /// Land for the office/outlets secured (the value says its status).
    Land,
    /// Building finished (the value says the construction progress in percent).
    Building,
    /// Outlets (gerai) open (the value says how many).
    Outlets,
    /// Operating: the first business transaction.
    Operating,
    /// An RAT held (dated by the earliest RAT known).
    RatHeld,
    /// Business proposal (proposal bisnis) for the loan written (PMK 49/2025 Pasal 7).
    BusinessProposal,
    /// Loan proposal approved by the kepala desa/lurah or the bupati/wali kota
    /// (PMK 49/2025 Pasal 7).
    LoanApproval,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 16] = [
        Stage::Musdesus,
        Stage::FoundingMeeting,
        Stage::Akta,
        Stage::SkAhu,
        Stage::NikKoperasi,
        Stage::Nib,
        Stage::Npwp,
        Stage::BankAccount,
        Stage::SimkopdesAccount,
        Stage::Land,
        Stage::Building,
        Stage::Outlets,
        Stage::Operating,
        Stage::RatHeld,
        Stage::BusinessProposal,
        Stage::LoanApproval,
    ];

    /// The stages of the pipeline (the funnel), in order: all but the two loan documents.
    pub const PIPELINE: [Stage; 14] = [
        Stage::Musdesus,
        Stage::FoundingMeeting,
        Stage::Akta,
        Stage::SkAhu,
        Stage::NikKoperasi,
        Stage::Nib,
        Stage::Npwp,
        Stage::BankAccount,
        Stage::SimkopdesAccount,
        Stage::Land,
        Stage::Building,
        Stage::Outlets,
        Stage::Operating,
        Stage::RatHeld,
    ];

    /// The stable snake_case code (the serde name), e.g. `sk_ahu`.
    pub fn code(self) -> &'static str {
        self.texts().0
    }

    /// Indonesian label, e.g. `SK AHU (badan hukum)`.
    pub fn label_id(self) -> &'static str {
        self.texts().1
    }

    /// English label, e.g. `SK AHU (legal entity)`.
    pub fn label_en(self) -> &'static str {
        self.texts().2
    }

    /// The stage with this code ([`Stage::code`]), if any.
    pub fn parse(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// (code, Indonesian label, English label).
    fn texts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Stage::Musdesus => ("musdesus", "Musdesus/muskel", "Special village meeting"),
            Stage::FoundingMeeting => ("founding_meeting", "Rapat pendirian", "Founding meeting"),
            Stage::Akta => ("akta", "Akta notaris", "Notary deed"),
            Stage::SkAhu => ("sk_ahu", "SK AHU (badan hukum)", "SK AHU (legal entity)"),
            Stage::NikKoperasi => ("nik_koperasi", "NIK koperasi", "Cooperative ID (NIK)"),
            Stage::Nib => ("nib", "NIB", "Business ID (NIB)"),
            Stage::Npwp => ("npwp", "NPWP", "Tax number (NPWP)"),
            Stage::BankAccount => ("bank_account", "Rekening bank", "Bank account"),
            Stage::SimkopdesAccount => ("simkopdes_account", "Akun SIMKOPDES", "SIMKOPDES account"),
            Stage::Land => ("land", "Lahan", "Land"),
            Stage::Building => ("building", "Bangunan selesai", "Building finished"),
            Stage::Outlets => ("outlets", "Gerai buka", "Outlets open"),
            Stage::Operating => ("operating", "Beroperasi", "Operating"),
            Stage::RatHeld => ("rat_held", "RAT sudah diadakan", "RAT held"),
            Stage::BusinessProposal => {
                ("business_proposal", "Proposal bisnis", "Business proposal")
            }
            Stage::LoanApproval => (
                "loan_approval",
                "Persetujuan kepala desa/bupati/wali kota",
                "Approval by the village head or regent/mayor",
            ),
        }
    }
}

/// A stage fact on a record: the stage, when it was reached (or `None`: known to be reached,
/// date not known), and what the source says of it (a deed or SK number, NIB, NPWP, account
/// number, land status, construction progress, number of outlets).
///
/// A fact with `reached == false` is progress short of the stage (a building at 40 %); the
/// funnel counts only reached facts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StageFact {
    /// The stage.
    pub stage: Stage,
    /// The date it was reached; `None` when the source says it was reached without a date.
    pub date: Option<NaiveDate>,
    /// The value the source gives (number, status, progress), as written; `None` when only a
    /// date or a yes mark was given.
    pub value: Option<String>,
    /// Progress in percent (0-100) for [`Stage::Building`]; `None` otherwise.
    #[serde(default)]
    pub percent: Option<u8>,
    /// True when the stage is reached (false only for progress short of it).
    pub reached: bool,
}

impl StageFact {
    /// A stage reached on a date (or on an unknown date).
    pub fn reached(stage: Stage, date: Option<NaiveDate>) -> StageFact {
        StageFact {
            stage,
            date,
            value: None,
            percent: None,
            reached: true,
        }
    }

    /// True when the stage is reached as of `as_of`: reached on or before `as_of`, or reached
    /// on an unknown date (counted at any date, and reported as undated).
    pub fn reached_by(&self, as_of: NaiveDate) -> bool {
        self.reached && self.date.is_none_or(|d| d <= as_of)
    }
}

/// All stage facts of a record, one per stage at most, in stage order: the record's own
/// [`Koperasi::stages`], completed with what it carries elsewhere when it has no fact for the
/// stage: [`Stage::SkAhu`] from the nomor badan hukum (an amendment number too: it proves a
/// legal entity) dated by the founding date ([`Koperasi::founded`]: not an amendment's date), [`Stage::NikKoperasi`] from the NIK (undated), and
/// [`Stage::RatHeld`] from the RAT of the earliest book year (its date, or undated).
pub fn stage_facts(k: &Koperasi) -> Vec<StageFact> {
    let mut out = merge_stage_facts(k.stages.iter().cloned());
    for (stage, date, value) in derived_facts(k) {
        if !out.iter().any(|f| f.stage == stage) {
            out.push(StageFact {
                value: value.map(str::to_string),
                ..StageFact::reached(stage, date)
            });
        }
    }
    out.sort_by_key(|f| f.stage);
    out
}

/// The facts a record carries outside [`Koperasi::stages`] (see [`stage_facts`]): (stage,
/// date, value), whether or not `stages` has them too.
fn derived_facts(k: &Koperasi) -> impl Iterator<Item = (Stage, Option<NaiveDate>, Option<&str>)> {
    // An amendment (PAD) number also proves a legal entity; its date is not the founding's.
    let bh = k.badan_hukum.as_ref();
    let sk = (bh.is_some() || k.founded().is_some())
        .then(|| (Stage::SkAhu, k.founded(), bh.map(|b| b.raw.as_str())));
    let nik = k
        .nik
        .as_ref()
        .map(|n| (Stage::NikKoperasi, None, Some(n.as_str())));
    let rat = k.rat.iter().min().map(|r| (Stage::RatHeld, r.date, None));
    sk.into_iter().chain(nik).chain(rat)
}

/// Where a record stands on one stage, without the value: what the counts need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    /// When reached; `None`: date unknown.
    pub date: Option<NaiveDate>,
    /// False for progress short of the stage.
    pub reached: bool,
}

impl Mark {
    /// As [`StageFact::reached_by`].
    pub fn reached_by(&self, as_of: NaiveDate) -> bool {
        self.reached && self.date.is_none_or(|d| d <= as_of)
    }
}

/// The facts of [`stage_facts`] without their values and without allocating: one slot per
/// stage of [`Stage::ALL`] (index `stage as usize`), merged the same way.
pub(crate) fn stage_marks(k: &Koperasi) -> [Option<Mark>; Stage::ALL.len()] {
    let mut out: [Option<Mark>; Stage::ALL.len()] = [None; Stage::ALL.len()];
    for f in &k.stages {
        if let Some(slot) = out.get_mut(f.stage as usize) {
            let m = Mark {
                date: f.date,
                reached: f.reached,
            };
            *slot = Some(match *slot {
                None => m,
                Some(o) => Mark {
                    date: earlier(o.date, m.date),
                    reached: o.reached || m.reached,
                },
            });
        }
    }
    for (stage, date, _) in derived_facts(k) {
        if let Some(slot) = out.get_mut(stage as usize) {
            if slot.is_none() {
                *slot = Some(Mark {
                    date,
                    reached: true,
                });
            }
        }
    }
    out
}

/// The earlier of two dates, a known date before an unknown one.
fn earlier(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The facts with one fact per stage at most (two columns for one stage, a date and a
/// number, become one fact: the earlier date, the first value, reached when either says so),
/// in order of first appearance.
pub(crate) fn merge_stage_facts(facts: impl IntoIterator<Item = StageFact>) -> Vec<StageFact> {
    let mut out: Vec<StageFact> = Vec::new();
    for f in facts {
        match out.iter_mut().find(|o| o.stage == f.stage) {
            Some(o) => merge_fact(o, &f),
            None => out.push(f),
        }
    }
    out
}

/// Two facts for one stage (a date column and a number column): one fact with both; the
/// earlier date; reached when either says so.
fn merge_fact(into: &mut StageFact, f: &StageFact) {
    into.date = earlier(into.date, f.date);
    if into.value.is_none() {
        into.value.clone_from(&f.value);
    }
    into.percent = into.percent.or(f.percent);
    into.reached |= f.reached;
}

/// The fact for `stage` among `facts` (as from [`stage_facts`]), if any.
pub fn fact_of(facts: &[StageFact], stage: Stage) -> Option<&StageFact> {
    facts.iter().find(|f| f.stage == stage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cooperative::Rat;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn codes_round_trip_and_labels_differ() {
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.code()), Some(s));
            assert_ne!(s.label_id(), s.label_en(), "{s:?}");
            let json = serde_json::to_string(&s).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", s.code()));
        }
    }

    #[test]
    fn facts_are_completed_from_the_record() {
        let mut k = Koperasi::new("Koperasi Desa Merah Putih Sukamaju");
        k.tanggal_badan_hukum = Some(d("2025-07-10"));
        k.rat = vec![Rat {
            book_year: 2025,
            date: Some(d("2026-03-01")),
        }];
        k.stages = vec![
            StageFact::reached(Stage::Nib, Some(d("2025-08-01"))),
            StageFact {
                value: Some("1234".into()),
                ..StageFact::reached(Stage::Nib, None)
            },
        ];
        let f = stage_facts(&k);
        let stages: Vec<Stage> = f.iter().map(|f| f.stage).collect();
        assert_eq!(stages, vec![Stage::SkAhu, Stage::Nib, Stage::RatHeld]);
        assert_eq!(f[0].date, Some(d("2025-07-10")));
        assert_eq!(
            (f[1].date, f[1].value.as_deref()),
            (Some(d("2025-08-01")), Some("1234"))
        );
        assert_eq!(f[2].date, Some(d("2026-03-01")));
        assert!(f[1].reached_by(d("2025-08-01")) && !f[1].reached_by(d("2025-07-31")));
        // The marks the counts use say the same, without the values.
        let marks = stage_marks(&k);
        for s in Stage::ALL {
            let fact = f.iter().find(|x| x.stage == s).map(|x| Mark {
                date: x.date,
                reached: x.reached,
            });
            assert_eq!(marks[s as usize], fact, "{s:?}");
        }
    }
}
