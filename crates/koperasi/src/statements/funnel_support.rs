//! What each figure of a funnel rests on, and when a register cannot support it.

use super::Definition;
use super::funnel::{FunnelFigure, Tally};
use crate::io::ReadReport;
use crate::stats::period::Period;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A figure's count, or why the register cannot give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Support {
    /// The register supports the figure: its count.
    Counted {
        /// Number of cooperatives.
        value: u64,
    },
    /// The register cannot support the figure (unknown, never 0).
    Unsupported {
        /// Why, in English.
        reason_en: String,
        /// Why, in Indonesian.
        reason_id: String,
    },
}

/// The facts a figure rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Basis {
    /// The records it is counted among: those on record as of the date, or every record read
    /// (for `on_record`, `new` and `dissolved`).
    pub base: u64,
    /// Records of the base whose fact is known (a field check saying it, an RAT fact for the
    /// book year, a founding year, ...): the figure says nothing of the others.
    pub known: u64,
    /// The file's columns it rests on (headers as in the file when the read report is at
    /// hand, else the reader's field names such as `found_at_address`, `rat_<year>`).
    pub columns: Vec<String>,
}

/// One figure before its support is decided.
struct Spec {
    definition: Definition,
    describes: Period,
    book_year: Option<i32>,
    count: u64,
    base: u64,
    known: u64,
    fields: &'static [&'static str],
    /// `None`: supported; else (en, id) why not.
    missing: Option<(&'static str, &'static str)>,
}

const FIELD_CHECK: &[&str] = &["field_check_date", "found_at_address"];
const IDENTIFIED: &[&str] = &["field_check_date", "found_at_address", "board_known"];
const STATUS: &[&str] = &[
    "last_rat_year",
    "last_rat_date",
    "rat_",
    "field_check_date",
    "found_at_address",
    "business_active",
    "tanggal_badan_hukum",
    "nomor_badan_hukum",
];
const RAT: &[&str] = &["last_rat_year", "last_rat_date", "rat_"];
const FOUNDING: &[&str] = &["tanggal_badan_hukum", "nomor_badan_hukum"];
const NO_FIELD_CHECK: (&str, &str) = (
    "no record on record has a field check (found / not found at the address) on or before the date",
    "tidak ada data verifikasi lapangan (ditemukan / tidak ditemukan di alamat) sampai tanggal ini",
);

/// Whether the file has a column read as one of `fields` (`rat_` matches every RAT column).
fn has_column(read: Option<&ReadReport>, fields: &[&str]) -> bool {
    read.is_some_and(|r| {
        r.columns
            .iter()
            .any(|(_, f)| f.as_deref().is_some_and(|f| matches(f, fields)))
    })
}

fn matches(field: &str, fields: &[&str]) -> bool {
    fields
        .iter()
        .any(|x| *x == field || (x.ends_with('_') && field.starts_with(x)))
}

/// The columns of the file (or the field names) a figure rests on.
fn columns(read: Option<&ReadReport>, fields: &[&str]) -> Vec<String> {
    match read {
        Some(r) => r
            .columns
            .iter()
            .filter(|(h, f)| match f.as_deref() {
                Some(f) => matches(f, fields),
                // A NIK-certificate status column is kept as an unknown column.
                None => fields == ["nik"] && super::funnel::is_nik_status_header(h),
            })
            .map(|(h, _)| h.clone())
            .collect(),
        None => fields.iter().map(|f| (*f).to_string()).collect(),
    }
}

/// The figures of a tally, in the vocabulary's order; `read` decides support where a column
/// with no value in any record still says something (NIK, dissolution) and names the columns.
pub(crate) fn figure_basis(
    t: &Tally,
    as_of: NaiveDate,
    rat_year: Option<i32>,
    read: Option<&ReadReport>,
) -> Vec<FunnelFigure> {
    specs(t, as_of, rat_year, read)
        .into_iter()
        .map(|s| FunnelFigure {
            support: match s.missing {
                None => Support::Counted { value: s.count },
                Some((en, id)) => Support::Unsupported {
                    reason_en: en.to_string(),
                    reason_id: id.to_string(),
                },
            },
            basis: Basis {
                base: s.base,
                known: s.known,
                columns: columns(read, s.fields),
            },
            definition: s.definition,
            describes: s.describes,
            book_year: s.book_year,
        })
        .collect()
}

