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

/// One embedded sample file: the name the bindings use for it, its file name, its CSV text and
/// where it comes from ([`JATIM_PANEL_SOURCE`], [`BOGOR_REGISTER_SOURCE`]). Serialised as
/// `{name, file_name, csv, source}` (the shape Python `_koperasi.sample(name)` and JS
/// `sample(name)` give).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Sample {
    /// The name the CLI, Python (`koperasi.samples`) and JS (`sample(name)`) use:
    /// `jatim_panel` or `bogor_register` (and `balikpapan_statements`, see
    /// [`BALIKPAPAN_STATEMENTS`]).
    pub name: &'static str,
    /// The file name of the original copy (under `data/samples/`).
    pub file_name: &'static str,
    /// The file's text (CSV, UTF-8).
    pub csv: &'static str,
    /// Where it comes from, in one line.
    pub source: &'static str,
}

/// Both samples: the East Java panel (`jatim_panel`) and the Kota Bogor register
/// (`bogor_register`).
pub const ALL: [Sample; 2] = [
    Sample {
        name: "jatim_panel",
        file_name: "koperasi_jatim_kabkota_2018Q4_2025Q2.csv",
        csv: JATIM_PANEL_CSV,
        source: JATIM_PANEL_SOURCE,
    },
    Sample {
        name: "bogor_register",
        file_name: "koperasi_kota_bogor_2022.csv",
        csv: BOGOR_REGISTER_CSV,
        source: BOGOR_REGISTER_SOURCE,
    },
];

/// The sample called `name` (see [`ALL`], and [`BALIKPAPAN_STATEMENTS`]); `None` for another
/// name.
pub fn get(name: &str) -> Option<Sample> {
    ALL.iter()
        .copied()
        .chain([BALIKPAPAN_STATEMENTS])
        .find(|s| s.name == name)
}

/// Kota Balikpapan: the five figures of the 1 February 2025 press article (438 on record; 390
/// in 2023; 113 identified; 125 "entering 2025" with "growth of nine"; 134 by February 2025),
/// as a statements table (`koperasi::statements::read_statements`). Not in [`ALL`] (which
/// lists registers and panels).
pub const BALIKPAPAN_STATEMENTS: Sample = Sample {
    name: "balikpapan_statements",
    file_name: "pernyataan_koperasi_balikpapan_2025-02-01.csv",
    csv: include_str!(
        "../data/samples/balikpapan-statements-2025-02-01/pernyataan_koperasi_balikpapan_2025-02-01.csv"
    ),
    source: "embedded sample: statements of DKUMKMP Kota Balikpapan in cokoliat.com, \
1 February 2025 (printed `1/2/20245`): 438 on record, 390 in 2023, 113 identified, 125 entering 2025 \
(\"growth of nine\"), 134 by February 2025",
};

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn samples_by_name() {
        let bogor = get("bogor_register").unwrap();
        assert!(
            bogor
                .csv
                .starts_with("id_koperasi,nama_koperasi,nomor_bh,alamat,kecamatan\r\n")
        );
        assert_eq!(bogor.csv, BOGOR_REGISTER_CSV);
        let jatim = get("jatim_panel").unwrap();
        assert!(jatim.csv.starts_with("KABUPATEN / KOTA,PERIODE UPDATE,"));
        assert!(jatim.source.contains("798 rows"));
        assert_eq!(get("kota_bogor"), None);
    }
}
