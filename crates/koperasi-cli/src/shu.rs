//! `koperasi shu`: allocate a book year's SHU by the AD/ART plan and share the member pools
//! among the members (a thin shell over `koperasi::shu`).

use crate::Failure;
use crate::render::{SafeTable, csv_out};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use koperasi::Rupiah;
use koperasi::io::{ReadOptions, rejection_label, sniff_delimiter};
use koperasi::locale::{format_rupiah, parse_rupiah};
use koperasi::shu::{
    AllocationPlan, Distribution, Exclusion, Member, anonymise_distribution, book_year_end,
    read_members, shu_check_bases, shu_distribute,
};
use std::collections::HashMap;

#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub enum ShuFormat {
    /// Aligned tables: allocation, pools, members, reconciliation.
    Table,
    /// One row per member, amounts in integer sen.
    Csv,
    /// The full distribution (the library's serde shape; amounts in sen, no names).
    Json,
    /// Excel workbook (needs `-o FILE`): notes, allocation, pools, members; amounts in rupiah.
    Xlsx,
    /// One printable HTML page: the same tables, for the RAT.
    Html,
}

#[derive(clap::Args)]
pub struct ShuArgs {
    /// Allocation plan, TOML (or JSON when the name ends in .json): components in basis points
    /// summing to exactly 10000; see examples/shu/plan.toml.
    #[arg(long)]
    plan: std::path::PathBuf,
    /// Member register CSV: id, name, join/leave dates, simpanan pokok/wajib/sukarela,
    /// transactions (pembelian, penjualan, pinjaman, jasa_pinjaman, or base_<name>); see
    /// examples/shu/members.csv.
    #[arg(long)]
    members: std::path::PathBuf,
    /// The book year's SHU in RUPIAH (not sen): `60000000`, `Rp 60.000.000` or `60 jt`.
    /// A negative SHU (a loss) is refused: it is not distributed.
    #[arg(long, allow_hyphen_values = true)]
    shu: String,
    /// Part of the SHU earned from business with non-members, in rupiah (UU 25/1992 art. 45:
    /// not shared among members); allocated by the plan's non_member_components (default: all
    /// to cadangan).
    #[arg(long, allow_hyphen_values = true)]
    non_member_shu: Option<String>,
    /// Book year; membership is evaluated on its closing date, 31 December (a member who left
    /// on that day counts). Default: the plan's `book_year`; one of the two is required (the
    /// year is never guessed from the clock: it decides who counts).
    #[arg(long)]
    book_year: Option<i32>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShuFormat::Table)]
    format: ShuFormat,
    /// Write the output to this file instead of standard output (required for xlsx).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// Replace member ids by stable pseudonyms keyed by this secret passphrase, and leave
    /// names out (for sharing the result).
    #[arg(long, value_name = "PASSPHRASE")]
    anonymise: Option<String>,
    /// Distribute even when some member rows cannot be read (they are then left out, which
    /// changes everyone's share).
    #[arg(long)]
    skip_rejected: bool,
    /// Field delimiter of the member file: `auto`, `,`, `;`, `|` or `tab`.
    #[arg(long, default_value = "auto")]
    delimiter: String,
    #[command(flatten)]
    decimal: super::DecimalArgs,
    /// Language of the tables, workbook, page, notes, warnings and messages (CSV and JSON keep
    /// their English column names and keys).
    #[arg(long, value_enum, default_value_t = super::Locale::En)]
    pub(crate) locale: super::Locale,
}

fn money(text: &str, flag: &str) -> Result<Rupiah, Failure> {
    parse_rupiah(text).map_err(|e| {
        if e.code() == "number_out_of_range" {
            // The core states its limit in sen; the argument is rupiah.
            Failure(format!(
                "{flag}: `{}` is out of range: the largest amount is {} (about Rp 92 kuadriliun); give rupiah, e.g. 60000000 or \"Rp 60.000.000\"",
                text.trim(),
                format_rupiah(Rupiah::MAX)
            ))
        } else {
            Failure(format!(
                "{flag}: {e}; give rupiah, e.g. 60000000 or \"Rp 60.000.000\""
            ))
        }
    })
}

