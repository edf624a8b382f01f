//! Status rules on hand-built records, under each preset, at boundary dates.
//! Expected values are worked out by hand from DOMAIN.md 2.2-2.3 (deadline 30 June Y+1).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::NaiveDate;
use koperasi::cooperative::{Dissolution, DissolvedBy, FieldCheck, Koperasi, Rat};
use koperasi::identity::NomorBadanHukum;
use koperasi::status::{
    REASONS, Status, StatusPolicy, assess, assess_status, dissolution_review, latest_due_book_year,
    rat_deadline,
};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn rat(y: i32, date: Option<&str>) -> Rat {
    Rat {
        book_year: y,
        date: date.map(d),
    }
}

/// Founded `founded`, RAT history known, the given RATs.
fn coop(founded: &str, rats: &[Rat]) -> Koperasi {
    let mut k = Koperasi::new("KSP Maju Bersama");
    k.tanggal_badan_hukum = Some(d(founded));
    k.rat = rats.to_vec();
    k.rat_known = koperasi::cooperative::RatKnowledge::Complete;
    k
}

fn codes(a: &koperasi::status::Assessment) -> Vec<&str> {
    a.reasons.iter().map(|r| r.code.as_str()).collect()
}

fn national() -> StatusPolicy {
    StatusPolicy::national()
}
fn office() -> StatusPolicy {
    StatusPolicy::preset("office").unwrap()
}
/// A preset with the first, partial book year exempt (`grace_first_book_year`, off by default).
fn graced(p: StatusPolicy) -> StatusPolicy {
    StatusPolicy {
        grace_first_book_year: true,
        ..p
    }
}
fn field_first() -> StatusPolicy {
    StatusPolicy::preset("field_verification_first").unwrap()
}

#[test]
fn deadlines_with_month_end_clamping() {
    assert_eq!(rat_deadline(2024, 6), Some(d("2025-06-30")));
    assert_eq!(rat_deadline(2024, 0), Some(d("2024-12-31")));
    assert_eq!(rat_deadline(2024, 3), Some(d("2025-03-31")));
    assert_eq!(rat_deadline(2024, 4), Some(d("2025-04-30")));
    assert_eq!(rat_deadline(2023, 2), Some(d("2024-02-29")));
    assert_eq!(rat_deadline(2024, 2), Some(d("2025-02-28")));
    assert_eq!(rat_deadline(2024, 12), Some(d("2025-12-31")));
    assert_eq!(rat_deadline(2024, 18), Some(d("2026-06-30")));
    assert_eq!(rat_deadline(i32::MAX, 6), None);
    assert_eq!(rat_deadline(i32::MIN, u32::MAX), None);
}

#[test]
fn latest_due_year_moves_the_day_after_the_deadline() {
    assert_eq!(latest_due_book_year(d("2025-03-31"), 6), Some(2023));
    assert_eq!(latest_due_book_year(d("2025-06-30"), 6), Some(2023));
    assert_eq!(latest_due_book_year(d("2025-07-01"), 6), Some(2024));
    assert_eq!(latest_due_book_year(d("2024-12-31"), 6), Some(2023));
    assert_eq!(latest_due_book_year(d("2025-01-01"), 6), Some(2023));
    assert_eq!(latest_due_book_year(d("2025-01-01"), 0), Some(2024));
    assert_eq!(latest_due_book_year(d("2024-12-31"), 0), Some(2023));
    assert_eq!(latest_due_book_year(d("2025-12-31"), 18), Some(2023));
}

