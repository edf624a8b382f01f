//! Published statements read from real articles (tests/data/real/balikpapan-statements/ and the
//! embedded 1 February 2025 sample) and checked: the figures asserted are computed by hand in
//! the PROVENANCE.md files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::ReadOptions;
use koperasi::statements::read::{statements_from_json, statements_from_toml};
use koperasi::statements::{
    Definition, Relations, StatedValue, StatementFinding, check_statements, read_statements,
};

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/real/balikpapan-statements"
);

fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}/{name}")).unwrap()
}

fn check(csv: &[u8]) -> Vec<StatementFinding> {
    let read = read_statements(csv, &ReadOptions::default()).unwrap();
    assert!(
        read.report.rejected.is_empty(),
        "{:?}",
        read.report.rejected
    );
    check_statements(&read.statements, &Relations::embedded())
}

#[cfg(feature = "samples")]
#[test]
fn the_article_of_1_february_2025() {
    let sample = koperasi::samples::get("balikpapan_statements").unwrap();
    let read = read_statements(sample.csv.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!((read.report.rows_read, read.report.accepted), (5, 5));
    let s = &read.statements;
    assert_eq!(s[0].definition, Definition::OnRecord);
    assert_eq!(s[2].definition, Definition::Identified);
    assert_eq!(s[3].stated_change, Some(9));
    assert_eq!(s[4].value, StatedValue::Count(134));
    let f = check_statements(s, &Relations::embedded());
    let codes: Vec<&str> = f.iter().map(|x| x.finding.code.as_str()).collect();
    assert_eq!(codes, ["stated_change_mismatch", "definitions_mixed"]);
    // The nine does not fit 113 -> 125 (+12); it fits 125 -> 134.
    assert_eq!(f[0].finding.values, [9, 113, 125, 125, 134]);
    assert_eq!(f[0].finding.lines, [4, 5, 6]);
    assert!(f[0].finding.message_en.contains("a change of +12"));
    assert!(f[0].finding.message_en.contains("it fits the step 125"));
    assert!(f[0].finding.message_id.contains("cocok dengan langkah 125"));
    // 438 on record and 113 identified are different definitions.
    assert_eq!(f[1].finding.values, [438, 390, 113, 125, 134]);
    assert_eq!(
        f[1].statements,
        [
            "terdata",
            "terdata-2023",
            "teridentifikasi",
            "awal-2025",
            "februari-2025"
        ]
    );
    // No "fall of 325" (438 - 113) nor of 277 (390 - 113) anywhere.
    for x in &f {
        for m in [&x.finding.message_en, &x.finding.message_id] {
            assert!(!m.contains("325") && !m.contains("277"), "{m}");
            assert!(!m.contains("fall of") && !m.contains("turun"), "{m}");
        }
    }
}

#[test]
fn the_printed_date_20245_is_rejected_with_its_reason() {
    let read = read_statements(
        &file("tanggal_tercetak_20245.csv")[..],
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!((read.report.rows_read, read.report.accepted), (2, 1));
    let r = &read.report.rejected[0];
    assert_eq!((r.line, r.code.as_str()), (2, "date_invalid"));
    assert_eq!(r.column.as_deref(), Some("tanggal"));
    assert_eq!(r.value.as_deref(), Some("Sabtu (1/2/20245)"));
    assert!(r.reason.contains("20245"), "{}", r.reason);
    assert_eq!(r.fields.len(), 5);
    assert_eq!(read.statements[0].value, StatedValue::Count(438));
    assert_eq!(read.statements[0].line, Some(3));
}

#[test]
fn bisnis_2024_kecamatan_parts_are_one_short_of_440() {
    let f = check(&file("bisnis_2024-07-15.csv"));
    assert_eq!(f.len(), 1, "{f:#?}");
    let x = &f[0].finding;
    assert_eq!(x.code, "parts_not_equal_total");
    assert_eq!(x.values, [36, 62, 143, 82, 76, 40, 440]);
    assert_eq!(x.lines, [11, 12, 13, 14, 15, 16, 3]);
    assert!(x.message_en.contains("add up to 439") && x.message_en.contains("gap -1"));
    assert!(x.message_id.contains("berjumlah 439") && x.message_id.contains("selisih -1"));
}

#[test]
fn prokal_2025_found_and_not_found_exceed_the_verified() {
    let text = String::from_utf8(file("prokal_2025-10-28.toml")).unwrap();
    let read = statements_from_toml(&text, &ReadOptions::default()).unwrap();
    assert_eq!(read.report.accepted, 6);
    assert_eq!(read.statements[5].value, StatedValue::Percent(70.0));
    assert_eq!(read.statements[5].percent_of, Some(Definition::Active));
    let f = check_statements(&read.statements, &Relations::embedded());
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].finding.code, "relation_broken");
    assert_eq!(
        f[0].finding.measure.as_deref(),
        Some("found_plus_not_found_eq_verified")
    );
    assert_eq!(f[0].finding.values, [563, 500]);
    assert!(f[0].finding.message_en.contains("gap +63"));
}

