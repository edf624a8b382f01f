//! A register's data date and its last-RAT column (issue 15 item 2), amendment numbers that
//! never found (item 3) and fact-order findings (item 8): dated examples at the edges and the
//! real Gianyar and Subang registers (tests/data/real/*/PROVENANCE.md).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::NaiveDate;
use koperasi::cooperative::{Koperasi, Rat, RatKnowledge};
use koperasi::io::{DataAsOfSource, ReadOptions, Table, read_any, read_register};
use koperasi::report::{Report, ReportOptions, build_report};
use koperasi::status::{Status, StatusPolicy, assess};
use std::collections::BTreeMap;

const GIANYAR: &str =
    include_str!("../../../tests/data/real/gianyar-koperasi-rat-terakhir/koperasi.csv");
const SUBANG: &str = include_str!("../../../tests/data/real/subang-koperasi-pad/koperasi.csv");

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Founded 2010-05-01; last RAT for book year `year` (held `held`); register as of `data`.
fn coop(year: i32, held: Option<&str>, data: &str) -> Koperasi {
    let mut k = Koperasi::new("KSP Maju");
    k.tanggal_badan_hukum = Some(d("2010-05-01"));
    k.rat.push(Rat {
        book_year: year,
        date: held.map(d),
    });
    k.rat_known = RatKnowledge::LastRat {
        year,
        as_of: d(data),
    };
    k
}

fn status(k: &Koperasi, as_of: &str) -> Status {
    assess(k, d(as_of), &StatusPolicy::national()).status
}

#[test]
fn a_last_rat_years_ago_is_no_rat_since_up_to_the_data_date() {
    let k = coop(2020, Some("2021-03-15"), "2024-12-31");
    // On the data date: window 2021-2023, all three due before it, none held.
    let a = assess(&k, d("2024-12-31"), &StatusPolicy::national());
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(a.reasons[0].code, "no_rat_within_window");
    assert!(
        a.reasons[0].detail.contains(
            "last RAT for book year 2020 (register as of 2024-12-31); none for book years 2021–2023"
        ),
        "{}",
        a.reasons[0].detail
    );
    assert!(
        a.reasons[0]
            .detail_id
            .contains("RAT terakhir tahun buku 2020 (data per 31 Desember 2024); tidak ada RAT untuk tahun buku 2021–2023"),
        "{}",
        a.reasons[0].detail_id
    );
    assert!(a.reasons.iter().all(|r| r.code != "no_rat_history"));
    // The deadline day of book year 2024 (2025-06-30): 2024 is not yet due, still 2021-2023.
    assert_eq!(status(&k, "2025-06-30"), Status::Inactive);
    // The day after: the window 2022-2024 needs 2024, due after the register's date.
    let a = assess(&k, d("2025-07-01"), &StatusPolicy::national());
    assert_eq!(a.status, Status::NotAssessable);
    assert_eq!(a.reasons[0].code, "rat_history_incomplete");
    assert!(
        a.reasons[0].detail.contains("book year 2024;"),
        "{}",
        a.reasons[0].detail
    );
    assert!(
        a.reasons[0]
            .detail
            .contains("last RAT for book year 2020 (register as of 2024-12-31)")
    );
    // Before the data date, the held RAT decides (window 2019-2021 as of 2023-06-30).
    assert_eq!(status(&k, "2023-06-30"), Status::Active);
}

#[test]
fn the_deadline_day_as_data_date_leaves_that_year_unknown() {
    // Register as of 2024-06-30, the deadline of book year 2023: the RAT could still be
    // held that day, so the register cannot say it was not.
    let on = coop(2020, Some("2021-03-15"), "2024-06-30");
    assert_eq!(status(&on, "2024-07-01"), Status::NotAssessable);
    let after = coop(2020, Some("2021-03-15"), "2024-07-01");
    assert_eq!(status(&after, "2024-07-01"), Status::Inactive);
    // The office preset (every year of 2 years) says which year is missing.
    let a = assess(&after, d("2024-07-01"), &StatusPolicy::office());
    assert_eq!(a.status, Status::Inactive);
    let missing: Vec<&str> = a.reasons.iter().map(|r| r.detail.as_str()).collect();
    assert_eq!(
        missing,
        vec![
            "no RAT held for book year 2022 (due by 2023-06-30)",
            "no RAT held for book year 2023 (due by 2024-06-30)"
        ]
    );
}

