//! Counts over registers: by breakdown, by status, registrations by year.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::NaiveDate;
use koperasi::cooperative::{Bentuk, FieldCheck, Jenis, Koperasi, Rat};
use koperasi::identity::NomorBadanHukum;
use koperasi::register::{Field, Register};
use koperasi::status::{Status, StatusPolicy, assess};
use koperasi::wilayah::KodeWilayah;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

/// The Balikpapan field verification of October 2025 (prokal.co, 28 Oct 2025; DOMAIN.md 2.1):
/// 225 found, 338 not found at the registered address, 109 of the found actively running a
/// business, about 70 % of those (76 of 109) with an RAT. Modelled: the 116 other found coops
/// seen with the business stopped; the 76 held their book-year-2024 RAT on 2025-04-15.
fn balikpapan() -> Register {
    let mut records = Vec::new();
    for i in 0..563 {
        let mut k = Koperasi::new(format!("Koperasi Balikpapan {i}"));
        k.tanggal_badan_hukum = Some(d("2015-03-01"));
        let (found, business) = if i < 338 {
            (false, None)
        } else if i < 338 + 109 {
            (true, Some(true))
        } else {
            (true, Some(false))
        };
        if found {
            k.rat_known = koperasi::cooperative::RatKnowledge::Complete;
            if (338..338 + 76).contains(&i) {
                k.rat.push(Rat {
                    book_year: 2024,
                    date: Some(d("2025-04-15")),
                });
            }
        }
        k.field_checks.push(FieldCheck {
            date: d("2025-10-01"),
            found_at_address: Some(found),
            board_known: if found { Some(true) } else { None },
            business_active: business,
        });
        records.push(k);
    }
    Register::new(records)
}

#[test]
fn balikpapan_field_verification_counts() {
    let r = balikpapan();
    let as_of = d("2025-10-28");
    let p = StatusPolicy::field_verification_first();
    let c = r.status_counts(as_of, &p);
    assert_eq!(c.len(), 6);
    assert_eq!(c[&Status::NotFound], 338);
    assert_eq!(c[&Status::Active], 109);
    assert_eq!(c[&Status::Inactive], 116);
    assert_eq!(
        c[&Status::Dissolved] + c[&Status::NotYetDue] + c[&Status::NotAssessable],
        0
    );
    // Among the 109 active, 33 carry the KA - tidak RAT flag.
    let a = r.assess_all(as_of, &p);
    assert_eq!(a.len(), 563);
    let ka_tidak_rat = a
        .iter()
        .filter(|x| x.status == Status::Active && x.rat_for_last_closed_year == Some(false))
        .count();
    assert_eq!(ka_tidak_rat, 109 - 76);
    assert_eq!(a.iter().filter(|x| x.identified == Some(true)).count(), 225);
    // Nationally only the RAT counts: 76 active, 33 + 116 inactive.
    let n = r.status_counts(as_of, &StatusPolicy::national());
    assert_eq!(n[&Status::Active], 76);
    assert_eq!(n[&Status::Inactive], 149);
    assert_eq!(n[&Status::NotFound], 338);
    // count_by(Status) agrees with status_counts.
    let t = r.count_by(&[Field::Status], as_of, &p);
    assert_eq!(
        t.rows,
        vec![
            (vec![s("active")], 109),
            (vec![s("inactive")], 116),
            (vec![s("not_found")], 338),
        ]
    );
    // assess_all agrees with assess.
    assert_eq!(a[400], assess(&r.records[400], as_of, &p));
}

fn town() -> Register {
    let mk = |name: &str, kec: Option<&str>, code: Option<&str>, jenis: Option<Jenis>| {
        let mut k = Koperasi::new(name);
        k.location.kecamatan = kec.map(str::to_string);
        k.location.kab_kota = s("Kota Bogor");
        k.location.provinsi = s("Jawa Barat");
        k.location.code = code.map(|c| KodeWilayah::parse(c).unwrap());
        k.jenis = jenis;
        k
    };
    Register::new(vec![
        mk(
            "A",
            Some("Bogor Tengah"),
            Some("32.71.03"),
            Some(Jenis::SimpanPinjam),
        ),
        mk(
            "B",
            Some("Bogor Tengah"),
            Some("32.71.03"),
            Some(Jenis::Konsumen),
        ),
        mk(
            "C",
            Some("Bogor Tengah"),
            Some("32.71.03"),
            Some(Jenis::SimpanPinjam),
        ),
        mk("D", Some("Tanah  Sareal\n"), None, Some(Jenis::Jasa)),
        mk("E", None, None, None),
        mk("F", Some("Tanah Sareal"), None, Some(Jenis::Jasa)),
    ])
}