pub fn run(a: ShuArgs) -> Result<(), Failure> {
    let plan_text = std::fs::read_to_string(&a.plan)
        .map_err(|e| Failure(format!("cannot read {}: {e}", a.plan.display())))?;
    let is_json = a.plan.extension().is_some_and(|e| e == "json");
    let plan = if is_json {
        AllocationPlan::from_json(&plan_text)
    } else {
        AllocationPlan::from_toml(&plan_text)
    }
    .map_err(|e| Failure(format!("{}: {e}", a.plan.display())))?;
    let shu = money(&a.shu, "--shu")?;
    let non_member = a
        .non_member_shu
        .as_deref()
        .map(|t| money(t, "--non-member-shu"))
        .transpose()?;
    let year = a.book_year.or(plan.book_year).ok_or_else(|| {
        Failure(format!(
            "no book year: pass --book-year (e.g. --book-year 2024) or set `book_year = 2024` in {}; membership is evaluated on 31 December of that year",
            a.plan.display()
        ))
    })?;
    let year_end = book_year_end(year)
        .ok_or_else(|| Failure(format!("--book-year {year} is out of range")))?;

    let bytes = std::fs::read(&a.members)
        .map_err(|e| Failure(format!("cannot read {}: {e}", a.members.display())))?;
    let delimiter = match a.delimiter.as_str() {
        "auto" => sniff_delimiter(bytes.split(|b| *b == b'\n').next().unwrap_or_default()),
        "," => b',',
        ";" => b';',
        "|" => b'|',
        "tab" | "\\t" | "\t" => b'\t',
        other => {
            return Err(Failure(format!(
                "--delimiter `{other}` is not supported; use auto, `,`, `;`, `|` or `tab`"
            )));
        }
    };
    let options = ReadOptions {
        delimiter: Some(delimiter),
        decimal: a.decimal.mark(),
        ..ReadOptions::default()
    };
    let (members, report) = read_members(bytes.as_slice(), &options)
        .map_err(|e| Failure(format!("{}: {e}", a.members.display())))?;
    for note in report.notes_in(crate::lang::indonesian()) {
        eprintln!("{}: {note}", a.members.display());
    }
    if report.rows_read == 0 {
        return Err(Failure(format!(
            "{}: {}",
            a.members.display(),
            crate::lang::tr(
                "the member file has no rows (a header only?); there is nobody to share the SHU with",
                "berkas anggota tidak berisi baris (hanya judul kolom?); tidak ada yang dapat menerima SHU"
            )
        )));
    }
    if !report.rejected.is_empty() {
        let list: Vec<String> = report
            .rejected
            .iter()
            .map(|r| rejected_member(r, a.anonymise.is_some()))
            .collect();
        let tr = crate::lang::tr;
        let msg = format!(
            "{}: {} {} ({}){}",
            a.members.display(),
            list.len(),
            tr(
                "member row(s) cannot be read",
                "baris anggota tidak terbaca"
            ),
            list.join("; "),
            if a.anonymise.is_some() {
                tr(
                    "; cell values withheld (--anonymise)",
                    "; isi sel tidak ditampilkan (--anonymise)",
                )
            } else {
                ""
            }
        );
        if !a.skip_rejected {
            return Err(Failure(format!(
                "{msg}; {}",
                tr(
                    "fix them, or pass --skip-rejected to leave them out",
                    "perbaiki, atau berikan --skip-rejected untuk meninggalkannya"
                )
            )));
        }
        eprintln_safe!(
            "{}: {msg}; {} (--skip-rejected)",
            warning(),
            crate::lang::tr("left out", "ditinggalkan")
        );
    }

    if members.is_empty() {
        return Err(Failure(format!(
            "{}: {}",
            a.members.display(),
            crate::lang::tr(
                "no member row could be read; there is nobody to share the SHU with",
                "tidak ada baris anggota yang terbaca; tidak ada yang dapat menerima SHU"
            )
        )));
    }
    for kind in shu_check_bases(&plan, &members)? {
        eprintln_safe!(
            "{}: capital_savings lists `{kind}` but no column of {} gives simpanan {kind}; jasa modal counts the other kinds only (set capital_savings in the plan to say so)",
            warning(),
            a.members.display()
        );
    }
    let mut d = shu_distribute(&plan, &members, shu, non_member, year_end)?;
    if d.members_counted == 0 {
        let joined_after = d
            .members
            .iter()
            .filter(|m| m.excluded == Some(Exclusion::JoinedAfterYearEnd))
            .count();
        eprintln_safe!(
            "{}: no member is counted on {year_end} (book year {year}): {joined_after} joined after it, {} left before it; every member pool stays undistributed. Is the book year right?",
            warning(),
            d.members_excluded as usize - joined_after
        );
    }
    for p in d.pools.iter().filter(|p| p.undistributed.is_negative()) {
        eprintln_safe!(
            "{}: pool `{}`: {} rounding without reconciliation pays {} more than the pool (undistributed {}); set `reconcile = true` in the plan to pay exactly the pool",
            warning(),
            p.component,
            plan.rounding.as_str(),
            rp(Rupiah::from_sen(p.undistributed.sen().saturating_neg())),
            rp(p.undistributed)
        );
    }
    let names: HashMap<String, String> = match &a.anonymise {
        Some(key) => {
            d = anonymise_distribution(&d, key)?;
            HashMap::new()
        }
        None => member_names(&members),
    };
    let out = match a.format {
        ShuFormat::Json => serde_json::to_string_pretty(&d)? + "\n",
        ShuFormat::Csv => csv_text(&d, &names, a.anonymise.is_none())?,
        ShuFormat::Table => table_text(&d, &plan, &names, a.anonymise.is_none()),
        ShuFormat::Html => {
            crate::html::page(&book(&d, &plan, &names, a.anonymise.is_none()), "SHU", &[])
        }
        ShuFormat::Xlsx => {
            let book = book(&d, &plan, &names, a.anonymise.is_none());
            return crate::output::binary(&crate::xlsx::workbook(&book)?, a.output.as_deref());
        }
    };
    crate::output::text(&out, a.format == ShuFormat::Json, a.output.as_deref())
}

