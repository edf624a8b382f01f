//! `koperasi assess --format csv` on wide files: every extra column kept in its place (two
//! columns of one name both kept), in time linear in the cells (issue 13: 100,000 unknown
//! columns took 34 s, 1,000,000 more than 2 minutes, by a linear search per column).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;

fn assess_csv(tag: &str, text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let dir = std::env::temp_dir().join(format!("koperasi-cli-wide-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("register.csv");
    std::fs::write(&path, text).unwrap();
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args(["assess", path.to_str().unwrap(), "--as-of", "2025-06-30"])
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(out.stdout.as_slice());
    let mut rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect::<Vec<_>>());
    let header = rows.next().unwrap();
    (header, rows.collect())
}

/// Columns of `assess --format csv` before the file's extra columns.
const FIXED: usize = 11;

#[test]
fn extra_columns_keep_their_place_and_duplicates() {
    // Row A's date cannot be read: its cell goes to the extra columns after the others.
    let (header, rows) = assess_csv(
        "dup",
        "nama_koperasi,Keterangan,tanggal_bh,Keterangan\n\
         KSP A,k1,1/2/20245,k2\n\
         KSP B,k3,2019-01-01,k4\n",
    );
    assert_eq!(header[FIXED..], ["Keterangan", "Keterangan", "tanggal_bh"]);
    assert_eq!(rows[0][FIXED..], ["k1", "k2", "1/2/20245"]);
    assert_eq!(rows[1][FIXED..], ["k3", "k4", ""]);
}

#[test]
fn two_hundred_thousand_unknown_columns_in_linear_time() {
    const N: usize = 200_000;
    let mut text = String::from("nama_koperasi");
    for i in 1..=N {
        text.push_str(&format!(",x{i}"));
    }
    text.push_str("\nKSP Maju");
    for i in 1..=N {
        text.push_str(&format!(",{i}"));
    }
    text.push('\n');
    let start = std::time::Instant::now();
    let (header, rows) = assess_csv("wide", &text);
    // A debug build on a busy machine takes a few seconds; the quadratic code took minutes.
    let took = start.elapsed();
    assert!(took.as_secs() < 60, "{took:?}");
    assert_eq!(header.len(), FIXED + N);
    assert_eq!(
        (header[FIXED].as_str(), header[FIXED + N - 1].as_str()),
        ("x1", "x200000")
    );
    assert_eq!(rows[0][2], "KSP Maju");
    assert_eq!(
        (rows[0][FIXED].as_str(), rows[0][FIXED + N - 1].as_str()),
        ("1", "200000")
    );
}