#[test]
fn national_window_before_on_and_after_the_deadline_day() {
    let k = coop("2010-05-01", &[rat(2021, Some("2022-05-10"))]);
    let a = assess(&k, d("2025-03-31"), &national());
    assert_eq!(a.status, Status::Active);
    assert_eq!(a.rat_window, Some((2021, 2023)));
    assert_eq!(
        codes(&a),
        ["rat_within_window", "no_rat_for_last_closed_year"]
    );
    assert!(
        a.reasons[0]
            .detail
            .contains("RAT held for book year 2021 on 2022-05-10")
    );
    assert!(a.reasons[1].detail.contains("book year 2023"));
    // The same facts in Indonesian, dates written out (10 May 2022; deadline 30 June 2024).
    assert_eq!(
        a.reasons[0].detail_id,
        "RAT tahun buku 2021 diadakan pada 10 Mei 2022 (jangka waktu penilaian: tahun buku 2021–2023)"
    );
    assert_eq!(
        a.reasons[1].detail_id,
        "tidak ada RAT untuk tahun buku 2023 (batas waktu 30 Juni 2024)"
    );
    assert_eq!(a.rat_for_last_closed_year, Some(false));
    assert_eq!(a.latest_rat_book_year, Some(2021));

    // The deadline day itself: the 2024 RAT is not yet overdue.
    let a = assess(&k, d("2025-06-30"), &national());
    assert_eq!(a.status, Status::Active);
    assert_eq!(a.rat_window, Some((2021, 2023)));

    // The day after: window 2022..=2024, the 2021 RAT falls out.
    let a = assess(&k, d("2025-07-01"), &national());
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(a.rat_window, Some((2022, 2024)));
    assert_eq!(codes(&a), ["no_rat_within_window"]);
    assert!(a.reasons[0].detail.contains("book years 2022–2024"));
    assert!(a.reasons[0].detail.contains("latest RAT: book year 2021"));
    assert_eq!(
        a.reasons[0].detail,
        "no RAT held for book years 2022–2024 as of 2025-07-01; latest RAT: book year 2021"
    );
    assert_eq!(
        a.reasons[0].detail_id,
        "tidak ada RAT untuk tahun buku 2022–2024 per 1 Juli 2025; RAT terakhir: tahun buku 2021"
    );
    assert_eq!(a.latest_rat_book_year, Some(2021));
}

#[test]
fn inactive_detail_mentions_the_year_not_yet_due() {
    let k = coop("2010-05-01", &[rat(2019, Some("2020-03-01"))]);
    let a = assess(&k, d("2025-03-31"), &national());
    assert_eq!(a.status, Status::Inactive);
    assert!(
        a.reasons[0]
            .detail
            .contains("2024 is not yet due (deadline 2025-06-30)")
    );
    assert_eq!(
        a.reasons[0].detail_id,
        "tidak ada RAT untuk tahun buku 2021–2023 per 31 Maret 2025; RAT terakhir: tahun buku \
         2019; RAT tahun buku 2024 belum diadakan (batas waktu 30 Juni 2025)"
    );
}

#[test]
fn a_held_rat_counts_once_held_even_before_it_is_due() {
    let k = coop("2010-05-01", &[rat(2024, Some("2025-03-15"))]);
    let a = assess(&k, d("2025-03-31"), &national());
    assert_eq!(a.status, Status::Active);
    assert_eq!(a.rat_window, Some((2022, 2024)));
    assert_eq!(a.rat_for_last_closed_year, Some(true));
    assert_eq!(codes(&a), ["rat_within_window"]);
    // The day before the meeting it does not count yet: nothing in 2021..=2023.
    let a = assess(&k, d("2025-03-14"), &national());
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(a.rat_window, Some((2021, 2023)));
    assert_eq!(a.latest_rat_book_year, None);
}

#[test]
fn an_rat_dated_after_as_of_does_not_count() {
    let k = coop("2010-05-01", &[rat(2024, Some("2025-04-20"))]);
    let a = assess(&k, d("2025-03-31"), &national());
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(a.latest_rat_book_year, None);
    assert_eq!(
        assess(&k, d("2025-04-20"), &national()).status,
        Status::Active
    );
}

#[test]
fn an_rat_without_date_counts_after_its_deadline() {
    let k = coop("2010-05-01", &[rat(2023, None)]);
    // 2024-06-30 is the deadline day: not yet counted; window 2020..=2022 has nothing.
    let a = assess(&k, d("2024-06-30"), &national());
    assert_eq!(a.status, Status::Inactive);
    let a = assess(&k, d("2024-07-01"), &national());
    assert_eq!(a.status, Status::Active);
    assert!(
        a.reasons[0]
            .detail
            .contains("book year 2023 (date not recorded)")
    );
    assert_eq!(
        a.reasons[0].detail_id,
        "RAT tahun buku 2023 diadakan, tanggalnya tidak tercatat (jangka waktu penilaian: tahun \
         buku 2021–2023)"
    );
}

