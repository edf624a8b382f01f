//! The [`Koperasi`] record: what is known about one cooperative, as facts with dates.
//!
//! A record stores what happened (an RAT held on a date, a field check that found the coop at
//! its address, a dissolution on a date); it never stores a verdict such as "aktif". Status is
//! derived by [`crate::status::assess`] under a policy, as of a date.

use crate::identity::{NikKoperasi, NomorBadanHukum};
use crate::money::Rupiah;
use crate::wilayah::KodeWilayah;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Form of a cooperative (UU 25/1992 art. 6, 15): primary (members are persons) or secondary
/// (members are cooperatives).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Bentuk {
    /// Koperasi primer: at least 9 persons (UU 11/2020), 20 before.
    Primer,
    /// Koperasi sekunder: at least 3 cooperatives.
    Sekunder,
}

impl Bentuk {
    /// The stable snake_case code (the serde name): `primer`, `sekunder`.
    pub fn code(self) -> &'static str {
        match self {
            Bentuk::Primer => "primer",
            Bentuk::Sekunder => "sekunder",
        }
    }
}

/// Jenis (type) of a cooperative: the five legal values of Permenkop UKM 9/2018 art. 67.
/// Legacy groupings such as KSU or KUD are a [`Koperasi::kelompok`] ([`LegacyKelompok`]),
/// not a jenis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Jenis {
    /// Koperasi konsumen.
    Konsumen,
    /// Koperasi produsen.
    Produsen,
    /// Koperasi pemasaran.
    Pemasaran,
    /// Koperasi jasa.
    Jasa,
    /// Koperasi simpan pinjam (savings and loan).
    SimpanPinjam,
}

impl Jenis {
    /// All five values, in the order of the regulation.
    pub const ALL: [Jenis; 5] = [
        Jenis::Produsen,
        Jenis::Konsumen,
        Jenis::Pemasaran,
        Jenis::SimpanPinjam,
        Jenis::Jasa,
    ];

    /// Read a jenis from text as found in registers: `Simpan Pinjam`, `KSP`, `simpan_pinjam`,
    /// `Koperasi Konsumen`, ... Case and spacing are ignored. `None` when the text names no
    /// legal jenis (e.g. `Serba Usaha`, which is a legacy kelompok).
    pub fn parse(s: &str) -> Option<Jenis> {
        if s.is_ascii() {
            // Without allocating: the longest accepted key has 40 letters.
            let mut buf = [0u8; 48];
            let mut n = 0usize;
            for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
                *buf.get_mut(n)? = b.to_ascii_lowercase();
                n += 1;
            }
            return Jenis::from_key(std::str::from_utf8(buf.get(..n)?).ok()?);
        }
        let t: String = s
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        Jenis::from_key(&t)
    }

    /// [`Jenis::parse`] of a key: lower case, letters and digits only.
    fn from_key(t: &str) -> Option<Jenis> {
        let t = t.strip_prefix("koperasi").unwrap_or(t);
        match t {
            "konsumen" => Some(Jenis::Konsumen),
            "produsen" => Some(Jenis::Produsen),
            "pemasaran" => Some(Jenis::Pemasaran),
            "jasa" => Some(Jenis::Jasa),
            "simpanpinjam"
            | "ksp"
            | "usp"
            | "simpanpinjamdanpembiayaansyariah"
            | "simpanpinjamsyariah"
            | "simpanpinjampembiayaansyariah"
            | "kspps"
            | "kspsyariah"
            | "jasakeuangansyariah"
            | "kjks" => Some(Jenis::SimpanPinjam),
            _ => None,
        }
    }

    /// The stable snake_case code (the serde name): `konsumen`, `produsen`, `pemasaran`,
    /// `jasa`, `simpan_pinjam`.
    pub fn code(self) -> &'static str {
        match self {
            Jenis::Konsumen => "konsumen",
            Jenis::Produsen => "produsen",
            Jenis::Pemasaran => "pemasaran",
            Jenis::Jasa => "jasa",
            Jenis::SimpanPinjam => "simpan_pinjam",
        }
    }

    /// The Indonesian label, e.g. `Simpan Pinjam`.
    pub fn label(self) -> &'static str {
        match self {
            Jenis::Konsumen => "Konsumen",
            Jenis::Produsen => "Produsen",
            Jenis::Pemasaran => "Pemasaran",
            Jenis::Jasa => "Jasa",
            Jenis::SimpanPinjam => "Simpan Pinjam",
        }
    }
}

