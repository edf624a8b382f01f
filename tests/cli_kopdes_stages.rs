//! `koperasi kopdes stages|readiness|wave` (issue 19, items 2, 3, 5) on the synthetic register
//! with dated stages (tests/data/synthetic/kopdes-stages/, figures from its generate.py) and on
//! the real East Java panel with the SIMKOPDES East Java count.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/cli.rs"]
mod support;

use support::{JATIM, fails, json, stdout};

const SYNTH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/synthetic/kopdes-stages/kopdes_stages_synth.csv"
);

#[test]
fn stages_table_json_and_csv() {
    let out = stdout(&["kopdes", "stages", SYNTH, "--as-of", "2026-01-31"]);
    assert!(out.contains("as of 2026-01-31 (600 coops; 40 without stage facts"));
    assert!(out.contains("SK AHU (legal entity)") && out.contains("421"));
    let v = json(&[
        "kopdes",
        "stages",
        SYNTH,
        "--as-of",
        "2026-01-31",
        "--by",
        "kab_kota",
        "--format",
        "json",
    ]);
    assert_eq!(v["coops"], 600);
    let sk = v["funnel"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["stage"] == "sk_ahu")
        .unwrap();
    assert_eq!(
        (sk["reached"].as_u64(), sk["undated"].as_u64()),
        (Some(421), Some(61))
    );
    assert_eq!(v["by_region"].as_array().unwrap().len(), 4);
    let csv = stdout(&[
        "kopdes",
        "stages",
        SYNTH,
        "--as-of",
        "2026-01-31",
        "--format",
        "csv",
    ]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("region,coops,musdesus,founding_meeting,akta,sk_ahu")
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("(all),600,560,501,461,421,")
    );
    let id = stdout(&[
        "kopdes",
        "stages",
        SYNTH,
        "--as-of",
        "2026-01-31",
        "--locale",
        "id",
    ]);
    assert!(id.contains("Tahapan KDMP/KKMP") && id.contains("31 Januari 2026"));
}

/// A stage no record speaks of is not known, not 0, in the breakdown too: the synthetic file has
/// no RAT column (its (all) row: 7 operating, RAT empty, 210 proposals, 129 approvals), and the
/// real SIMKOPDES Situbondo locations (47 coops) have no stage column at all.
#[test]
fn stage_without_data_is_empty_not_zero() {
    let args = ["kopdes", "stages", SYNTH, "--as-of", "2026-01-31"];
    let csv = stdout(&[&args[..], &["--format", "csv"]].concat());
    let all = csv.lines().nth(1).unwrap();
    assert!(
        all.starts_with("(all),600,560,") && all.ends_with(",21,7,,210,129"),
        "{all}"
    );
    let table = stdout(&[&args[..], &["--by", "kab_kota"]].concat());
    let row = table.lines().find(|l| l.contains("(all)")).unwrap();
    assert!(row.contains("┆         7 ┆        - ┆"), "{row}");
    let situbondo = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/real/simkopdes-kopdes-locations/kopdes_locations_situbondo.csv"
    );
    let csv = stdout(&[
        "kopdes",
        "stages",
        situbondo,
        "--as-of",
        "2026-01-31",
        "--format",
        "csv",
    ]);
    let all = csv.lines().nth(1).unwrap();
    assert_eq!(all, format!("(all),47{}", ",".repeat(16)));
}

#[test]
fn readiness_in_both_languages() {
    let out = stdout(&["kopdes", "readiness", SYNTH]);
    assert!(out.contains("71 of 600 coops ready (11.83 %)"), "{out}");
    assert!(out.contains("PMK 49/2025 Pasal 6 ayat (1) huruf d"));
    let id = stdout(&[
        "kopdes",
        "readiness",
        SYNTH,
        "--locale",
        "id",
        "--by",
        "kab_kota",
    ]);
    assert!(id.contains("71 dari 600 koperasi siap (11,83 %)"), "{id}");
    assert!(id.contains("Kurang per wilayah"));
    let csv = stdout(&["kopdes", "readiness", SYNTH, "--format", "csv"]);
    assert!(csv.starts_with("line,name,region,ready,missing\n"));
    assert_eq!(csv.lines().filter(|l| l.contains(",yes,")).count(), 71);
}