#[test]
fn dec_31_and_jan_1() {
    // An RAT for book year 2024 cannot count before the book year is closed.
    let k = coop("2010-05-01", &[rat(2024, Some("2025-01-01"))]);
    let a = assess(&k, d("2024-12-31"), &national());
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(a.rat_window, Some((2021, 2023)));
    let a = assess(&k, d("2025-01-01"), &national());
    assert_eq!(a.status, Status::Active);
    assert_eq!(a.rat_window, Some((2022, 2024)));
    // A meeting dated within its own book year is not its RAT (a data error): never counted.
    let k = coop("2010-05-01", &[rat(2024, Some("2024-12-31"))]);
    assert_eq!(
        assess(&k, d("2025-01-01"), &national()).status,
        Status::Inactive
    );
}

#[test]
fn young_cooperatives_and_the_first_full_book_year() {
    let p = graced(national());
    // Founded 1 January 2024: 2024 is a full book year, its RAT is due 2025-06-30.
    let k = coop("2024-01-01", &[]);
    assert_eq!(assess(&k, d("2025-06-30"), &p).status, Status::NotYetDue);
    let a = assess(&k, d("2025-07-01"), &p);
    assert_eq!(a.status, Status::Inactive);
    // Founded 31 Dec 2023: 2023 is partial (grace), first required 2024: same.
    let k = coop("2023-12-31", &[]);
    assert_eq!(assess(&k, d("2025-06-30"), &p).status, Status::NotYetDue);
    assert_eq!(assess(&k, d("2025-07-01"), &p).status, Status::Inactive);
    // Founded 2 January 2024: first required book year 2025, due 2026-06-30.
    let k = coop("2024-01-02", &[]);
    let a = assess(&k, d("2025-07-01"), &p);
    assert_eq!(a.status, Status::NotYetDue);
    assert_eq!(codes(&a), ["too_young_for_rat"]);
    assert!(
        a.reasons[0]
            .detail
            .contains("book year 2025, due by 2026-06-30")
    );
    assert_eq!(
        a.reasons[0].detail_id,
        "didirikan pada 2 Januari 2024: RAT pertama yang wajib diadakan adalah RAT tahun buku \
         2025 (batas waktu 30 Juni 2026)"
    );
    assert_eq!(a.rat_for_last_closed_year, None);
    assert_eq!(assess(&k, d("2026-06-30"), &p).status, Status::NotYetDue);
    assert_eq!(assess(&k, d("2026-07-01"), &p).status, Status::Inactive);
    // A young cooperative that did hold an RAT (for its partial first year) is active.
    let k = coop("2024-01-02", &[rat(2024, Some("2025-03-01"))]);
    assert_eq!(assess(&k, d("2025-07-01"), &p).status, Status::Active);
    // Without the grace year the partial 2024 is required.
    let strict = StatusPolicy {
        grace_first_book_year: false,
        ..national()
    };
    let k = coop("2024-01-02", &[]);
    assert_eq!(
        assess(&k, d("2025-07-01"), &strict).status,
        Status::Inactive
    );
}

#[test]
fn founding_year_from_the_badan_hukum_number() {
    let mut k = Koperasi::new("Koperasi Jasa Sola Rumah Karya");
    k.rat_known = koperasi::cooperative::RatKnowledge::Complete;
    let mut bh = NomorBadanHukum::parse("008412/BH/M.KUKM.2/V/2018").unwrap();
    bh.year = Some(2018);
    k.badan_hukum = Some(bh);
    // Year only, with the grace year: founding taken as after 1 January, so 2019 is the first
    // required year. Without it (the default) 2018 is required, due 2019-06-30.
    let g = graced(national());
    assert_eq!(assess(&k, d("2020-06-30"), &g).status, Status::NotYetDue);
    assert_eq!(assess(&k, d("2020-07-01"), &g).status, Status::Inactive);
    assert_eq!(
        assess(&k, d("2019-06-30"), &national()).status,
        Status::NotYetDue
    );
    assert_eq!(
        assess(&k, d("2019-07-01"), &national()).status,
        Status::Inactive
    );
    // A founding year after as-of: not yet founded.
    let a = assess(&k, d("2017-12-31"), &national());
    assert_eq!(a.status, Status::NotAssessable);
    assert_eq!(codes(&a), ["not_yet_founded"]);
    assert_eq!(
        a.reasons[0].detail_id,
        "didirikan tahun 2018 (menurut nomor badan hukum), setelah tahun penilaian 2017"
    );
}

