#![allow(clippy::unwrap_used)]
#[test]
fn scratch() {
    let s = koperasi::samples::BALIKPAPAN_STATEMENTS;
    let r = koperasi::statements::read_statements(s.csv.as_bytes(), &Default::default()).unwrap();
    println!("{}", serde_json::to_string_pretty(&r.report).unwrap());
    let f = koperasi::statements::check_statements(&r.statements, &koperasi::statements::Relations::embedded());
    println!("{}", serde_json::to_string_pretty(&f).unwrap());
    for p in ["tanggal_tercetak_20245.csv", "bisnis_2024-07-15.csv"] {
        let b = std::fs::read(format!("../../tests/data/real/balikpapan-statements/{p}")).unwrap();
        let r = koperasi::statements::read_statements(&b[..], &Default::default()).unwrap();
        println!("{}", serde_json::to_string_pretty(&r.report.rejected).unwrap());
        for f in koperasi::statements::check_statements(&r.statements, &koperasi::statements::Relations::embedded()) { println!("{} {:?} {}\n  {}", f.finding.code, f.finding.values, f.finding.message_en, f.finding.message_id); }
    }
    let t = std::fs::read_to_string("../../tests/data/real/balikpapan-statements/prokal_2025-10-28.toml").unwrap();
    let r = koperasi::statements::read::statements_from_toml(&t, &Default::default()).unwrap();
    println!("{:?}", r.report.rejected);
    for f in koperasi::statements::check_statements(&r.statements, &koperasi::statements::Relations::embedded()) { println!("{} {:?} {}\n  {}", f.finding.code, f.finding.values, f.finding.message_en, f.finding.message_id); }
}