/// The raw counts of a tally by figure, in the order of [`figure_basis`].
pub(crate) fn counts(t: &Tally, as_of: NaiveDate, rat_year: Option<i32>) -> Vec<u64> {
    specs(t, as_of, rat_year, None)
        .iter()
        .map(|s| s.count)
        .collect()
}

fn specs(
    t: &Tally,
    as_of: NaiveDate,
    rat_year: Option<i32>,
    read: Option<&ReadReport>,
) -> Vec<Spec> {
    let date = Period::Date(as_of);
    let all = t.records;
    let on = t.on_record;
    let field = (t.verified == 0).then_some(NO_FIELD_CHECK);
    let spec = |definition, count, base, known, fields, missing| Spec {
        definition,
        describes: date,
        book_year: None,
        count,
        base,
        known,
        fields,
        missing,
    };
    let new = |year: i32, count| Spec {
        describes: Period::Year(year),
        ..spec(
            Definition::New,
            count,
            all,
            t.founding_known,
            FOUNDING,
            (t.founding_known == 0).then_some((
                "no record has a founding date or a badan hukum number with its year",
                "tidak ada catatan dengan tanggal atau tahun badan hukum",
            )),
        )
    };
    let status_missing = (t.status_known == 0).then_some((
        "the policy can assess no record: no RAT fact (RAT per book year, last RAT) for the book years assessed, nor a field check",
        "kebijakan tidak dapat menilai satu catatan pun: tidak ada data RAT (per tahun buku, RAT terakhir) untuk tahun buku yang dinilai, maupun verifikasi lapangan",
    ));
    vec![
        spec(Definition::OnRecord, on, all, on, &["name"], None),
        spec(
            Definition::InNationalSystem,
            0,
            on,
            0,
            &[],
            Some((
                "a register does not say which records are in the national system (ODS / SIMKOPDES)",
                "register tidak menyatakan koperasi mana yang terdaftar di sistem nasional (ODS / SIMKOPDES)",
            )),
        ),
        spec(
            Definition::Verified,
            t.verified,
            on,
            t.verified,
            FIELD_CHECK,
            field,
        ),
        spec(
            Definition::Found,
            t.found,
            on,
            t.verified,
            FIELD_CHECK,
            field,
        ),
        spec(
            Definition::NotFound,
            t.not_found,
            on,
            t.verified,
            FIELD_CHECK,
            field,
        ),
        spec(
            Definition::Identified,
            t.identified,
            on,
            t.identified_known,
            IDENTIFIED,
            (t.board_known == 0).then_some((
                "no field check on or before the date says whether the board (pengurus) is known",
                "tidak ada verifikasi lapangan sampai tanggal ini yang menyatakan pengurus jelas",
            )),
        ),
        spec(
            Definition::Active,
            t.active,
            on,
            t.status_known,
            STATUS,
            status_missing,
        ),
        spec(
            Definition::Inactive,
            t.inactive,
            on,
            t.status_known,
            STATUS,
            status_missing,
        ),
        Spec {
            book_year: rat_year,
            ..spec(
                Definition::RatHeld,
                t.rat_held,
                on,
                t.rat_known,
                RAT,
                (t.rat_known == 0 || rat_year.is_none()).then_some((
                    "no record says whether the RAT of the last due book year was held",
                    "tidak ada catatan yang menyatakan RAT tahun buku terakhir yang jatuh tempo",
                )),
            )
        },
        spec(
            Definition::NikCertified,
            t.nik,
            on,
            t.nik_known,
            &["nik"],
            (t.nik_known == 0 && !has_column(read, &["nik"])).then_some((
                "the register has no NIK column (nor a NIK-certificate status)",
                "register tidak memiliki kolom NIK (maupun status sertifikat NIK)",
            )),
        ),
        spec(
            Definition::Dissolved,
            t.dissolved,
            all,
            t.dissolution_known,
            &["dissolution_date"],
            (t.dissolution_known == 0 && !has_column(read, &["dissolution_date"])).then_some((
                "the register has no dissolution column",
                "register tidak memiliki kolom pembubaran",
            )),
        ),
        new(as_of.year(), t.new_this_year),
        new(as_of.year() - 1, t.new_last_year),
        spec(
            Definition::KopdesMerahPutih,
            t.kopdes,
            on,
            on,
            &["name"],
            None,
        ),
    ]
}