/// A member row that cannot be read, as listed: its line, column and value (withheld when
/// `anonymised`: a parser's reason quotes the cell), and why: the particulars in English, the
/// label of its code in Indonesian under `--locale id`.
fn rejected_member(r: &koperasi::io::Rejection, anonymised: bool) -> String {
    let id = crate::lang::indonesian();
    let label = rejection_label(&r.code).map(|(en, l_id)| if id { l_id } else { en });
    let line = crate::lang::tr("line", "baris");
    if anonymised || id {
        let what = label.unwrap_or(r.code.as_str());
        return match (&r.column, &r.value, anonymised) {
            (Some(c), Some(v), false) => {
                format!("{line} {} `{c}` = `{v}`: {what} ({})", r.line, r.code)
            }
            (Some(c), _, _) => format!("{line} {} `{c}`: {what} ({})", r.line, r.code),
            (None, _, _) => format!("{line} {}: {what} ({})", r.line, r.code),
        };
    }
    match (&r.column, &r.value) {
        (Some(c), Some(v)) => format!("line {} `{c}` = `{v}`: {}", r.line, r.reason),
        _ => format!("line {}: {}", r.line, r.reason),
    }
}

/// The word before a warning: `warning` or `peringatan`.
fn warning() -> &'static str {
    crate::lang::tr("warning", "peringatan")
}

fn member_names(members: &[Member]) -> HashMap<String, String> {
    members
        .iter()
        .filter_map(|m| {
            m.name
                .as_ref()
                .map(|n| (m.id.clone(), n.expose().to_string()))
        })
        .collect()
}

/// An amount without the `Rp` prefix (the tables say "(Rp)"): `1.500.000,00`, `-0,01`.
fn amount(r: Rupiah) -> String {
    let text = format_rupiah(r);
    match text.strip_prefix('-') {
        Some(rest) => format!("-{}", rest.trim_start_matches("Rp").trim()),
        None => text.trim_start_matches("Rp").trim().to_string(),
    }
}

/// An amount with its `Rp` prefix, for messages: `Rp 1.500.000,00`, `-Rp 0,01`.
fn rp(r: Rupiah) -> String {
    format_rupiah(r)
}

