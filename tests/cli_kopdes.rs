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
    assert!(out.contains("tingkat kecocokan 100,00 %"), "{out}");
    assert!(out.contains("Denpasar Utara"), "{out}");
    let total = out.lines().find(|l| l.contains("Jumlah")).unwrap();
    assert!(
        total.contains("Kota Denpasar") && total.contains("43") && total.contains("100,00"),
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
            "BANTEN (36) 2026-08-05: npwp_count is 1,553 but the 8 regions below it sum to 1,552"
        ),
        "{out}"
    );
    assert!(
        out.contains("Coops per desa (national): 83,382 / 83,762 desa/kelurahan = 99.55 %"),
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

/// The cells of the text table's row that contains `key`, trimmed of the column separators only.
fn cells<'a>(out: &'a str, key: &str) -> Vec<&'a str> {
    let row = out.lines().find(|l| l.contains(key)).unwrap();
    row.trim_matches(|c| c == '│').split('┆').collect()
}

/// Numbers right-aligned and with the locale's separators, as in the other tables: Bali's
/// 716 desa/kelurahan (PROVENANCE.md: Kota Denpasar's 43 all covered) under `--locale id`.
#[test]
fn coverage_numbers_are_right_aligned() {
    let f = data("kopdes_stats_village_slice.csv");
    let out = stdout(&[
        "kopdes", "coverage", &f, "--level", "kabkota", "--region", "51", "--locale", "id",
    ]);
    let denpasar = cells(&out, "Kota Denpasar");
    assert_eq!(denpasar[2].trim(), "43", "{out}");
    assert!(
        denpasar[2].starts_with("  ") && denpasar[2].ends_with("43 "),
        "{out}"
    );
    assert!(denpasar[7].ends_with(" 100,00 "), "{out}");
    let national = stdout(&["kopdes", "coverage", &f, "--level", "nasional"]);
    let total = cells(&national, "Total");
    assert!(total[2].ends_with(" 83,762 "), "{national}");
}

/// The totals line groups thousands by the locale; the level check names a province by its
/// 2-digit code (`ACEH (11)`), never by the `0000` of a snapshot without a date. Figures:
/// PROVENANCE.md (83,382 coops; Aceh's rat_count 4,474 against 0 in its districts).
#[test]
fn statistics_totals_and_codes_as_wilayah_writes_them() {
    let d = data("kopdes_stats_district.csv");
    let p = data("kopdes_stats_province.csv");
    let en = stdout(&["kopdes", "statistics", &d, "--parent", &p]);
    assert!(en.contains("cooperatives 83,382, nib_count 60,806"), "{en}");
    assert!(
        en.contains("  ACEH (11): rat_count is 4,474 but the 23 regions below it sum to 0"),
        "{en}"
    );
    assert!(!en.contains("0000"), "{en}");
    assert!(
        en.contains("data as of unknown (give --data-as-of)"),
        "{en}"
    );
    let id = stdout(&["kopdes", "statistics", &d, "--parent", &p, "--locale", "id"]);
    assert!(id.contains("cooperatives 83.382, nib_count 60.806"), "{id}");
    assert!(id.contains("  BALI (51): rat_count tercatat 641"), "{id}");
    let v = json(&[
        "kopdes",
        "statistics",
        &d,
        "--parent",
        &p,
        "--format",
        "json",
    ]);
    assert_eq!(v["level_check"][0]["periods"], serde_json::json!([]));
}

/// `updated_at` (`2026-08-05T09:18:58+07:00` on every row) dates the snapshot when no date is
/// given, said as taken from that column; `--data-as-of` still wins.
#[test]
fn statistics_dated_by_their_updated_at_column() {
    let f = data("kopdes_province_rat_and_construction_slice.csv");
    let out = stdout(&["kopdes", "statistics", &f]);
    assert!(
        out.contains("(provinces, data as of 2026-08-05, from the column updated_at)"),
        "{out}"
    );
    assert!(
        out.contains("build_100 13,228") && out.contains("total_no_rat 36,330"),
        "{out}"
    );
    let id = stdout(&["kopdes", "statistics", &f, "--locale", "id"]);
    assert!(
        id.contains("data per 2026-08-05, dari kolom updated_at"),
        "{id}"
    );
    let v = json(&["kopdes", "statistics", &f, "--format", "json"]);
    assert_eq!(v["snapshot"]["data_as_of"], "2026-08-05");
    assert_eq!(v["snapshot"]["data_as_of_source"], "column");
    assert_eq!(v["snapshot"]["data_as_of_column"], "updated_at");
    let given = json(&[
        "kopdes",
        "statistics",
        &f,
        "--data-as-of",
        "2026-07-01",
        "--format",
        "json",
    ]);
    assert_eq!(given["snapshot"]["data_as_of"], "2026-07-01");
    assert_eq!(given["snapshot"]["data_as_of_source"], "option");
}

