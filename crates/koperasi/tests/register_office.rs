//! Registers as offices and SIMKOPDES keep them: English / SIMKOPDES headers with coordinates,
//! the office's own status column against the assessed status, and the legacy KSU / KUD
//! kelompok written in a jenis column (issue 15, items 5-7).
//!
//! Real files: `tests/data/real/simkopdes-kopdes-locations/` (see its PROVENANCE.md for the
//! figures, computed there with Python's csv module).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::NaiveDate;
use koperasi::cooperative::{Coordinates, Jenis, LegacyKelompok};
use koperasi::geo::{OUTSIDE_INDONESIA, parse_degrees};
use koperasi::io::{ReadOptions, Table, read_any};
use koperasi::office::{DISAGREES, OfficeMark, parse_office_status};
use koperasi::register::{Field, Register};
use koperasi::report::{Report, ReportOptions, build_report, register_report};
use koperasi::status::Status;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn real(file: &str) -> String {
    let path = format!(
        "{}/../../tests/data/real/simkopdes-kopdes-locations/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn register_of(csv: &str) -> (Register, koperasi::io::ReadReport) {
    match read_any(csv.as_bytes(), &ReadOptions::default()).unwrap() {
        Table::Register(r, read) => (r, read),
        Table::Panel(..) => panic!("read as a panel"),
    }
}

fn register_report_of(csv: &str, as_of: &str) -> koperasi::report::RegisterReport {
    match build_report(csv.as_bytes(), "test", &ReportOptions::new(d(as_of))).unwrap() {
        Report::Register(r) => *r,
        Report::Panel(_) => panic!("read as a panel"),
    }
}

#[test]
fn simkopdes_location_list_headers_are_recognised() {
    let (reg, read) = register_of(&real("kopdes_locations_situbondo.csv"));
    assert_eq!((read.rows_read, read.accepted), (47, 47));
    assert!(read.rejected.is_empty() && read.cell_errors.is_empty());
    let field = |h: &str| {
        read.columns
            .iter()
            .find(|(x, _)| x == h)
            .and_then(|(_, f)| f.clone())
    };
    // SIMKOPDES: `district` is the kab/kota, `subdistrict` the kecamatan.
    assert_eq!(field("cooperative_id").as_deref(), Some("source_id"));
    assert_eq!(field("name").as_deref(), Some("name"));
    assert_eq!(field("province").as_deref(), Some("provinsi"));
    assert_eq!(field("district").as_deref(), Some("kab_kota"));
    assert_eq!(field("subdistrict").as_deref(), Some("kecamatan"));
    assert_eq!(field("latitude").as_deref(), Some("latitude"));
    assert_eq!(field("longitude").as_deref(), Some("longitude"));
    assert!(read.unknown_columns().is_empty());
    let first = &reg.records[0];
    assert_eq!(first.source_id.as_deref(), Some("84"));
    assert_eq!(first.location.kab_kota.as_deref(), Some("KAB. SITUBONDO"));
    assert_eq!(first.location.kecamatan.as_deref(), Some("Panarukan"));
    assert_eq!(first.location.coordinates, Coordinates::new(-6.2, 106.8));
    assert_eq!(
        reg.records[1].location.coordinates,
        Coordinates::new(-7.68790078, 113.9906195)
    );
    assert!(reg.records.iter().all(|k| k.location.coordinates.is_some()));
    assert!(reg.records.iter().all(|k| k.extra.is_empty()));
}

#[test]
fn simkopdes_counts_by_kecamatan_match_the_independent_count() {
    let r = register_report_of(&real("kopdes_locations_situbondo.csv"), "2026-08-05");
    assert_eq!(r.records, 47);
    assert!(
        r.unresolved_regions.is_empty(),
        "{:?}",
        r.unresolved_regions
    );
    let count = |name: &str| -> u64 {
        r.counts
            .rows
            .iter()
            .filter(|(k, _)| {
                k[0].as_deref()
                    .is_some_and(|x| x.to_lowercase().ends_with(&name.to_lowercase()))
            })
            .map(|(_, n)| *n)
            .sum()
    };
    // PROVENANCE.md: Panji 12, Kapongan 10, Besuki 10, Panarukan 8, Banyuglugur 7.
    assert_eq!(
        [
            count("Panji"),
            count("Kapongan"),
            count("Besuki"),
            count("Panarukan"),
            count("Banyuglugur")
        ],
        [12, 10, 10, 8, 7],
        "{:?}",
        r.counts.rows
    );
    assert_eq!(r.counts.rows.len(), 5);
    // All 47 points lie in Indonesia's box (the first, in Jakarta, is wrong but inside it).
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.office_status, None);
}

