//! Streaming read (`io::register::for_each_register_record`) and streaming counts
//! (`register::Counter`) give exactly what the batch reader and `Register::count_by` give.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::Koperasi;
use koperasi::io::register::for_each_register_record;
use koperasi::io::{ReadOptions, ReadReport, read_register};
use koperasi::register::{Counter, Field, Register};
use koperasi::status::StatusPolicy;
use proptest::prelude::*;

const BOGOR: &str =
    include_str!("../data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv");

fn stream(csv: &str, options: &ReadOptions) -> (Vec<(usize, Koperasi)>, ReadReport) {
    let mut got = Vec::new();
    let rep = for_each_register_record(csv.as_bytes(), options, |i, k| got.push((i, k))).unwrap();
    (got, rep)
}

/// The streamed records put back by index, checking that the indices are 0..n once each.
fn by_index(mut got: Vec<(usize, Koperasi)>) -> Vec<Koperasi> {
    got.sort_by_key(|(i, _)| *i);
    for (want, (i, _)) in got.iter().enumerate() {
        assert_eq!(*i, want, "indices are 0..n");
    }
    got.into_iter().map(|(_, k)| k).collect()
}

fn day(s: &str) -> koperasi::NaiveDate {
    koperasi::locale::parse_date(s).unwrap()
}

#[test]
fn bogor_streamed_equals_batch() {
    let opts = ReadOptions::default();
    let (reg, rep) = read_register(BOGOR.as_bytes(), &opts).unwrap();
    let (got, srep) = stream(BOGOR, &opts);
    assert_eq!(srep, rep);
    // 398 records (see io_register.rs), all in file order: every kecamatan is placed from
    // its own row or by the file's kab/kota.
    assert_eq!(got.len(), 398);
    assert_eq!(by_index(got), reg.records);
}

#[test]
fn ambiguous_kecamatan_comes_last_and_is_placed_by_the_file() {
    // Sukajadi is a kecamatan of Kota Bandung (32.73.07) and of Kota Pekanbaru (14.71.01):
    // ambiguous alone, placed in Bandung because Coblong and Cicendo (unique names, 32.73.02
    // and 32.73.06 in the Kemendagri 2025 table) are in Kota Bandung.
    let csv = "nama_koperasi,kecamatan\nKSP A,Sukajadi\nKSP B,Coblong\nKSP C,Cicendo\n";
    let opts = ReadOptions::default();
    let (got, _) = stream(csv, &opts);
    let order: Vec<usize> = got.iter().map(|(i, _)| *i).collect();
    assert_eq!(order, vec![1, 2, 0]);
    let (reg, _) = read_register(csv.as_bytes(), &opts).unwrap();
    assert_eq!(
        reg.records[0].location.code.unwrap().to_string(),
        "32.73.07"
    );
    assert_eq!(by_index(got), reg.records);
}

#[test]
fn unclosed_quote_drops_the_held_back_record() {
    // The last row opens a quote never closed: batch and streaming both reject it.
    let csv = "nama_koperasi,alamat\nKSP A,Jl. Satu\nKSP B,\"Jl. Dua\nKSP C,Jl. Tiga\n";
    let opts = ReadOptions::default();
    let (reg, rep) = read_register(csv.as_bytes(), &opts).unwrap();
    let (got, srep) = stream(csv, &opts);
    assert_eq!(rep.accepted, 1);
    assert_eq!(rep.rejected.len(), 1);
    assert_eq!(rep.rejected[0].code, "unterminated_quote");
    assert_eq!(srep, rep);
    assert_eq!(by_index(got), reg.records);
}

