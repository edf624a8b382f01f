//! Many statements are checked in time about linear in their number (a hostile file must not
//! hang the checks): 20,000 figures of one series, each with a stated change that fits no step.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::ReadOptions;
use koperasi::statements::{Relations, check_statements, read_statements};

#[test]
fn twenty_thousand_statements_of_one_series() {
    let mut csv = String::from("tanggal,periode,definisi,nilai,perubahan\n");
    for i in 0..20_000u32 {
        let day =
            chrono::NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Days::new(u64::from(i));
        csv.push_str(&format!(
            "1/1/2100,{day},aktif,{},{}\n",
            i * 2,
            1_000_000 + i
        ));
        if i % 2 == 0 {
            csv.push_str(&format!("1/1/2100,{day},sehat {i},{i},\n"));
        }
    }
    let read = read_statements(csv.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(read.report.accepted, 30_000);
    let t = std::time::Instant::now();
    let f = check_statements(&read.statements, &Relations::embedded());
    let secs = t.elapsed().as_secs_f64();
    // 19,999 stated changes that do not fit, one with nothing before, 10,000 unknown definitions.
    let n = |code: &str| f.iter().filter(|x| x.finding.code == code).count();
    assert_eq!(n("stated_change_mismatch"), 19_999);
    assert_eq!(n("stated_change_unchecked"), 1);
    assert_eq!(n("definition_unknown"), 10_000);
    assert!(secs < 20.0, "checks took {secs:.1} s");
    eprintln!("checks of 30,000 statements: {secs:.2} s");
}