#[test]
fn presets_are_data_and_bad_ones_are_refused() {
    let dir = std::env::temp_dir().join(format!("kopdes-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A checklist with only the legal entity: every coop with an SK AHU is ready (421).
    let only_legal = dir.join("legal.toml");
    std::fs::write(
        &only_legal,
        "name = \"legal only\"\n[[item]]\ncode = \"legal_entity\"\nstages = [\"sk_ahu\"]\nlabel_id = \"Berbadan hukum\"\nlabel_en = \"Legal entity\"\n",
    )
    .unwrap();
    let v = json(&[
        "kopdes",
        "readiness",
        SYNTH,
        "--checklist",
        only_legal.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(v["overall"]["ready"], 421);
    let bad = dir.join("bad.toml");
    std::fs::write(
        &bad,
        "name = \"x\"\n[[step]]\nfrom = \"akta\"\nto = \"sk\"\ndays = 3\n",
    )
    .unwrap();
    fails(
        &[
            "kopdes",
            "stages",
            SYNTH,
            "--as-of",
            "2026-01-31",
            "--stall-days",
            bad.to_str().unwrap(),
        ],
        "line 4",
    );
    fails(
        &[
            "kopdes",
            "stages",
            SYNTH,
            "--as-of",
            "2026-01-31",
            "--by",
            "jenis",
        ],
        "not a region field",
    );
    fails(
        &["kopdes", "stages", JATIM, "--as-of", "2026-01-31"],
        "needs a register",
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn wave_on_the_east_java_panel() {
    let out = stdout(&["kopdes", "wave", JATIM, "--kdmp-count", "8494"]);
    assert!(
        out.contains("2025-Q1 -> 2025-Q2: +8,570 (+25.1 %)"),
        "{out}"
    );
    assert!(
        out.contains("99.1 %") && out.contains("+76 (+0.2 %)"),
        "{out}"
    );
    let v = json(&[
        "kopdes",
        "wave",
        JATIM,
        "--kdmp-count",
        "8494",
        "--at",
        "2025-Q2",
        "--format",
        "json",
    ]);
    assert_eq!(v["change"], 8570);
    assert_eq!(v["change_without"], 76);
    fails(&["kopdes", "wave", JATIM], "--kdmp-count");
}

/// A file without any checklist column (the real SIMKOPDES Situbondo locations: 47 coops, no
/// stage column) has no readiness figure: it is said to be not known, never "0 of 47 ready".
#[test]
fn readiness_without_a_checklist_column_is_not_known() {
    let situbondo = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/real/simkopdes-kopdes-locations/kopdes_locations_situbondo.csv"
    );
    let out = stdout(&["kopdes", "readiness", situbondo]);
    assert!(
        out.contains("not known for the 47 coops: the file has no checklist column"),
        "{out}"
    );
    assert!(!out.contains("0 of 47") && !out.contains("0.00 %"), "{out}");
    let id = stdout(&["kopdes", "readiness", situbondo, "--locale", "id"]);
    assert!(id.contains("tidak diketahui untuk 47 koperasi"), "{id}");
    assert!(!id.contains("0 dari 47"), "{id}");
}

/// A fresh path in a directory of this test process.
fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("koperasi-kopdes-office-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

type Book = calamine::Xlsx<std::io::BufReader<std::fs::File>>;

/// Run with `--format xlsx -o FILE` and open the workbook with calamine.
fn xlsx(args: &[&str], name: &str) -> Book {
    let path = temp(name);
    let mut all = args.to_vec();
    all.extend(["--format", "xlsx", "-o", path.to_str().unwrap()]);
    assert!(stdout(&all).is_empty(), "nothing on stdout with -o");
    calamine::open_workbook(&path).unwrap()
}

fn sheet(wb: &mut Book, name: &str) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let full = wb
        .sheet_names()
        .into_iter()
        .find(|n| n.starts_with(name))
        .unwrap_or_else(|| panic!("no sheet {name}"));
    let range = wb.worksheet_range(&full).unwrap();
    range.rows().map(<[calamine::Data]>::to_vec).collect()
}

fn num(d: &calamine::Data) -> f64 {
    match d {
        calamine::Data::Float(x) => *x,
        calamine::Data::Int(n) => *n as f64,
        other => panic!("not a number: {other:?}"),
    }
}

/// The row whose first cell is the text `key`.
fn row<'a>(rows: &'a [Vec<calamine::Data>], key: &str) -> &'a [calamine::Data] {
    rows.iter()
        .find(|r| matches!(r.first(), Some(calamine::Data::String(s)) if s == key))
        .unwrap_or_else(|| panic!("no row {key}: {rows:?}"))
}

/// The stages workbook holds the figures of the pandas script (expected.json of the synthetic
/// register): SK AHU 421 reached (61 undated) of 600, NPWP 335, operating 7; RAT empty (no
/// column: not known); 59 stalled between musdesus and the founding meeting; by kab/kota,
/// Kabupaten Contoh Dua 150 coops, 101 with SK AHU. Indonesian sheet names under `--locale id`.
#[test]
fn stages_as_a_workbook_with_the_pandas_figures() {
    let base = ["kopdes", "stages", SYNTH, "--as-of", "2026-01-31"];
    let mut wb = xlsx(&[&base[..], &["--by", "kab_kota"]].concat(), "stages.xlsx");
    let funnel = sheet(&mut wb, "Funnel");
    let sk = row(&funnel, "SK AHU (legal entity)");
    assert_eq!((num(&sk[1]), num(&sk[3])), (421.0, 61.0));
    assert!((num(&sk[2]) - 421.0 / 600.0 * 100.0).abs() < 1e-9);
    assert_eq!(num(&row(&funnel, "Tax number (NPWP)")[1]), 335.0);
    let rat = funnel
        .iter()
        .find(|r| r[0].to_string().starts_with("RAT"))
        .unwrap();
    assert_eq!(
        rat[1],
        calamine::Data::Empty,
        "RAT has no column: not known"
    );
    let stalled = sheet(&mut wb, "Stalled");
    assert_eq!(num(&stalled[1][3]), 59.0, "{:?}", stalled[1]);
    let by = sheet(&mut wb, "By region");
    let dua = row(&by, "Kabupaten Contoh Dua");
    assert_eq!((num(&dua[1]), num(&dua[5])), (150.0, 101.0));
    let mut id = xlsx(&[&base[..], &["--locale", "id"]].concat(), "tahapan.xlsx");
    let tahap = sheet(&mut id, "Tahapan");
    assert_eq!(tahap[0][0].to_string(), "Tahap");
    assert_eq!(num(&tahap[4][1]), 421.0, "{:?}", tahap[4]);
}

/// The readiness workbook: 71 of 600 ready, 179 missing the legal entity and 471 the approval
/// (expected.json); a coop name written as a formula stays text; the HTML page carries the same
/// counts; a file with no checklist column says not known and gives no count.
#[test]
fn readiness_as_a_workbook_and_a_page() {
    let csv = std::fs::read_to_string(SYNTH).unwrap();
    let hostile = csv.replacen(
        "Koperasi Desa Merah Putih Contoh 00001",
        "=HYPERLINK(\"http://x\")",
        1,
    );
    let f = temp("hostile.csv");
    std::fs::write(&f, hostile).unwrap();
    let f = f.to_str().unwrap();
    let mut wb = xlsx(&["kopdes", "readiness", f], "readiness.xlsx");
    let notes = sheet(&mut wb, "Notes");
    assert_eq!(row(&notes, "Ready")[1].to_string(), "71", "{notes:?}");
    let items = sheet(&mut wb, "Checklist");
    let legal = row(&items, "legal_entity");
    assert_eq!(num(&legal[4]), 179.0);
    assert_eq!(num(&row(&items, "approval")[4]), 471.0);
    let coops = sheet(&mut wb, "By coop");
    assert_eq!(coops.len(), 601);
    assert_eq!(
        coops
            .iter()
            .filter(|r| matches!(&r[3], calamine::Data::String(s) if s == "yes"))
            .count(),
        71
    );
    assert_eq!(coops[1][1].to_string(), "=HYPERLINK(\"http://x\")");
    {
        use calamine::Reader;
        let formulas = wb.worksheet_formula("By coop").unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    }
    let page = temp("readiness.html");
    stdout(&[
        "kopdes",
        "readiness",
        SYNTH,
        "--format",
        "html",
        "--locale",
        "id",
        "-o",
        page.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(page).unwrap();
    assert!(
        html.contains("Kesiapan pinjaman KDMP/KKMP") && html.contains(">471<"),
        "html"
    );
    let situbondo = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/real/simkopdes-kopdes-locations/kopdes_locations_situbondo.csv"
    );
    let mut none = xlsx(&["kopdes", "readiness", situbondo], "none.xlsx");
    let notes = sheet(&mut none, "Notes");
    assert!(row(&notes, "Ready")[1].to_string().starts_with("not known"));
    let items = sheet(&mut none, "Checklist");
    assert_eq!(row(&items, "npwp")[3], calamine::Data::Empty);
}

/// Stage columns named otherwise are taken with `--map`: the synthetic register with its SK AHU
/// columns renamed has no SK AHU data (not known) until they are mapped; then SK AHU is reached
/// by 421 coops, 61 of them undated (expected.json). A mapping to a missing column is refused.
#[test]
fn stage_columns_can_be_mapped() {
    let csv = std::fs::read_to_string(SYNTH).unwrap();
    let renamed = csv.replacen(
        ",tgl_sk_ahu,no_sk_ahu,",
        ",Tanggal Pengesahan,Nomor Pengesahan,",
        1,
    );
    assert_ne!(renamed, csv);
    let f = temp("renamed.csv");
    std::fs::write(&f, renamed).unwrap();
    let f = f.to_str().unwrap();
    let base = [
        "kopdes",
        "stages",
        f,
        "--as-of",
        "2026-01-31",
        "--format",
        "json",
    ];
    let sk = |v: &serde_json::Value| {
        v["funnel"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["stage"] == "sk_ahu")
            .unwrap()
            .clone()
    };
    let unmapped = sk(&json(&base));
    assert_eq!(unmapped["covered"], false);
    let maps = [
        "--map",
        "tgl_sk_ahu=Tanggal Pengesahan",
        "--map",
        "no_sk_ahu=Nomor Pengesahan",
    ];
    let mapped = sk(&json(&[&base[..], &maps[..]].concat()));
    assert_eq!(
        (mapped["reached"].as_u64(), mapped["undated"].as_u64()),
        (Some(421), Some(61))
    );
    fails(
        &[&base[..], &["--map", "tgl_sk_ahu=Tanggal SK"]].concat(),
        "no column `Tanggal SK`",
    );
}

/// A register with some checklist columns but not all (the real Kota Bogor register: a nomor
/// badan hukum for each of its 398 coops, nothing else of the checklist) gives no ready count:
/// how many are ready is not known, the items without data say "no data", never "0 of 398".
#[test]
fn readiness_with_part_of_the_checklist_is_not_known() {
    let out = stdout(&["kopdes", "readiness", support::BOGOR]);
    assert!(
        out.contains("how many are ready is not known: no data for nik_koperasi, bank_account, npwp, nib, business_proposal, approval"),
        "{out}"
    );
    assert!(!out.contains("0 of 398 coops ready"), "{out}");
    let legal = out
        .lines()
        .find(|l| l.contains("Legal entity (SK AHU)"))
        .unwrap();
    assert!(legal.contains("┆     398 ┆       0 │"), "{legal}");
    let npwp = out
        .lines()
        .find(|l| l.contains("Tax number (NPWP)"))
        .unwrap();
    assert!(npwp.contains("no data ┆       - │"), "{npwp}");
    let csv = stdout(&["kopdes", "readiness", support::BOGOR, "--format", "csv"]);
    assert_eq!(
        csv.lines().filter(|l| l.contains(",,nik_koperasi")).count(),
        398
    );
}