#[test]
fn counter_equals_count_by_on_bogor() {
    let (reg, _) = read_register(BOGOR.as_bytes(), &ReadOptions::default()).unwrap();
    let policy = StatusPolicy::national();
    let as_of = day("2025-07-31");
    let fields = [Field::Kecamatan, Field::Jenis, Field::Status];
    let mut c = Counter::new(&fields, as_of, &policy);
    for k in &reg.records {
        c.add(k);
    }
    let t = c.finish();
    assert_eq!(t, reg.count_by(&fields, as_of, &policy));
    assert_eq!(t.rows.iter().map(|(_, n)| n).sum::<u64>(), 398);
}

/// Cells the generator of `benches/gen` writes, and some it does not.
fn cell() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "-",
        "ya",
        "Tidak",
        "?",
        "n/a",
        "#N/A",
        "x",
        "1",
        "0",
        "sudah (12/05/2024)",
        "2016-05-13",
        "13/05/2016",
        "13 Mei 2016",
        "30/02/1998",
        "2023-03-01",
        "1 .",
        "  Sudah ",
        "tdk",
        "v",
        "Ya, 12 Mei 2024",
    ])
    .prop_map(str::to_string)
}

fn row() -> impl Strategy<Value = Vec<String>> {
    (
        prop::sample::select(vec![
            "KSP Maju",
            "",
            "  Kop.  Karya ",
            "TOTAL",
            "Koperasi \"Tani\"",
        ]),
        prop::sample::select(vec![
            "",
            "-",
            "518/BH/1990",
            "AHU-0001234.AH.01.26.TAHUN 2019",
        ]),
        prop::sample::select(vec!["", "2001-02-03", "31/02/2001", "5 Maret 1999"]),
        prop::sample::select(vec!["", "32.71", "3271", "32.73.07", "99.99", "xx", "35"]),
        prop::sample::select(vec!["", "JAWA BARAT", "Jawa Timur", "Papua  Pegunungan"]),
        prop::sample::select(vec!["", "Sukajadi", "Coblong", "Bogor Tengah", "Nowhere"]),
        prop::sample::select(vec![
            "",
            "KSP",
            "Simpan Pinjam",
            "Serba Usaha",
            "KSPPS",
            "JASA",
        ]),
        prop::collection::vec(cell(), 4),
        prop::sample::select(vec!["", "2024-01-02", "tidak", "ya"]),
        prop::sample::select(vec!["", "ya", "tidak", "mati", "?"]),
        prop::sample::select(vec!["", "2020-06-30", "n/a"]),
    )
        .prop_map(
            |(n, bh, tgl, kode, prov, kec, jenis, rat, ver, usaha, bubar)| {
                let mut r = vec![n, bh, tgl, kode, prov, kec, jenis]
                    .into_iter()
                    .map(str::to_string)
                    .collect::<Vec<_>>();
                r.extend(rat);
                r.extend([ver, usaha, bubar].map(str::to_string));
                r
            },
        )
}

fn to_csv(rows: &[Vec<String>], blank_every: usize) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    w.write_record([
        "nama_koperasi",
        "nomor_bh",
        "tanggal_bh",
        "kode_wilayah",
        "provinsi",
        "kecamatan",
        "jenis_koperasi",
        "RAT 2021",
        "RAT 2022",
        "RAT 2023",
        "RAT 2023",
        "tanggal_verifikasi",
        "usaha_berjalan",
        "tanggal_pembubaran",
    ])
    .unwrap();
    for (i, r) in rows.iter().enumerate() {
        if blank_every > 0 && i % blank_every == 0 {
            w.write_record(vec![""; 14]).unwrap();
        }
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// For any file: the same report, the same records (by index), and the same counts.
    #[test]
    fn streaming_equals_batch(rows in prop::collection::vec(row(), 0..40), blank in 0usize..5,
                              cut in 0usize..200) {
        let mut csv = to_csv(&rows, blank);
        // Sometimes cut the file anywhere (a last row torn mid-cell, a quote left open).
        if cut < csv.len() && cut % 3 == 0 {
            let mut end = csv.len() - cut;
            while !csv.is_char_boundary(end) {
                end -= 1;
            }
            csv.truncate(end);
        }
        let opts = ReadOptions::default();
        let batch = read_register(csv.as_bytes(), &opts);
        let mut got = Vec::new();
        let streamed = for_each_register_record(csv.as_bytes(), &opts, |i, k| got.push((i, k)));
        match (batch, streamed) {
            (Ok((reg, rep)), Ok(srep)) => {
                prop_assert_eq!(&srep, &rep);
                let records = by_index(got);
                prop_assert_eq!(&records, &reg.records);
                let policy = StatusPolicy::national();
                let as_of = day("2024-07-31");
                let fields = [Field::Provinsi, Field::KabKota, Field::Kecamatan, Field::Jenis,
                              Field::Status, Field::FoundingYear];
                let mut c = Counter::new(&fields, as_of, &policy);
                for k in &records {
                    c.add(k);
                }
                prop_assert_eq!(c.finish(), Register::new(records).count_by(&fields, as_of, &policy));
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "batch {:?} vs streamed {:?}", a.map(|_| ()), b.map(|_| ())),
        }
    }
}