#[test]
fn office_needs_every_year() {
    let p = office();
    let k = coop(
        "2010-05-01",
        &[rat(2022, Some("2023-04-01")), rat(2023, Some("2024-04-01"))],
    );
    let a = assess(&k, d("2024-12-31"), &p);
    assert_eq!(a.status, Status::Active);
    assert_eq!(a.rat_window, Some((2022, 2023)));
    assert_eq!(codes(&a), ["rat_every_year_in_window"]);
    assert!(a.reasons[0].detail.contains("book years 2022–2023"));
    assert_eq!(
        a.reasons[0].detail_id,
        "RAT diadakan untuk setiap tahun buku 2022–2023"
    );
    // After the 2024 deadline, 2024 is missing.
    let a = assess(&k, d("2025-07-01"), &p);
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(codes(&a), ["rat_missing_for_year"]);
    assert!(
        a.reasons[0]
            .detail
            .contains("book year 2024 (due by 2025-06-30)")
    );
    assert_eq!(
        a.reasons[0].detail_id,
        "tidak ada RAT untuk tahun buku 2024 (batas waktu 30 Juni 2025)"
    );
    // National is satisfied by the 2023 RAT.
    assert_eq!(
        assess(&k, d("2025-07-01"), &national()).status,
        Status::Active
    );

    // A gap: 2021 and 2023 held, 2022 missing.
    let k = coop(
        "2010-05-01",
        &[rat(2021, Some("2022-04-01")), rat(2023, Some("2024-04-01"))],
    );
    let a = assess(&k, d("2024-12-31"), &p);
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(a.reasons.len(), 1);
    assert!(a.reasons[0].detail.contains("book year 2022"));
    assert_eq!(
        assess(&k, d("2024-12-31"), &national()).status,
        Status::Active
    );

    // Both years missing: two reasons, oldest first.
    let k = coop("2010-05-01", &[rat(2019, Some("2020-04-01"))]);
    let a = assess(&k, d("2024-12-31"), &p);
    assert_eq!(codes(&a), ["rat_missing_for_year", "rat_missing_for_year"]);
    assert!(a.reasons[0].detail.contains("2022"));
    assert!(a.reasons[1].detail.contains("2023"));
}

#[test]
fn office_window_moves_when_the_latest_rat_is_held_early() {
    let p = office();
    let k = coop(
        "2010-05-01",
        &[rat(2023, Some("2024-04-01")), rat(2024, Some("2025-03-15"))],
    );
    // 2024 held on 15 March 2025: window 2023..=2024, both held.
    let a = assess(&k, d("2025-03-31"), &p);
    assert_eq!(a.status, Status::Active);
    assert_eq!(a.rat_window, Some((2023, 2024)));
    // The day before: window 2022..=2023, 2022 missing.
    let a = assess(&k, d("2025-03-14"), &p);
    assert_eq!(a.status, Status::Inactive);
    assert!(a.reasons[0].detail.contains("book year 2022"));
    // With the grace year, a cooperative founded in mid 2022 needs only 2023 of 2022..=2023;
    // by default (no grace) its partial 2022 needs an RAT too.
    let k = coop("2022-06-01", &[rat(2023, Some("2024-04-01"))]);
    assert_eq!(
        assess(&k, d("2025-03-14"), &graced(p.clone())).status,
        Status::Active
    );
    assert_eq!(assess(&k, d("2025-03-14"), &p).status, Status::Inactive);
}

#[test]
fn dissolution_is_terminal_from_its_date() {
    let mut k = coop("2010-05-01", &[rat(2022, Some("2023-04-01"))]);
    k.dissolution = Some(Dissolution {
        date: d("2023-05-01"),
        by: DissolvedBy::Government,
    });
    for p in [national(), office(), field_first()] {
        let a = assess(&k, d("2023-05-01"), &p);
        assert_eq!(a.status, Status::Dissolved);
        assert_eq!(codes(&a), ["dissolved"]);
        assert_eq!(
            a.reasons[0].detail,
            "dissolved on 2023-05-01 by the government"
        );
        assert_eq!(
            a.reasons[0].detail_id,
            "dibubarkan pada 1 Mei 2023 oleh pemerintah"
        );
        assert_ne!(assess(&k, d("2023-04-30"), &p).status, Status::Dissolved);
    }
    assert_eq!(
        assess(&k, d("2023-04-30"), &national()).status,
        Status::Active
    );
}