#[test]
fn a_recent_last_rat_is_active_and_the_next_year_stays_unknown() {
    let k = coop(2023, Some("2024-03-10"), "2024-12-31");
    assert_eq!(status(&k, "2025-03-31"), Status::Active);
    let a = assess(&k, d("2025-07-01"), &StatusPolicy::national());
    assert_eq!(a.status, Status::Active);
    // 2024 is due after the register's date: unknown, not "KA – tidak RAT".
    assert_eq!(a.rat_for_last_closed_year, None);
    assert!(
        a.reasons
            .iter()
            .all(|r| r.code != "no_rat_for_last_closed_year")
    );
}

#[test]
fn a_last_rat_after_the_data_date_is_a_finding() {
    // Dated after the register's date: it counts from its date (facts as of the date), it
    // says nothing of 2021-2023, and the fact-order check reports it.
    let k = coop(2024, Some("2025-02-01"), "2024-12-31");
    assert_eq!(status(&k, "2025-01-31"), Status::NotAssessable);
    assert_eq!(status(&k, "2025-03-31"), Status::Active);
    let f = koperasi::fact_order::fact_order_findings(&k);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].code, "last_rat_after_data_date");
    assert_eq!(f[0].values, vec![2024, 20250201, 20241231]);
}

#[test]
fn a_last_rat_year_in_the_future_counts_for_nothing() {
    let k = coop(2030, None, "2024-12-31");
    let a = assess(&k, d("2025-03-31"), &StatusPolicy::national());
    assert_eq!(a.status, Status::NotAssessable);
    assert_eq!(a.reasons[0].code, "rat_history_incomplete");
    assert!(
        a.reasons[0]
            .detail
            .contains("last RAT for book year 2030 (register as of 2024-12-31): a book year not closed on the register's date"),
        "{}",
        a.reasons[0].detail
    );
    assert_eq!(
        koperasi::fact_order::fact_order_findings(&k)[0].code,
        "last_rat_after_data_date"
    );
}

#[test]
fn listed_rats_are_never_no_rat_history() {
    // RATs listed without knowledge of which years the list covers.
    let mut k = Koperasi::new("KSP Lama");
    k.tanggal_badan_hukum = Some(d("2010-05-01"));
    k.rat.push(Rat {
        book_year: 2018,
        date: Some(d("2019-03-01")),
    });
    let a = assess(&k, d("2024-12-31"), &StatusPolicy::national());
    assert_eq!(a.status, Status::NotAssessable);
    assert_eq!(a.reasons[0].code, "rat_history_incomplete");
    assert!(
        a.reasons[0]
            .detail
            .contains("lists RATs up to book year 2018")
    );
}

const TITLED: &str = "DAFTAR KOPERASI KABUPATEN CONTOH;;\n\
Keadaan s/d 31 Desember 2024;;\n\
;;\n\
nama_koperasi;tanggal_badan_hukum;tahun_rat_terakhir\n\
KSP Satu;01/05/2010;2020\n\
KSP Dua;01/05/2010;2023\n\
KSP Tiga;01/05/2010;15/03/2021\n";

#[test]
fn the_title_gives_the_data_date() {
    let Table::Register(reg, rep) = read_any(TITLED.as_bytes(), &ReadOptions::default()).unwrap()
    else {
        panic!("a register")
    };
    let da = rep.data_as_of.clone().unwrap();
    assert_eq!(da.date, d("2024-12-31"));
    assert_eq!(da.source, DataAsOfSource::Title);
    assert_eq!(da.text.as_deref(), Some("Keadaan s/d 31 Desember 2024"));
    let as_of = d("2024-12-31");
    let last = |year| RatKnowledge::LastRat { year, as_of };
    assert_eq!(reg.records[0].rat_known, last(2020));
    assert_eq!(reg.records[1].rat_known, last(2023));
    // A date in the `tahun_rat_terakhir` column: the RAT of 2021-03-15 closed book year 2020.
    assert_eq!(reg.records[2].rat_known, last(2020));
    assert_eq!(
        reg.records[2].rat,
        vec![Rat {
            book_year: 2020,
            date: Some(d("2021-03-15"))
        }]
    );
    assert!(rep.cell_errors.is_empty(), "{:?}", rep.cell_errors);
    assert!(rep.notes.iter().all(|n| !n.contains("no data date")));
    // Given, the option wins, and the title that says otherwise is noted.
    let o = ReadOptions {
        data_as_of: Some(d("2025-01-10")),
        ..ReadOptions::default()
    };
    let Table::Register(reg, rep) = read_any(TITLED.as_bytes(), &o).unwrap() else {
        panic!("a register")
    };
    let da = rep.data_as_of.unwrap();
    assert_eq!(
        (da.date, da.source),
        (d("2025-01-10"), DataAsOfSource::Option)
    );
    assert!(
        rep.notes
            .iter()
            .any(|n| n.contains("the title says the data are as of 2024-12-31"))
    );
    assert_eq!(
        reg.records[0].rat_known,
        RatKnowledge::LastRat {
            year: 2020,
            as_of: d("2025-01-10")
        }
    );
}

