//! The raw binding layer under Node (`wasm-bindgen-test-runner`): results are JS values with
//! the core's figures, errors carry their code and fields, integers past 2^53 are refused.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(target_arch = "wasm32")]

use koperasi_wasm as w;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn payload(e: JsValue) -> w::ErrorPayload {
    serde_wasm_bindgen::from_value(e).expect("error payload is an object")
}

/// A result as a JSON value, to index into.
fn val(v: JsValue) -> serde_json::Value {
    serde_wasm_bindgen::from_value(v).unwrap()
}

/// An argument built from JSON text.
fn arg(json: &str) -> JsValue {
    w::to_js(&serde_json::from_str::<serde_json::Value>(json).unwrap()).unwrap()
}

#[wasm_bindgen_test]
fn dates_are_iso_text() {
    assert_eq!(
        w::values::parse_date("6 Nop 2019").unwrap().as_string(),
        Some("2019-11-06".into())
    );
    assert_eq!(
        w::values::format_date("2019-11-06").unwrap(),
        "6 November 2019"
    );
}

#[wasm_bindgen_test]
fn core_errors_keep_code_and_value() {
    let p = payload(w::values::parse_date("30/2/2021").unwrap_err());
    assert_eq!(
        (p.kind.as_str(), p.code.as_str()),
        ("koperasi", "date_invalid")
    );
    assert_eq!(p.value.as_deref(), Some("30/2/2021"));
    let p = payload(w::values::format_date("06/11/2019").unwrap_err());
    assert_eq!(p.code, "date_invalid");
}

#[wasm_bindgen_test]
fn csv_errors_carry_the_line() {
    let p = payload(
        w::read::read_any(
            b"nama_koperasi,\"kecamatan\nKSP Maju,Bogor Barat\n",
            JsValue::UNDEFINED,
        )
        .err()
        .unwrap(),
    );
    assert_eq!((p.code.as_str(), p.line), ("read_csv", Some(1)));
}

#[wasm_bindgen_test]
fn money_past_2_pow_53_is_a_range_error() {
    // Rp 1.234.567,89 = 123,456,789 sen.
    assert_eq!(
        w::values::parse_rupiah("Rp 1.234.567,89").unwrap().as_f64(),
        Some(123_456_789.0)
    );
    // 100 trillion rupiah = 10^16 sen > 2^53 - 1.
    let p = payload(w::values::parse_rupiah("Rp 100.000.000.000.000").unwrap_err());
    assert_eq!(
        (p.kind.as_str(), p.code.as_str()),
        ("range", "number_unsafe_integer")
    );
    assert_eq!(p.value.as_deref(), Some("10000000000000000"));
}

