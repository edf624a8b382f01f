//! The register report as data: snapshot counts, members, totals that reconcile.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::report::{Report, ReportOptions, build_report};
use koperasi::status::Status;

#[test]
fn counts_and_members_are_of_the_coops_on_the_register_that_day() {
    // As an office keeps it; the TOTAL row is listed as rejected, not counted.
    let csv = "Nama Koperasi;Tanggal Badan Hukum;Kecamatan;Jumlah Anggota;Tanggal Pembubaran;RAT 2024\n\
               KSP A;1 Februari 2010;Bogor Barat;120;;ya\n\
               KSP B;1 Maret 2012;Bogor Barat;1.250;;tidak\n\
               Kop Lama;1 Januari 2001;Bogor Timur;40;15 Maret 2024;\n\
               Kop Baru;5 Agustus 2026;Bogor Timur;30;;\n\
               TOTAL;;;1.440;;\n";
    let as_of = koperasi::locale::parse_date("1 Juli 2025").unwrap();
    let Report::Register(r) =
        build_report(csv.as_bytes(), "test", &ReportOptions::new(as_of)).unwrap()
    else {
        panic!()
    };
    assert_eq!((r.records, r.on_register, r.founded_later), (4, 2, 1));
    assert_eq!(r.read.rejected[0].code, "total_row");
    // Members: 120 + 1,250 (the dissolved and the not-yet-founded are not on the register).
    assert_eq!((r.members.total, r.members.records_with_members), (1370, 2));
    let total: u64 = r.counts.rows.iter().map(|(_, n)| n).sum();
    assert_eq!(total, r.on_register);
    assert_eq!(r.status_counts[&Status::Dissolved], 1);
    assert_eq!(r.status_counts.values().sum::<u64>(), r.records);
}
