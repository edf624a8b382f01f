//! Kemendagri region codes (kode wilayah) and the embedded 2025 table.
//!
//! - [`KodeWilayah`]: a code `PP`, `PP.KK`, `PP.KK.CC` or `PP.KK.CC.DDDD` (DOMAIN.md 6.3):
//!   parse, level, parent, kabupaten or kota, kelurahan or desa, containment.
//! - [`table()`]: the Kemendagri 2025 table ([`TABLE_SOURCE`]) embedded in the library:
//!   provinsi, kabupaten/kota and kecamatan always; desa/kelurahan with the cargo feature `desa`.
//! - Name look-up with normalisation ([`normalize_name`]): `KAB. MALANG`, `Kabupaten Malang`
//!   and `kab malang` are the same region; `Kota Malang` is another; a bare `Malang` is
//!   ambiguous.
//!
//! ```
//! use koperasi::wilayah::{table, KodeWilayah, Level};
//! let t = table();
//! let kota = t.find_kab_kota("Kota Balikpapan", None)?;
//! assert_eq!(kota.code.to_string(), "64.71");
//! let kec = t.find_kecamatan("Kec. Balikpapan Timur", Some(&kota.code))?;
//! assert_eq!(kec.code, KodeWilayah::parse("647101")?);
//! assert_eq!(kec.level, Level::Kecamatan);
//! assert!(t.find_kab_kota("Malang", None).is_err()); // kabupaten 35.07 or kota 35.73
//! # Ok::<(), koperasi::Error>(())
//! ```

mod code;
mod given;
mod names;
mod resolve;
mod table;

pub use code::{KodeWilayah, Level};
pub use given::{TableRef, table_with_desa};
pub use names::normalize_name;
pub use resolve::contains_on;
pub use resolve::{RegionLevel, Resolution, is_nasional_name, resolve_name, resolve_names};
pub(crate) use resolve::{children_on, province_on};
pub(crate) use table::edit_distance;
pub use table::{SEARCH_LIMIT, Table, Wilayah, table};

/// Version of the embedded table: the year of the decree.
pub const TABLE_VERSION: &str = "2025";

/// Where the embedded table comes from, for reports.
pub const TABLE_SOURCE: &str = "Kode wilayah Kepmendagri No. 300.2.2-2138 Tahun 2025, as published in \
github.com/cahyadsn/wilayah (db/wilayah.sql, commit b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7; \
MIT License, (c) Cahya DSN)";