#[test]
fn json_reads_like_the_table() {
    let json = r#"{"statements": [
        {"tanggal": "1/2/2025", "definisi": "teridentifikasi", "periode": "2024", "nilai": 113},
        {"tanggal": "1/2/2025", "definisi": "teridentifikasi", "periode": "2025-01-01",
         "nilai": 125, "perubahan": "+9"},
        {"tanggal": "1/2/20245", "definisi": "terdata", "nilai": 438}
    ]}"#;
    let read = statements_from_json(json, &ReadOptions::default()).unwrap();
    assert_eq!((read.report.rows_read, read.report.accepted), (3, 2));
    assert_eq!(read.report.rejected[0].line, 3);
    assert_eq!(read.report.rejected[0].code, "date_invalid");
    let f = check_statements(&read.statements, &Relations::embedded());
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].finding.values, [9, 113, 125]);
    assert!(f[0].finding.message_en.contains("fits no other step"));
}

#[test]
fn about_70_percent_of_109_allows_71_to_81() {
    let csv = "tanggal,definisi,nilai,persen_dari\n\
               27/10/2025,aktif,109,\n\
               27/10/2025,sudah RAT,70 %,aktif\n\
               27/10/2025,sudah RAT,60,\n";
    let f = check(csv.as_bytes());
    let p: Vec<_> = f
        .iter()
        .filter(|x| x.finding.code == "percent_not_matching_count")
        .collect();
    assert_eq!(p.len(), 1, "{f:#?}");
    assert_eq!(p[0].finding.values, [60, 109, 71, 81]);
    assert_eq!(p[0].finding.lines, [3, 4, 2]);
    let ok = csv.replace(",60,", ",76,");
    assert!(check(ok.as_bytes()).is_empty());
    // One decimal: 69.7 % of 109 is 76 only.
    let tight = ok.replace("70 %", "\"69,7 %\"").replace(",76,", ",77,");
    let f = check(tight.as_bytes());
    assert_eq!(f[0].finding.values, [77, 109, 76, 76]);
}

#[test]
fn dates_in_the_future_and_before_the_period_ends() {
    let csv = "tanggal,periode,definisi,nilai\n\
               1 Februari 2025,2026,terdata,10\n\
               1 Februari 2025,2025,terdata,5\n\
               1 Februari 2025,2024,terdata,3\n";
    let f = check(csv.as_bytes());
    let codes: Vec<(&str, Vec<u64>)> = f
        .iter()
        .map(|x| (x.finding.code.as_str(), x.finding.lines.clone()))
        .collect();
    assert_eq!(
        codes,
        [
            ("period_in_future", vec![2]),
            ("said_before_period_end", vec![3])
        ]
    );
}