#[test]
fn simkopdes_points_outside_indonesia_are_findings() {
    let r = register_report_of(&real("suspect_coordinates.csv"), "2026-08-05");
    assert_eq!(r.records, 19);
    let outside: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.code == OUTSIDE_INDONESIA)
        .collect();
    assert_eq!(outside.len(), 19);
    let flipped = outside
        .iter()
        .filter(|f| f.message_en.contains("sign looks flipped"))
        .count();
    assert_eq!(flipped, 18);
    // Lines follow the file: the Sruwi row is line 2, the garbage point line 20.
    assert_eq!(outside[0].lines, vec![2]);
    assert!(outside[0].message_en.contains("SRUWI"));
    let last = outside.last().unwrap();
    assert_eq!(last.lines, vec![20]);
    assert!(
        last.message_en.contains("(85.05112878, -180)"),
        "{}",
        last.message_en
    );
    assert!(!last.message_en.contains("flipped") && !last.message_en.contains("swapped"));
}

/// An office register (made up, shaped as the issue describes one): a `status` column with
/// the spellings offices use, RAT per book year, a jenis column with legacy kelompok.
const OFFICE: &str = "\
No,Nama Koperasi,Jenis Koperasi,Status,Tanggal Badan Hukum,RAT 2022,RAT 2023,RAT 2024
1,KSP Maju,Simpan Pinjam,Aktif,2010-01-05,ya,ya,ya
2,KSU Sido Rukun,Serba Usaha,AKTIF,2005-03-01,ya,tidak,tidak
3,KUD Tani Makmur,KUD,Tidak Aktif,1985-06-01,tidak,tidak,tidak
4,Koperasi Karyawan Dinas,Koperasi Karyawan,TA,2012-02-02,ya,ya,ya
5,KSU Berkah,Koperasi Serba Usaha,Pasif,2015-07-07,,,
6,KUD Sumber Rejeki,Koperasi Unit Desa,Bubar,1980-01-01,tidak,tidak,tidak
7,Kopwan Melati,Kopwan,A,2025-09-01,,,
8,KSU Lestari,KSU,,2011-01-01,ya,ya,tidak
";

#[test]
fn office_status_is_kept_with_its_source() {
    let (reg, read) = register_of(OFFICE);
    let o = reg.records[2].office_status.as_ref().unwrap();
    assert!(!o.active);
    assert_eq!(
        (o.column.as_str(), o.value.as_str()),
        ("Status", "Tidak Aktif")
    );
    let marks: Vec<OfficeMark> = reg.records.iter().map(OfficeMark::of).collect();
    use OfficeMark::*;
    assert_eq!(
        marks,
        [
            Aktif, Aktif, TidakAktif, TidakAktif, TidakAktif, Unknown, Aktif, Unknown
        ]
    );
    // `Bubar` is not guessed: listed as a cell error.
    let unrec: Vec<_> = read
        .cell_errors
        .iter()
        .filter(|e| e.code == "office_status_unrecognised")
        .collect();
    assert_eq!(unrec.len(), 1);
    assert_eq!(
        (unrec[0].line, unrec[0].value.as_deref()),
        (7, Some("Bubar"))
    );
}

#[test]
fn office_status_against_the_assessment() {
    let r = register_report_of(OFFICE, "2025-12-31");
    let c = r.office_status.as_ref().unwrap();
    let cell = |m: OfficeMark, s: Status| {
        c.cells
            .iter()
            .find(|x| x.office == m && x.status == s)
            .map_or(0, |x| x.count)
    };
    // As of 2025-12-31 (national: an RAT in the last 3 due book years 2022-2024; an empty
    // RAT cell is "no RAT held"): 1 active (Aktif), 2 active (AKTIF), 3 inactive (Tidak
    // Aktif), 4 active (TA), 5 inactive (Pasif), 6 inactive (Bubar: unrecognised),
    // 7 not yet due (A; founded September 2024), 8 active (no office status).
    assert_eq!(cell(OfficeMark::Aktif, Status::Active), 2);
    assert_eq!(cell(OfficeMark::TidakAktif, Status::Inactive), 2);
    assert_eq!(cell(OfficeMark::TidakAktif, Status::Active), 1);
    assert_eq!(cell(OfficeMark::Aktif, Status::NotYetDue), 1);
    assert_eq!(cell(OfficeMark::Unknown, Status::Active), 1);
    assert_eq!(cell(OfficeMark::Unknown, Status::Inactive), 1);
    let total: u64 = c.cells.iter().map(|x| x.count).sum();
    assert_eq!(total, r.records);
    assert_eq!((c.with_office_status, c.agree, c.disagree), (6, 4, 1));
    assert_eq!(c.not_comparable, 1);
    assert_eq!(c.unrecognised.len(), 1);
    assert_eq!(
        (c.unrecognised[0].value.as_str(), c.unrecognised[0].count),
        ("Bubar", 1)
    );
    let dis: Vec<_> = r.findings.iter().filter(|f| f.code == DISAGREES).collect();
    assert_eq!(dis.len(), 1);
    assert_eq!(dis[0].lines, vec![5]);
    assert_eq!(dis[0].values, vec![2024]);
    assert!(
        dis[0]
            .message_en
            .contains("office: not active (`Status` = `TA`)")
            && dis[0].message_en.contains("assessed active")
            && dis[0].message_en.contains("last RAT for book year 2024"),
        "{}",
        dis[0].message_en
    );
    assert!(
        dis[0]
            .message_id
            .contains("RAT terakhir untuk tahun buku 2024")
    );
}

