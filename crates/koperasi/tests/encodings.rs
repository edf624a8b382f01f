//! Files in UTF-16 (Excel's "Unicode Text", tab-separated) are converted to UTF-8 by
//! `read_any`, with the encoding named in the read report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::{
    ReadOptions, Table, encoding::TextEncoding, encoding::detect_encoding, read_any,
};

const TEXT: &str = "nama_koperasi\tkecamatan\tjumlah_anggota\nKoperasi Café “Sejahtera”\tBogor Barat\t120\nKSP Ñusantara\tTanah Sareal\t45\n";

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = bom
        .then_some(0xfeffu16)
        .into_iter()
        .chain(text.encode_utf16());
    for u in units {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

fn names(bytes: &[u8]) -> (Vec<String>, Option<String>) {
    match read_any(bytes, &ReadOptions::default()).unwrap() {
        Table::Register(r, report) => {
            assert_eq!((report.rows_read, report.accepted), (2, 2));
            (
                r.records.iter().map(|k| k.name.clone()).collect(),
                report.encoding,
            )
        }
        Table::Panel(..) => panic!("read as a panel"),
    }
}

#[test]
fn utf16_with_and_without_byte_order_mark_is_converted() {
    let want = vec![
        "Koperasi Café “Sejahtera”".to_string(),
        "KSP Ñusantara".to_string(),
    ];
    for (be, bom, name) in [
        (false, true, "utf-16le"),
        (true, true, "utf-16be"),
        (false, false, "utf-16le"),
        (true, false, "utf-16be"),
    ] {
        let bytes = utf16(TEXT, be, bom);
        assert_eq!(
            names(&bytes),
            (want.clone(), Some(name.to_string())),
            "{name} bom={bom}"
        );
    }
}

#[test]
fn a_character_cut_by_the_header_peek_is_decoded_whole() {
    // Enough rows that the file is longer than the 64 KiB read ahead for the header; a
    // surrogate pair (an emoji) in every row lands on the boundary somewhere.
    let mut text = String::from("nama_koperasi\tkecamatan\n");
    for i in 0..3000 {
        text.push_str(&format!("Koperasi 😀 {i}\tBogor Barat\n"));
    }
    let bytes = utf16(&text, false, true);
    assert!(bytes.len() > 1 << 16);
    let Table::Register(r, report) = read_any(bytes.as_slice(), &ReadOptions::default()).unwrap()
    else {
        panic!("not a register")
    };
    assert_eq!(report.accepted, 3000);
    assert!(r.records.iter().all(|k| !k.name.contains('\u{fffd}')));
    assert_eq!(r.records[2999].name, "Koperasi 😀 2999");
}

#[test]
fn detection_keeps_utf8_and_windows_1252() {
    assert_eq!(
        detect_encoding("nama,kecamatan\nCafé,X\n".as_bytes()),
        TextEncoding::Utf8
    );
    assert_eq!(
        detect_encoding(b"nama,kecamatan\nCaf\xe9,X\n"),
        TextEncoding::Windows1252
    );
    assert_eq!(
        detect_encoding(&utf16("nama", false, false)),
        TextEncoding::Utf16Le
    );
}

#[test]
fn read_register_and_read_panel_convert_and_say_so_like_read_any() {
    use koperasi::io::{read_panel, read_register};
    let (r, report) = read_register(
        &b"nama_koperasi,kecamatan\nCaf\xe9 Sejahtera,Bogor Barat\n"[..],
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(r.records[0].name, "Café Sejahtera");
    assert_eq!(report.encoding.as_deref(), Some("windows-1252"));
    assert_eq!(report.notes.len(), 1);
    let panel = utf16(
        "kab_kota,periode,jumlah_koperasi_aktif\nKota Bogor,2024,100\n",
        false,
        true,
    );
    let (p, report) = read_panel(panel.as_slice(), &ReadOptions::default()).unwrap();
    assert_eq!(
        (p.rows.len(), report.encoding.as_deref()),
        (1, Some("utf-16le"))
    );
    // Through read_any the note is given once.
    let Table::Register(_, report) =
        read_any(&b"nama_koperasi\nCaf\xe9\n"[..], &ReadOptions::default()).unwrap()
    else {
        panic!("not a register")
    };
    assert_eq!(report.notes.len(), 1, "{:?}", report.notes);
}
