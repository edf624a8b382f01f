//! Register columns that hold KDMP/KKMP stages, recognised by header (Indonesian and
//! English), and how one cell of such a column becomes a [`StageFact`].
//!
//! The register reader ([`crate::io::read_register`]) asks `stage_column` about each column
//! that no other field took, and `read_stage_cell` about each of its cells.

use super::stages::{Stage, StageFact};
use crate::io::register::parse_yes_no;
use crate::locale::{parse_date, trim};

/// What a stage column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StageCell {
    /// The date the stage was reached (`tgl_akta`); a yes/no mark is also read.
    Date,
    /// A number or status (`no_akta`, `nib`, `npwp`, `no_rekening`, `status_lahan`): any
    /// value but a "no" mark means reached, date unknown.
    Value,
    /// Construction progress in percent (`progres_bangunan`): reached at 100.
    Percent,
    /// A count (`jumlah_gerai`): reached when above 0.
    Count,
}

/// The stage columns: (stage, what the cell holds, normalised headers).
const COLUMNS: &[(Stage, StageCell, &[&str])] = &[
    (
        Stage::Musdesus,
        StageCell::Date,
        &[
            "tgl_musdesus",
            "tanggal_musdesus",
            "tgl_muskel",
            "tanggal_muskel",
            "tgl_musdes",
            "tanggal_musdes",
            "tanggal_musdesus_muskel",
            "musdesus",
            "muskel",
            "musdesus_date",
            "special_village_meeting_date",
        ],
    ),
    (
        Stage::FoundingMeeting,
        StageCell::Date,
        &[
            "tgl_rapat_pendirian",
            "tanggal_rapat_pendirian",
            "rapat_pendirian",
            "founding_meeting_date",
            "founding_meeting",
            "tgl_rapat",
            "tanggal_rapat",
            "meeting_date",
        ],
    ),
    (
        Stage::Akta,
        StageCell::Date,
        &[
            "tgl_akta",
            "tanggal_akta",
            "tgl_akta_pendirian",
            "tanggal_akta_pendirian",
            "tgl_akta_notaris",
            "tanggal_akta_notaris",
            "akta_date",
            "deed_date",
        ],
    ),
    (
        Stage::Akta,
        StageCell::Value,
        &[
            "no_akta",
            "nomor_akta",
            "akta",
            "akta_notaris",
            "akta_number",
            "deed_number",
        ],
    ),
    (
        Stage::SkAhu,
        StageCell::Date,
        &[
            "tgl_sk_ahu",
            "tanggal_sk_ahu",
            "tgl_sk",
            "tanggal_sk",
            "tgl_sk_badan_hukum",
            "tanggal_sk_badan_hukum",
            "sk_date",
            "sk_ahu_date",
        ],
    ),
    (
        Stage::SkAhu,
        StageCell::Value,
        &[
            "no_sk_ahu",
            "nomor_sk_ahu",
            "sk_ahu",
            "no_sk",
            "nomor_sk",
            "sk_badan_hukum",
            "no_sk_badan_hukum",
            "status_badan_hukum",
            "berbadan_hukum",
        ],
    ),
    (
        Stage::NikKoperasi,
        StageCell::Date,
        &["tgl_nik", "tanggal_nik", "nik_date"],
    ),
    (
        Stage::Nib,
        StageCell::Date,
        &["tgl_nib", "tanggal_nib", "nib_date"],
    ),
    (
        Stage::Nib,
        StageCell::Value,
        &["nib", "no_nib", "nomor_nib", "nomor_induk_berusaha"],
    ),
    (
        Stage::Npwp,
        StageCell::Date,
        &["tgl_npwp", "tanggal_npwp", "npwp_date"],
    ),
    (
        Stage::Npwp,
        StageCell::Value,
        &["npwp", "no_npwp", "nomor_npwp", "npwp_koperasi"],
    ),
    (
        Stage::BankAccount,
        StageCell::Date,
        &[
            "tgl_rekening",
            "tanggal_rekening",
            "tgl_buka_rekening",
            "tanggal_buka_rekening",
            "bank_account_date",
        ],
    ),
    (
        Stage::BankAccount,
        StageCell::Value,
        &[
            "rekening",
            "no_rekening",
            "nomor_rekening",
            "rekening_bank",
            "no_rek",
            "bank_account",
            "account_number",
        ],
    ),
    (
        Stage::SimkopdesAccount,
        StageCell::Date,
        &[
            "tgl_akun_simkopdes",
            "tanggal_akun_simkopdes",
            "tgl_registrasi_simkopdes",
            "simkopdes_account_date",
        ],
    ),
    (
        Stage::SimkopdesAccount,
        StageCell::Value,
        &["akun_simkopdes", "simkopdes", "simkopdes_account"],
    ),
    (
        Stage::Land,
        StageCell::Date,
        &["tgl_lahan", "tanggal_lahan", "land_date"],
    ),
    (
        Stage::Land,
        StageCell::Value,
        &["status_lahan", "lahan", "land_status", "land"],
    ),
    (
        Stage::Building,
        StageCell::Date,
        &[
            "tgl_bangunan_selesai",
            "tanggal_bangunan_selesai",
            "tgl_bangunan",
            "tanggal_bangunan",
            "building_date",
            "building_finished",
        ],
    ),
    (
        Stage::Building,
        StageCell::Percent,
        &[
            "progres_bangunan",
            "progress_bangunan",
            "persen_bangunan",
            "progres_pembangunan",
            "bangunan",
            "building_progress",
        ],
    ),
    (
        Stage::Outlets,
        StageCell::Date,
        &[
            "tgl_gerai",
            "tanggal_gerai",
            "tgl_buka_gerai",
            "tanggal_buka_gerai",
            "outlets_date",
        ],
    ),
    (
        Stage::Outlets,
        StageCell::Count,
        &["gerai", "jumlah_gerai", "outlets", "outlet_count"],
    ),
    (
        Stage::Operating,
        StageCell::Date,
        &[
            "tgl_operasional",
            "tanggal_operasional",
            "tgl_mulai_operasi",
            "tanggal_mulai_operasi",
            "tgl_transaksi_pertama",
            "tanggal_transaksi_pertama",
            "operasional",
            "operating_since",
            "first_transaction_date",
        ],
    ),
    (
        Stage::RatHeld,
        StageCell::Date,
        &["tgl_rat_pertama", "tanggal_rat_pertama", "first_rat_date"],
    ),
    (
        Stage::BusinessProposal,
        StageCell::Date,
        &[
            "tgl_proposal",
            "tanggal_proposal",
            "tgl_proposal_bisnis",
            "tanggal_proposal_bisnis",
        ],
    ),
    (
        Stage::BusinessProposal,
        StageCell::Value,
        &[
            "proposal_bisnis",
            "proposal_usaha",
            "proposal",
            "business_proposal",
        ],
    ),
    (
        Stage::LoanApproval,
        StageCell::Date,
        &[
            "tgl_persetujuan",
            "tanggal_persetujuan",
            "tgl_persetujuan_kades",
            "tanggal_persetujuan_kades",
            "approval_date",
        ],
    ),
    (
        Stage::LoanApproval,
        StageCell::Value,
        &[
            "persetujuan",
            "persetujuan_kades",
            "persetujuan_kepala_desa",
            "persetujuan_bupati",
            "persetujuan_walikota",
            "persetujuan_wali_kota",
            "approval",
        ],
    ),
];