/// Management pattern (pola pengelolaan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Pola {
    /// Conventional.
    Konvensional,
    /// Sharia (allowed since UU 11/2020).
    Syariah,
}

/// Who dissolved a cooperative (UU 25/1992 art. 46; PP 17/1994).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DissolvedBy {
    /// By decision of the member meeting (rapat anggota).
    MemberMeeting,
    /// By the government (PP 17/1994).
    Government,
    /// By a court (bankruptcy).
    Court,
    /// Not stated.
    Unknown,
}

/// A dissolution event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Dissolution {
    /// Effective date of the dissolution.
    pub date: NaiveDate,
    /// Who decided it.
    pub by: DissolvedBy,
}

/// An annual member meeting (RAT) held for a book year (UU 25/1992 art. 35).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rat {
    /// The book year the meeting closed (e.g. 2024 for an RAT held in March 2025).
    pub book_year: i32,
    /// The date of the meeting, when known. When unknown, the RAT is taken to have been held
    /// by the deadline the policy sets for that book year.
    pub date: Option<NaiveDate>,
}

/// For which book years a record's RAT list is complete.
///
/// A register rarely says everything: a file with columns `RAT 2022`, `RAT 2023` says nothing
/// about 2021; a column "last RAT book year" says nothing about the years before it. Status
/// rules use this to tell "no RAT held" (a fact) from "not known" (a gap in the data), so that
/// a gap never makes a cooperative inactive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RatKnowledge {
    /// Nothing is known beyond the RATs listed.
    #[default]
    Unknown,
    /// The list is complete: any book year not listed had no RAT.
    Complete,
    /// Complete for the book years `from + i` whose bit `i` of `known` is set (up to 64 years).
    Years {
        /// First book year of the mask.
        from: i32,
        /// Bit `i` set: book year `from + i` is known.
        known: u64,
    },
    /// Complete after the given book year (no RAT for any later book year unless listed);
    /// unknown for it and before it unless listed. What a "last RAT book year" column says.
    After {
        /// The last book year known to have (or not have) its RAT; later years are known.
        year: i32,
    },
    /// What a "last RAT" column of a register with a known data date says: an RAT for book
    /// year `year` (listed in the record's RATs), and **none** for a later book year whose RAT
    /// deadline passed before `as_of` (the deadline day itself is not yet overdue); later book
    /// years, due after the register's date, stay unknown, as do `year` and the years before it
    /// unless listed. The deadline is that of the policy assessing
    /// ([`RatKnowledge::covers_by`]), by default 6 months (30 June; DOMAIN.md 2.3).
    LastRat {
        /// The book year of the last RAT the register records.
        year: i32,
        /// The register's data date (e.g. `Keadaan s/d 31 Desember 2024` in its title, or
        /// given by the user).
        as_of: NaiveDate,
    },
}

impl RatKnowledge {
    /// Knowledge of exactly the given book years. Only the latest 64 years can be held: years
    /// more than 63 before the latest are dropped (they never decide a status today).
    pub fn years<I: IntoIterator<Item = i32>>(years: I) -> RatKnowledge {
        let ys: Vec<i32> = years.into_iter().collect();
        let (Some(&first), Some(&last)) = (ys.iter().min(), ys.iter().max()) else {
            return RatKnowledge::Unknown;
        };
        let from = first.max(last.saturating_sub(63));
        let mut known = 0u64;
        for y in ys {
            if let Some(bit) = y.checked_sub(from).and_then(|d| u32::try_from(d).ok()) {
                if bit < 64 {
                    known |= 1u64 << bit;
                }
            }
        }
        RatKnowledge::Years { from, known }
    }

    /// True when the RAT facts for `book_year` are complete, with RAT deadlines 6 months after
    /// the book year ([`RatKnowledge::covers_by`] with 6).
    pub fn covers(self, book_year: i32) -> bool {
        self.covers_by(book_year, crate::status::STATUTORY_DEADLINE_MONTHS)
    }

