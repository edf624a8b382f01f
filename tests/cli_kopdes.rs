//! `koperasi kopdes` on the real SIMKOPDES exports (tests/data/real/simkopdes-statistics and
//! simkopdes-kopdes-locations; figures in their PROVENANCE.md, computed with pandas).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/cli.rs"]
mod support;

use support::{fails, json, stdout};

fn data(file: &str) -> String {
    format!(
        "{}/../../tests/data/real/simkopdes-statistics/{file}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn coverage_of_kota_denpasar_in_indonesian() {
    let f = data("kopdes_stats_village_slice.csv");
    let out = stdout(&[
        "kopdes",
        "coverage",
        &f,
        "--level",
        "kecamatan",
        "--region",
        "51.71",
        "--locale",
        "id",
    ]);
    assert!(out.contains("tingkat kecocokan 100.00 %"), "{out}");
    assert!(out.contains("Denpasar Utara"), "{out}");
    let total = out.lines().find(|l| l.contains("Jumlah")).unwrap();
    assert!(
        total.contains("Kota Denpasar") && total.contains("43") && total.contains("100.00"),
        "{total}"
    );
}

#[test]
fn desa_without_a_coop_as_a_csv_list() {
    let f = data("kopdes_stats_village_slice.csv");
    let out = stdout(&[
        "kopdes",
        "coverage",
        &f,
        "--region",
        "36.02.18",
        "--without-coop",
        "--format",
        "csv",
    ]);
    assert_eq!(
        out,
        "code,desa_kelurahan,kecamatan,kabupaten_kota,provinsi\n\
         36.02.18.2012,Cimenteng Jaya,Cibadak,Kabupaten Lebak,Banten\n"
    );
}

#[test]
fn coverage_as_json_has_the_serde_shape() {
    let f = format!(
        "{}/../../tests/data/real/simkopdes-kopdes-locations/kopdes_locations_situbondo.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let v = json(&[
        "kopdes", "coverage", &f, "--level", "kabkota", "--format", "json",
    ]);
    assert_eq!(v["matching"]["rows"], 47);
    assert_eq!(v["matching"]["matched"], 47);
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 514);
    let situbondo = rows.iter().find(|r| r["code"] == "35.12").unwrap();
    assert_eq!(situbondo["with_coop"], 47);
    assert_eq!(situbondo["desa"], 136);
    assert_eq!(v["total"]["with_coop"], 47);
    assert_eq!(v["total"]["desa"], 83_762);
}

#[test]
fn statistics_of_the_district_table_against_the_provinces() {
    let d = data("kopdes_stats_district.csv");
    let p = data("kopdes_stats_province.csv");
    let out = stdout(&[
        "kopdes",
        "statistics",
        &d,
        "--parent",
        &p,
        "--data-as-of",
        "2026-08-05",
        "--locale",
        "en",
    ]);
    assert!(out.contains("525 rows: 514 matched, 5 under the wrong parent, 0 ambiguous, 6 not found; match rate 97.90 %"), "{out}");
    assert!(
        out.contains("`KAB. NIAS SELATAN`: under the wrong parent (is in 12.14), written under 96"),
        "{out}"
    );
    assert!(out.contains("`Fukuoka`: not found"), "{out}");
    assert!(
        out.contains("Differences with the level above: 40"),
        "{out}"
    );
    assert!(
        out.contains(
            "BANTEN 2026-08-05: npwp_count is 1,553 but the 8 regions below it sum to 1,552"
        ),
        "{out}"
    );
    assert!(
        out.contains("Coops per desa (national): 83382 / 83762 desa/kelurahan = 99.55 %"),
        "{out}"
    );
}

#[test]
fn a_count_table_is_not_a_list_of_coops() {
    fails(
        &["kopdes", "coverage", &data("kopdes_stats_district.csv")],
        "koperasi kopdes statistics",
    );
    fails(
        &[
            "kopdes",
            "coverage",
            &data("kopdes_stats_village_slice.csv"),
            "--region",
            "99.99",
        ],
        "--region",
    );
}
