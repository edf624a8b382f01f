//! `KodeWilayah`: parsing, ordering, hierarchy (DOMAIN.md 6.3), with property tests.

use koperasi::wilayah::{KodeWilayah, Level, normalize_name};
use proptest::prelude::*;

#[allow(clippy::unwrap_used)] // test helper
fn k(s: &str) -> KodeWilayah {
    KodeWilayah::parse(s).unwrap()
}

#[test]
fn dotted_and_undotted_forms() {
    for (a, b, level) in [
        ("64", "64", Level::Provinsi),
        ("64.71", "6471", Level::KabupatenKota),
        ("64.71.01", "647101", Level::Kecamatan),
        ("64.71.01.1001", "6471011001", Level::DesaKelurahan),
    ] {
        assert_eq!(k(a), k(b));
        assert_eq!(k(a).to_string(), a);
        assert_eq!(k(b).to_string(), a);
        assert_eq!(k(a).level(), level);
        assert_eq!(k(a).undotted(), b);
    }
    assert_eq!(k(" 64.71 "), k("64.71"));
    assert_eq!("64.71".parse::<KodeWilayah>().unwrap(), k("6471"));
}

#[test]
fn bad_codes() {
    for s in [
        "",
        "6",
        "647",
        "64711",
        "64.7",
        "64.710",
        "64.71.1",
        "64.71.01.101",
        "64.7101",
        "6471.01",
        "64..71",
        "64.71.",
        ".64",
        "6a",
        "64.71.01.1001.1",
        "00",
        "64.00",
        "64.71.00",
        "64.71.01.0000",
        "64 71",
        "٦٤",
        "64.71.01.10011",
    ] {
        let e = KodeWilayah::parse(s).unwrap_err();
        assert_eq!(e.code(), "wilayah_bad_code", "{s:?}");
    }
}

#[test]
fn hierarchy() {
    let desa = k("64.71.06.1001");
    assert_eq!(desa.parent(), Some(k("64.71.06")));
    assert_eq!(k("64.71.06").parent(), Some(k("64.71")));
    assert_eq!(k("64.71").parent(), Some(k("64")));
    assert_eq!(k("64").parent(), None);
    assert_eq!(desa.provinsi(), k("64"));
    assert_eq!(desa.kab_kota(), Some(k("64.71")));
    assert_eq!(desa.kecamatan(), Some(k("64.71.06")));
    assert_eq!(k("64").kab_kota(), None);
    assert!(k("64.71").contains(&desa));
    assert!(k("64").contains(&k("64.74")));
    assert!(k("64.71").contains(&k("64.71")));
    assert!(!k("64.71").contains(&k("64.72.01")));
    assert!(!k("64.71.01").contains(&k("64.71")));
    assert_eq!(k("64.71").is_kota(), Some(true)); // Kota Balikpapan
    assert_eq!(k("35.07").is_kota(), Some(false)); // Kabupaten Malang
    assert_eq!(k("35.73.01").is_kota(), Some(true));
    assert_eq!(k("35").is_kota(), None);
    assert_eq!(desa.is_kelurahan(), Some(true)); // Prapatan, kelurahan
    assert_eq!(k("11.01.01.2001").is_kelurahan(), Some(false)); // Keude Bakongan, desa
    assert_eq!(k("64.71").is_kelurahan(), None);
}

#[test]
fn order_parents_before_children() {
    let mut v = [
        k("64.72"),
        k("64.71.01.1001"),
        k("64.71.02"),
        k("64"),
        k("64.71.01"),
        k("64.71"),
        k("63.72"),
    ];
    v.sort();
    let s: Vec<String> = v.iter().map(|c| c.to_string()).collect();
    assert_eq!(
        s,
        [
            "63.72",
            "64",
            "64.71",
            "64.71.01",
            "64.71.01.1001",
            "64.71.02",
            "64.72"
        ]
    );
}

#[test]
fn serde_as_dotted_string() {
    let c = k("647101");
    assert_eq!(serde_json::to_string(&c).unwrap(), "\"64.71.01\"");
    let back: KodeWilayah = serde_json::from_str("\"6471011001\"").unwrap();
    assert_eq!(back, k("64.71.01.1001"));
    assert!(serde_json::from_str::<KodeWilayah>("\"64.7\"").is_err());
    assert_eq!(
        serde_json::to_string(&Level::KabupatenKota).unwrap(),
        "\"kabupaten_kota\""
    );
}

#[test]
fn normalisation_examples() {
    assert_eq!(normalize_name("KAB. MALANG"), "kabupaten malang");
    assert_eq!(normalize_name("Kabupaten  Malang"), "kabupaten malang");
    assert_eq!(normalize_name("kab malang"), "kabupaten malang");
    assert_eq!(normalize_name("Kota Malang"), "kota malang");
    assert_eq!(normalize_name("Kodya Malang"), "kota malang");
    assert_eq!(normalize_name("Kec. Bogor Barat"), "bogor barat");
    assert_eq!(normalize_name("Toli-Toli"), "toli toli");
    assert_eq!(
        normalize_name("Kota Administrasi Jakarta Utara "),
        "kota jakarta utara"
    );
    assert_eq!(normalize_name("Bola'"), "bola");
    assert_eq!(normalize_name("Kota"), "kota");
    assert_eq!(normalize_name(""), "");
    assert_eq!(normalize_name(" .,- "), "");
}

fn code_strategy() -> impl Strategy<Value = String> {
    (1u8..=99, 0u8..=99, 0u8..=99, 0u16..=9999).prop_map(|(p, kb, kc, d)| {
        let mut s = format!("{p:02}");
        if kb > 0 {
            s += &format!(".{kb:02}");
            if kc > 0 {
                s += &format!(".{kc:02}");
                if d > 0 {
                    s += &format!(".{d:04}");
                }
            }
        }
        s
    })
}

proptest! {
    #[test]
    fn round_trip(s in code_strategy()) {
        let c = KodeWilayah::parse(&s).unwrap();
        prop_assert_eq!(c.to_string(), s.clone());
        prop_assert_eq!(KodeWilayah::parse(&c.to_string()).unwrap(), c);
        prop_assert_eq!(KodeWilayah::parse(&c.undotted()).unwrap(), c);
        if let Some(p) = c.parent() {
            prop_assert!(p < c);
            prop_assert!(p.contains(&c));
        }
    }

    #[test]
    fn parse_never_panics(s in ".{0,20}") {
        let _ = KodeWilayah::parse(&s);
    }

    #[test]
    fn parse_never_panics_on_code_like(s in "[0-9.]{0,14}") {
        if let Ok(c) = KodeWilayah::parse(&s) {
            prop_assert_eq!(KodeWilayah::parse(&c.to_string()).unwrap(), c);
        }
    }

    #[test]
    fn normalize_never_panics_and_is_tidy(s in "\\PC{0,40}") {
        let n = normalize_name(&s);
        prop_assert!(!n.starts_with(' ') && !n.ends_with(' ') && !n.contains("  "));
    }

    #[test]
    fn lookups_never_panic(s in "\\PC{0,30}") {
        let t = koperasi::wilayah::table();
        let _ = t.find_kab_kota(&s, None);
        let _ = t.find_kecamatan(&s, None);
        let _ = t.find_provinsi(&s);
        prop_assert!(t.search(&s).len() <= 50);
    }
}