    /// True when the RAT facts for `book_year` are complete, when RATs are due `months` months
    /// after their book year ends (only [`RatKnowledge::LastRat`] depends on it: a book year
    /// is covered once its deadline passed before the register's date).
    pub fn covers_by(self, book_year: i32, months: u32) -> bool {
        match self {
            RatKnowledge::Unknown => false,
            RatKnowledge::Complete => true,
            RatKnowledge::After { year } => book_year > year,
            RatKnowledge::LastRat { year, as_of } => {
                book_year > year
                    && crate::status::rat_deadline(book_year, months).is_some_and(|d| d < as_of)
            }
            RatKnowledge::Years { from, known } => book_year
                .checked_sub(from)
                .and_then(|d| u32::try_from(d).ok())
                .is_some_and(|bit| bit < 64 && known & (1u64 << bit) != 0),
        }
    }

    /// True when something beyond the listed RATs is known.
    pub fn is_known(self) -> bool {
        !matches!(self, RatKnowledge::Unknown)
    }
}

/// A field check (verifikasi lapangan) by the office: what was seen, on which date.
/// Each fact is `None` when the check did not establish it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldCheck {
    /// Date of the visit.
    pub date: NaiveDate,
    /// Found at the registered address.
    pub found_at_address: Option<bool>,
    /// Board (pengurus) identifiable.
    pub board_known: Option<bool>,
    /// Actually running a business.
    pub business_active: Option<bool>,
}

/// Members at a date (ODS reports men and women separately).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Members {
    /// Male members.
    pub male: Option<u64>,
    /// Female members.
    pub female: Option<u64>,
    /// Total members as stated (may disagree with male + female: a check reports it).
    pub total: Option<u64>,
}

/// Financial figures of one book year, exact in sen. Any figure may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finances {
    /// The book year.
    pub book_year: i32,
    /// Total assets (aset).
    pub assets: Option<Rupiah>,
    /// Own capital (modal sendiri, UU 25/1992 art. 41(2)).
    pub own_capital: Option<Rupiah>,
    /// Borrowed capital (modal luar, art. 41(3)).
    pub borrowed_capital: Option<Rupiah>,
    /// Business volume (volume usaha) of the year.
    pub business_volume: Option<Rupiah>,
    /// SHU of the year (may be negative: a loss).
    pub shu: Option<Rupiah>,
}

/// How a cooperative came into being when it was not a genuinely new creation (Eurostat-OECD
/// business demography: such entries are not births; DOMAIN.md 5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OriginKind {
    /// Created by a merger (penggabungan or peleburan, UU 25/1992 art. 14).
    Merger,
    /// Created by a division (pembagian) of another cooperative.
    Division,
    /// Created by a conversion of another entity (e.g. into a Koperasi Multi Pihak), not a new
    /// combination of production factors.
    Conversion,
}

/// The origin of a cooperative created by restructuring (see [`OriginKind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Origin {
    /// Merger, division or conversion.
    pub kind: OriginKind,
    /// Date of the restructuring, when known.
    pub date: Option<NaiveDate>,
}

/// Whether a cooperative ran a business in a book year (any volume usaha > 0, or a field
/// observation): Eurostat's activity criterion (DOMAIN.md 2.2, 5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BusinessActivity {
    /// The book year.
    pub year: i32,
    /// True when the cooperative had business activity in that year.
    pub active: bool,
}

/// Where a cooperative is: names as written in the source, and the resolved Kemendagri code of
/// the most precise level that could be resolved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Location {
    /// Street address as written (alamat).
    pub address: Option<String>,
    /// Desa/kelurahan name as written.
    pub desa: Option<String>,
    /// Kecamatan name as written.
    pub kecamatan: Option<String>,
    /// Kabupaten/kota name as written.
    pub kab_kota: Option<String>,
    /// Province name as written.
    pub provinsi: Option<String>,
    /// Resolved region code (most precise level found), when resolution succeeded.
    pub code: Option<KodeWilayah>,
    /// Coordinates as given by the source (SIMKOPDES location lists carry them), when both
    /// latitude and longitude could be read. Kept as facts; [`crate::geo`] checks them.
    #[serde(default)]
    pub coordinates: Option<Coordinates>,
}

