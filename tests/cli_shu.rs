//! `koperasi shu` on the example plan and member register (examples/shu/).
//! Expected figures computed independently with tests/vectors/shu/reference.py (Fractions).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/member_files.rs"]
mod member_files;
#[path = "support/cli.rs"]
mod support;

use member_files::{leaked, member_file};
use proptest::prelude::*;
use serde_json::Value;
use support::{MEMBERS, PLAN, fails, koperasi};

fn run(extra: &[&str]) -> std::process::Output {
    let mut args = vec!["shu", "--plan", PLAN, "--members", MEMBERS];
    args.extend_from_slice(extra);
    koperasi().args(&args).output().unwrap()
}

fn stdout(extra: &[&str]) -> String {
    let out = run(extra);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

// Member totals in sen (reference.py): A-001 .. A-008; A-005 left 30 Jun 2024, A-008 joined 2025.
const TOTALS: [i64; 8] = [
    868_158_816,
    651_862_887,
    389_438_590,
    386_441_302,
    0,
    264_704_465,
    139_393_940,
    0,
];

#[test]
fn table_shows_allocation_members_and_a_reconciliation() {
    let out = stdout(&["--shu", "60000000"]);
    assert!(out.contains("book year ending 2024-12-31"));
    assert!(out.contains("21.000.000,00") && out.contains("12.000.000,00"));
    assert!(out.contains("Anggota Satu") && out.contains("8.681.588,16"));
    assert!(out.contains("2.666.666,67")); // A-002 jasa modal: 2.2/9.9 x 12,000,000
    assert!(out.contains("left before the book year closed"));
    assert!(out.contains("joined after the book year closed"));
    assert!(out.contains("Members (6 counted, 2 not counted)"));
    assert!(out.contains(
        "kept by the coop 33.000.000,00 + paid to members 27.000.000,00 + undistributed 0,00 + unallocated 0,00 = 60.000.000,00 = SHU 60.000.000,00"
    ));
}

/// Under `--locale id` the tables an office takes to the RAT are Indonesian, figures unchanged.
#[test]
fn table_in_indonesian_under_locale_id() {
    let out = stdout(&["--shu", "60000000", "--locale", "id"]);
    assert!(out.contains("tahun buku berakhir 2024-12-31"));
    assert!(out.contains("Alokasi") && out.contains("(disimpan koperasi)"));
    assert!(out.contains("Anggota (6 dihitung, 2 tidak dihitung)"));
    assert!(out.contains("keluar sebelum tahun buku berakhir"));
    assert!(out.contains("masuk setelah tahun buku berakhir"));
    assert!(out.contains("JUMLAH") && out.contains("8.681.588,16"));
    assert!(out.contains(
        "Rekonsiliasi (Rp): disimpan koperasi 33.000.000,00 + dibayarkan kepada anggota \
         27.000.000,00 + tidak terbagi 0,00 + tidak teralokasi 0,00 = 60.000.000,00 = SHU \
         60.000.000,00"
    ));
    for english in [
        "Allocation",
        "Members (",
        "kept by the coop",
        "not counted",
        "TOTAL",
    ] {
        assert!(
            !out.contains(english),
            "English `{english}` under --locale id"
        );
    }
}

#[test]
fn json_has_every_member_total_and_money_text_is_accepted() {
    let v: Value =
        serde_json::from_str(&stdout(&["--shu", "Rp 60.000.000", "--format", "json"])).unwrap();
    let totals: Vec<i64> = v["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["total"].as_i64().unwrap())
        .collect();
    assert_eq!(totals, TOTALS);
    assert_eq!(v["retained"], 3_300_000_000i64);
    assert_eq!(v["distributed"], 2_700_000_000i64);
    assert_eq!(v["members"][4]["excluded"], "left_before_year_end");
    // A member who left on the closing date (A-004, 31 Desember 2024) counts.
    assert!(v["members"][3].get("excluded").is_none());
    assert!(
        !v.to_string().contains("Anggota"),
        "names are not in the JSON"
    );
}

#[test]
fn csv_has_bases_and_amounts_in_sen() {
    let out = stdout(&["--shu", "60 jt", "--format", "csv"]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "member_id,name,excluded,jasa_modal_base_sen,jasa_pembelian_base_sen,jasa_pinjaman_base_sen,jasa_modal_sen,jasa_pembelian_sen,jasa_pinjaman_sen,total_sen"
    );
    assert_eq!(
        lines.next().unwrap(),
        "A-001,Anggota Satu,,250000000,1850000000,120000000,303030303,327111984,238016529,868158816"
    );
}

#[test]
fn anonymised_output_has_pseudonyms_and_no_names() {
    let out = stdout(&["--shu", "60000000", "--anonymise", "rahasia koperasi"]);
    assert!(!out.contains("Anggota") && !out.contains("A-001"));
    // SipHash-2-4 pseudonym, computed by tests/vectors/shu/siphash_reference.py.
    assert!(out.contains("M-df17b25a62353418"));
    assert!(out.contains("8.681.588,16"));
}

#[test]
fn bad_input_fails_with_one_clear_line() {
    let dir = std::env::temp_dir().join(format!("koperasi-cli-shu-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plan = dir.join("plan105.toml");
    std::fs::write(
        &plan,
        "[[components]]\ncomponent = \"cadangan\"\nbasis_points = 4000\n[[components]]\ncomponent = \"jasa_usaha\"\nbasis_points = 6500\nbase = \"purchases\"\n",
    )
    .unwrap();
    let p = plan.to_str().unwrap();
    fails(
        &["shu", "--plan", p, "--members", MEMBERS, "--shu", "1000"],
        "10500 basis points",
    );
    fails(
        &[
            "shu",
            "--plan",
            PLAN,
            "--members",
            MEMBERS,
            "--shu",
            "-5000000",
        ],
        "loss is not distributed",
    );
    fails(
        &[
            "shu",
            "--plan",
            PLAN,
            "--members",
            MEMBERS,
            "--shu",
            "banyak",
        ],
        "--shu",
    );
    let members = dir.join("members.csv");
    std::fs::write(
        &members,
        "No Anggota,Nama,Simpanan Wajib,Pembelian,Jasa Pinjaman\nB-1,Rahasia Pribadi,100.000,1,1\nB-2,Nama Lain,seratus ribu,1,1\n",
    )
    .unwrap();
    let m = members.to_str().unwrap();
    let err = fails(
        &["shu", "--plan", PLAN, "--members", m, "--shu", "1000"],
        // Text with letters that is not an amount may be a name in the wrong column: withheld.
        "line 3 `Simpanan Wajib` = `<redacted>`: not a number (the cell is not shown",
    );
    assert!(
        !err.contains("seratus") && !err.contains("unquoted comma"),
        "{err}"
    );
    assert!(
        !err.contains("Nama Lain") && !err.contains("Rahasia"),
        "{err}"
    );
    let ok = koperasi()
        .args([
            "shu",
            "--plan",
            PLAN,
            "--members",
            m,
            "--shu",
            "1000",
            "--skip-rejected",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(ok.status.success());
    let v: Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!(v["members"].as_array().unwrap().len(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

/// A plan written to a temporary file: the example plan with `edit` applied.
fn plan_variant(tag: &str, edit: impl Fn(&str) -> String) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("koperasi-cli-shu-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.toml");
    std::fs::write(&path, edit(&std::fs::read_to_string(PLAN).unwrap())).unwrap();
    path
}

fn members_file(tag: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("koperasi-cli-shu-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("members.csv");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_misspelt_plan_key_is_refused_with_its_line() {
    // `bas` for `base` on the jasa modal line (line 19 of the example plan).
    let p = plan_variant("bas", |t| {
        t.replacen("base = \"capital\"", "bas = \"capital\"", 1)
    });
    let line = std::fs::read_to_string(&p)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("bas ="))
        .unwrap()
        + 1;
    let err = fails(
        &[
            "shu",
            "--plan",
            p.to_str().unwrap(),
            "--members",
            MEMBERS,
            "--shu",
            "60000000",
        ],
        "unknown field `bas`",
    );
    assert!(err.contains(&format!("line {line}")), "{err}");
    let p = plan_variant("bookyear", |t| {
        t.replace("book_year = 2024", "bookyear = 2024")
    });
    fails(
        &[
            "shu",
            "--plan",
            p.to_str().unwrap(),
            "--members",
            MEMBERS,
            "--shu",
            "60000000",
        ],
        "unknown field `bookyear`",
    );
}

#[test]
fn the_book_year_is_required_and_never_taken_from_the_clock() {
    let p = plan_variant("noyear", |t| t.replace("book_year = 2024\n", ""));
    let ps = p.to_str().unwrap();
    fails(
        &[
            "shu",
            "--plan",
            ps,
            "--members",
            MEMBERS,
            "--shu",
            "60000000",
        ],
        "pass --book-year",
    );
    let out = koperasi()
        .args([
            "shu",
            "--plan",
            ps,
            "--members",
            MEMBERS,
            "--shu",
            "60000000",
            "--book-year",
            "2024",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("book year ending 2024-12-31"));
}

#[test]
fn an_unknown_base_or_savings_kind_is_an_error_with_a_suggestion() {
    let p = plan_variant("intrest", |t| {
        t.replace("base = \"interest\"", "base = \"intrest\"")
    });
    let err = fails(
        &[
            "shu",
            "--plan",
            p.to_str().unwrap(),
            "--members",
            MEMBERS,
            "--shu",
            "60000000",
        ],
        "base of pool `jasa_pinjaman` `intrest` is not in the member data",
    );
    assert!(err.contains("did you mean `interest`?"), "{err}");
    let p = plan_variant("wajbi", |t| t.replace("\"wajib\"]", "\"wajbi\"]"));
    let err = fails(
        &[
            "shu",
            "--plan",
            p.to_str().unwrap(),
            "--members",
            MEMBERS,
            "--shu",
            "60000000",
        ],
        "`wajbi`",
    );
    assert!(err.contains("did you mean `wajib`?"), "{err}");
}

#[test]
fn a_register_without_a_pokok_column_warns() {
    let m = members_file(
        "nopokok",
        "No Anggota,Simpanan Wajib,Pembelian,Jasa Pinjaman\nB-1,100.000,1.000,1\nB-2,300.000,3.000,3\n",
    );
    let out = run_with(&[
        "--members",
        m.to_str().unwrap(),
        "--shu",
        "1000",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: capital_savings lists `pokok`"),
        "{err}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // Jasa modal 20 % of Rp 1,000 = 20,000 sen shared 1:3 by wajib: 5,000 and 15,000.
    assert_eq!(v["members"][0]["amounts"][0], 5_000);
    assert_eq!(v["members"][1]["amounts"][0], 15_000);
}

/// `koperasi shu --plan <example>` with `extra` (which gives --members itself).
fn run_with(extra: &[&str]) -> std::process::Output {
    let mut args = vec!["shu", "--plan", PLAN];
    args.extend_from_slice(extra);
    koperasi().args(&args).output().unwrap()
}

#[test]
fn a_header_only_member_file_is_an_error() {
    let m = members_file(
        "header",
        "No Anggota,Nama,Simpanan Pokok,Simpanan Wajib,Pembelian,Jasa Pinjaman\n",
    );
    fails(
        &[
            "shu",
            "--plan",
            PLAN,
            "--members",
            m.to_str().unwrap(),
            "--shu",
            "1000",
        ],
        "the member file has no rows",
    );
}

#[test]
fn a_book_year_before_everyone_joined_warns() {
    let out = run(&["--shu", "60000000", "--book-year", "1800"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    // All 8 example members joined in 2015 or later.
    assert!(
        err.contains("warning: no member is counted on 1800-12-31 (book year 1800): 8 joined after it, 0 left before it"),
        "{err}"
    );
}

#[test]
fn a_leave_date_before_the_join_date_rejects_the_row() {
    let m = members_file(
        "leavejoin",
        "No Anggota,Tanggal Masuk,Tanggal Keluar,Simpanan Pokok,Simpanan Wajib,Pembelian,Jasa Pinjaman\n\
         C-1,1 Maret 2020,,1,1,1,1\nC-2,1 Maret 2020,1 Februari 2020,1,1,1,1\n",
    );
    fails(
        &[
            "shu",
            "--plan",
            PLAN,
            "--members",
            m.to_str().unwrap(),
            "--shu",
            "1000",
        ],
        "line 3: the leave date 2020-02-01 is before the join date 2020-03-01",
    );
}

#[test]
fn half_up_without_reconciliation_warns_and_shows_the_over_payment() {
    let dir = std::env::temp_dir().join(format!("koperasi-cli-shu-{}-halfup", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plan = dir.join("plan.toml");
    std::fs::write(
        &plan,
        "book_year = 2024\nrounding = \"half_up\"\nreconcile = false\ncapital_savings = [\"wajib\"]\n\
         [[components]]\ncomponent = \"jasa_usaha\"\nbasis_points = 10000\nbase = \"purchases\"\n",
    )
    .unwrap();
    let m = members_file("halfup", "No Anggota,Pembelian\nD-1,1\nD-2,3\n");
    let out = koperasi()
        .args([
            "shu",
            "--plan",
            plan.to_str().unwrap(),
            "--members",
            m.to_str().unwrap(),
            "--shu",
            "0,10",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    // 10 sen by 1:3: exact 2.5 and 7.5, half-up 3 + 8 = 11 sen, one more than the pool.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: pool `jasa_usaha`: half_up rounding without reconciliation pays Rp 0,01 more than the pool (undistributed -Rp 0,01)"),
        "{err}"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("over-paid by rounding (not reconciled)"),
        "{text}"
    );
    assert!(
        text.contains("Reconciliation (Rp): kept by the coop 0,00 + paid to members 0,11 + undistributed -0,01 + unallocated 0,00 = 0,10 = SHU 0,10"),
        "{text}"
    );
}

#[test]
fn a_shifted_nik_never_reaches_the_error_message() {
    let m = members_file(
        "shifted",
        "No Anggota,Nama,NIK,Tanggal Masuk,Simpanan Pokok,Simpanan Wajib,Pembelian,Jasa Pinjaman,Catatan\n\
         A-1,Siti, Aminah,3201011234560001,1 Maret 2020,100.000,1,1,\n",
    );
    let ms = m.to_str().unwrap();
    let err = fails(
        &["shu", "--plan", PLAN, "--members", ms, "--shu", "1000"],
        "line 2 `Tanggal Masuk` = `<redacted>`",
    );
    assert!(err.contains("a name with an unquoted comma?"), "{err}");
    for p in ["Siti", "Aminah", "3201011234560001"] {
        assert!(!err.contains(p), "{p} in {err}");
    }
    // Anonymised: no cell value at all, not even a harmless one.
    let m = members_file(
        "anon",
        "No Anggota,Nama,Simpanan Pokok,Simpanan Wajib,Pembelian,Jasa Pinjaman\nB-1,Nama Lain,1,seratus ribu,1,1\n",
    );
    let err = fails(
        &[
            "shu",
            "--plan",
            PLAN,
            "--members",
            m.to_str().unwrap(),
            "--shu",
            "1000",
            "--anonymise",
            "kunci",
        ],
        "line 2 `Simpanan Wajib`: not a number (number_not_a_number)); cell values withheld (--anonymise)",
    );
    assert!(
        !err.contains("seratus") && !err.contains("Nama Lain"),
        "{err}"
    );
}

#[test]
fn an_shu_out_of_range_is_quoted_in_rupiah() {
    // i64::MAX sen = Rp 92.233.720.368.547.758,07.
    let err = fails(
        &[
            "shu",
            "--plan",
            PLAN,
            "--members",
            MEMBERS,
            "--shu",
            "99999999999999999999",
        ],
        "--shu: `99999999999999999999` is out of range: the largest amount is Rp 92.233.720.368.547.758,07",
    );
    assert!(!err.contains(" sen"), "{err}");
}

proptest! {
    // Each case runs the command twice: few cases, the core's property test runs many more.
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// No name from the member file reaches stderr (errors, warnings), whatever the column it
    /// is in; stdout holds a name only as the distribution's own `name` column (issue 13).
    #[test]
    fn no_name_reaches_a_message(f in member_file(), format in prop::sample::select(vec!["table", "csv", "json"])) {
        let m = members_file("prop", &f.text);
        let ms = m.to_str().unwrap();
        for extra in [&[][..], &["--skip-rejected"][..]] {
            let mut args = vec!["shu", "--plan", PLAN, "--members", ms, "--shu", "1000", "--format", format];
            args.extend_from_slice(extra);
            let out = koperasi().args(&args).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            prop_assert!(leaked(&err, &f.names).is_none(), "{:?} in {err}\nfile:\n{}", leaked(&err, &f.names), f.text);
            if f.placed_in != "Nama" {
                let placed = std::slice::from_ref(f.names.last().unwrap());
                let text = String::from_utf8_lossy(&out.stdout);
                prop_assert!(leaked(&text, placed).is_none(), "{placed:?} ({}) in {text}\nfile:\n{}", f.placed_in, f.text);
            }
        }
    }
}