fn new_table(header: Vec<String>, right_from: usize) -> SafeTable {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    if !t.is_tty() {
        t.set_width(160);
    }
    let n = header.len();
    let mut t = SafeTable::new(t, false);
    t.set_header(header);
    for i in right_from..n {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}

/// `en`, or `id` under `--locale id`: the words of the SHU tables, workbook and page.
fn w(en: &'static str, id: &'static str) -> &'static str {
    if crate::lang::indonesian() { id } else { en }
}

/// Why part of a pool was not paid out.
fn why_undistributed(p: &koperasi::shu::PoolShare) -> &'static str {
    use koperasi::shu::UndistributedReason;
    match p.reason {
        Some(UndistributedReason::ZeroTotalBase) => w(
            "no member has this base",
            "tidak ada anggota dengan dasar ini",
        ),
        Some(UndistributedReason::RoundingRemainder) if p.undistributed.is_negative() => w(
            "over-paid by rounding (not reconciled)",
            "lebih bayar karena pembulatan (tidak disesuaikan)",
        ),
        Some(UndistributedReason::RoundingRemainder) => w("rounding remainder", "sisa pembulatan"),
        None => "",
    }
}

/// What a plan line's SHU comes from.
fn source_text(l: &koperasi::shu::AllocatedLine) -> &'static str {
    match l.source {
        koperasi::shu::ShuSource::Member => w("member SHU", "SHU anggota"),
        koperasi::shu::ShuSource::NonMember => w("non-member SHU", "SHU non-anggota"),
    }
}

/// `--format xlsx`: the tables of [`table_text`] as sheets, amounts as numbers in rupiah
/// (from integer sen).
fn book(
    d: &Distribution,
    plan: &AllocationPlan,
    names: &HashMap<String, String>,
    show_names: bool,
) -> crate::book::Book {
    use crate::book::{Book, Cell, Section};
    let a = &d.allocation;
    let mut b = Book::new(crate::lang::indonesian());
    b.note("SHU (Rp)", amount(a.shu));
    b.note(
        w("from members (Rp)", "dari anggota (Rp)"),
        amount(a.member_shu),
    );
    b.note(
        w("from non-members (Rp)", "dari non-anggota (Rp)"),
        amount(a.non_member_shu),
    );
    b.note(
        w("book year ending", "tahun buku berakhir"),
        d.year_end.to_string(),
    );
    if let Some(n) = &plan.name {
        b.note(w("plan", "rencana pembagian"), n);
    }
    b.note(w("rounding", "pembulatan"), plan.rounding.as_str());
    b.note(
        w("paid in units of (sen)", "satuan pembayaran (sen)"),
        plan.granularity_sen.to_string(),
    );
    b.note(
        w("kept by the coop (Rp)", "disimpan koperasi (Rp)"),
        amount(d.retained),
    );
    b.note(
        w("paid to members (Rp)", "dibayarkan kepada anggota (Rp)"),
        amount(d.distributed),
    );
    b.note(
        w("undistributed (Rp)", "tidak terbagi (Rp)"),
        amount(d.undistributed),
    );
    b.note(
        w("unallocated (Rp)", "tidak teralokasi (Rp)"),
        amount(a.unallocated),
    );
    let mut t = Section::new(
        w("Allocation", "Alokasi"),
        vec![
            w("component", "komponen"),
            w("source", "sumber"),
            w("shared by", "dibagi menurut"),
            "%",
            w("amount (Rp)", "jumlah (Rp)"),
        ],
    );
    for l in &a.lines {
        t.rows.push(vec![
            Cell::text(l.component.to_string()),
            Cell::text(source_text(l)),
            Cell::text(
                l.base
                    .clone()
                    .unwrap_or_else(|| w("(kept by the coop)", "(disimpan koperasi)").into()),
            ),
            Cell::Dec(f64::from(l.basis_points) / 100.0, 2),
            Cell::Money(l.amount.sen()),
        ]);
    }
    b.sections.push(t);
    let mut t = Section::new(
        w("Member pools", "Bagian anggota"),
        vec![
            w("pool", "pos"),
            w("base", "dasar"),
            w("amount (Rp)", "jumlah (Rp)"),
            w("total base (Rp)", "total dasar (Rp)"),
            w("distributed (Rp)", "dibagikan (Rp)"),
            w("undistributed (Rp)", "tidak terbagi (Rp)"),
            w("why undistributed", "alasan tidak terbagi"),
        ],
    );
    for p in &d.pools {
        t.rows.push(vec![
            Cell::text(p.component.to_string()),
            Cell::text(&p.base),
            Cell::Money(p.amount.sen()),
            Cell::Money(p.total_base.sen()),
            Cell::Money(p.distributed.sen()),
            Cell::Money(p.undistributed.sen()),
            Cell::text(why_undistributed(p)),
        ]);
    }
    b.sections.push(t);
    let mut header = vec![w("member", "anggota").to_string()];
    if show_names {
        header.push(w("name", "nama").into());
    }
    header.extend(d.pools.iter().map(|p| format!("{} (Rp)", p.component)));
    header.extend([
        w("total (Rp)", "total (Rp)").to_string(),
        w("not counted", "tidak dihitung").to_string(),
    ]);
    let mut t = Section::new(w("Members", "Anggota"), header);
    for m in &d.members {
        let mut row = vec![Cell::text(&m.member_id)];
        if show_names {
            row.push(Cell::Text(
                names.get(&m.member_id).cloned().unwrap_or_default(),
            ));
        }
        row.extend(m.amounts.iter().map(|x| Cell::Money(x.sen())));
        row.push(Cell::Money(m.total.sen()));
        row.push(Cell::Text(
            m.excluded
                .map(|e| e.label(!crate::lang::indonesian()).to_string())
                .unwrap_or_default(),
        ));
        t.rows.push(row);
    }
    b.sections.push(t);
    b
}

