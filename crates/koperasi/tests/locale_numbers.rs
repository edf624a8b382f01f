//! Numbers and money as written in Indonesian sources (DOMAIN.md §6.2). Expected sen values
//! were computed independently with Python's `decimal.Decimal` (e.g.
//! `Decimal('2284196.26') * 100`, `Decimal('182.35e12') * 100`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers

use koperasi::Rupiah;
use koperasi::locale::{
    Decimal, format_decimal, format_int, format_rupiah, format_rupiah_whole, is_missing,
    parse_count, parse_decimal, parse_rupiah,
};
use proptest::prelude::*;

fn dec(m: i128, s: u32) -> Decimal {
    Decimal::new(m, s).unwrap()
}

#[track_caller]
fn dec_ok(s: &str, m: i128, scale: u32) {
    let d = parse_decimal(s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
    assert_eq!(d, dec(m, scale), "input {s:?}");
}

#[track_caller]
fn rp_ok(s: &str, sen: i64) {
    assert_eq!(parse_rupiah(s), Ok(Rupiah::from_sen(sen)), "input {s:?}");
}

#[track_caller]
fn code_of<T: std::fmt::Debug>(s: &str, r: Result<T, koperasi::error::NumberError>) -> String {
    let e = r.expect_err(s);
    let msg = e.to_string();
    assert!(msg.contains(s), "message {msg:?} should name {s:?}");
    e.code().to_string()
}

#[test]
fn decimals_indonesian_convention() {
    dec_ok("1.500", 1500, 0);
    dec_ok("9,7", 97, 1);
    dec_ok("1.234.567,89", 123456789, 2);
    dec_ok("-1.500", -1500, 0);
    dec_ok("(1.500)", -1500, 0);
    dec_ok("+1.500", 1500, 0);
    dec_ok("\u{2212}1.500", -1500, 0);
    dec_ok("  1.500  ", 1500, 0);
    dec_ok("0,5", 5, 1);
    dec_ok("007", 7, 0);
    dec_ok("123.456.789.012", 123456789012, 0);
    // Percent sign dropped (observed `54,34%`).
    dec_ok("54,34%", 5434, 2);
    dec_ok("54,34 %", 5434, 2);
    // Scale words (observed "Primer 15 jt", "Kabupaten 6 M", "Rp182,35 triliun").
    dec_ok("15 jt", 15_000_000, 0);
    dec_ok("15jt", 15_000_000, 0);
    dec_ok("15 juta", 15_000_000, 0);
    dec_ok("15 JT", 15_000_000, 0);
    dec_ok("6 M", 6_000_000_000, 0);
    dec_ok("1,5 M", 1_500_000_000, 0);
    dec_ok("1,5M", 1_500_000_000, 0);
    dec_ok("2 miliar", 2_000_000_000, 0);
    dec_ok("2 milyar", 2_000_000_000, 0);
    dec_ok("182,35 triliun", 182_350_000_000_000, 0);
    dec_ok("Rp182,35 triliun", 182_350_000_000_000, 0);
    dec_ok("3 T", 3_000_000_000_000, 0);
    dec_ok("500 rb", 500_000, 0);
    dec_ok("2,5 ribu", 2500, 0);
    dec_ok("1,2345 rb", 12345, 1);
    assert_eq!(parse_decimal("1,2345 rb").unwrap().to_string(), "1234.5");
}

#[test]
fn decimal_type() {
    let d = parse_decimal("1.234.567,89").unwrap();
    assert_eq!(d.mantissa(), 123456789);
    assert_eq!(d.scale(), 2);
    assert_eq!(d.to_string(), "1234567.89");
    assert_eq!(d.to_f64(), 1234567.89);
    assert!(!d.is_integer());
    assert!(parse_decimal("9,00").unwrap().is_integer());
    assert_eq!(
        parse_decimal("9,70").unwrap(),
        parse_decimal("9,7").unwrap()
    );
    assert_eq!(parse_decimal("9,70").unwrap().to_string(), "9.70");
    assert_eq!(dec(-5, 2).to_string(), "-0.05");
    assert_eq!(dec(0, 0).to_string(), "0");
    assert!(dec(97, 1) < dec(98, 1));
    assert!(dec(-97, 1) < dec(-96, 1));
    assert!(dec(1, 0) > dec(99, 2));
    assert!(dec(i128::MAX, 0) > dec(1, 38));
    assert_eq!(dec(15, 1).round_dp(0), dec(2, 0));
    assert_eq!(dec(25, 1).round_dp(0), dec(2, 0));
    assert_eq!(dec(-25, 1).round_dp(0), dec(-2, 0));
    assert_eq!(dec(251, 2).round_dp(1), dec(25, 1));
    assert_eq!(Decimal::new(1, 39), None);
    assert_eq!(dec(1_500_000, 3).to_i128(), Some(1500));
    assert_eq!(dec(i128::MIN, 38).to_f64(), -1.7014118346046923);
    // serde: {mantissa, scale}; scale above 38 refused.
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(json, r#"{"mantissa":123456789,"scale":2}"#);
    let back: Decimal = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d);
    assert!(serde_json::from_str::<Decimal>(r#"{"mantissa":1,"scale":39}"#).is_err());
}

#[test]
fn decimal_errors() {
    // Dots must separate groups of exactly three digits.
    for s in [
        "1.5", "1.50.000", "0.500", "1234.567", "1.500.", "12.5%", "1..500",
    ] {
        assert_eq!(
            code_of(s, parse_decimal(s)),
            "number_ambiguous",
            "input {s:?}"
        );
    }
    // English convention.
    let e = parse_decimal("1,234.56").unwrap_err();
    assert_eq!(e.code(), "number_ambiguous");
    assert!(e.to_string().contains("English"), "{e}");
    let e = parse_decimal("1,234,567").unwrap_err();
    assert_eq!(e.code(), "number_ambiguous");
    assert!(e.to_string().contains("English"), "{e}");
    // Not numbers.
    for s in [
        "",
        " ",
        "-",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "abc",
        "1.500 unit",
        "1,",
        ",5",
        "--5",
        "(-5)",
        "5 m",
        "1 500",
        "Rp",
        "1e5",
        "٣",
    ] {
        assert_eq!(
            code_of(s, parse_decimal(s)),
            "number_not_a_number",
            "input {s:?}"
        );
    }
    // Too many digits.
    let big = "9".repeat(40);
    assert_eq!(code_of(&big, parse_decimal(&big)), "number_out_of_range");
    let s = "100.000.000.000.000.000.000.000.000.000 T";
    assert_eq!(code_of(s, parse_decimal(s)), "number_out_of_range");
}

#[test]
fn counts() {
    assert_eq!(parse_count("1.500"), Ok(1500));
    assert_eq!(parse_count("0"), Ok(0));
    assert_eq!(parse_count("15 rb"), Ok(15_000));
    assert_eq!(parse_count("1,5 jt"), Ok(1_500_000));
    assert_eq!(parse_count("9,0"), Ok(9));
    // The largest count is i64::MAX (so that a count always fits a panel's i64).
    assert_eq!(
        parse_count("9.223.372.036.854.775.807"),
        Ok(i64::MAX as u64)
    );
    let s = "9,7";
    assert_eq!(code_of(s, parse_count(s)), "number_inexact");
    let s = "-5";
    assert_eq!(code_of(s, parse_count(s)), "number_out_of_range");
    for s in ["9.223.372.036.854.775.808", "18.446.744.073.709.551.616"] {
        assert_eq!(code_of(s, parse_count(s)), "number_out_of_range");
    }
    for s in ["1.500 unit", "Rp 5", "5%", "", "-"] {
        assert_eq!(
            code_of(s, parse_count(s)),
            "number_not_a_number",
            "input {s:?}"
        );
    }
    assert_eq!(code_of("1.5", parse_count("1.5")), "number_ambiguous");
}

#[test]
fn rupiah() {
    rp_ok("Rp 1.234.567,89", 123_456_789);
    rp_ok("Rp. 2.284.196,26", 228_419_626);
    rp_ok("Rp5.000.000,-", 500_000_000);
    rp_ok("Rp 5.000.000,-", 500_000_000);
    rp_ok("Rp1.500.000,00", 150_000_000);
    rp_ok("Rp5.000.000.000", 500_000_000_000);
    rp_ok("IDR 5.000", 500_000);
    rp_ok("rp 5.000", 500_000);
    rp_ok("Rp\u{a0}5.000", 500_000);
    rp_ok("1,5 M", 150_000_000_000);
    rp_ok("15 jt", 1_500_000_000);
    rp_ok("Rp182,35 triliun", 18_235_000_000_000_000);
    rp_ok("182,35 triliun", 18_235_000_000_000_000);
    rp_ok("-Rp 1.500,00", -150_000);
    rp_ok("Rp -1.500", -150_000);
    rp_ok("(Rp 1.500)", -150_000);
    rp_ok("Rp 0,5", 50);
    rp_ok("Rp 1,2500", 125);
    rp_ok("0", 0);
    rp_ok("Rp 92.233.720.368.547.758,07", i64::MAX);
    rp_ok("-Rp 92.233.720.368.547.758,08", i64::MIN);

    let s = "Rp 0,125";
    assert_eq!(code_of(s, parse_rupiah(s)), "number_inexact");
    let s = "Rp 92.233.720.368.547.758,08";
    assert_eq!(code_of(s, parse_rupiah(s)), "number_out_of_range");
    let s = "100.000 T";
    assert_eq!(code_of(s, parse_rupiah(s)), "number_out_of_range");
    for s in ["54,34%", "Rp", "Rp -", "-Rp -5", "USD 5", "Rp 1.500 rupiah"] {
        assert_eq!(
            code_of(s, parse_rupiah(s)),
            "number_not_a_number",
            "input {s:?}"
        );
    }
    rp_ok("Rp 1,5", 150);
}

#[test]
fn formatting() {
    assert_eq!(format_int(1_234_567), "1.234.567");
    assert_eq!(format_int(-1500), "-1.500");
    assert_eq!(format_int(0), "0");
    assert_eq!(format_int(999), "999");
    assert_eq!(format_int(1000), "1.000");
    assert_eq!(format_int(i64::MIN), "-9.223.372.036.854.775.808");

    assert_eq!(
        format_rupiah(Rupiah::from_sen(123_456_789)),
        "Rp 1.234.567,89"
    );
    assert_eq!(
        format_rupiah(Rupiah::from_sen(500_000_000)),
        "Rp 5.000.000,00"
    );
    assert_eq!(format_rupiah(Rupiah::from_sen(-150_000)), "-Rp 1.500,00");
    assert_eq!(format_rupiah(Rupiah::from_sen(5)), "Rp 0,05");
    assert_eq!(format_rupiah(Rupiah::ZERO), "Rp 0,00");
    assert_eq!(Rupiah::from_sen(123_456_789).to_string(), "Rp 1.234.567,89");
    assert_eq!(
        format_rupiah_whole(Rupiah::from_sen(500_000_000)),
        "Rp 5.000.000"
    );
    assert_eq!(
        format_rupiah_whole(Rupiah::from_sen(123_456_789)),
        "Rp 1.234.567,89"
    );
    assert_eq!(format_rupiah_whole(Rupiah::from_sen(-150_000)), "-Rp 1.500");
    assert_eq!(format_rupiah_whole(Rupiah::ZERO), "Rp 0");

    let d = dec(1_234_567_891, 3); // 1234567.891
    assert_eq!(format_decimal(&d, 2), "1.234.567,89");
    assert_eq!(format_decimal(&d, 0), "1.234.568");
    assert_eq!(format_decimal(&d, 4), "1.234.567,8910");
    assert_eq!(format_decimal(&dec(125, 3), 2), "0,12"); // half to even
    assert_eq!(format_decimal(&dec(135, 3), 2), "0,14");
    assert_eq!(format_decimal(&dec(25, 1), 0), "2");
    assert_eq!(format_decimal(&dec(35, 1), 0), "4");
    assert_eq!(format_decimal(&dec(-1, 3), 2), "0,00");
    assert_eq!(format_decimal(&dec(-5434, 2), 1), "-54,3");
    assert_eq!(format_decimal(&dec(7, 0), 2), "7,00");
    assert_eq!(format_decimal(&dec(1, 38), 0), "0");
}

#[test]
fn missing_placeholders() {
    for s in [
        "",
        " ",
        "-",
        "--",
        "—",
        "–",
        "n/a",
        "N/A",
        "#N/A",
        "na",
        "NA",
        "n.a.",
        "null",
        "NULL",
        "none",
        "None",
        "nil",
        "tidak ada",
        "Tidak Ada",
        "?",
        "  -  ",
    ] {
        assert!(is_missing(s), "{s:?} should be missing");
    }
    for s in ["0", "1.500", "Koperasi", "nan?", "a"] {
        assert!(!is_missing(s), "{s:?} should not be missing");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parsers_never_panic(s in any::<String>()) {
        let _ = parse_decimal(&s);
        let _ = parse_rupiah(&s);
        let _ = parse_count(&s);
        let _ = is_missing(&s);
    }

    #[test]
    fn parsers_never_panic_on_number_like_text(s in "[-+()0-9.,% RpIDRrbjtMTmiliarjuta]{0,45}") {
        let _ = parse_decimal(&s);
        let _ = parse_rupiah(&s);
        let _ = parse_count(&s);
    }

    #[test]
    fn rupiah_round_trips(sen in any::<i64>()) {
        let r = Rupiah::from_sen(sen);
        prop_assert_eq!(parse_rupiah(&format_rupiah(r)), Ok(r));
        prop_assert_eq!(parse_rupiah(&format_rupiah_whole(r)), Ok(r));
    }

    #[test]
    fn count_round_trips(n in 0i64..=i64::MAX) {
        prop_assert_eq!(parse_count(&format_int(n)), Ok(n as u64));
    }

    #[test]
    fn int_round_trips_as_decimal(n in any::<i64>()) {
        prop_assert_eq!(parse_decimal(&format_int(n)), Ok(Decimal::from(n)));
    }

    #[test]
    fn decimal_format_round_trips(m in any::<i64>(), scale in 0u32..=18) {
        let d = Decimal::new(i128::from(m), scale).unwrap();
        prop_assert_eq!(parse_decimal(&format_decimal(&d, scale)), Ok(d));
    }

    #[test]
    fn decimal_order_matches_f64(a in any::<i32>(), sa in 0u32..6, b in any::<i32>(), sb in 0u32..6) {
        let x = Decimal::new(i128::from(a), sa).unwrap();
        let y = Decimal::new(i128::from(b), sb).unwrap();
        // Cross-multiplied exactly in i128: a*10^sb vs b*10^sa.
        let l = i128::from(a) * 10i128.pow(sb);
        let r = i128::from(b) * 10i128.pow(sa);
        prop_assert_eq!(x.cmp(&y), l.cmp(&r));
        prop_assert_eq!(x == y, l == r);
    }
}

/// Regression: `9223372036854775808` (i64::MAX + 1) and `99999999999999999999` (above u64::MAX)
/// must name the same limit, i64::MAX = 9223372036854775807 (2^63 - 1, python3: 2**63-1).
#[test]
fn count_limit_is_named_the_same_way() {
    for s in [
        "9223372036854775808",
        "99999999999999999999",
        "18446744073709551615",
        "9.300.000 T", // 9.3 × 10^18 > 2^63 - 1
    ] {
        let e = parse_count(s).unwrap_err();
        assert_eq!(e.code(), "number_out_of_range", "{s}: {e}");
        let msg = e.to_string();
        assert!(msg.contains(s), "{msg}");
        assert!(msg.contains("at most 9223372036854775807"), "{s}: {msg}");
    }
    assert_eq!(
        parse_count("9223372036854775807"),
        Ok(9_223_372_036_854_775_807)
    );
}

/// Regression: an English-style count or amount is refused with the convention it expects.
#[test]
fn english_style_refusals_name_the_indonesian_convention() {
    let e = parse_count("1,500").unwrap_err();
    assert_eq!(e.code(), "number_inexact");
    let msg = e.to_string();
    assert!(msg.contains("`1,500`"), "{msg}");
    assert!(msg.contains("`,` is the decimal separator"), "{msg}");
    assert!(msg.contains("`.` separates thousands"), "{msg}");
    assert!(msg.contains("means 1500, write it `1.500`"), "{msg}");
    // Not thousands-shaped: the convention and the generic example.
    let msg = parse_count("9,7").unwrap_err().to_string();
    assert!(msg.contains("`,` is the decimal separator"), "{msg}");
    assert!(msg.contains("1500 is written `1.500`"), "{msg}");
    let msg = parse_count("12,345").unwrap_err().to_string();
    assert!(msg.contains("means 12345, write it `12.345`"), "{msg}");

    // Rupiah: `Rp 1,234` is 1,234 rupiah = a fraction of a sen in the Indonesian reading.
    let e = parse_rupiah("Rp 1,234").unwrap_err();
    assert_eq!(e.code(), "number_inexact");
    let msg = e.to_string();
    assert!(msg.contains("`,` is the decimal separator"), "{msg}");
    assert!(msg.contains("means 1234, write it `1.234`"), "{msg}");

    // English decimals and thousands, and text that is no number at all.
    for s in ["1,234.56", "1,234,567", "1234.56", "0.5"] {
        for e in [parse_decimal(s).unwrap_err(), parse_rupiah(s).unwrap_err()] {
            let msg = e.to_string();
            assert!(
                msg.contains("Indonesian") && msg.contains("`,`") && msg.contains("`.`"),
                "{s}: {msg}"
            );
        }
    }
    for s in ["$1,234", ".5", "1 234"] {
        let msg = parse_decimal(s).unwrap_err().to_string();
        assert!(
            msg.contains("Indonesian convention, `.` for thousands and `,` for decimals"),
            "{s}: {msg}"
        );
    }
}