#[test]
fn no_rat_history_is_not_assessable() {
    // The Kota Bogor register case: names, numbers and addresses, no RAT history.
    let mut k = Koperasi::new("Koperasi Pegawai PT Telkom Bogor KOPEGTEL KIJANG");
    k.tanggal_badan_hukum = Some(d("2001-01-15"));
    k.rat_known = koperasi::cooperative::RatKnowledge::Unknown;
    let a = assess(&k, d("2022-08-15"), &national());
    assert_eq!(a.status, Status::NotAssessable);
    assert_eq!(codes(&a), ["no_rat_history"]);
    assert_eq!(
        a.reasons[0].label_en,
        "Status cannot be assessed: the record has no RAT history"
    );
    // As of 15 August 2022 the 2021 RAT is due (30 June 2022): window 2019..=2021.
    assert_eq!(
        a.reasons[0].detail_id,
        "data tidak memuat riwayat RAT; penilaian memerlukan data RAT untuk tahun buku 2019–2021"
    );
    assert_eq!(
        assess(&k, d("2022-08-15"), &office()).status,
        Status::NotAssessable
    );
    // A held RAT is a fact even without a full history.
    k.rat.push(rat(2021, Some("2022-03-01")));
    assert_eq!(
        assess(&k, d("2022-08-15"), &national()).status,
        Status::Active
    );
    // Office: 2020 missing but history unknown -> not assessable, not inactive.
    assert_eq!(
        assess(&k, d("2022-08-15"), &office()).status,
        Status::NotAssessable
    );
}

#[test]
fn unknown_founding_date() {
    let mut k = Koperasi::new("Koperasi Tanpa Tanggal");
    k.rat_known = koperasi::cooperative::RatKnowledge::Complete;
    let a = assess(&k, d("2025-07-01"), &national());
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(codes(&a), ["no_rat_within_window", "no_founding_date"]);
    let cautious = StatusPolicy {
        unknown_founding_assume_old: false,
        ..national()
    };
    let a = assess(&k, d("2025-07-01"), &cautious);
    assert_eq!(a.status, Status::NotAssessable);
    assert_eq!(codes(&a), ["no_founding_date"]);
    k.rat.push(rat(2023, Some("2024-05-01")));
    assert_eq!(
        assess(&k, d("2025-07-01"), &cautious).status,
        Status::Active
    );
}

fn check(
    date: &str,
    found: Option<bool>,
    board: Option<bool>,
    business: Option<bool>,
) -> FieldCheck {
    FieldCheck {
        date: d(date),
        found_at_address: found,
        board_known: board,
        business_active: business,
    }
}

#[test]
fn not_found_at_address_overrides_rat() {
    let mut k = coop("2010-05-01", &[rat(2024, Some("2025-04-01"))]);
    k.field_checks
        .push(check("2025-09-01", Some(false), None, None));
    for p in [national(), office(), field_first()] {
        let a = assess(&k, d("2025-10-01"), &p);
        assert_eq!(a.status, Status::NotFound);
        assert_eq!(codes(&a), ["not_found_at_address"]);
        assert!(a.reasons[0].detail.contains("field check on 2025-09-01"));
        assert_eq!(
            a.reasons[0].detail_id,
            "verifikasi lapangan 1 September 2025: tidak ditemukan di alamat terdaftar"
        );
        assert_eq!(a.identified, Some(false));
    }
    assert_eq!(
        assess(&k, d("2025-08-31"), &national()).status,
        Status::Active
    );
    let lenient = StatusPolicy {
        not_found_overrides: false,
        ..national()
    };
    assert_eq!(assess(&k, d("2025-10-01"), &lenient).status, Status::Active);
    // Checks older than the maximum age are ignored.
    let aged = StatusPolicy {
        field_check_max_age_days: Some(30),
        ..national()
    };
    assert_eq!(assess(&k, d("2025-10-01"), &aged).status, Status::NotFound);
    assert_eq!(assess(&k, d("2025-10-02"), &aged).status, Status::Active);
}

