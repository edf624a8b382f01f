//! Nomor badan hukum: real numbers from the Kota Bogor register (koperasi_kota_bogor_2022.csv),
//! with year/month/kind read by hand from the text (rules documented on `NomorBadanHukum`).

use koperasi::identity::{BadanHukumKind as K, NomorBadanHukum};
use proptest::prelude::*;

/// (raw, year, month, kind, is_amendment)
type Case = (&'static str, Option<i32>, Option<u32>, K, bool);

#[test]
fn real_examples() {
    // (raw, year, month, kind, is_amendment)
    let cases: &[Case] = &[
        (
            "AHU-0007286.AH.01.26.TAHUN 2020",
            Some(2020),
            None,
            K::Ahu,
            false,
        ),
        (
            "AHU-0000665.AH.01.29.TAHUN 2022",
            Some(2022),
            None,
            K::Ahu,
            false,
        ),
        (
            "AHU-0016986.AH.01.26.TAHUN 2022",
            Some(2022),
            None,
            K::Ahu,
            false,
        ),
        (
            "008412/BH/M.KUKM.2/V/2018",
            Some(2018),
            Some(5),
            K::Kemenkop,
            false,
        ),
        (
            "003003/BH/M.KUKM/2/I/2017",
            Some(2017),
            Some(1),
            K::Kemenkop,
            false,
        ),
        (
            "003211/BH/M.KUKM.2/I/2007",
            Some(2007),
            Some(1),
            K::Kemenkop,
            false,
        ),
        ("9290/BH/KWK-10/IX-1996", Some(1996), Some(9), K::Kwk, false),
        (
            "7022./KEP/KWK.10/XII-1997",
            Some(1997),
            Some(12),
            K::Kwk,
            false,
        ),
        ("822/BH/KWK.10/VII.1998", Some(1998), Some(7), K::Kwk, false),
        ("615/BH/KWK10/X-1997", Some(1997), Some(10), K::Kwk, false),
        (
            "5910/BH/PAG.KWK.10/II-1998",
            Some(1998),
            Some(2),
            K::Kwk,
            false,
        ),
        (
            "7845/BH/PAD/KWK10/V/1988",
            Some(1988),
            Some(5),
            K::Kwk,
            true,
        ),
        (
            "8664/BHP/PAD/KWK.10/IV/1996",
            Some(1996),
            Some(4),
            K::Kwk,
            true,
        ),
        // two-digit year after a Roman month: pivot 45
        (
            "8621/BH/PAD/KWK.10/II/98",
            Some(1998),
            Some(2),
            K::Kwk,
            true,
        ),
        ("9366/BH/KWK.10/IV/96", Some(1996), Some(4), K::Kwk, false),
        ("8911/BH/KWK.10/VIII/91", Some(1991), Some(8), K::Kwk, false),
        ("6786/BH/KWK.10/VIII/76", Some(1976), Some(8), K::Kwk, false),
        ("65/BH/KDK.1022/IV/99", Some(1999), Some(4), K::Kdk, false),
        // trailing numbers after an office code are not years
        ("8091/BH/KWK-10/22", None, None, K::Kwk, false),
        ("11.306/BH/KWK.10/22", None, None, K::Kwk, false),
        ("9647/BH/KWK.10.22", None, None, K::Kwk, false),
        ("10322/BH/KWK/10/22", None, None, K::Kwk, false),
        ("9662/BH/KWK.10/5", None, None, K::Kwk, false),
        ("6467/BH/DK-10/3", None, None, K::Other, false),
        ("7/BH/KDK.10/00", None, None, K::Kdk, false),
        ("2017/BH/IX-9/12-67", None, None, K::Other, false),
        // a Roman numeral with no year: an office code, not a month
        ("2713/B.H/VII", None, None, K::Other, false),
        ("91/BH/KDK.1022/IV", None, None, K::Kdk, false),
        ("01/BH/KDK.1022/I/2001", Some(2001), Some(1), K::Kdk, false),
        ("64/BH/KDK.1022XII/2000", Some(2000), None, K::Kdk, false),
        (
            "05/PAD/KDK.1022/XI/2000",
            Some(2000),
            Some(11),
            K::Kdk,
            true,
        ),
        (
            "194/PAD/HK/KDK.105/VI/2003",
            Some(2003),
            Some(6),
            K::Kdk,
            true,
        ),
        ("2835./BH/9-12-1967", Some(1967), None, K::Other, false),
        (
            "11695/BH/KKK.10/XII/1995",
            Some(1995),
            Some(12),
            K::Other,
            false,
        ),
        // XIII.5 is an office code, never a month
        ("50/BH/XIII.5/KANKOP", None, None, K::Kankop, false),
        ("22/BH/XIII.5/02/PERINDAGKOP", None, None, K::Kankop, false),
        ("48/BH/XII.5?Kankop", None, None, K::Kankop, false),
        ("518/09/BH/KANKOP", None, None, K::Kankop, false),
        ("518/05/BH/PAD/PERINDAGKOP", None, None, K::Kankop, true),
        ("518/03//PAD/KANKOP", None, None, K::Kankop, true),
        (
            "15/KEP/PAD/181.4/929 DIPERINDAGKOP",
            None,
            None,
            K::Kankop,
            true,
        ),
        (
            "04/BH/518-DISKOP.UKM/I/2004",
            Some(2004),
            Some(1),
            K::Kankop,
            false,
        ),
        (
            "10/BH/XIII/518-DISKOP.UMKM/X/2013",
            Some(2013),
            Some(10),
            K::Kankop,
            false,
        ),
        (
            "03/518-DISKOP.UKM/I/2007",
            Some(2007),
            Some(1),
            K::Kankop,
            false,
        ),
        (
            "519/19/BH/PERINDAGKOP/2003",
            Some(2003),
            None,
            K::Kankop,
            false,
        ),
        (
            "518/169/BH/KPTS/KKUKM/2008",
            Some(2008),
            None,
            K::Kankop,
            false,
        ),
        ("518/06/BH.DIPERINDGKOP", None, None, K::Kankop, false),
    ];
    for &(raw, year, month, kind, amend) in cases {
        let n = NomorBadanHukum::parse(raw).unwrap();
        assert_eq!(n.raw, raw);
        assert_eq!(
            (n.year, n.month, n.kind, n.is_amendment),
            (year, month, kind, amend),
            "{raw}"
        );
        assert_eq!(n.is_ahu, kind == K::Ahu, "{raw}");
    }
}

#[test]
fn ahu_variants_from_domain() {
    // DOMAIN.md 1.5: `TAHUN 2023`, `Tahun 2020`, `TAHUN-2024`, upper/lower case
    for (raw, year) in [
        ("AHU-0007557.AH.01.26.Tahun 2020", 2020),
        ("AHU-0001234.AH.01.26.TAHUN-2024", 2024),
        ("ahu-0001234.ah.01.26.tahun 2023", 2023),
        ("AHU-0001234.AH.01.26.TAHUN2021", 2021),
        ("  AHU-0001234.AH.01.26. TAHUN  2019 ", 2019),
    ] {
        let n = NomorBadanHukum::parse(raw).unwrap();
        assert_eq!(n.kind, K::Ahu, "{raw}");
        assert_eq!(n.year, Some(year), "{raw}");
        assert_eq!(n.month, None);
        assert_eq!(n.ahu_serial(), Some(if year == 2020 { 7557 } else { 1234 }));
    }
    let n = NomorBadanHukum::parse("AHU-0007286.AH.01.26").unwrap();
    assert_eq!((n.kind, n.year), (K::Ahu, None));
    assert_eq!(
        NomorBadanHukum::parse("008412/BH/M.KUKM.2/V/2018")
            .unwrap()
            .ahu_serial(),
        None
    );
}

#[test]
fn placeholders_and_keys() {
    for p in ["", " ", "-", "n/a", "NULL", "0", "000"] {
        assert_eq!(NomorBadanHukum::parse(p), None, "{p:?}");
    }
    let a = NomorBadanHukum::parse("518/08/BH KANKOP").unwrap();
    let b = NomorBadanHukum::parse("518/08/bh  kankop").unwrap();
    assert_eq!(a.key(), b.key());
    let c = NomorBadanHukum::parse("AHU-0007286.AH.01.26. TAHUN 2020").unwrap();
    let d = NomorBadanHukum::parse("ahu-0007286 . ah.01.26.tahun 2020").unwrap();
    assert_eq!(c.key(), "AHU-0007286.AH.01.26.TAHUN 2020");
    assert_eq!(c.key(), d.key());
    assert_eq!(
        NomorBadanHukum::parse("518 / 14 / BH / PERINDAGKOP")
            .unwrap()
            .key(),
        "518/14/BH/PERINDAGKOP"
    );
}

#[test]
fn serde_kind_snake_case() {
    let n = NomorBadanHukum::parse("9290/BH/KWK-10/IX-1996").unwrap();
    let j = serde_json::to_value(&n).unwrap();
    assert_eq!(j["kind"], "kwk");
    assert_eq!(j["year"], 1996);
    assert_eq!(j["month"], 9);
    let back: NomorBadanHukum = serde_json::from_value(j).unwrap();
    assert_eq!(back, n);
}

proptest! {
    #[test]
    fn parse_never_panics(s in "\\PC{0,60}") {
        if let Some(n) = NomorBadanHukum::parse(&s) {
            prop_assert_eq!(n.raw.as_str(), s.trim());
            if let Some(m) = n.month { prop_assert!((1..=12).contains(&m)); prop_assert!(n.year.is_some()); }
            if let Some(y) = n.year { prop_assert!((1945..=2100).contains(&y)); }
            let _ = n.key();
            let _ = n.ahu_serial();
        }
    }

    #[test]
    fn parse_never_panics_on_number_like(s in "[0-9A-Z./ -]{0,40}") {
        let _ = NomorBadanHukum::parse(&s);
    }
}