fn table_text(
    d: &Distribution,
    plan: &AllocationPlan,
    names: &HashMap<String, String>,
    show_names: bool,
) -> String {
    let a = &d.allocation;
    let mut out = String::new();
    out.push_str(&format!(
        "SHU {} (Rp), {} {}{}\n",
        amount(a.shu),
        w("book year ending", "tahun buku berakhir"),
        d.year_end,
        plan.name
            .as_deref()
            .map(|n| format!(", {}: {n}", w("plan", "rencana pembagian")))
            .unwrap_or_default()
    ));
    if a.non_member_shu != Rupiah::ZERO {
        out.push_str(&format!(
            "{} {} + {} {}\n",
            w("from members", "dari anggota"),
            amount(a.member_shu),
            w("from non-members", "dari non-anggota"),
            amount(a.non_member_shu)
        ));
    }
    out.push_str(&format!(
        "{}: {}, {}, {} {} sen\n\n{}\n",
        w("rounding", "pembulatan"),
        plan.rounding.as_str(),
        if plan.reconcile {
            w(
                "reconciled by largest remainder",
                "disesuaikan dengan sisa terbesar",
            )
        } else {
            w(
                "not reconciled (remainders reported)",
                "tidak disesuaikan (sisa dilaporkan)",
            )
        },
        w("paid in units of", "dibayarkan dalam satuan"),
        plan.granularity_sen,
        w("Allocation", "Alokasi")
    ));
    let mut t = new_table(
        vec![
            w("component", "komponen").into(),
            w("source", "sumber").into(),
            w("shared by", "dibagi menurut").into(),
            "%".into(),
            w("amount", "jumlah").into(),
        ],
        3,
    );
    for l in &a.lines {
        t.add_row(vec![
            l.component.to_string(),
            source_text(l).to_string(),
            l.base
                .clone()
                .unwrap_or_else(|| w("(kept by the coop)", "(disimpan koperasi)").into()),
            format!("{}.{:02}", l.basis_points / 100, l.basis_points % 100),
            amount(l.amount),
        ]);
    }
    out.push_str(&format!("{t}\n\n{}\n", w("Member pools", "Bagian anggota")));
    let mut t = new_table(
        vec![
            w("pool", "pos").into(),
            w("base", "dasar").into(),
            w("amount", "jumlah").into(),
            w("total base", "total dasar").into(),
            w("distributed", "dibagikan").into(),
            w("undistributed", "tidak terbagi").into(),
            w("why undistributed", "alasan tidak terbagi").into(),
        ],
        2,
    );
    for p in &d.pools {
        t.add_row(vec![
            p.component.to_string(),
            p.base.clone(),
            amount(p.amount),
            amount(p.total_base),
            amount(p.distributed),
            amount(p.undistributed),
            why_undistributed(p).into(),
        ]);
    }
    out.push_str(&format!(
        "{t}\n\n{} ({} {}, {} {})\n",
        w("Members", "Anggota"),
        d.members_counted,
        w("counted", "dihitung"),
        d.members_excluded,
        w("not counted", "tidak dihitung")
    ));
    let mut header = vec![w("member", "anggota").to_string()];
    if show_names {
        header.push(w("name", "nama").into());
    }
    let first_amount = header.len();
    header.extend(d.pools.iter().map(|p| p.component.to_string()));
    header.push("total".into());
    header.push(w("note", "keterangan").into());
    let mut t = new_table(header, first_amount);
    if let Some(c) = t.column_mut(first_amount + d.pools.len() + 1) {
        c.set_cell_alignment(CellAlignment::Left);
    }
    for m in &d.members {
        let mut row = vec![m.member_id.clone()];
        if show_names {
            row.push(names.get(&m.member_id).cloned().unwrap_or_default());
        }
        row.extend(m.amounts.iter().map(|x| amount(*x)));
        row.push(amount(m.total));
        row.push(
            m.excluded
                .map(|e| e.label(!crate::lang::indonesian()).to_string())
                .unwrap_or_default(),
        );
        t.add_row(row);
    }
    let mut total_row = vec![w("TOTAL", "JUMLAH").to_string()];
    if show_names {
        total_row.push(String::new());
    }
    total_row.extend(d.pools.iter().map(|p| amount(p.distributed)));
    total_row.push(amount(d.distributed));
    total_row.push(String::new());
    t.add_row(total_row);
    out.push_str(&format!("{t}\n\n"));
    let sum = d.retained.sen() + d.distributed.sen() + d.undistributed.sen() + a.unallocated.sen();
    let title = w("Reconciliation", "Rekonsiliasi");
    let kept = w("kept by the coop", "disimpan koperasi");
    let paid = w("paid to members", "dibayarkan kepada anggota");
    let undistributed = w("undistributed", "tidak terbagi");
    let unallocated = w("unallocated", "tidak teralokasi");
    out.push_str(&format!(
        "{title} (Rp): {kept} {} + {paid} {} + {undistributed} {} + {unallocated} {} = {} {} SHU {}\n",
        amount(d.retained),
        amount(d.distributed),
        amount(d.undistributed),
        amount(a.unallocated),
        amount(Rupiah::from_sen(sum)),
        if sum == a.shu.sen() { "=" } else { "!=" },
        amount(a.shu)
    ));
    out
}