#[test]
fn unknown_definitions_are_flagged_and_relations_are_editable() {
    let csv = "tanggal,definisi,nilai\n1/2/2025,sehat,10\n1/2/2025,terdata,5\n1/2/2025,aktif,8\n";
    let read = read_statements(csv.as_bytes(), &ReadOptions::default()).unwrap();
    let f = check_statements(&read.statements, &Relations::embedded());
    let codes: Vec<&str> = f.iter().map(|x| x.finding.code.as_str()).collect();
    assert_eq!(codes, ["definition_unknown", "relation_broken"]);
    assert_eq!(f[1].finding.measure.as_deref(), Some("active_le_on_record"));
    // A user's own list replaces the embedded one.
    let mine = Relations::from_toml(
        "[[relation]]\nid = \"mine\"\nleft = [\"on_record\"]\nop = \"=\"\nright = [\"active\"]\nsource = \"test\"\n",
    )
    .unwrap();
    let f = check_statements(&read.statements, &mine);
    assert_eq!(f[1].finding.measure.as_deref(), Some("mine"));
    assert_eq!(f[1].finding.values, [5, 8]);
    let bad = Relations::from_toml(
        "[[relation]]\nid = \"x\"\nleft = [\"sehat\"]\nop = \"<\"\nright = []\nsource = \"\"\n",
    );
    assert_eq!(bad.unwrap_err().code(), "relations_invalid");
    assert!(Relations::embedded().relation.len() >= 10);
}

#[test]
fn missing_columns_and_bad_cells() {
    let err = read_statements(
        "tanggal,nilai\n1/2/2025,4\n".as_bytes(),
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "read_missing_column");
    let csv = "definisi,nilai,rincian\nterdata,,\naktif,banyak,\naktif,70 %x,\naktif,4,Konsumen\n";
    let read = read_statements(csv.as_bytes(), &ReadOptions::default()).unwrap();
    let codes: Vec<(u64, &str)> = read
        .report
        .rejected
        .iter()
        .map(|r| (r.line, r.code.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            (2, "missing_value"),
            (3, "bad_count"),
            (4, "bad_count"),
            (5, "bad_breakdown")
        ]
    );
}

/// The Bisnis 2024 statements written as a workbook read back the same, with sheet rows as
/// lines.
#[cfg(all(feature = "xlsx", feature = "xlsx-write"))]
#[test]
fn a_workbook_reads_like_the_csv() {
    use koperasi::io::export::{export_xlsx, read_table};
    use koperasi::statements::read_statements_bytes;
    let csv = file("bisnis_2024-07-15.csv");
    let table = read_table(&csv[..], &ReadOptions::default()).unwrap();
    let xlsx = export_xlsx(&table, "Pernyataan").unwrap();
    assert!(koperasi::statements::read::is_statements_file(
        &xlsx,
        None,
        &ReadOptions::default()
    ));
    let from_xlsx = read_statements_bytes(&xlsx, None, &ReadOptions::default()).unwrap();
    let from_csv = read_statements(&csv[..], &ReadOptions::default()).unwrap();
    assert_eq!(from_xlsx.statements, from_csv.statements);
    assert_eq!(from_xlsx.report.accepted, 15);
    let err = read_statements_bytes(&csv, Some("Pernyataan"), &ReadOptions::default()).unwrap_err();
    assert_eq!(err.code(), "read_workbook");
}

#[test]
fn a_change_counted_from_a_named_period_and_one_with_nothing_before() {
    // "+30 since 2022": 2022 -> 2024 is 100 -> 130, so it fits, though 2023 lies between.
    let csv = "tanggal,periode,definisi,nilai,perubahan,sejak\n\
               1/2/2025,2022,aktif,100,,\n\
               1/2/2025,2023,aktif,120,,\n\
               1/2/2025,2024,aktif,130,30,2022\n\
               1/2/2025,2024,terdata,200,5,\n";
    let f = check(csv.as_bytes());
    let codes: Vec<&str> = f.iter().map(|x| x.finding.code.as_str()).collect();
    assert_eq!(codes, ["stated_change_unchecked"], "{f:#?}");
    assert_eq!(f[0].finding.lines, [5]);
    // Counted from 2023 instead, the 30 does not fit 120 -> 130 and fits no step (+20, +10).
    let f = check(csv.replace(",30,2022", ",30,2023").as_bytes());
    assert_eq!(f[0].finding.code, "stated_change_mismatch");
    assert_eq!(f[0].finding.values, [30, 120, 130]);
    assert!(f[0].finding.message_en.contains("fits no other step"));
}