/// A point in decimal degrees (WGS 84, as SIMKOPDES and web maps give them): latitude -90..=90
/// (negative south of the equator), longitude -180..=180. Never NaN or infinite: only
/// [`Coordinates::new`] makes one.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "CoordinatesRaw")]
pub struct Coordinates {
    /// Latitude in degrees.
    latitude: f64,
    /// Longitude in degrees.
    longitude: f64,
}

/// The serde shape of [`Coordinates`], checked by [`Coordinates::new`] on the way in.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct CoordinatesRaw {
    latitude: f64,
    longitude: f64,
}

impl TryFrom<CoordinatesRaw> for Coordinates {
    type Error = String;
    fn try_from(r: CoordinatesRaw) -> Result<Coordinates, String> {
        Coordinates::new(r.latitude, r.longitude).ok_or_else(|| {
            format!(
                "coordinates ({}, {}) are not a point: latitude must be within -90..=90 and \
                 longitude within -180..=180",
                r.latitude, r.longitude
            )
        })
    }
}

impl Coordinates {
    /// A point, or `None` when a value is not finite or out of range (latitude -90..=90,
    /// longitude -180..=180).
    pub fn new(latitude: f64, longitude: f64) -> Option<Coordinates> {
        ((-90.0..=90.0).contains(&latitude) && (-180.0..=180.0).contains(&longitude)).then_some(
            Coordinates {
                latitude,
                longitude,
            },
        )
    }

    /// Latitude in degrees (-90..=90).
    pub fn latitude(self) -> f64 {
        self.latitude
    }

    /// Longitude in degrees (-180..=180).
    pub fn longitude(self) -> f64 {
        self.longitude
    }
}

// Never NaN (see `Coordinates::new`), so equality is an equivalence.
impl Eq for Coordinates {}

impl std::hash::Hash for Coordinates {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // `+ 0.0` makes -0.0 and 0.0 (equal) hash alike.
        (self.latitude + 0.0).to_bits().hash(state);
        (self.longitude + 0.0).to_bits().hash(state);
    }
}

/// The office's own statement that a cooperative is active or not: a column such as `status`,
/// `keaktifan`, `aktif` or a pair `aktif` / `tdkaktif` of the register. A fact of the source,
/// kept beside (never instead of) the status the policy derives: [`crate::office`] compares
/// the two.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OfficeStatus {
    /// True when the office marks the cooperative active (`Aktif`, `A`, a mark in `aktif`),
    /// false when it marks it not active (`Tidak Aktif`, `TA`, `Pasif`, a mark in `tdkaktif`).
    pub active: bool,
    /// The header of the column that says so, as in the file.
    pub column: String,
    /// The cell as written (e.g. `TIDAK AKTIF`, `v`).
    pub value: String,
}

/// The legacy groupings (kelompok) that registers still write in their jenis column although
/// they are no jenis: Permenkop UKM 9/2018 art. 67 names five jenis (produsen, konsumen,
/// pemasaran, simpan pinjam, jasa), and the Kemenkop ODS keeps KUD and KSU as a "Kelompok
/// Koperasi" (DOMAIN.md 1.3; Kebumen's open data still lists "Serba Usaha" as a jenis).
/// A register's `Serba Usaha` is therefore read as the kelompok `KSU`, never as an unknown
/// jenis, and the jenis stays unknown unless the record states one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegacyKelompok {
    /// Koperasi Serba Usaha (multi-purpose): `KSU`, `Serba Usaha`, `Koperasi Serba Usaha`.
    Ksu,
    /// Koperasi Unit Desa (the village-unit cooperative of Inpres 4/1984): `KUD`, `Koperasi
    /// Unit Desa`.
    Kud,
}

