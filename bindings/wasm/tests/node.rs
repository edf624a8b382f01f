//! The raw binding layer under Node (`wasm-bindgen-test-runner`): results are JSON text with
//! the core's figures, errors carry their code and fields, integers past 2^53 are refused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(target_arch = "wasm32")]

use koperasi_wasm as w;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn payload(e: JsValue) -> w::ErrorPayload {
    serde_json::from_str(&e.as_string().expect("error payload is a string")).unwrap()
}

#[wasm_bindgen_test]
fn dates_are_iso_text() {
    assert_eq!(w::parse_date("6 Nop 2019").unwrap(), "\"2019-11-06\"");
    assert_eq!(w::format_date("2019-11-06").unwrap(), "\"6 November 2019\"");
}

#[wasm_bindgen_test]
fn core_errors_keep_code_and_value() {
    let p = payload(w::parse_date("30/2/2021").unwrap_err());
    assert_eq!(
        (p.kind.as_str(), p.code.as_str()),
        ("koperasi", "date_invalid")
    );
    assert_eq!(p.value.as_deref(), Some("30/2/2021"));
    let p = payload(w::format_date("06/11/2019").unwrap_err());
    assert_eq!(p.code, "date_invalid");
}

#[wasm_bindgen_test]
fn csv_errors_carry_the_line() {
    let p = payload(
        w::read_any(b"nama_koperasi,\"kecamatan\nKSP Maju,Bogor Barat\n", None)
            .err()
            .unwrap(),
    );
    assert_eq!((p.code.as_str(), p.line), ("read_csv", Some(1)));
}

#[wasm_bindgen_test]
fn money_past_2_pow_53_is_a_range_error() {
    // Rp 1.234.567,89 = 123,456,789 sen.
    assert_eq!(w::parse_rupiah("Rp 1.234.567,89").unwrap(), "123456789");
    // 100 trillion rupiah = 10^16 sen > 2^53 - 1.
    let p = payload(w::parse_rupiah("Rp 100.000.000.000.000").unwrap_err());
    assert_eq!(
        (p.kind.as_str(), p.code.as_str()),
        ("range", "number_unsafe_integer")
    );
    assert_eq!(p.value.as_deref(), Some("10000000000000000"));
}

#[wasm_bindgen_test]
fn bogor_register_has_398_records() {
    let csv = koperasi::samples::BOGOR_REGISTER_CSV.as_bytes();
    let mut r = w::read_any(csv, None).unwrap();
    assert_eq!(r.kind(), "register");
    let reg = r.take_register().unwrap();
    assert_eq!(reg.len(), 398);
    let counts: serde_json::Value =
        serde_json::from_str(&reg.count_by("[\"kecamatan\"]", "2022-08-15", None).unwrap())
            .unwrap();
    let tengah = counts["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row[0][0].as_str().unwrap().ends_with("Bogor Tengah"))
        .unwrap();
    // Bogor Tengah: 127 rows of the file (python3 csv module).
    assert_eq!(tengah[1], 127);
}

#[wasm_bindgen_test]
fn jatim_report_totals() {
    let csv = koperasi::samples::JATIM_PANEL_CSV.as_bytes();
    let r: serde_json::Value =
        serde_json::from_str(&w::build_report(csv, None, None, None).unwrap()).unwrap();
    let last = r["periods"].as_array().unwrap().last().unwrap();
    // 2025-Q2 over 38 kab/kota (python3): total 42,725.
    assert_eq!(last["total"], 42725);
}