#[test]
fn a_pair_of_mark_columns_gives_the_office_status() {
    let csv = "\
nama_koperasi,aktif,tdkaktif,rat_2023,rat_2024
KSP Satu,v,,ya,ya
KSP Dua,,v,tidak,tidak
KSP Tiga,v,v,ya,ya
KSP Empat,,,ya,ya
";
    let (reg, read) = register_of(csv);
    let active: Vec<Option<bool>> = reg
        .records
        .iter()
        .map(|k| k.office_status.as_ref().map(|o| o.active))
        .collect();
    assert_eq!(active, [Some(true), Some(false), None, None]);
    assert_eq!(
        reg.records[1].office_status.as_ref().unwrap().column,
        "tdkaktif"
    );
    let conflict: Vec<_> = read
        .cell_errors
        .iter()
        .filter(|e| e.code == "office_status_conflict")
        .collect();
    assert_eq!(conflict.len(), 1);
    assert_eq!(conflict[0].line, 4);
}

#[test]
fn ksu_and_kud_are_legacy_kelompok_and_other_jenis_are_listed() {
    let (reg, read) = register_of(OFFICE);
    let kelompok: Vec<Option<&str>> = reg.records.iter().map(|k| k.kelompok.as_deref()).collect();
    assert_eq!(
        kelompok,
        [
            None,
            Some("KSU"),
            Some("KUD"),
            Some("Koperasi Karyawan"),
            Some("KSU"),
            Some("KUD"),
            Some("Kopwan"),
            Some("KSU")
        ]
    );
    assert_eq!(reg.records[0].jenis, Some(Jenis::SimpanPinjam));
    assert!(reg.records[1..].iter().all(|k| k.jenis.is_none()));
    let unknown: Vec<(u64, &str)> = read
        .cell_errors
        .iter()
        .filter(|e| e.code == "jenis_unrecognised")
        .map(|e| (e.line, e.value.as_deref().unwrap_or_default()))
        .collect();
    assert_eq!(unknown, [(5, "Koperasi Karyawan"), (8, "Kopwan")]);
    let r = register_report(&reg, read, "office", &ReportOptions::new(d("2025-12-31")));
    let listed: Vec<(&str, u64)> = r
        .unknown_jenis
        .iter()
        .map(|v| (v.value.as_str(), v.count))
        .collect();
    assert_eq!(listed, [("Koperasi Karyawan", 1), ("Kopwan", 1)]);
    // By kelompok: KSU 3, KUD 2.
    let mut o = ReportOptions::new(d("2025-12-31"));
    o.by = vec![Field::Kelompok];
    let Report::Register(r) = build_report(OFFICE.as_bytes(), "office", &o).unwrap() else {
        panic!()
    };
    let n = |k: &str| {
        r.counts
            .rows
            .iter()
            .find(|(x, _)| x[0].as_deref() == Some(k))
            .map_or(0, |(_, n)| *n)
    };
    assert_eq!((n("KSU"), n("KUD")), (3, 2));
}