#[test]
fn without_a_data_date_the_column_is_current_and_said_once() {
    let csv = "nama_koperasi;tahun_rat_terakhir\nKSP Satu;2020\nKSP Dua;2021\n";
    let Table::Register(reg, rep) = read_any(csv.as_bytes(), &ReadOptions::default()).unwrap()
    else {
        panic!("a register")
    };
    assert_eq!(rep.data_as_of, None);
    assert_eq!(
        rep.notes
            .iter()
            .filter(|n| n.contains("states no data date"))
            .count(),
        1
    );
    assert!(
        rep.notes_id
            .iter()
            .any(|n| n.contains("tidak menyebutkan tanggal data"))
    );
    assert_eq!(reg.records[0].rat_known, RatKnowledge::After { year: 2020 });
    let a = assess(&reg.records[0], d("2024-12-31"), &StatusPolicy::national());
    assert_eq!(a.status, Status::Inactive);
    assert!(
        a.reasons[0]
            .detail
            .contains("taken as current on the assessment date")
    );
    // A register without a last-RAT column says nothing of it.
    let (_, rep) =
        read_register("nama_koperasi\nKSP\n".as_bytes(), &ReadOptions::default()).unwrap();
    assert!(rep.notes.is_empty());
}

/// Status counts of the Gianyar register under `policy` as of `as_of`, the last-RAT date
/// column mapped, with the data date `data`.
fn gianyar(policy: StatusPolicy, as_of: &str, data: Option<&str>) -> BTreeMap<Status, u64> {
    let mut o = ReportOptions::new(d(as_of));
    o.policy = policy;
    o.read.data_as_of = data.map(d);
    for (f, h) in [
        ("name", "namaKoperasi"),
        ("nomor_badan_hukum", "nomorBadanHukum"),
        ("tanggal_badan_hukum", "tglBadanHukumPendirian"),
        ("last_rat_date", "tglRAT_terakhir"),
    ] {
        o.read.mapping.push((f.into(), h.into()));
    }
    let Report::Register(r) = build_report(GIANYAR.as_bytes(), "gianyar", &o).unwrap() else {
        panic!("a register")
    };
    assert_eq!(r.records, 20);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    r.status_counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect()
}

#[test]
fn gianyar_register_figures() {
    use Status::*;
    // Figures of tests/data/real/gianyar-koperasi-rat-terakhir/PROVENANCE.md.
    let m = |v: &[(Status, u64)]| v.iter().copied().collect::<BTreeMap<_, _>>();
    let data = Some("2022-05-15");
    assert_eq!(
        gianyar(StatusPolicy::national(), "2022-05-15", data),
        m(&[(Active, 20)])
    );
    assert_eq!(
        gianyar(StatusPolicy::national(), "2023-07-01", data),
        m(&[(Active, 7), (NotAssessable, 13)])
    );
    assert_eq!(
        gianyar(StatusPolicy::national(), "2023-07-01", None),
        m(&[(Active, 7), (Inactive, 13)])
    );
    assert_eq!(
        gianyar(StatusPolicy::office(), "2022-05-15", data),
        m(&[(Inactive, 13), (NotAssessable, 7)])
    );
    assert_eq!(
        gianyar(StatusPolicy::office(), "2022-05-15", None),
        m(&[(Inactive, 13), (NotAssessable, 7)])
    );
}

