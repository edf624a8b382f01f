//! The blank register template of Koperasi Desa/Kelurahan Merah Putih (KDMP/KKMP, Inpres
//! 9/2025): the identity and place columns of the register template, then one column per
//! stage of [`crate::kopdes::Stage`] that `koperasi kopdes stages|readiness` read.
//!
//! [`template_kopdes_columns`] lists them; `koperasi::io::template_xlsx::template_kopdes_xlsx`
//! (feature `xlsx-write`) writes the workbook (`koperasi template kopdes -o kdmp.xlsx`). Each
//! stage header is one the register reader recognises as that stage (a test reads every header
//! back), so a filled template gives the funnel and the PMK 49/2025 loan checklist without a
//! `--map`.

use super::template::{ColumnKind, TemplateColumn, template_columns};

/// The register template's columns kept: who the coop is and which desa/kelurahan it serves.
const IDENTITY: [&str; 8] = [
    "source_id",
    "name",
    "nik",
    "desa",
    "kecamatan",
    "kab_kota",
    "provinsi",
    "kode_wilayah",
];

/// What a stage date cell holds, in Indonesian and English.
const DATE_HINT: (&str, &str) = (
    "Tanggal tahap ini tercapai, mis. 15/07/2025; tulis ya bila sudah tetapi tanggalnya tidak diketahui; kosongkan atau tulis belum bila belum.",
    "Date this stage was reached, e.g. 15/07/2025; write ya (yes) when reached but the date is not known; leave empty or write belum when not yet.",
);

/// The stage columns: (header, kind, example, hint in Indonesian and English). The example row
/// is a kelurahan coop that has its legal entity, identifiers, bank and SIMKOPDES accounts,
/// land and a business proposal, with its building at 60 % and no approval yet.
const STAGES: [(&str, ColumnKind, &str, (&str, &str)); 19] = [
    (
        "Tanggal Musdesus",
        ColumnKind::Date,
        "10/05/2025",
        DATE_HINT,
    ),
    (
        "Tanggal Rapat Pendirian",
        ColumnKind::Date,
        "10/05/2025",
        DATE_HINT,
    ),
    ("Tanggal Akta", ColumnKind::Date, "20/05/2025", DATE_HINT),
    ("Tanggal SK AHU", ColumnKind::Date, "28/06/2025", DATE_HINT),
    ("Tanggal NIK", ColumnKind::Date, "15/07/2025", DATE_HINT),
    ("Tanggal NIB", ColumnKind::Date, "16/07/2025", DATE_HINT),
    ("Tanggal NPWP", ColumnKind::Date, "16/07/2025", DATE_HINT),
    (
        "Tanggal Rekening",
        ColumnKind::Date,
        "01/08/2025",
        DATE_HINT,
    ),
    (
        "Tanggal Akun SIMKOPDES",
        ColumnKind::Date,
        "05/08/2025",
        DATE_HINT,
    ),
    ("Tanggal Lahan", ColumnKind::Date, "15/09/2025", DATE_HINT),
    (
        "Status Lahan",
        ColumnKind::Text,
        "Aset Pemda",
        (
            "Status lahan kantor/gerai (mis. tanah kas desa, aset pemda, sewa); kosongkan atau tulis belum bila belum ada.",
            "Status of the land for the office/outlets (e.g. village land, local government asset, lease); leave empty or write belum when there is none yet.",
        ),
    ),
    ("Tanggal Bangunan Selesai", ColumnKind::Date, "", DATE_HINT),
    (
        "Progres Bangunan",
        ColumnKind::Percent,
        "60",
        (
            "Kemajuan pembangunan dalam persen (0 sampai 100); 100 berarti selesai.",
            "Construction progress in percent (0 to 100); 100 means finished.",
        ),
    ),
    ("Tanggal Buka Gerai", ColumnKind::Date, "", DATE_HINT),
    (
        "Jumlah Gerai",
        ColumnKind::Count,
        "",
        (
            "Jumlah gerai yang sudah buka (angka bulat).",
            "Number of outlets open (a whole number).",
        ),
    ),
    ("Tanggal Operasional", ColumnKind::Date, "", DATE_HINT),
    ("Tanggal RAT Pertama", ColumnKind::Date, "", DATE_HINT),
    ("Tanggal Proposal Bisnis", ColumnKind::Date, "ya", DATE_HINT),
    ("Tanggal Persetujuan", ColumnKind::Date, "", DATE_HINT),
];

/// The columns of the blank KDMP/KKMP register template, in order: the register template's
/// id, name, NIK and place columns (the example a kelurahan coop of Paledang, Bogor Tengah,
/// Kota Bogor, code 32.71.03.1002), then 19 stage columns (a date per stage of
/// [`crate::kopdes::Stage`], plus land status, construction progress in percent and the number
/// of outlets). A column's `field` is its normalised header (`tanggal_sk_ahu`) for the stages.
pub fn template_kopdes_columns() -> Vec<TemplateColumn> {
    let mut cols: Vec<TemplateColumn> = template_columns(2000)
        .into_iter()
        .filter(|c| IDENTITY.contains(&c.field.as_str()))
        .map(kopdes_example)
        .collect();
    cols.extend(
        STAGES
            .iter()
            .map(|(header, kind, example, hint)| TemplateColumn {
                field: super::headers::normalize_header(header),
                header: (*header).to_string(),
                kind: *kind,
                choices: Vec::new(),
                open_choices: false,
                required: false,
                description_id: hint.0,
                description_en: hint.1,
                example: (*example).to_string(),
            }),
    );
    cols
}

/// A register template column with the example of a KKMP and a desa-level region code.
fn kopdes_example(mut c: TemplateColumn) -> TemplateColumn {
    match c.field.as_str() {
        "name" => {
            c.example = format!(
                "{} Koperasi Kelurahan Merah Putih Paledang",
                super::template::EXAMPLE_MARK
            );
        }
        "nik" => c.example = "3271030020002".into(),
        "kode_wilayah" => {
            c.example = "32.71.03.1002".into();
            c.description_id = "Kode desa/kelurahan Kemendagri (boleh kosong), mis. 32.71.03.1002; ditulis sebagai teks. Tanpa kode, nama desa dicocokkan di dalam kecamatannya.";
            c.description_en = "Kemendagri desa/kelurahan code (may be empty), e.g. 32.71.03.1002; written as text. Without it, the desa name is matched within its kecamatan.";
        }
        _ => {}
    }
    c
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use crate::kopdes::{Stage, StageCell, stage_column};

    /// Every stage header reads back as its stage, each stage has its date column, and the
    /// three value columns hold what their kind says.
    #[test]
    fn every_stage_header_reads_back_as_its_stage() {
        let cols = template_kopdes_columns();
        assert_eq!(cols.len(), 8 + 19);
        let mut dated = Vec::new();
        for c in cols.iter().skip(8) {
            let (stage, cell) = stage_column(&c.field)
                .unwrap_or_else(|| panic!("{} is not a stage header", c.header));
            let want = match c.kind {
                ColumnKind::Date => StageCell::Date,
                ColumnKind::Text => StageCell::Value,
                ColumnKind::Percent => StageCell::Percent,
                ColumnKind::Count => StageCell::Count,
                k => panic!("{k:?}"),
            };
            assert_eq!(cell, want, "{}", c.header);
            if cell == StageCell::Date {
                dated.push(stage);
            }
        }
        assert_eq!(dated, Stage::ALL);
    }
}