impl LegacyKelompok {
    /// Read `KSU`, `Serba Usaha`, `Koperasi Serba Usaha`, `KUD`, `Koperasi Unit Desa` (case,
    /// spacing and punctuation ignored); `None` for anything else.
    pub fn parse(s: &str) -> Option<LegacyKelompok> {
        let t: String = s
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        match t.strip_prefix("koperasi").unwrap_or(&t) {
            "ksu" | "serbausaha" => Some(LegacyKelompok::Ksu),
            "kud" | "unitdesa" => Some(LegacyKelompok::Kud),
            _ => None,
        }
    }

    /// The short name kept as the record's kelompok: `KSU`, `KUD`.
    pub fn code(self) -> &'static str {
        match self {
            LegacyKelompok::Ksu => "KSU",
            LegacyKelompok::Kud => "KUD",
        }
    }

    /// The full name: `Koperasi Serba Usaha`, `Koperasi Unit Desa`.
    pub fn label(self) -> &'static str {
        match self {
            LegacyKelompok::Ksu => "Koperasi Serba Usaha",
            LegacyKelompok::Kud => "Koperasi Unit Desa",
        }
    }
}

/// One cooperative: identity, classification, location and dated facts.
///
/// Every field except `name` may be unknown. Unknown input columns are kept in `extra`
/// (in input order) so that writing the record back loses nothing. Deserialising fills the
/// fields left out with their defaults (unknown, empty), so `{"name": "KSP Maju"}` is a record.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Koperasi {
    /// An identifier from the source (e.g. a row id), kept as text.
    pub source_id: Option<String>,
    /// 1-based line of the source file the record was read from, when read from a file.
    pub source_line: Option<u64>,
    /// Name as written.
    pub name: String,
    /// Nomor Induk Koperasi.
    pub nik: Option<NikKoperasi>,
    /// Nomor badan hukum pendirian.
    pub badan_hukum: Option<NomorBadanHukum>,
    /// Date of the legal-entity approval (tanggal badan hukum); the coop's founding date.
    pub tanggal_badan_hukum: Option<NaiveDate>,
    /// Where it is.
    pub location: Location,
    /// Bentuk (primer/sekunder).
    pub bentuk: Option<Bentuk>,
    /// Jenis (one of five legal values).
    pub jenis: Option<Jenis>,
    /// Kelompok as written (legacy grouping: KUD, KSU, Kopwan, KPRI, ...).
    pub kelompok: Option<String>,
    /// Pola pengelolaan.
    pub pola: Option<Pola>,
    /// Members, latest known.
    pub members: Option<Members>,
    /// Employees (karyawan), latest known.
    pub employees: Option<u64>,
    /// Professional managers, latest known.
    pub managers: Option<u64>,
    /// RAT history, one entry per book year for which an RAT is known to have been held.
    pub rat: Vec<Rat>,
    /// Which book years the RAT facts are complete for: for those years, a year missing from
    /// `rat` means "no RAT held"; for the others it means "unknown".
    pub rat_known: RatKnowledge,
    /// Finances by book year.
    pub finances: Vec<Finances>,
    /// Field checks, any order.
    pub field_checks: Vec<FieldCheck>,
    /// Dissolution, if any.
    pub dissolution: Option<Dissolution>,
    /// Set when the cooperative was created by a merger, division or conversion (not a birth
    /// in business demography); `None` for a genuinely new cooperative or when not known.
    #[serde(default)]
    pub origin: Option<Origin>,
    /// Business activity by book year, when known (used by business demography as activity
    /// beside the status; not by [`crate::status::assess`]).
    #[serde(default)]
    pub business_activity: Vec<BusinessActivity>,
    /// Input columns not understood by the reader, as (header, value), in input order.
    pub extra: Vec<(String, String)>,
    /// What the office's own status column says (active or not), when the register has one;
    /// compared with the derived status by [`crate::office`], never used to derive it.
    #[serde(default)]
    pub office_status: Option<OfficeStatus>,
    /// Stages of a Koperasi Desa/Kelurahan Merah Putih reached (musdesus, akta, SK AHU, NIB,
    /// NPWP, bank account, ...), as dated facts, any order; see [`crate::kopdes::stage_facts`],
    /// which adds those the record carries elsewhere (NIK, badan hukum, RAT).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<crate::kopdes::StageFact>,
}

