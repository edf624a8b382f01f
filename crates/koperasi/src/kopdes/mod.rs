//! Koperasi Desa/Kelurahan Merah Putih (KDMP/KKMP, Inpres 9/2025; DOMAIN.md 9.2): one
//! cooperative per desa/kelurahan.
//!
//! - [`coverage`]: which desa/kelurahan of the Kemendagri 2025 table have a KDMP/KKMP, which
//!   have none, which have several, which coops cover several desa; coverage by kecamatan,
//!   kab/kota, provinsi and the nation.
//! - [`simkopdes`]: the public statistics exports of SIMKOPDES (by province, district,
//!   subdistrict, village) as dated snapshots: regions matched to codes, levels checked
//!   against each other, two snapshots compared.
//! - [`matching`]: region names matched to codes within their parent, with the misplaced and
//!   the unknown names listed (shared by both).

pub mod coverage;
pub mod matching;
pub mod simkopdes;
