//! `koperasi report|check` on office registers: the office status x assessed status table, the
//! findings on records, unknown jenis values; and a real SIMKOPDES location list.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

const SITUBONDO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/real/simkopdes-kopdes-locations/kopdes_locations_situbondo.csv"
);
const SUSPECT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/real/simkopdes-kopdes-locations/suspect_coordinates.csv"
);

const OFFICE: &str = "\
Nama Koperasi,Jenis Koperasi,Status Koperasi,RAT 2022,RAT 2023,RAT 2024
KSU Sido Rukun,Serba Usaha,Aktif,tidak,tidak,tidak
KSP Maju,Simpan Pinjam,TIDAK AKTIF,ya,ya,ya
KUD Tani,KUD,Aktif,ya,ya,ya
Kop Karyawan,Koperasi Karyawan,Bubar,ya,tidak,tidak
";

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The office register written to a file of its own for the test `name`.
fn office_file(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("koperasi-office-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("register.csv");
    std::fs::write(&path, OFFICE).unwrap();
    path
}

#[test]
fn report_shows_the_cross_table_and_the_disagreements() {
    let f = office_file("report");
    let p = f.to_str().unwrap();
    let out = run(&["report", p, "--as-of", "2025-07-01"]);
    assert!(out.contains("Office status x assessed status"), "{out}");
    assert!(
        out.contains("Agree: 1; disagree (see findings): 2"),
        "{out}"
    );
    assert!(out.contains("[office_status_disagrees]"));
    assert!(out.contains("Bubar") && out.contains("Koperasi Karyawan"));
    let id = run(&["report", p, "--as-of", "2025-07-01", "--locale", "id"]);
    assert!(
        id.contains("Status menurut kantor x status hasil penilaian"),
        "{id}"
    );
    assert!(id.contains("Sesuai: 1; tidak sesuai (lihat temuan): 2"));
    let md = run(&["report", p, "--as-of", "2025-07-01", "--format", "markdown"]);
    assert!(md.contains("## Office status x assessed status"));
    let v: Value = serde_json::from_str(&run(&[
        "report",
        p,
        "--as-of",
        "2025-07-01",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(v["office_status"]["disagree"], 2);
    assert_eq!(v["office_status"]["unrecognised"][0]["value"], "Bubar");
    assert_eq!(v["unknown_jenis"][0]["value"], "Koperasi Karyawan");
    let lines: Vec<u64> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["lines"][0].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 3]);
}

#[test]
fn check_lists_findings_unknown_jenis_and_the_cross_table() {
    let f = office_file("check");
    let p = f.to_str().unwrap();
    let out = run(&["check", p]);
    assert!(
        out.contains("Jenis values not recognised (kept as the kelompok) (1)"),
        "{out}"
    );
    assert!(out.contains("Office status values not recognised (listed, not guessed) (1)"));
    let csv = run(&["check", p, "--format", "csv"]);
    assert!(
        csv.contains("unknown_jenis,,jenis,Koperasi Karyawan,jenis_unrecognised,1 row(s)"),
        "{csv}"
    );
    assert!(csv.contains("office_status_cross,,aktif,"), "{csv}");
    let v: Value = serde_json::from_str(&run(&["check", p, "--format", "json"])).unwrap();
    assert_eq!(v["unknown_jenis"][0]["count"], 1);
    assert!(v["office_status"]["cells"].as_array().is_some());
}

#[test]
fn simkopdes_location_list_reports_by_kecamatan() {
    let v: Value = serde_json::from_str(&run(&[
        "report",
        SITUBONDO,
        "--as-of",
        "2026-08-05",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(v["records"], 47);
    assert_eq!(v["read"]["cell_errors"].as_array().unwrap().len(), 0);
    let rows = v["counts"]["rows"].as_array().unwrap();
    let total: u64 = rows.iter().map(|r| r[1].as_u64().unwrap()).sum();
    assert_eq!((rows.len(), total), (5, 47));
    let out = run(&["check", SUSPECT, "--format", "csv"]);
    let outside = out.matches("coordinates_outside_indonesia").count();
    assert_eq!(outside, 19, "{out}");
}
