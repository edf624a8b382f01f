#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The register reader gives the same register, report and error whatever `threads` is
//! (after 1,024 rows, rows are converted in batches on worker threads and on the calling
//! thread). Hostile shapes around the
//! batch boundaries: unclosed quotes, blank and total rows, limits failing in a late batch,
//! bytes that are not UTF-8, a panicking callback.

use koperasi::io::register::for_each_register_record;
use koperasi::io::{ReadOptions, read_register};

const HEADER: &str = "id_koperasi,nama_koperasi,nomor_bh,tanggal_bh,kecamatan,jenis_koperasi,RAT 2023,ditemukan,tanggal_verifikasi";

fn row(i: usize) -> String {
    let kec = ["Bogor Utara", "Tanah Sareal", "Kota", "Sukajadi", ""][i % 5];
    let jenis = ["Konsumen", "KSPPS", "Serba Usaha", "simpan  pinjam", ""][i % 5];
    let name = match i % 97 {
        0 => String::new(),
        1 => "Jumlah".into(),
        2 => format!("  Koperasi\t{i}  Maju "),
        _ => format!("Koperasi Maju {i}"),
    };
    let date = ["01/02/2003", "2019-12-31", "31/04/2020", "5 Mei 2021", "-"][i % 5];
    format!(
        "{i},{name},{i}/BH/KDK.10/{:02},{date},{kec},{jenis},{},{},{}",
        i % 100,
        ["ya", "tidak", "2023-06-30", "x", ""][i % 5],
        [" YA ", "tdk.", "", "v"][i % 4],
        if i % 3 == 0 { "10-10-2024" } else { "" }
    )
}

fn rows(n: usize) -> Vec<String> {
    let mut v = vec![HEADER.to_string()];
    v.extend((1..=n).map(row));
    v
}

fn bytes(lines: &[String]) -> Vec<u8> {
    let mut s = lines.join("\n");
    s.push('\n');
    s.into_bytes()
}

fn read(input: &[u8], threads: usize, tweak: &dyn Fn(&mut ReadOptions)) -> String {
    let mut o = ReadOptions {
        threads: Some(threads),
        ..ReadOptions::default()
    };
    tweak(&mut o);
    match read_register(input, &o) {
        Ok(r) => serde_json::to_string(&r).unwrap(),
        Err(e) => format!("error: {e:?}"),
    }
}

fn same_for_all_threads(name: &str, input: &[u8], tweak: &dyn Fn(&mut ReadOptions)) -> String {
    let one = read(input, 1, tweak);
    for t in [0, 2, 3, 4, 9] {
        assert!(
            read(input, t, tweak) == one,
            "{name}: threads={t} differs from threads=1"
        );
    }
    one
}

#[test]
fn sizes_around_the_batch_boundary() {
    for n in [0, 1, 1023, 1024, 1025, 2048, 3071, 4097] {
        let out = same_for_all_threads(&format!("{n} rows"), &bytes(&rows(n)), &|_| {});
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[1]["rows_read"], n, "{n} rows");
    }
}

#[test]
fn unclosed_quotes_at_batch_ends() {
    for n in [1024, 2048, 2050] {
        let mut lines = rows(n);
        let last = lines.len() - 1;
        lines[last] = format!("{n},\"Koperasi tanpa tutup,x");
        let mut input = bytes(&lines);
        input.extend_from_slice(b"baris,lain\n");
        let out = same_for_all_threads("unclosed last", &input, &|_| {});
        assert!(out.contains("unterminated_quote"), "{n} rows");

        let mut lines = rows(n);
        lines[1024] = "1024,\"Koperasi terbuka di batas".into();
        same_for_all_threads("unclosed at 1024", &bytes(&lines), &|_| {});

        let mut lines = rows(n);
        lines[1024] = "Jumlah,\"terbuka".into();
        same_for_all_threads("total row unclosed at 1024", &bytes(&lines), &|_| {});
    }
}

#[test]
fn blank_and_total_rows_at_batch_ends() {
    let mut lines = rows(2048);
    lines.insert(1025, ",,,".into());
    lines.insert(1025, String::new());
    lines.push("Total,,,".into());
    lines.push(",,".into());
    let out = same_for_all_threads("blank/total", &bytes(&lines), &|_| {});
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[1]["blank_rows"], 2);
    assert_eq!(v[1]["rows_read"], 2049);
}

#[test]
fn limits_failing_in_a_late_batch() {
    let input = bytes(&rows(5000));
    for max in [1024u64, 2048, 4001] {
        let out = same_for_all_threads("max_rows", &input, &|o| o.limits.max_rows = max);
        assert!(out.starts_with("error: LimitExceeded"), "{out}");
        assert!(out.contains(&format!("found: {}", max + 1)), "{out}");
    }
    let mut lines = rows(5000);
    lines[4000] = format!("4000,Koperasi {}", "A".repeat(3000));
    let out = same_for_all_threads("max_field_bytes", &bytes(&lines), &|o| {
        o.limits.max_field_bytes = 1000
    });
    assert!(out.contains("max_field_bytes"), "{out}");
    let out = same_for_all_threads("max_input_bytes", &bytes(&rows(5000)), &|o| {
        o.limits.max_input_bytes = 150_000
    });
    assert!(out.contains("max_input_bytes"), "{out}");
}

#[test]
fn bytes_that_are_not_utf8_late_in_the_file() {
    let mut input = bytes(&rows(3000));
    let at = input.len() - 500;
    input.insert(at, 0xe9); // Windows-1252 é
    same_for_all_threads("cp1252 late", &input, &|_| {});
    let text = String::from_utf8(bytes(&rows(3000))).unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let a = same_for_all_threads("utf-16", &utf16, &|_| {});
    let semi = text.replace(',', ";");
    let b = same_for_all_threads("semicolons", semi.as_bytes(), &|o| o.delimiter = Some(b';'));
    // Same records whatever the encoding or delimiter (the reports differ by the encoding note).
    let ra: serde_json::Value = serde_json::from_str(&a).unwrap();
    let rb: serde_json::Value = serde_json::from_str(&b).unwrap();
    assert_eq!(ra[0], rb[0]);
}

#[test]
fn a_panicking_callback_does_not_hang_the_workers() {
    let input = bytes(&rows(6000));
    for t in [1, 2, 4] {
        let o = ReadOptions {
            threads: Some(t),
            ..ReadOptions::default()
        };
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut n = 0;
            for_each_register_record(&input[..], &o, |_, _| {
                n += 1;
                if n == 1500 {
                    panic!("callback");
                }
            })
        }));
        assert!(caught.is_err(), "threads={t}");
    }
}
