//! Nomor Induk Koperasi and NIB (DOMAIN.md 1.5): opaque digits, placeholders are missing.

use koperasi::identity::{Nib, NikKoperasi};
use proptest::prelude::*;

#[test]
fn nik_accepts_13_to_16_digits() {
    // 3374010010001: the 13-digit value of public demo code (DOMAIN.md 1.5)
    let n = NikKoperasi::parse(" 3374010010001 ").unwrap().unwrap();
    assert_eq!(n.as_str(), "3374010010001");
    assert!(NikKoperasi::parse("3374010010001234").unwrap().is_some());
    for p in ["", "-", "0", "0000000000000", "n/a", "  "] {
        assert_eq!(NikKoperasi::parse(p).unwrap(), None, "{p:?}");
    }
}

#[test]
fn nik_refusals_say_why() {
    let e = NikKoperasi::parse("337401001000").unwrap_err();
    assert_eq!(e.code(), "identity_bad_nik");
    assert!(e.to_string().contains("12 digits"), "{e}");
    let e = NikKoperasi::parse("33740100100012345").unwrap_err();
    assert!(e.to_string().contains("17 digits"), "{e}");
    let e = NikKoperasi::parse("3374-010010001").unwrap_err();
    assert!(e.to_string().contains('-'), "{e}");
    assert!(NikKoperasi::parse("３３７４０１００１０００１").is_err()); // full-width digits
}

#[test]
fn nik_configurable_lengths() {
    assert!(NikKoperasi::parse_with_lengths("3374010010001", 16, 16).is_err());
    assert!(
        NikKoperasi::parse_with_lengths("3374010010001", 13, 13)
            .unwrap()
            .is_some()
    );
    assert!(
        NikKoperasi::parse_with_lengths("12345", 5, 5)
            .unwrap()
            .is_some()
    );
}

#[test]
fn nib() {
    assert_eq!(
        Nib::parse("1904230058291").unwrap().unwrap().as_str(),
        "1904230058291"
    );
    assert_eq!(Nib::parse("-").unwrap(), None);
    assert_eq!(Nib::parse("0").unwrap(), None);
    let e = Nib::parse("190423005829").unwrap_err();
    assert_eq!(e.code(), "identity_bad_nib");
}

proptest! {
    #[test]
    fn nik_never_panics(s in "\\PC{0,30}") {
        if let Ok(Some(n)) = NikKoperasi::parse(&s) {
            prop_assert!(n.as_str().bytes().all(|b| b.is_ascii_digit()));
            prop_assert!((13..=16).contains(&n.as_str().len()));
        }
        let _ = Nib::parse(&s);
    }
}