/// One row per member; ids, names and codes are text cells, amounts number cells (made safe
/// by [`csv_out`]).
fn csv_text(
    d: &Distribution,
    names: &HashMap<String, String>,
    show_names: bool,
) -> Result<String, Failure> {
    let mut header = vec!["member_id".to_string()];
    if show_names {
        header.push("name".into());
    }
    header.push("excluded".into());
    header.extend(d.pools.iter().map(|p| format!("{}_base_sen", p.component)));
    header.extend(d.pools.iter().map(|p| format!("{}_sen", p.component)));
    header.push("total_sen".into());
    let text_columns = header.len() - 2 * d.pools.len() - 1;
    let mut rows = vec![header];
    for m in &d.members {
        let mut row = vec![m.member_id.clone()];
        if show_names {
            row.push(names.get(&m.member_id).cloned().unwrap_or_default());
        }
        row.push(m.excluded.map(|e| e.code().to_string()).unwrap_or_default());
        row.extend(m.bases.iter().map(|x| x.sen().to_string()));
        row.extend(m.amounts.iter().map(|x| x.sen().to_string()));
        row.push(m.total.sen().to_string());
        rows.push(row);
    }
    csv_out(&rows, |r, c| {
        if r == 0 || c < text_columns {
            koperasi::io::safe::CellKind::Text
        } else {
            koperasi::io::safe::CellKind::Number
        }
    })
}
