//! The controlled vocabulary of what a published count counts.

use serde::{Deserialize, Serialize};

/// What a published figure counts. Two figures can form a series (and a change between them)
/// only when they have the same definition, region and breakdown.
///
/// Serialized as its snake_case code (`"on_record"`); an unknown definition is kept as
/// [`Definition::Other`] with its text, never guessed. Sources of each term: DOMAIN.md,
/// "Definitions of published counts".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Definition {
    /// On the office's record (terdata / terdaftar), whatever their state.
    OnRecord,
    /// In the national system (ODS, SIMKOPDES).
    InNationalSystem,
    /// Checked in the field (diverifikasi / divalidasi).
    Verified,
    /// Found at their address in a field check (ditemukan).
    Found,
    /// Not found at their address in a field check (tidak ditemukan).
    NotFound,
    /// Identified: a clear address and board (alamat dan pengurus jelas).
    Identified,
    /// Active (aktif), under some policy (named with the statement when known).
    Active,
    /// Not active (tidak aktif).
    Inactive,
    /// Held their RAT for a book year (sudah RAT).
    RatHeld,
    /// Holding a Nomor Induk Koperasi (bersertifikat NIK).
    NikCertified,
    /// Dissolved (dibubarkan).
    Dissolved,
    /// New: founded or registered in a period (koperasi baru).
    New,
    /// Koperasi Desa/Kelurahan Merah Putih (Inpres 9/2025).
    KopdesMerahPutih,
    /// A definition not in the vocabulary, kept as written and flagged.
    Other(String),
}

/// Every definition of the vocabulary with its code, Indonesian and English label, and the
/// Indonesian and English words that name it in published text (lower case).
const VOCABULARY: &[(Definition, &str, &str, &str, &[&str])] = &[
    (
        Definition::OnRecord,
        "on_record",
        "Terdata",
        "On record",
        &[
            "terdata",
            "terdaftar",
            "tercatat",
            "on record",
            "registered",
            "jumlah koperasi",
        ],
    ),
    (
        Definition::InNationalSystem,
        "in_national_system",
        "Terdaftar di sistem nasional (ODS/SIMKOPDES)",
        "In the national system (ODS/SIMKOPDES)",
        &["ods", "simkopdes", "sistem nasional", "in national system"],
    ),
    (
        Definition::Verified,
        "verified",
        "Diverifikasi",
        "Verified",
        &[
            "diverifikasi",
            "terverifikasi",
            "divalidasi",
            "tervalidasi",
            "verified",
        ],
    ),
    (
        Definition::Found,
        "found",
        "Ditemukan",
        "Found",
        &["ditemukan", "found"],
    ),
    (
        Definition::NotFound,
        "not_found",
        "Tidak ditemukan",
        "Not found",
        &["tidak ditemukan", "not found"],
    ),
    (
        Definition::Identified,
        "identified",
        "Teridentifikasi (alamat dan pengurus jelas)",
        "Identified (clear address and board)",
        &["teridentifikasi", "identified", "alamat dan pengurus jelas"],
    ),
    (
        Definition::Active,
        "active",
        "Aktif",
        "Active",
        &["aktif", "active"],
    ),
    (
        Definition::Inactive,
        "inactive",
        "Tidak aktif",
        "Inactive",
        &["tidak aktif", "inactive", "nonaktif"],
    ),
    (
        Definition::RatHeld,
        "rat_held",
        "Sudah RAT",
        "Held RAT",
        &["sudah rat", "rat", "rat held", "melaksanakan rat"],
    ),
    (
        Definition::NikCertified,
        "nik_certified",
        "Bersertifikat NIK",
        "NIK-certified",
        &[
            "nik",
            "bersertifikat nik",
            "nik certified",
            "sertifikat nik",
        ],
    ),
    (
        Definition::Dissolved,
        "dissolved",
        "Dibubarkan",
        "Dissolved",
        &["dibubarkan", "bubar", "dissolved"],
    ),
    (
        Definition::New,
        "new",
        "Koperasi baru",
        "New",
        &["baru", "koperasi baru", "new", "pertumbuhan"],
    ),
    (
        Definition::KopdesMerahPutih,
        "kopdes_merah_putih",
        "Koperasi Desa/Kelurahan Merah Putih",
        "Kopdes Merah Putih",
        &[
            "kopdes merah putih",
            "kdmp",
            "kkmp",
            "koperasi merah putih",
            "kopdes",
        ],
    ),
];

impl Definition {
    /// Every definition of the vocabulary ([`Definition::Other`] excluded), in a fixed order.
    pub fn all() -> impl Iterator<Item = Definition> {
        VOCABULARY.iter().map(|(d, ..)| d.clone())
    }

    fn entry(
        &self,
    ) -> Option<&'static (
        Definition,
        &'static str,
        &'static str,
        &'static str,
        &'static [&'static str],
    )> {
        VOCABULARY.iter().find(|(d, ..)| d == self)
    }

    /// The stable snake_case code (`on_record`); for [`Definition::Other`], its text.
    pub fn code(&self) -> &str {
        match self {
            Definition::Other(text) => text,
            d => d.entry().map_or("", |e| e.1),
        }
    }

    /// Indonesian label; for [`Definition::Other`], its text.
    pub fn label_id(&self) -> &str {
        match self {
            Definition::Other(text) => text,
            d => d.entry().map_or("", |e| e.2),
        }
    }

    /// English label; for [`Definition::Other`], its text.
    pub fn label_en(&self) -> &str {
        match self {
            Definition::Other(text) => text,
            d => d.entry().map_or("", |e| e.3),
        }
    }

    /// Reads a definition from its code (`on_record`) or one of its Indonesian or English
    /// words (`terdata`, `tidak ditemukan`, `SIMKOPDES`), case and spacing ignored. Any other
    /// text gives [`Definition::Other`] with the text trimmed (to be flagged, never guessed).
    pub fn parse(text: &str) -> Definition {
        let key = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let key = key.replace(['-', '_'], " ");
        VOCABULARY
            .iter()
            .find(|(_, code, _, _, words)| {
                key == code.replace('_', " ") || words.contains(&key.as_str())
            })
            .map_or_else(
                || Definition::Other(text.trim().to_string()),
                |e| e.0.clone(),
            )
    }

    /// Whether the figure counts events over a period (a flow: `new`) rather than the
    /// cooperatives standing at a date (a stock: `on_record`, `active`, ...). A flow and a stock
    /// never form one series.
    pub fn is_flow(&self) -> bool {
        matches!(self, Definition::New)
    }

    /// Whether this definition is in the vocabulary (not [`Definition::Other`]).
    pub fn is_known(&self) -> bool {
        !matches!(self, Definition::Other(_))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn codes_and_words_read_back() {
        for d in Definition::all() {
            assert_eq!(Definition::parse(d.code()), d);
            assert_eq!(Definition::parse(&d.code().to_uppercase()), d);
        }
        assert_eq!(
            Definition::parse(" Tidak  Ditemukan "),
            Definition::NotFound
        );
        assert_eq!(Definition::parse("SIMKOPDES"), Definition::InNationalSystem);
        assert_eq!(Definition::parse("Terdata"), Definition::OnRecord);
        assert_eq!(
            Definition::parse("sehat"),
            Definition::Other("sehat".into())
        );
        assert!(!Definition::parse("sehat").is_known());
    }

    #[test]
    fn serde_is_the_code() {
        let json = serde_json::to_string(&Definition::OnRecord).unwrap();
        assert_eq!(json, "\"on_record\"");
        assert_eq!(Definition::all().count(), 13);
    }
}