#[test]
fn counts_by_region_and_jenis() {
    let r = town();
    let as_of = d("2022-08-15");
    let p = StatusPolicy::national();
    let t = r.count_by(&[Field::Kecamatan], as_of, &p);
    assert_eq!(t.fields, [Field::Kecamatan]);
    assert_eq!(
        t.rows,
        vec![
            (vec![None], 1),
            (vec![s("32.71.03 Bogor Tengah")], 3),
            (vec![s("Tanah Sareal")], 2),
        ]
    );
    let t = r.count_by(&[Field::Kecamatan, Field::Jenis], as_of, &p);
    assert_eq!(
        t.rows,
        vec![
            (vec![None, None], 1),
            (vec![s("32.71.03 Bogor Tengah"), s("konsumen")], 1),
            (vec![s("32.71.03 Bogor Tengah"), s("simpan_pinjam")], 2),
            (vec![s("Tanah Sareal"), s("jasa")], 2),
        ]
    );
    let t = r.count_by(&[Field::KabKota], as_of, &p);
    assert_eq!(
        t.rows,
        vec![(vec![s("32.71 Kota Bogor")], 3), (vec![s("Kota Bogor")], 3)]
    );
    let t = r.count_by(&[Field::Provinsi], as_of, &p);
    assert_eq!(
        t.rows,
        vec![(vec![s("32 Jawa Barat")], 3), (vec![s("Jawa Barat")], 3)]
    );
    let total: u64 = r
        .count_by(&[Field::Bentuk, Field::Kelompok], as_of, &p)
        .rows
        .iter()
        .map(|x| x.1)
        .sum();
    assert_eq!(total, 6);
    // No fields: one row with the total.
    assert_eq!(r.count_by(&[], as_of, &p).rows, vec![(vec![], 6)]);
    assert!(
        Register::default()
            .count_by(&[Field::Jenis], as_of, &p)
            .rows
            .is_empty()
    );
}

#[test]
fn counts_by_bentuk_kelompok_and_founding_year() {
    let mut r = town();
    r.records[0].bentuk = Some(Bentuk::Primer);
    r.records[1].bentuk = Some(Bentuk::Sekunder);
    r.records[0].kelompok = s("KPRI");
    r.records[1].kelompok = s(" KPRI ");
    r.records[2].kelompok = s("Serba  Usaha");
    r.records[0].tanggal_badan_hukum = Some(d("2018-05-02"));
    r.records[1].tanggal_badan_hukum = Some(d("2018-11-30"));
    let as_of = d("2022-08-15");
    let p = StatusPolicy::national();
    let t = r.count_by(&[Field::Bentuk], as_of, &p);
    assert_eq!(
        t.rows,
        vec![
            (vec![None], 4),
            (vec![s("primer")], 1),
            (vec![s("sekunder")], 1)
        ]
    );
    let t = r.count_by(&[Field::Kelompok], as_of, &p);
    assert_eq!(
        t.rows,
        vec![
            (vec![None], 3),
            (vec![s("KPRI")], 2),
            (vec![s("Serba Usaha")], 1)
        ]
    );
    let t = r.count_by(&[Field::FoundingYear], as_of, &p);
    assert_eq!(t.rows, vec![(vec![None], 4), (vec![s("2018")], 2)]);
}

#[test]
fn registrations_by_year() {
    let mut records = Vec::new();
    for date in ["2018-05-02", "2018-12-31", "2020-01-01"] {
        let mut k = Koperasi::new("x");
        k.tanggal_badan_hukum = Some(d(date));
        records.push(k);
    }
    // Year stated by the badan hukum number only.
    let mut k = Koperasi::new("y");
    let mut bh = NomorBadanHukum::parse("AHU-0007286.AH.01.26.TAHUN 2017").unwrap();
    bh.year = Some(2017);
    k.badan_hukum = Some(bh.clone());
    records.push(k);
    // The tanggal wins over the number.
    let mut k = Koperasi::new("z");
    k.badan_hukum = Some(NomorBadanHukum {
        year: Some(2015),
        ..bh
    });
    k.tanggal_badan_hukum = Some(d("2019-02-01"));
    records.push(k);
    records.push(Koperasi::new("unknown"));
    let r = Register::new(records).registrations_by_year();
    assert_eq!(
        r.by_year.into_iter().collect::<Vec<_>>(),
        vec![(2017, 1), (2018, 2), (2019, 1), (2020, 1)]
    );
    assert_eq!(r.unknown, 1);
    let e = Register::default().registrations_by_year();
    assert!(e.by_year.is_empty());
    assert_eq!(e.unknown, 0);
}