/// The Kota Bogor register nine times over (3,582 rows: past the 1,024 rows after which worker
/// threads start), ending in a row whose quote is never closed.
fn bogor_many() -> String {
    let mut lines = BOGOR.lines();
    let header = lines.next().unwrap();
    let body: Vec<&str> = lines.collect();
    let mut csv = format!("{header}\n");
    for _ in 0..9 {
        for l in &body {
            csv.push_str(l);
            csv.push('\n');
        }
    }
    csv.push_str("999,\"KSP Terbuka,tanpa tutup\n");
    csv
}

#[test]
fn threads_give_the_same_records_and_report() {
    let csv = bogor_many();
    let one = ReadOptions {
        threads: Some(1),
        ..ReadOptions::default()
    };
    let (reg1, rep1) = read_register(csv.as_bytes(), &one).unwrap();
    // 398 records per copy (io_register.rs); the unclosed last row is rejected.
    assert_eq!(reg1.records.len(), 9 * 398);
    assert_eq!(rep1.rejected.last().unwrap().code, "unterminated_quote");
    for threads in [2, 3, 4] {
        let opts = ReadOptions {
            threads: Some(threads),
            ..ReadOptions::default()
        };
        let (reg, rep) = read_register(csv.as_bytes(), &opts).unwrap();
        assert_eq!(rep, rep1, "{threads} threads");
        assert_eq!(reg.records, reg1.records, "{threads} threads");
        let (got, srep) = stream(&csv, &opts);
        assert_eq!(srep, rep1);
        assert_eq!(by_index(got), reg1.records);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6))]

    /// Rows converted on several threads give what one thread gives, whatever the file
    /// (past the 1,024 rows after which threads start, blank rows, a torn end).
    #[test]
    fn threads_equal_one_thread(rows in prop::collection::vec(row(), 1000..2600), blank in 0usize..5,
                                cut in 0usize..200, threads in 2usize..5) {
        let mut csv = to_csv(&rows, blank);
        if cut < csv.len() && cut % 3 == 0 {
            let mut end = csv.len() - cut;
            while !csv.is_char_boundary(end) {
                end -= 1;
            }
            csv.truncate(end);
        }
        let one = ReadOptions { threads: Some(1), ..ReadOptions::default() };
        let many = ReadOptions { threads: Some(threads), ..ReadOptions::default() };
        match (read_register(csv.as_bytes(), &one), read_register(csv.as_bytes(), &many)) {
            (Ok((r1, p1)), Ok((rn, pn))) => {
                prop_assert_eq!(p1.accepted + p1.rejected.len() as u64, p1.rows_read);
                prop_assert_eq!(&pn, &p1);
                prop_assert_eq!(&rn.records, &r1.records);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "one {:?} vs many {:?}", a.map(|_| ()), b.map(|_| ())),
        }
    }
}