/// The stage a column holds, from its normalised header
/// ([`crate::io::headers::normalize_header`]), e.g. `tgl_akta` -> (akta, date),
/// `status_lahan` -> (land, value); `None` for any other column.
pub(crate) fn stage_column(normalised_header: &str) -> Option<(Stage, StageCell)> {
    COLUMNS
        .iter()
        .find(|(_, _, names)| names.contains(&normalised_header))
        .map(|(s, c, _)| (*s, *c))
}

/// `--map` entries: (FIELD, HEADER).
pub(crate) type Mapping = Vec<(String, String)>;

/// A `--map FIELD=HEADER` list split into the stage columns (FIELD a recognised stage header
/// such as `tgl_sk_ahu` or `npwp`: [`stage_column`]) and the rest (register fields), each in
/// its order. A FIELD that is both a register field and a stage header stays a register field.
pub(crate) fn split_stage_mapping(
    mapping: &[(String, String)],
    register_fields: &[(&str, &[&str])],
) -> (Mapping, Mapping) {
    mapping.iter().cloned().partition(|(field, _)| {
        !register_fields.iter().any(|(f, _)| f == field)
            && stage_column(&crate::io::headers::normalize_header(field)).is_some()
    })
}

/// Every recognised stage header, as (stage code, normalised header), for documentation and
/// templates.
pub fn stage_headers() -> impl Iterator<Item = (&'static str, &'static str)> {
    COLUMNS
        .iter()
        .flat_map(|(s, _, names)| names.iter().map(move |n| (s.code(), *n)))
}