/// The whole Kota Bogor 2022 file (embedded sample), read with the library's reader and the
/// real Kemendagri table. Expected values from a python3 check of the CSV: 398 rows; kecamatan
/// Bogor Tengah 127, Tanah Sareal 101, Bogor Barat 98, Bogor Utara 39, Bogor Timur 21,
/// Bogor Selatan 12; same-name pairs (39, 81) and (145, 164); 11 nomor_bh values shared after
/// upper-casing and collapsing spaces.
#[test]
fn bogor_register_file() {
    let csv =
        include_str!("../data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv");
    let (r, _) = koperasi::io::read_register(csv.as_bytes(), &Default::default()).unwrap();
    assert_eq!(r.records.len(), 398);
    let as_of = d("2022-08-15");
    let p = StatusPolicy::national();
    let t = r.count_by(&[Field::Kecamatan], as_of, &p);
    assert_eq!(
        t.rows,
        vec![
            (vec![s("32.71.01 Bogor Selatan")], 12),
            (vec![s("32.71.02 Bogor Timur")], 21),
            (vec![s("32.71.03 Bogor Tengah")], 127),
            (vec![s("32.71.04 Bogor Barat")], 98),
            (vec![s("32.71.05 Bogor Utara")], 39),
            (vec![s("32.71.06 Tanah Sareal")], 101),
        ]
    );
    // No RAT history: nobody is active or inactive.
    let c = r.status_counts(as_of, &p);
    assert_eq!(c.values().sum::<u64>(), 398);
    assert_eq!(c[&Status::Active] + c[&Status::Inactive], 0);
    let groups = r.duplicates();
    let id = |i: usize| r.records[i].source_id.clone().unwrap();
    let names: Vec<Vec<String>> = groups
        .iter()
        .filter(|g| g.key == koperasi::register::DuplicateKey::Name)
        .map(|g| g.records.iter().map(|&i| id(i)).collect())
        .collect();
    assert_eq!(names, vec![vec!["39", "81"], vec!["145", "164"]]);
    let bh: Vec<Vec<String>> = groups
        .iter()
        .filter(|g| g.key == koperasi::register::DuplicateKey::BadanHukum)
        .map(|g| g.records.iter().map(|&i| id(i)).collect())
        .collect();
    for expected in [
        vec!["13", "302"],
        vec!["34", "292"],
        vec!["50", "135", "290"],
        vec!["58", "278"],
        vec!["136", "169"],
        vec!["140", "166"],
        vec!["163", "279"],
        vec!["291", "293"],
        vec!["296", "321"],
        vec!["316", "338"],
        vec!["326", "349"],
    ] {
        assert!(
            bh.contains(&expected.iter().map(|x| x.to_string()).collect()),
            "{expected:?}"
        );
    }
    // 70 and 244 (`M.KUKM/2` vs `M.KUKM.2`) differ in punctuation and are not joined.
    assert_eq!(bh.len(), 11, "{bh:?}");
    let g = groups
        .iter()
        .find(|g| g.value == "518/14/BH/PERINDAGKOP")
        .unwrap();
    // ids 13 and 302 start on lines 16 and 339 of the file (python: csv module + line count).
    assert_eq!(g.lines, vec![Some(16), Some(339)]);
}

#[test]
fn snapshot_counts_leave_out_coops_founded_later_or_dissolved() {
    use koperasi::cooperative::{Dissolution, DissolvedBy};
    let mut later = Koperasi::new("Digital Muda");
    later.tanggal_badan_hukum = Some(d("2024-08-10"));
    later.location.kecamatan = s("Balikpapan Tengah");
    let mut gone = Koperasi::new("Kop Lama");
    gone.tanggal_badan_hukum = Some(d("2001-01-01"));
    gone.dissolution = Some(Dissolution {
        date: d("2024-03-15"),
        by: DissolvedBy::MemberMeeting,
    });
    gone.location.kecamatan = s("Balikpapan Tengah");
    let mut here = Koperasi::new("KSP Ada");
    here.location.kecamatan = s("Balikpapan Tengah");
    let r = Register::new(vec![later, gone, here]);
    let p = StatusPolicy::national();
    let all = r.count_by(&[Field::Kecamatan], d("2024-03-01"), &p);
    assert_eq!(all.rows, vec![(vec![s("Balikpapan Tengah")], 3)]);
    // On 1 March 2024: Digital Muda not founded yet; Kop Lama still there (dissolved 15 March).
    let snap = r.count_on_register_by(&[Field::Kecamatan], d("2024-03-01"), &p);
    assert_eq!(snap.rows, vec![(vec![s("Balikpapan Tengah")], 2)]);
    let snap = r.count_on_register_by(&[Field::Kecamatan], d("2024-09-01"), &p);
    assert_eq!(snap.rows, vec![(vec![s("Balikpapan Tengah")], 2)]);
}