impl Koperasi {
    /// A record with only a name.
    pub fn new(name: impl Into<String>) -> Koperasi {
        Koperasi {
            name: name.into(),
            ..Koperasi::default()
        }
    }

    /// The founding date: the tanggal badan hukum when known, unless it is the date of an
    /// amendment: beside an amendment (PAD) number, a tanggal badan hukum in the year the number
    /// states (or any tanggal, when the number states no year) is the amendment's date, not the
    /// founding's (DOMAIN.md 1.5; the 1996 mass amendment of KUD/KSU is not a founding boom).
    pub fn founded(&self) -> Option<NaiveDate> {
        use chrono::Datelike;
        self.tanggal_badan_hukum.filter(|d| {
            !self
                .badan_hukum
                .as_ref()
                .is_some_and(|b| b.is_amendment && b.year.is_none_or(|y| y == d.year()))
        })
    }

    /// The founding year: from the founding date ([`Koperasi::founded`]), else from the year
    /// the nomor badan hukum states (see [`NomorBadanHukum`]) unless it is an amendment (PAD)
    /// number, whose year is that of the amendment, not of the founding (DOMAIN.md 1.5).
    pub fn founding_year(&self) -> Option<i32> {
        use chrono::Datelike;
        self.founded().map(|d| d.year()).or_else(|| {
            self.badan_hukum
                .as_ref()
                .filter(|b| !b.is_amendment)
                .and_then(|b| b.year)
        })
    }

    /// The latest field check on or before `as_of`, if any.
    pub fn latest_field_check(&self, as_of: NaiveDate) -> Option<&FieldCheck> {
        self.field_checks
            .iter()
            .filter(|c| c.date <= as_of)
            .max_by_key(|c| c.date)
    }