#[test]
fn field_verification_first() {
    let p = field_first();
    // Found and running a business, no RAT history at all: active by the field check.
    let mut k = Koperasi::new("Koperasi Konsumen Merah Putih");
    k.tanggal_badan_hukum = Some(d("2015-02-01"));
    k.field_checks
        .push(check("2025-10-01", Some(true), Some(true), Some(true)));
    let a = assess(&k, d("2025-10-28"), &p);
    assert_eq!(a.status, Status::Active);
    assert_eq!(a.reasons[0].code, "field_check_business_active");
    assert_eq!(a.identified, Some(true));
    // The national policy ignores business activity: no RAT history.
    assert_eq!(
        assess(&k, d("2025-10-28"), &national()).status,
        Status::NotAssessable
    );

    // Found, business stopped, RAT held: inactive under field-first, active nationally.
    let mut k = coop("2010-05-01", &[rat(2024, Some("2025-04-01"))]);
    k.field_checks
        .push(check("2025-10-01", Some(true), Some(true), Some(false)));
    let a = assess(&k, d("2025-10-28"), &p);
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(codes(&a), ["field_check_business_inactive"]);
    assert_eq!(
        a.reasons[0].detail_id,
        "verifikasi lapangan 1 Oktober 2025: usaha tidak berjalan"
    );
    assert_eq!(
        assess(&k, d("2025-10-28"), &national()).status,
        Status::Active
    );

    // Found, business not observed: the RAT rule decides.
    let mut k = coop("2010-05-01", &[rat(2024, Some("2025-04-01"))]);
    k.field_checks
        .push(check("2025-10-01", Some(true), None, None));
    let a = assess(&k, d("2025-10-28"), &p);
    assert_eq!(a.status, Status::Active);
    assert_eq!(codes(&a), ["rat_within_window"]);
    assert_eq!(a.identified, None);

    // Active by the field check but no RAT for the latest year due: the KA - tidak RAT flag.
    let mut k = coop("2010-05-01", &[rat(2022, Some("2023-04-01"))]);
    k.field_checks
        .push(check("2025-10-01", Some(true), Some(true), Some(true)));
    let a = assess(&k, d("2025-10-28"), &p);
    assert_eq!(
        codes(&a),
        ["field_check_business_active", "no_rat_for_last_closed_year"]
    );
    assert_eq!(a.rat_for_last_closed_year, Some(false));
}

#[test]
fn every_reason_has_labels_in_both_languages() {
    for (code, id, en) in REASONS {
        assert!(!code.is_empty() && !id.is_empty() && !en.is_empty());
        assert!(code.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
    }
    let k = coop("2010-05-01", &[]);
    let a = assess(&k, d("2025-07-01"), &national());
    assert_eq!(
        a.reasons[0].label_id,
        "Tidak ada RAT dalam jangka waktu penilaian"
    );
    assert_eq!(a.reasons[0].label_en, "No RAT within the window");
    let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label_id()).collect();
    assert_eq!(
        labels,
        [
            "Aktif",
            "Tidak Aktif",
            "Tidak Ditemukan",
            "Dibubarkan",
            "Belum Dinilai",
            "Tidak Dapat Dinilai"
        ]
    );
    assert_eq!(Status::NotYetDue.code(), "not_yet_due");
    assert_eq!(
        assess_status(&k, d("2025-07-01"), &national()),
        Status::Inactive
    );
}