#[test]
fn subang_amendments_found_nothing() {
    let (reg, _) = read_register(SUBANG.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(reg.records.len(), 10);
    let amendments = reg
        .records
        .iter()
        .filter(|k| k.badan_hukum.as_ref().is_some_and(|b| b.is_amendment))
        .count();
    assert_eq!(amendments, 6);
    let mut years: BTreeMap<Option<i32>, u64> = BTreeMap::new();
    for k in &reg.records {
        *years.entry(k.founding_year()).or_default() += 1;
    }
    assert_eq!(
        years,
        [(None, 6), (Some(2009), 1), (Some(2010), 3)]
            .into_iter()
            .collect()
    );
    // The report counts them as amendments, and no 1996-1998 registration.
    let o = ReportOptions::new(d("2020-12-31"));
    let Report::Register(r) = build_report(SUBANG.as_bytes(), "subang", &o).unwrap() else {
        panic!("a register")
    };
    assert_eq!(r.badan_hukum.amendments, 6);
    assert_eq!(
        r.registrations.by_year,
        [(2009, 1), (2010, 3)].into_iter().collect()
    );
    assert_eq!(r.registrations.unknown, 6);
    // Business demography: no births in 1996-1998.
    let opts = koperasi::demography::DemographyOptions::new(1995, 2012, d("2020-12-31"));
    let demo = koperasi::demography::demography_report(&reg, &opts).unwrap();
    let births: Vec<(i32, u64)> = demo
        .years
        .iter()
        .filter(|y| y.births > 0)
        .map(|y| (y.year, y.births))
        .collect();
    assert_eq!(births, vec![(2009, 1), (2010, 3)]);
}

mod props {
    use super::*;
    use koperasi::status::{assess_status, latest_due_book_year};
    use proptest::prelude::*;

    fn date_in(y0: i32, y1: i32) -> impl Strategy<Value = NaiveDate> {
        (y0..=y1, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    proptest! {
        /// A last-RAT column with a data date says exactly: no RAT for the book years after the
        /// last one up to the latest due on the data date, whatever the assessment date and
        /// policy (the same status as a record that lists those years as known).
        #[test]
        fn last_rat_means_the_years_due_by_the_data_date(
            year in 2000i32..2030,
            held in proptest::option::of(date_in(2000, 2032)),
            data in date_in(2005, 2032),
            as_of in date_in(2005, 2035),
            office in any::<bool>(),
        ) {
            let policy = if office { StatusPolicy::office() } else { StatusPolicy::national() };
            let mut k = Koperasi::new("KSP");
            k.tanggal_badan_hukum = Some(d("2001-03-01"));
            k.rat.push(Rat { book_year: year, date: held });
            k.rat_known = RatKnowledge::LastRat { year, as_of: data };
            let due = latest_due_book_year(data, 6).unwrap();
            let mut listed = k.clone();
            listed.rat_known = RatKnowledge::years((year + 1)..=due);
            prop_assert_eq!(assess_status(&k, as_of, &policy), assess_status(&listed, as_of, &policy));
            // Never the "no RAT history" reason: the record has a last RAT.
            let a = assess(&k, as_of, &policy);
            prop_assert!(a.reasons.iter().all(|r| r.code != "no_rat_history"));
        }
    }
}

#[cfg(feature = "xlsx")]
#[test]
fn an_xlsx_title_block_gives_the_data_date() {
    // tests/data/bad/office.xlsx: `DAFTAR KOPERASI KOTA BOGOR`, then `Keadaan 31 Desember
    // 2024` above the header (written by bad_input.rs's corpus generator).
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/bad/office.xlsx"
    ))
    .unwrap();
    let Table::Register(_, rep) =
        koperasi::io::bytes::read_bytes(&bytes, None, &ReadOptions::default()).unwrap()
    else {
        panic!("a register")
    };
    let da = rep.data_as_of.unwrap();
    assert_eq!(da.date, d("2024-12-31"));
    assert_eq!(da.source, DataAsOfSource::Title);
    assert_eq!(da.text.as_deref(), Some("Keadaan 31 Desember 2024"));
}

/// The Gianyar export's camelCase headers (`namaKoperasi`, `tglRAT_terakhir`, ...) are
/// recognised without `--map`, and give the same figures as the mapped read.
#[test]
fn gianyar_camel_case_headers_need_no_mapping() {
    let mut o = ReportOptions::new(d("2023-07-01"));
    o.read.data_as_of = Some(d("2022-05-15"));
    let Report::Register(r) = build_report(GIANYAR.as_bytes(), "gianyar", &o).unwrap() else {
        panic!("a register")
    };
    let field = |h: &str| {
        r.read
            .columns
            .iter()
            .find(|(c, _)| c == h)
            .and_then(|(_, f)| f.clone())
    };
    assert_eq!(field("namaKoperasi").as_deref(), Some("name"));
    assert_eq!(
        field("nomorBadanHukum").as_deref(),
        Some("nomor_badan_hukum")
    );
    assert_eq!(
        field("tglBadanHukumPendirian").as_deref(),
        Some("tanggal_badan_hukum")
    );
    assert_eq!(field("tglRAT_terakhir").as_deref(), Some("last_rat_date"));
    assert_eq!(field("totalAnggota").as_deref(), Some("members_total"));
    // `Primer Kabupaten/Kota` and `Primer Provinsi` (the ODS's bentuk with the level of the
    // membership area) are the bentuk Primer, no unreadable cell.
    assert!(r.read.cell_errors.is_empty(), "{:?}", r.read.cell_errors);
    let counts: BTreeMap<Status, u64> = r
        .status_counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(
        counts,
        gianyar(StatusPolicy::national(), "2023-07-01", Some("2022-05-15"))
    );
}
