//! Limit errors on CSV input say where: the line of the row (or header) that passed a cap,
//! or "the whole file" for the size of the input, never "line 0" (issue 13, item 8).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::error::ReadError;
use koperasi::io::{ReadLimits, ReadOptions, read_any, read_panel, read_register};
use koperasi::shu::read_members;

fn with(limits: ReadLimits) -> ReadOptions {
    ReadOptions {
        limits,
        ..ReadOptions::default()
    }
}

/// The limit, the line, and the message of a limit error.
fn limit(e: ReadError) -> (String, u64, String) {
    let msg = e.to_string();
    match e {
        ReadError::LimitExceeded { limit, line, .. } => (limit, line, msg),
        other => panic!("not a limit error: {other:?}"),
    }
}

const REGISTER: &str = "nama_koperasi,kecamatan\n\nKSP A,Bogor Barat\nKSP B,Bogor Timur\n";

#[test]
fn the_size_of_the_input_is_about_the_whole_file() {
    let small = with(ReadLimits {
        max_input_bytes: 30,
        ..ReadLimits::default()
    });
    let errors = [
        read_any(REGISTER.as_bytes(), &small).unwrap_err(),
        read_register(REGISTER.as_bytes(), &small).unwrap_err(),
        read_panel(
            "wilayah,tahun,aktif\nKOTA BOGOR,2024,10\nKOTA BOGOR,2025,11\n".as_bytes(),
            &small,
        )
        .unwrap_err(),
        read_members(
            "No Anggota,Simpanan Wajib\nA-1,100.000\nA-2,100.000\n".as_bytes(),
            &small,
        )
        .unwrap_err(),
    ];
    for e in errors {
        let (name, line, msg) = limit(e);
        assert_eq!((name.as_str(), line), ("max_input_bytes", 0));
        assert!(msg.contains("at most 30 allowed (the whole file)"), "{msg}");
        assert!(!msg.contains("line 0"), "{msg}");
    }
}

#[test]
fn a_row_over_a_cap_gives_its_line() {
    // Line 2 is blank: KSP B is on line 4.
    let one_row = with(ReadLimits {
        max_rows: 1,
        ..ReadLimits::default()
    });
    let (name, line, msg) = limit(read_any(REGISTER.as_bytes(), &one_row).unwrap_err());
    assert_eq!((name.as_str(), line), ("max_rows", 4));
    assert!(msg.contains("(line 4)"), "{msg}");
    let members = "No Anggota,Simpanan Wajib\nA-1,100.000\n\nA-2,100.000\n";
    let (name, line, _) = limit(read_members(members.as_bytes(), &one_row).unwrap_err());
    assert_eq!((name.as_str(), line), ("max_rows", 4));

    let short_fields = with(ReadLimits {
        max_field_bytes: 14,
        ..ReadLimits::default()
    });
    let text = "nama_koperasi,kecamatan\nKSP A,Bogor Barat\nKSP B,Kecamatan Bogor Timur\n";
    let (name, line, msg) = limit(read_register(text.as_bytes(), &short_fields).unwrap_err());
    assert_eq!(
        (name.as_str(), line, msg.contains("(line 3)")),
        ("max_field_bytes", 3, true)
    );
    let members = "No Anggota,Catatan\nA-1,pendek\nA-2,catatan yang panjang\n";
    let (name, line, _) = limit(read_members(members.as_bytes(), &short_fields).unwrap_err());
    assert_eq!((name.as_str(), line), ("max_field_bytes", 3));
}

#[test]
fn a_header_over_a_cap_gives_its_line() {
    let short_fields = with(ReadLimits {
        max_field_bytes: 16,
        ..ReadLimits::default()
    });
    let text = "\nnama_koperasi,keterangan_yang_panjang_sekali\nKSP A,x\n";
    let (name, line, msg) = limit(read_register(text.as_bytes(), &short_fields).unwrap_err());
    assert_eq!((name.as_str(), line), ("max_field_bytes", 2));
    assert!(msg.contains("(line 2)"), "{msg}");
    let members = "No Anggota,Catatan yang panjang sekali\nA-1,x\n";
    let (name, line, _) = limit(read_members(members.as_bytes(), &short_fields).unwrap_err());
    assert_eq!((name.as_str(), line), ("max_field_bytes", 1));
}