#[test]
fn legacy_kelompok_spellings() {
    for s in [
        "KSU",
        "ksu",
        "Serba Usaha",
        "SERBA USAHA",
        "Koperasi Serba Usaha",
        "K.S.U.",
    ] {
        assert_eq!(LegacyKelompok::parse(s), Some(LegacyKelompok::Ksu), "{s}");
    }
    for s in ["KUD", "Koperasi Unit Desa", "unit desa"] {
        assert_eq!(LegacyKelompok::parse(s), Some(LegacyKelompok::Kud), "{s}");
    }
    for s in ["KSP", "Konsumen", "Kopwan", ""] {
        assert_eq!(LegacyKelompok::parse(s), None, "{s}");
    }
    // Still no jenis.
    assert_eq!(Jenis::parse("Serba Usaha"), None);
    assert_eq!(Jenis::parse("KUD"), None);
}

#[test]
fn bps_english_district_is_the_kecamatan() {
    // BPS English: regency = kabupaten, district = kecamatan, village = desa.
    let csv = "\
name,regency,district,village,lat,lng
KSP Maju,Kota Bogor,Bogor Tengah,Paledang,-6.5950,106.7930
";
    let (reg, read) = register_of(csv);
    let k = &reg.records[0];
    assert_eq!(k.location.kab_kota.as_deref(), Some("Kota Bogor"));
    assert_eq!(k.location.kecamatan.as_deref(), Some("Bogor Tengah"));
    assert_eq!(k.location.desa.as_deref(), Some("Paledang"));
    assert_eq!(k.location.coordinates, Coordinates::new(-6.595, 106.793));
    assert!(read.unknown_columns().is_empty());
}

#[test]
fn unreadable_coordinates_are_cell_errors() {
    let csv = "\
name,latitude,longitude
KSP A,7°41'S,113.9
KSP B,-95.1,113.9
KSP C,-7.1,
";
    let (reg, read) = register_of(csv);
    assert!(reg.records.iter().all(|k| k.location.coordinates.is_none()));
    let codes: Vec<(u64, &str)> = read
        .cell_errors
        .iter()
        .map(|e| (e.line, e.code.as_str()))
        .collect();
    assert_eq!(
        codes,
        [(2, "coordinate_invalid"), (3, "coordinate_out_of_range")]
    );
}

proptest! {
    /// Any point written in decimal degrees (point or comma) reads back as itself.
    #[test]
    fn degrees_round_trip(lat in -90.0f64..=90.0, lon in -180.0f64..=180.0) {
        prop_assert_eq!(parse_degrees(&lat.to_string()), Some(lat));
        prop_assert_eq!(parse_degrees(&lon.to_string().replace('.', ",")), Some(lon));
        let c = Coordinates::new(lat, lon).unwrap();
        // serde_json reads floats to within an ulp (no `float_roundtrip` feature).
        let json = serde_json::to_string(&c).unwrap();
        let back = serde_json::from_str::<Coordinates>(&json).unwrap();
        prop_assert!((back.latitude() - lat).abs() < 1e-12 && (back.longitude() - lon).abs() < 1e-12);
    }

    /// The cross table covers every record once, and agree + disagree + not comparable is
    /// the number of records with an office status, whatever the office says.
    #[test]
    fn the_cross_table_covers_every_record(rows in proptest::collection::vec((0u8..4, 0u8..3), 1..40)) {
        let words = ["Aktif", "Tidak Aktif", "", "Bubar"];
        let rats = ["ya,ya", "tidak,tidak", ","];
        let mut csv = String::from("nama_koperasi,status,tanggal_badan_hukum,rat_2023,rat_2024\n");
        for (i, (w, r)) in rows.iter().enumerate() {
            csv.push_str(&format!("K{i},{},2010-01-01,{}\n", words[*w as usize], rats[*r as usize]));
        }
        let r = register_report_of(&csv, "2025-12-31");
        let with_status = rows.iter().filter(|(w, _)| *w < 2).count() as u64;
        let bubar = rows.iter().filter(|(w, _)| *w == 3).count() as u64;
        match &r.office_status {
            None => prop_assert_eq!(with_status + bubar, 0),
            Some(c) => {
                prop_assert_eq!(c.cells.iter().map(|x| x.count).sum::<u64>(), r.records);
                prop_assert_eq!(c.with_office_status, with_status);
                prop_assert_eq!(c.agree + c.disagree + c.not_comparable, with_status);
                prop_assert_eq!(c.unrecognised.iter().map(|v| v.count).sum::<u64>(), bubar);
                let findings = r.findings.iter().filter(|f| f.code == DISAGREES).count() as u64;
                prop_assert_eq!(findings, c.disagree);
            }
        }
    }
}

#[test]
fn office_words() {
    assert_eq!(parse_office_status("TIDAK AKTIF"), Some(false));
    assert_eq!(parse_office_status("Aktif"), Some(true));
    assert_eq!(parse_office_status("Dalam Proses Pembubaran"), None);
}