#[test]
fn dissolution_review_flags() {
    let p = graced(national());
    let k = coop("2010-05-01", &[rat(2021, Some("2022-04-01"))]);
    // As of 2025-07-01 the last 2 due years are 2023 and 2024: no RAT for either.
    let r = dissolution_review(&k, d("2025-07-01"), &p).unwrap();
    assert_eq!(r.reasons.len(), 1);
    assert_eq!(r.reasons[0].code, "no_rat_for_consecutive_years");
    assert!(r.reasons[0].detail.contains("book years 2023–2024"));
    assert_eq!(
        r.reasons[0].detail_id,
        "tidak ada RAT untuk tahun buku 2023–2024; RAT terakhir: tahun buku 2021"
    );
    // As of 2025-06-30 the due years are 2022-2023: still none.
    assert!(dissolution_review(&k, d("2025-06-30"), &p).is_some());
    // 2022 due years 2020-2021: the 2021 RAT clears it.
    assert!(dissolution_review(&k, d("2022-07-01"), &p).is_none());
    // An RAT for 2024 held early clears it too.
    let k2 = coop(
        "2010-05-01",
        &[rat(2021, Some("2022-04-01")), rat(2024, Some("2025-03-01"))],
    );
    assert!(dissolution_review(&k2, d("2025-03-31"), &p).is_none());
    // Young: 2023 not required of a coop founded mid 2023 -> no flag.
    let k3 = coop("2023-06-01", &[]);
    assert!(dissolution_review(&k3, d("2025-07-01"), &p).is_none());
    // Unknown history: no RAT-based flag; dissolved: never.
    let mut k4 = k.clone();
    k4.rat_known = koperasi::cooperative::RatKnowledge::Unknown;
    assert!(dissolution_review(&k4, d("2025-07-01"), &p).is_none());
    let mut k5 = k.clone();
    k5.dissolution = Some(Dissolution {
        date: d("2025-01-01"),
        by: DissolvedBy::MemberMeeting,
    });
    assert!(dissolution_review(&k5, d("2025-07-01"), &p).is_none());
    // A field check that did not find it.
    let mut k6 = coop("2010-05-01", &[rat(2024, Some("2025-03-01"))]);
    k6.field_checks
        .push(check("2025-09-01", Some(false), None, None));
    let r = dissolution_review(&k6, d("2025-10-01"), &p).unwrap();
    assert_eq!(r.reasons[0].code, "not_found_at_address");
}

#[test]
fn an_rat_after_a_not_found_check_outweighs_it() {
    use koperasi::cooperative::FieldCheck;
    let mut k = coop("2010-05-01", &[rat(2024, Some("2025-04-20"))]);
    k.field_checks.push(FieldCheck {
        date: d("2023-05-01"),
        found_at_address: Some(false),
        board_known: None,
        business_active: None,
    });
    // Before the RAT: not found. After it: the RAT rule decides.
    assert_eq!(
        assess(&k, d("2025-03-01"), &national()).status,
        Status::NotFound
    );
    assert_eq!(
        assess(&k, d("2025-07-01"), &national()).status,
        Status::Active
    );
}

#[test]
fn the_latest_year_flag_is_unknown_when_the_record_does_not_cover_it() {
    use koperasi::cooperative::RatKnowledge;
    let mut k = coop("2010-05-01", &[rat(2024, Some("2025-04-20"))]);
    k.rat_known = RatKnowledge::years([2022, 2023, 2024]);
    // As of 2026-07-01 the window ends at 2025, a year the record does not cover.
    let a = assess(&k, d("2026-07-01"), &national());
    assert_eq!(a.status, Status::Active);
    assert_eq!(a.rat_for_last_closed_year, None);
    assert!(
        a.reasons
            .iter()
            .all(|r| r.code != "no_rat_for_last_closed_year")
    );
    k.rat_known = RatKnowledge::Complete;
    assert_eq!(
        assess(&k, d("2026-07-01"), &national()).rat_for_last_closed_year,
        Some(false)
    );
}

#[test]
fn incomplete_rat_history_names_the_years_the_record_does_not_cover() {
    use koperasi::cooperative::RatKnowledge;
    // The record says only that no RAT was held for 2022; nothing about 2023 or 2024.
    let mut k = coop("2010-05-01", &[]);
    k.rat_known = RatKnowledge::years([2022]);
    // As of 1 July 2025 the window is 2022..=2024.
    let a = assess(&k, d("2025-07-01"), &national());
    assert_eq!(a.status, Status::NotAssessable);
    assert_eq!(codes(&a), ["rat_history_incomplete"]);
    assert_eq!(
        a.reasons[0].detail,
        "the record does not say whether an RAT was held for book years 2023, 2024; an RAT is \
         needed for book years 2022–2024"
    );
    assert_eq!(
        a.reasons[0].detail_id,
        "data tidak menyebutkan apakah RAT diadakan untuk tahun buku 2023, 2024; penilaian \
         memerlukan data RAT untuk tahun buku 2022–2024"
    );
}

