//! Real sample files embedded in the library (cargo feature `samples`), so that the CLI, the
//! Python package and the browser demo can run on real data with no download.
//!
//! Both are byte-for-byte copies; their provenance is in `data/samples/*/PROVENANCE.md`.

/// Jawa Timur: cooperatives per kabupaten/kota, quarterly, 2018-Q4 .. 2025-Q2 (a panel:
/// 38 kab/kota x 21 periods = 798 rows; aktif, tidak aktif, total, and other counts).
pub const JATIM_PANEL_CSV: &str = include_str!(
    "../data/samples/jatim-koperasi-kabkota-quarterly/koperasi_jatim_kabkota_2018Q4_2025Q2.csv"
);

/// Where [`JATIM_PANEL_CSV`] comes from, in one line.
pub const JATIM_PANEL_SOURCE: &str = "embedded sample: Jawa Timur cooperatives per kabupaten/kota, \
quarterly 2018-Q4..2025-Q2 (798 rows), from Jawa Timur open data via GitHub \
MuhammadErlanggaKurniawan/Dashboard_Analysis_FinalProject_MBKM data/cooperative_raw_all_data.csv @1216b0a";

/// Kota Bogor: register of 398 cooperatives (2022): id, name, nomor badan hukum, address,
/// kecamatan. No RAT history, no status.
pub const BOGOR_REGISTER_CSV: &str =
    include_str!("../data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv");

/// Where [`BOGOR_REGISTER_CSV`] comes from, in one line.
pub const BOGOR_REGISTER_SOURCE: &str = "embedded sample: Kota Bogor cooperative register (398 records, 2022), \
from the MySQL dump of GitHub Sabilamanda/disperdagin @db28fa7 (DinKUKMDagin Kota Bogor website project)";