/// Read one non-empty cell of a stage column.
///
/// `Ok(None)`: the cell says the stage is not reached (`belum`, `tidak`, `0`, `-`).
/// `Ok(Some(fact))`: reached (or progress short of it, for a building below 100 %).
/// `Err((code, reason))`: a cell that cannot be read (a date column with `31/02/2025`, a
/// progress of `120`); the reader lists it and keeps the text.
pub(crate) fn read_stage_cell(
    stage: Stage,
    cell: StageCell,
    v: &str,
) -> Result<Option<StageFact>, (&'static str, String)> {
    let v = trim(v);
    if let Some(yes) = parse_yes_no(v).filter(|_| cell != StageCell::Count) {
        // `1`/`0` in a percent column are numbers, not marks.
        if cell != StageCell::Percent || !v.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(yes.then(|| StageFact::reached(stage, None)));
        }
    }
    match cell {
        StageCell::Date => match parse_date(v) {
            Ok(d) => Ok(Some(StageFact::reached(stage, Some(d)))),
            Err(e) => Err((
                e.code(),
                format!(
                    "{e}; a `{}` column holds the date, `sudah` or `belum`",
                    stage.code()
                ),
            )),
        },
        StageCell::Value => Ok(Some(StageFact {
            value: Some(v.to_string()),
            ..StageFact::reached(stage, None)
        })),
        StageCell::Percent => read_percent(stage, v),
        StageCell::Count => match v.parse::<u32>() {
            Ok(0) => Ok(None),
            Ok(n) => Ok(Some(StageFact {
                value: Some(n.to_string()),
                ..StageFact::reached(stage, None)
            })),
            Err(_) => Err((
                "stage_count_invalid",
                format!("`{v}` is not a number of {}", stage.label_en()),
            )),
        },
    }
}

/// `75`, `75%`, `75,5 %`, `100 persen` -> progress (rounded down); reached at 100.
fn read_percent(stage: Stage, v: &str) -> Result<Option<StageFact>, (&'static str, String)> {
    let bad = || {
        (
            "stage_percent_invalid",
            format!("`{v}` is not a progress in percent (0-100)"),
        )
    };
    let t = v
        .trim_end_matches("persen")
        .trim_end_matches("percent")
        .trim()
        .trim_end_matches('%')
        .trim();
    let whole = t.split([',', '.']).next().unwrap_or(t);
    let p: u8 = whole.parse().map_err(|_| bad())?;
    if p > 100 || t.is_empty() {
        return Err(bad());
    }
    Ok(Some(StageFact {
        value: Some(v.to_string()),
        percent: Some(p),
        reached: p == 100,
        ..StageFact::reached(stage, None)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn columns_are_recognised() {
        assert_eq!(
            stage_column("tgl_akta"),
            Some((Stage::Akta, StageCell::Date))
        );
        assert_eq!(
            stage_column("status_lahan"),
            Some((Stage::Land, StageCell::Value))
        );
        assert_eq!(stage_column("nama_koperasi"), None);
        // No header is listed twice.
        let all: Vec<&str> = stage_headers().map(|(_, h)| h).collect();
        let mut dedup = all.clone();
        dedup.sort_unstable();
        dedup.dedup();
        assert_eq!(all.len(), dedup.len());
    }

    #[test]
    fn cells_are_read() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 10);
        let f = read_stage_cell(Stage::Akta, StageCell::Date, "10/07/2025");
        assert_eq!(f, Ok(Some(StageFact::reached(Stage::Akta, d))));
        assert_eq!(
            read_stage_cell(Stage::Nib, StageCell::Value, "belum"),
            Ok(None)
        );
        let f = read_stage_cell(Stage::Npwp, StageCell::Value, "12.345.678.9-012.000");
        assert_eq!(
            f.ok().flatten().and_then(|f| f.value),
            Some("12.345.678.9-012.000".to_string())
        );
        let f = read_stage_cell(Stage::Building, StageCell::Percent, "45,5 %")
            .ok()
            .flatten();
        assert_eq!(f.map(|f| (f.percent, f.reached)), Some((Some(45), false)));
        let f = read_stage_cell(Stage::Building, StageCell::Percent, "100%")
            .ok()
            .flatten();
        assert_eq!(f.map(|f| f.reached), Some(true));
        assert!(read_stage_cell(Stage::Building, StageCell::Percent, "120").is_err());
        assert_eq!(
            read_stage_cell(Stage::Outlets, StageCell::Count, "0"),
            Ok(None)
        );
        assert!(read_stage_cell(Stage::Akta, StageCell::Date, "31/02/2025").is_err());
    }
}