#[wasm_bindgen_test]
fn bogor_register_has_398_records() {
    let csv = koperasi::samples::BOGOR_REGISTER_CSV.as_bytes();
    let mut r = w::read::read_any(csv, JsValue::UNDEFINED).unwrap();
    assert_eq!(r.kind(), "register");
    let reg = r.take_register().unwrap();
    assert_eq!(reg.len(), 398);
    let counts = val(reg
        .count_by(arg("[\"kecamatan\"]"), "2022-08-15", JsValue::UNDEFINED)
        .unwrap());
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
    let r =
        val(w::report::build_report(csv, None, JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap());
    let last = r["periods"].as_array().unwrap().last().unwrap();
    // 2025-Q2 over 38 kab/kota (python3): total 42,725.
    assert_eq!(last["total"], 42725);
}

/// DOMAIN.md 3.4 T1: SHU Rp 5,000,000; jasa modal 30 % by capital, jasa pinjaman 20 % by loans,
/// cadangan 50 %. Member A: wajib Rp 500,000 of Rp 20,000,000, loans Rp 600,000 of
/// Rp 12,500,000. By hand: 1,500,000 x 0.025 = 37,500 plus 1,000,000 x 0.048 = 48,000, so
/// A gets Rp 85,500; B the rest of the pools: 1,462,500 + 952,000 = Rp 2,414,500.
#[wasm_bindgen_test]
fn shu_distribution_domain_example() {
    let plan = w::shu::shu_plan_from_toml(
        "[[components]]\ncomponent = \"jasa_modal\"\nbasis_points = 3000\nbase = \"capital\"\n\
         [[components]]\ncomponent = \"jasa_pinjaman\"\nbasis_points = 2000\nbase = \"loans\"\n\
         [[components]]\ncomponent = \"cadangan\"\nbasis_points = 5000\n",
    )
    .unwrap();
    let members = arg(r#"[
        {"id": "A", "savings": {"wajib": 50000000}, "transactions": {"loans": 60000000}},
        {"id": "B", "savings": {"wajib": 1950000000}, "transactions": {"loans": 1190000000}}
    ]"#);
    let d = val(w::shu::shu_distribute(plan, members, 500_000_000, 2024, None).unwrap());
    assert_eq!(d["year_end"], "2024-12-31");
    assert_eq!(d["members"][0]["total"], 8_550_000);
    assert_eq!(d["members"][1]["total"], 241_450_000);
    assert_eq!(d["allocation"]["lines"][2]["amount"], 250_000_000);
    // A plan whose basis points do not sum to 10,000 is a core error with its code.
    let p = payload(
        w::shu::shu_plan_from_toml(
            "[[components]]\ncomponent = \"cadangan\"\nbasis_points = 9000\n",
        )
        .unwrap_err(),
    );
    assert_eq!(
        (p.kind.as_str(), p.code.as_str()),
        ("koperasi", "shu_plan_sum")
    );
}

/// Kaplan-Meier with late entry, by hand: units (entry, duration, death) (1,7,no) (0,3,yes)
/// (0,5,no) (0,2,yes) (0,2,yes) (4,10,no). At t = 2, 5 at risk and 2 deaths: S = 3/5; at t = 3,
/// 3 at risk (the unit entering at 4 is not yet in) and 1 death: S = 0.6 x 2/3 = 0.4; median 3.
#[wasm_bindgen_test]
fn kaplan_meier_with_late_entry() {
    let km_js = w::demography::kaplan_meier(arg(
        r#"{"durations": [7, 3, 5, 2, 2, 10], "event_observed": [false, true, false, true, true, false],
            "entry": [1, 0, 0, 0, 0, 4]}"#,
    ))
    .unwrap();
    let km = val(km_js.clone());
    assert_eq!(km["median"], 3.0);
    let s = |t: f64| -> f64 {
        w::demography::kaplan_meier_survival_at(km_js.clone(), t)
            .unwrap()
            .as_f64()
            .unwrap()
    };
    assert!((s(1.5) - 1.0).abs() < 1e-12);
    assert!((s(2.0) - 0.6).abs() < 1e-12);
    assert!((s(4.0) - 0.4).abs() < 1e-12);
    let p = payload(
        w::demography::kaplan_meier(arg(r#"{"durations": [1, 2], "event_observed": [true]}"#))
            .unwrap_err(),
    );
    assert_eq!(p.code, "demography_length_mismatch");
}

/// The Kota Bogor register: births by founding year 2016-2022 as counted with python3 from
/// nomor_bh (9, 46, 19, 18, 20, 35, 3); no RAT facts, so the population is `registered`.
#[wasm_bindgen_test]
fn bogor_demography_report() {
    let csv = koperasi::samples::BOGOR_REGISTER_CSV.as_bytes();
    let reg = w::read::read_register(csv, JsValue::UNDEFINED)
        .unwrap()
        .take_register()
        .unwrap();
    let r = val(reg
        .demography_report(2016, 2022, "2022-12-31", JsValue::UNDEFINED, None, None)
        .unwrap());
    assert_eq!(r["population"], "registered");
    let births: Vec<u64> = r["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["births"].as_u64().unwrap())
        .collect();
    assert_eq!(births, [9, 46, 19, 18, 20, 35, 3]);
}