/// The kopdes commands take the CLI's shared `--format` (`text` still an alias of `table`) and
/// refuse the formats they do not write, naming those they do.
#[test]
fn kopdes_formats_are_the_shared_ones() {
    let f = data("kopdes_stats_province.csv");
    let out = stdout(&["kopdes", "statistics", &f, "--format", "text"]);
    assert!(out.contains("cooperatives 83,382"), "{out}");
    fails(
        &["kopdes", "statistics", &f, "--format", "markdown"],
        "use table or json",
    );
    let v = data("kopdes_stats_village_slice.csv");
    fails(
        &["kopdes", "coverage", &v, "--format", "markdown"],
        "use table, json, csv, xlsx or html",
    );
}

/// The real SIMKOPDES Situbondo locations (47 coops, each on its own desa/kelurahan) with two
/// rows added for the test: a KDMP on Kelurahan Mimbaan, which already has the real `KOPERASI
/// KELURAHAN MERAH PUTIH MIMBAAN` (line 30), and a second KDMP on Desa Tenggir (real line 32).
/// Both then have several coops; only Mimbaan is the SIMKOPDES duplicate (a KDMP and a KKMP on
/// one place).
#[test]
fn a_kdmp_and_a_kkmp_on_one_kelurahan_are_named_as_such() {
    let real = std::fs::read_to_string(format!(
        "{}/../../tests/data/real/simkopdes-kopdes-locations/kopdes_locations_situbondo.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let added = "90001,KOPERASI DESA MERAH PUTIH MIMBAAN,JAWA TIMUR,KAB. SITUBONDO,Panji,,\n\
                 90002,KOPERASI DESA MERAH PUTIH TENGGIR PANJI,JAWA TIMUR,KAB. SITUBONDO,Panji,,\n";
    let dir = std::env::temp_dir().join(format!("koperasi-kdmp-kkmp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("situbondo_plus_two.csv");
    std::fs::write(&f, format!("{real}{added}")).unwrap();
    let f = f.to_str().unwrap();
    let v = json(&[
        "kopdes", "coverage", f, "--region", "35.12", "--format", "json",
    ]);
    let several = v["with_several"].as_array().unwrap();
    assert_eq!(several.len(), 2, "{several:?}");
    let both: Vec<&str> = several
        .iter()
        .filter(|s| s["kdmp_and_kkmp"] == true)
        .map(|s| s["desa"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(both, ["Mimbaan"]);
    assert_eq!(v["total"]["with_coop"], 47);
    assert_eq!(v["total"]["with_several"], 2);
    let en = stdout(&["kopdes", "coverage", f, "--region", "35.12"]);
    assert!(
        en.contains("Desa/kelurahan with both a KDMP and a KKMP (the SIMKOPDES duplicate: one place registered as a desa and as a kelurahan): 1"),
        "{en}"
    );
    assert!(
        en.contains("KDMP and KKMP: 35.12.08.1007 Mimbaan: 2 (lines 30, 49)"),
        "{en}"
    );
    assert!(
        en.contains("Several coops: 35.12.08.2011 Tenggir: 2 (lines 32, 50)"),
        "{en}"
    );
    let id = stdout(&[
        "kopdes", "coverage", f, "--region", "35.12", "--locale", "id",
    ]);
    assert!(
        id.contains("Desa/kelurahan dengan KDMP dan KKMP sekaligus"),
        "{id}"
    );
    assert!(
        id.contains("KDMP dan KKMP: 35.12.08.1007 Mimbaan: 2 (baris 30, 49)"),
        "{id}"
    );
    std::fs::remove_dir_all(dir).ok();
}

/// A table that covers part of its level (the village slice: 65 desa/kelurahan with 68 coops,
/// three of them with 2, summed with awk) is not set against the nation's 83,762 desa: the
/// coops per desa are said for the regions with figures.
#[test]
fn coops_per_desa_of_a_slice_are_not_national() {
    let f = data("kopdes_stats_village_slice.csv");
    let out = stdout(&["kopdes", "statistics", &f]);
    assert!(
        out.contains("Coops per desa in the 65 desa/kelurahan with figures: 68 / 65 desa/kelurahan = 104.62 % (65 of 83,762 desa/kelurahan; the table does not cover the nation)"),
        "{out}"
    );
    assert!(!out.contains("(national)"), "{out}");
    let id = stdout(&["kopdes", "statistics", &f, "--locale", "id"]);
    assert!(id.contains("Koperasi per desa di 65 desa/kelurahan yang punya angka: 68 / 65 desa/kelurahan = 104,62 %"), "{id}");
}

/// A file of one kabupaten's coops: the national table's 0 % elsewhere is the file's scope, said
/// as such with the flag; `--region` gives the kabupaten's own figures (PROVENANCE.md of
/// tests/data/real/simkopdes-land-assets, python3).
#[test]
fn coverage_of_a_one_kabupaten_file_says_its_scope() {
    let f = format!(
        "{}/../../tests/data/real/simkopdes-land-assets/land_assets_bogor_slice.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = stdout(&["kopdes", "coverage", &f]);
    assert!(out.contains("match rate 100.00 %"), "{out}");
    assert!(
        out.contains("All coops of the file are in Jawa Barat (32): the other 37 regions show 0"),
        "{out}"
    );
    assert!(out.contains("--region 32."), "{out}");
    assert!(
        out.contains("Desa/kelurahan without a coop: 83,731"),
        "{out}"
    );
    let kab = stdout(&[
        "kopdes",
        "coverage",
        &f,
        "--region",
        "32.01",
        "--level",
        "kecamatan",
    ]);
    let row = |name: &str| {
        kab.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no row {name}: {kab}"))
            .split('┆')
            .map(|c| c.trim().trim_matches('│').trim().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(row("Ciseeng")[2..], ["10", "7", "3", "0", "7", "70.00"]);
    assert_eq!(row("Nanggung")[2..], ["11", "11", "0", "0", "11", "100.00"]);
    assert_eq!(
        row("Kabupaten Bogor")[2..],
        ["435", "31", "404", "0", "31", "7.13"]
    );
    assert!(!kab.contains("All coops of the file"), "{kab}");
    let id = stdout(&["kopdes", "coverage", &f, "--locale", "id"]);
    assert!(
        id.contains("Semua koperasi dalam berkas ada di Jawa Barat (32)"),
        "{id}"
    );
    assert!(id.contains("83.731"), "{id}");
    let v = json(&["kopdes", "coverage", &f, "--format", "json"]);
    assert_eq!(
        v["only_region"],
        serde_json::json!({"code": "32", "name": "Jawa Barat"})
    );
    let html = stdout(&["kopdes", "coverage", &f, "--format", "html"]);
    assert!(html.contains("All coops of the file are in Jawa Barat (32)"));
    let v = json(&[
        "kopdes", "coverage", &f, "--region", "32", "--format", "json",
    ]);
    assert!(v["only_region"].is_null(), "{}", v["only_region"]);
}

/// A slice of the district table (Bali's 9 kab/kota, lines 2 and following of the real export
/// whose province is BALI) against the whole province table: only Bali can be checked; its
/// rat_count (641, all 9 districts 0 in this export) is the one difference, and the 37 other
/// provinces are said not checked, not 186 differences.
#[test]
fn a_slice_is_checked_only_where_it_has_rows() {
    let dir = std::env::temp_dir().join(format!("koperasi-level-slice-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let all = std::fs::read_to_string(data("kopdes_stats_district.csv")).unwrap();
    let mut lines = all.lines();
    let mut slice = format!("{}\n", lines.next().unwrap());
    for l in lines.filter(|l| l.split(',').nth(1) == Some("BALI")) {
        slice.push_str(l);
        slice.push('\n');
    }
    let f = dir.join("bali_district.csv");
    std::fs::write(&f, slice).unwrap();
    let f = f.to_str().unwrap();
    let parent = data("kopdes_stats_province.csv");
    let out = stdout(&["kopdes", "statistics", f, "--parent", &parent]);
    assert!(
        out.contains("Differences with the level above: 1\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "37 provinces not checked, because this file has no row under them: ACEH (11),"
        ),
        "{out}"
    );
    assert!(
        out.contains("BALI (51): rat_count is 641 but the 9 regions below it sum to 0"),
        "{out}"
    );
    let v = json(&[
        "kopdes",
        "statistics",
        f,
        "--parent",
        &parent,
        "--format",
        "json",
    ]);
    assert_eq!(v["level_check"].as_array().unwrap().len(), 1);
    assert_eq!(v["level_not_checked"].as_array().unwrap().len(), 37);
    assert_eq!(v["parent_level"], "provinsi");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A village table given a district table as the level above: nothing can be checked, and
/// the output says so instead of "0 differences".
#[test]
fn a_parent_two_levels_up_is_not_checked() {
    let out = stdout(&[
        "kopdes",
        "statistics",
        &data("kopdes_stats_village_slice.csv"),
        "--parent",
        &data("kopdes_stats_district.csv"),
    ]);
    assert!(
        out.contains("Differences with the level above: not checked (the --parent table holds kabupaten/kota, the level above desa/kelurahan: kecamatan)"),
        "{out}"
    );
}

/// A real kecamatan slice (41 rows of three Aceh kabupaten) against the whole district table:
/// figures of PROVENANCE.md (pandas); the three districts agree, 522 are not checked.
#[test]
fn a_real_kecamatan_slice_against_the_district_table() {
    let out = stdout(&[
        "kopdes",
        "statistics",
        &data("kopdes_stats_subdistrict_aceh_slice.csv"),
        "--parent",
        &data("kopdes_stats_district.csv"),
    ]);
    assert!(out.contains("41 rows: 41 matched"), "{out}");
    assert!(
        out.contains("Totals: accounts_count 927, cooperatives 927, nib_count 540, npwp_count 927, rat_count 0, savings_total_amount 84,675,000"),
        "{out}"
    );
    assert!(out.contains("927 / 928 desa/kelurahan = 99.89 %"), "{out}");
    assert!(
        out.contains("Differences with the level above: 0\n"),
        "{out}"
    );
    assert!(
        out.contains("522 kabupaten/kota not checked, because this file has no row under them"),
        "{out}"
    );
}