    /// The "identified" fact of a 2025 Balikpapan report: found at the address **and** board
    /// known, by the latest field check on or before `as_of`. `None` when no check says both.
    pub fn identified(&self, as_of: NaiveDate) -> Option<bool> {
        let c = self.latest_field_check(as_of)?;
        match (c.found_at_address, c.board_known) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (Some(true), Some(true)) => Some(true),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rat_knowledge() {
        let k = RatKnowledge::years([2022, 2024, 2023]);
        assert!(k.covers(2022) && k.covers(2023) && k.covers(2024));
        assert!(!k.covers(2021) && !k.covers(2025));
        let gap = RatKnowledge::years([2019, 2021]);
        assert!(gap.covers(2019) && !gap.covers(2020) && gap.covers(2021));
        let after = RatKnowledge::After { year: 2021 };
        assert!(after.covers(2022) && !after.covers(2021));
        let json = serde_json::to_string(&after).unwrap();
        assert_eq!(json, r#"{"kind":"after","year":2021}"#);
        assert_eq!(serde_json::from_str::<RatKnowledge>(&json).unwrap(), after);
        assert!(RatKnowledge::Complete.covers(i32::MIN) && !RatKnowledge::Unknown.covers(0));
        assert!(!RatKnowledge::years([i32::MAX]).covers(i32::MIN));
        // The latest 64 years are kept when the span is longer.
        let long = RatKnowledge::years([1950, 2023, 2024]);
        assert!(long.covers(2024) && long.covers(2023) && !long.covers(1950));
        assert_eq!(RatKnowledge::years([]), RatKnowledge::Unknown);
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(serde_json::from_str::<RatKnowledge>(&json).unwrap(), k);
    }

    #[test]
    fn jenis_parse() {
        assert_eq!(Jenis::parse("Simpan Pinjam"), Some(Jenis::SimpanPinjam));
        assert_eq!(Jenis::parse("KOPERASI KONSUMEN"), Some(Jenis::Konsumen));
        assert_eq!(Jenis::parse("simpan_pinjam"), Some(Jenis::SimpanPinjam));
        assert_eq!(Jenis::parse("Serba Usaha"), None);
        assert_eq!(
            Jenis::parse("Simpan Pinjam Syariah"),
            Some(Jenis::SimpanPinjam)
        );
        assert_eq!(Jenis::parse("KSPPS"), Some(Jenis::SimpanPinjam));
    }

    #[test]
    fn an_amendment_number_does_not_give_the_founding_year() {
        let mut k = Koperasi::new("KOPASGO");
        k.badan_hukum = NomorBadanHukum::parse("8621/BH/PAD/KWK.10/II/2023");
        assert!(k.badan_hukum.as_ref().unwrap().is_amendment);
        assert_eq!(k.founding_year(), None);
        k.badan_hukum = NomorBadanHukum::parse("9290/BH/KWK-10/IX-1996");
        assert_eq!(k.founding_year(), Some(1996));
    }

    #[test]
    fn an_amendment_date_is_not_a_founding_date() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // The 1996 mass amendment: the number and its date are the amendment's.
        let mut k = Koperasi::new("KUD Mina");
        k.badan_hukum = NomorBadanHukum::parse("518/BH/PAD/KWK.10/IX/1996");
        k.tanggal_badan_hukum = Some(d("1996-09-12"));
        assert_eq!((k.founded(), k.founding_year()), (None, None));
        // A PAD number with no year: its tanggal is still the amendment's.
        k.badan_hukum = NomorBadanHukum::parse("12/BH/PAD/KWK");
        assert_eq!((k.founded(), k.founding_year()), (None, None));
        // A tanggal in another year than the amendment is a founding date.
        k.badan_hukum = NomorBadanHukum::parse("518/BH/PAD/KWK.10/IX/1996");
        k.tanggal_badan_hukum = Some(d("1980-09-18"));
        assert_eq!(k.founded(), Some(d("1980-09-18")));
        assert_eq!(k.founding_year(), Some(1980));
        // A founding number: its tanggal is the founding date.
        k.badan_hukum = NomorBadanHukum::parse("844A/BH/VIII/1980");
        assert_eq!(k.founding_year(), Some(1980));
    }

    #[test]
    fn last_rat_knowledge_ends_at_the_data_date() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // Last RAT for 2020, register as of 2024-12-31: none for 2021-2023 (due by
        // 2024-06-30); 2024 is due on 2025-06-30, after the register's date: unknown.
        let k = RatKnowledge::LastRat {
            year: 2020,
            as_of: d("2024-12-31"),
        };
        assert!(!k.covers(2020) && k.covers(2021) && k.covers(2023) && !k.covers(2024));
        assert!(!k.covers(2019) && k.is_known());
        // The deadline day itself: the register cannot yet say the RAT was missed.
        let on_deadline = RatKnowledge::LastRat {
            year: 2020,
            as_of: d("2024-06-30"),
        };
        assert!(on_deadline.covers(2022) && !on_deadline.covers(2023));
        let after_deadline = RatKnowledge::LastRat {
            year: 2020,
            as_of: d("2024-07-01"),
        };
        assert!(after_deadline.covers(2023));
        // With a 3-month deadline (31 March), 2023 is covered by 2024-04-01.
        let april = RatKnowledge::LastRat {
            year: 2020,
            as_of: d("2024-04-01"),
        };
        assert!(april.covers_by(2023, 3) && !april.covers(2023));
        // A last RAT in the future of the data date covers nothing.
        let future = RatKnowledge::LastRat {
            year: 2030,
            as_of: d("2024-12-31"),
        };
        assert!((2020..2040).all(|y| !future.covers(y)));
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"last_rat","year":2020,"as_of":"2024-12-31"}"#
        );
        assert_eq!(serde_json::from_str::<RatKnowledge>(&json).unwrap(), k);
    }

    #[test]
    fn identified_needs_both_facts() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut k = Koperasi::new("KSP Maju");
        assert_eq!(k.identified(d("2025-10-01")), None);
        k.field_checks.push(FieldCheck {
            date: d("2025-09-01"),
            found_at_address: Some(true),
            board_known: Some(true),
            business_active: None,
        });
        assert_eq!(k.identified(d("2025-10-01")), Some(true));
        assert_eq!(k.identified(d("2025-08-01")), None);
        k.field_checks.push(FieldCheck {
            date: d("2025-09-15"),
            found_at_address: Some(false),
            board_known: None,
            business_active: None,
        });
        assert_eq!(k.identified(d("2025-10-01")), Some(false));
    }
}