#[test]
fn dissolution_by_each_body_in_indonesian() {
    let cases = [
        (
            DissolvedBy::MemberMeeting,
            "dibubarkan pada 31 Desember 2024 oleh rapat anggota",
        ),
        (
            DissolvedBy::Government,
            "dibubarkan pada 31 Desember 2024 oleh pemerintah",
        ),
        (
            DissolvedBy::Court,
            "dibubarkan pada 31 Desember 2024 oleh pengadilan",
        ),
        (DissolvedBy::Unknown, "dibubarkan pada 31 Desember 2024"),
    ];
    for (by, want) in cases {
        let mut k = coop("2010-05-01", &[]);
        k.dissolution = Some(Dissolution {
            date: d("2024-12-31"),
            by,
        });
        let a = assess(&k, d("2025-01-01"), &national());
        assert_eq!(a.reasons[0].detail_id, want);
        assert!(a.reasons[0].detail.starts_with("dissolved on 2024-12-31"));
    }
}

#[test]
fn by_default_the_founding_year_needs_its_rat() {
    // A Kota Bogor officer's cases (31 Desember 2025 and 1 Juli 2025), national preset.
    let p = national();
    // Founded 5 March 2024: the RAT for book year 2024 is due by 30 June 2025.
    let k = coop("2024-03-05", &[]);
    assert_eq!(assess(&k, d("2025-06-30"), &p).status, Status::NotYetDue);
    assert_eq!(assess(&k, d("2025-07-01"), &p).status, Status::Inactive);
    let held = coop("2024-03-05", &[rat(2024, Some("2025-05-20"))]);
    assert_eq!(assess(&held, d("2025-07-01"), &p).status, Status::Active);
    // Founded 17 July 2025: its first RAT is for book year 2025, due 30 June 2026.
    let k = coop("2025-07-17", &[]);
    let a = assess(&k, d("2025-12-31"), &p);
    assert_eq!(a.status, Status::NotYetDue);
    assert!(
        a.reasons[0]
            .detail
            .contains("book year 2025, due by 2026-06-30"),
        "{}",
        a.reasons[0].detail
    );
}

#[test]
fn office_one_known_missing_year_decides_over_an_unknown_one() {
    use koperasi::cooperative::RatKnowledge;
    // RAT 2022 `belum`, 2023 `?` (unknown), 2024 `belum`, as of 31 Desember 2025.
    let mut k = coop("2010-05-01", &[]);
    k.rat_known = RatKnowledge::years([2022, 2024]);
    let a = assess(&k, d("2025-12-31"), &office());
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(codes(&a), ["rat_missing_for_year"]);
    assert!(a.reasons[0].detail.contains("2024"));
    // With 2024 unknown as well, nothing known is missing: not assessable.
    k.rat_known = RatKnowledge::years([2022]);
    assert_eq!(
        assess(&k, d("2025-12-31"), &office()).status,
        Status::NotAssessable
    );
}

#[test]
fn a_field_check_that_did_not_decide_is_noted() {
    use koperasi::cooperative::FieldCheck;
    // National preset: the RAT rule decides, but the check said the business was not running.
    let mut k = coop("2010-05-01", &[rat(2024, Some("2025-04-20"))]);
    k.field_checks.push(FieldCheck {
        date: d("2025-09-18"),
        found_at_address: Some(true),
        board_known: Some(true),
        business_active: Some(false),
    });
    let a = assess(&k, d("2025-12-31"), &national());
    assert_eq!(a.status, Status::Active);
    let noted = a
        .reasons
        .iter()
        .find(|r| r.code == "field_check_noted")
        .unwrap();
    assert_eq!(
        noted.detail_id,
        "verifikasi lapangan 18 September 2025: usaha tidak berjalan (dicatat; status mengikuti aturan RAT kebijakan)"
    );
    // Where the check decides (field_verification_first), it is not repeated as a note.
    let a = assess(&k, d("2025-12-31"), &field_first());
    assert_eq!(a.status, Status::Inactive);
    assert!(a.reasons.iter().all(|r| r.code != "field_check_noted"));
}
