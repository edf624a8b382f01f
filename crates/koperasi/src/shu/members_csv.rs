//! Reading a member register from CSV with the core's readers (header matching, read report).

use super::members::{Member, Personal};
use super::members_privacy::{RowPrivacy, SHIFT_HINT, Shown, headers_for_message};
use crate::error::ReadError;
use crate::io::headers::{match_headers, normalize_header};
use crate::io::limits::CappedReader;
use crate::io::{LineIndex, ReadOptions, ReadReport, Rejection, csv_error, decode, read_header};
use crate::locale::{Accept, ColumnMark, is_missing, parse_date};
use std::collections::HashSet;

/// The fields of a member file and the normalised headers that name them, best first.
/// Savings columns give `savings.<kind>`, transaction columns `transactions.<base>`.
pub fn member_fields() -> &'static [(&'static str, &'static [&'static str])] {
    &[
        (
            "id",
            &[
                "id",
                "member_id",
                "no_anggota",
                "nomor_anggota",
                "id_anggota",
                "kode_anggota",
                "no_induk_anggota",
                "nia",
            ],
        ),
        ("name", &["nama", "name", "nama_anggota", "nama_lengkap"]),
        ("nik", &["nik", "nik_ktp", "no_ktp", "nomor_ktp", "ktp"]),
        (
            "join_date",
            &[
                "join_date",
                "tanggal_masuk",
                "tgl_masuk",
                "tanggal_bergabung",
                "tanggal_daftar",
                "tgl_daftar",
            ],
        ),
        (
            "leave_date",
            &[
                "leave_date",
                "tanggal_keluar",
                "tgl_keluar",
                "tanggal_berhenti",
            ],
        ),
        (
            "savings.pokok",
            &["simpanan_pokok", "pokok", "sp", "savings_pokok"],
        ),
        (
            "savings.wajib",
            &["simpanan_wajib", "wajib", "sw", "savings_wajib"],
        ),
        (
            "savings.sukarela",
            &["simpanan_sukarela", "sukarela", "ss", "savings_sukarela"],
        ),
        (
            "transactions.purchases",
            &["purchases", "pembelian", "belanja", "transaksi_pembelian"],
        ),
        (
            "transactions.sales",
            &["sales", "penjualan", "transaksi_penjualan"],
        ),
        (
            "transactions.loans",
            &["loans", "pinjaman", "transaksi_pinjaman"],
        ),
        (
            "transactions.interest",
            &["interest", "jasa_pinjaman", "bunga", "bunga_pinjaman"],
        ),
    ]
}

/// What a column of a member file holds.
#[derive(Clone)]
enum Col {
    Id,
    Name,
    Nik,
    Join,
    Leave,
    Savings(String),
    Transactions(String),
    Unknown,
}

fn column_kind(field: Option<&str>, norm: &str) -> Col {
    match field {
        Some("id") => Col::Id,
        Some("name") => Col::Name,
        Some("nik") => Col::Nik,
        Some("join_date") => Col::Join,
        Some("leave_date") => Col::Leave,
        Some(f) => match f.split_once('.') {
            Some(("savings", k)) => Col::Savings(k.to_string()),
            Some(("transactions", k)) => Col::Transactions(k.to_string()),
            _ => Col::Unknown,
        },
        None => {
            // Any other savings kind or named base, by prefix.
            if let Some(k) = norm
                .strip_prefix("simpanan_")
                .or_else(|| norm.strip_prefix("savings_"))
            {
                Col::Savings(k.to_string())
            } else if let Some(k) = norm
                .strip_prefix("base_")
                .or_else(|| norm.strip_prefix("transaksi_"))
                .or_else(|| norm.strip_prefix("transactions_"))
            {
                Col::Transactions(k.to_string())
            } else {
                Col::Unknown
            }
        }
    }
}

impl Col {
    /// The field name the read report gives the column (`None`: unknown).
    fn field(&self) -> Option<String> {
        match self {
            Col::Id => Some("id".to_string()),
            Col::Name => Some("name".to_string()),
            Col::Nik => Some("nik".to_string()),
            Col::Join => Some("join_date".to_string()),
            Col::Leave => Some("leave_date".to_string()),
            Col::Savings(s) => Some(format!("savings.{s}")),
            Col::Transactions(s) => Some(format!("transactions.{s}")),
            Col::Unknown => None,
        }
    }

    /// Which of its cells a rejection may show ([`members_privacy`](super::members_privacy)).
    fn shown(&self) -> Shown {
        match self {
            Col::Id => Shown::Id,
            Col::Join | Col::Leave => Shown::Date,
            Col::Savings(_) | Col::Transactions(_) => Shown::Amount,
            Col::Name | Col::Nik | Col::Unknown => Shown::Never,
        }
    }
}

/// What the reader knows of the columns, from the header line.
struct MemberSchema {
    headers: Vec<String>,
    kinds: Vec<Col>,
    shown: Vec<Shown>,
    personal: Vec<bool>,
}

/// Read a member register: one row per member.
///
/// Columns are recognised by [`member_fields`] (Indonesian and English headers), plus any
/// `simpanan_<kind>` / `savings_<kind>` column as a savings kind and any `base_<name>` /
/// `transaksi_<name>` column as a transaction base; other columns are listed in the report as
/// unknown. Amounts are read as [`crate::locale::parse_rupiah`] reads them (`Rp 1.500.000`,
/// `1,5 jt`), under the decimal mark of [`ReadOptions::decimal`]: without it, `1,500` (1.5 or
/// 1500?) rejects its row as `number_ambiguous`, so that no member's base is read 1000 times
/// too small beside a neighbour's `1.500`; with `auto`, each amount column is settled by its
/// unambiguous cells (a note in the report says how). An empty or
/// placeholder amount cell (`-`, `n/a`) is 0, because member ledgers leave zero balances
/// blank. Every member gets an entry (0 when blank) for every savings and transaction column,
/// so the members tell which bases the file provides ([`super::shu_check_bases`]). Dates are read with [`parse_date`].
///
/// A row is rejected (with line, column, value and code in the report) when it has no id
/// (`missing_member_id`), repeats an id (`duplicate_member_id`), has an amount that cannot be
/// read (the number error's code) or is negative (`negative_amount`), amounts of one kind in
/// several columns whose sum overflows (`amount_overflow`, never clamped), a date that cannot be
/// read, or a leave date before the join date (`leave_before_join`). A rejected row is never half-kept: a member whose savings are unknown would change
/// everyone's share.
///
/// Personal data never appears in the report or in an error: a rejection shows only the
/// recognised non-personal fields (member id, dates, amounts), and of those only cells that
/// read as their field or have no letters; every other cell (name, NIK, unknown columns, a
/// name in a date column, a cell shaped like a NIK, pieces of a name with an unquoted comma)
/// is replaced by `<redacted>`, its column still named, and left out of the rejection's
/// `value` and `reason`. The full rule is in the `members_privacy` module.
///
/// Errors: [`ReadError::Empty`], [`ReadError::MissingColumn`] when no column gives the
/// member id (its list of headers found shows the unrecognised ones as `<redacted>`: without
/// a header row they are a member's data), the mapping errors of [`match_headers`],
/// [`ReadError::LimitExceeded`] for the caps of [`ReadOptions::limits`] (field size, rows, input
/// size), [`ReadError::Csv`] / [`ReadError::Io`].
pub fn read_members<R: std::io::Read>(
    input: R,
    options: &ReadOptions,
) -> Result<(Vec<Member>, ReadReport), ReadError> {
    let input = crate::io::decimal::hold(input, options)?;
    let whole = input.whole();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(options.delimiter.unwrap_or(b','))
        .from_reader(LineIndex::new(CappedReader::new(
            input,
            options.limits.max_input_bytes,
        )));
    let mut byte_rec = csv::ByteRecord::new();
    let schema = read_schema(&mut rdr, &mut byte_rec, options)?;
    let mut report = ReadReport {
        columns: schema
            .headers
            .iter()
            .zip(&schema.kinds)
            .map(|(h, k)| (h.clone(), k.field()))
            .collect(),
        ..ReadReport::default()
    };
    let amounts: Vec<(usize, Accept)> = schema
        .kinds
        .iter()
        .enumerate()
        .filter(|(_, k)| matches!(k, Col::Savings(_) | Col::Transactions(_)))
        .map(|(i, _)| (i, Accept::MONEY))
        .collect();
    let mut notes = Vec::new();
    let marks = crate::io::decimal::column_marks(
        options,
        whole.as_ref().map(AsRef::as_ref),
        &schema.headers,
        &amounts,
        &mut notes,
    );
    for n in notes {
        report.add_note(n);
    }
    let mut ids: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    let mut rec: Vec<String> = Vec::new();
    loop {
        match rdr.read_byte_record(&mut byte_rec) {
            Ok(false) => break,
            Err(e) => return Err(csv_error(&e)),
            Ok(true) => {}
        }
        if byte_rec.iter().all(|c| c.trim_ascii().is_empty()) {
            report.blank_rows += 1;
            continue;
        }
        let start = byte_rec.position().map_or(0, csv::Position::byte);
        let line = rdr.get_mut().line_at(start);
        report.rows_read += 1;
        options
            .limits
            .check_record(&byte_rec, report.rows_read, line)?;
        rec.clear();
        rec.extend(byte_rec.iter().map(decode));
        match read_row(&schema, &marks, &rec, line, &mut ids) {
            Ok(m) => {
                report.accepted += 1;
                out.push(m);
            }
            Err(r) => report.rejected.push(*r),
        }
    }
    Ok((out, report))
}

/// Read the header line and recognise its columns. Errors: those of [`read_members`] about
/// the header.
fn read_schema<R: std::io::Read>(
    rdr: &mut csv::Reader<LineIndex<R>>,
    byte_rec: &mut csv::ByteRecord,
    options: &ReadOptions,
) -> Result<MemberSchema, ReadError> {
    let headers = read_header(rdr, byte_rec)?;
    let line = rdr
        .get_mut()
        .line_at(byte_rec.position().map_or(0, csv::Position::byte));
    options.limits.check_record(byte_rec, 0, line)?;
    let fields = match_headers(&headers, member_fields(), &options.mapping)?;
    if !fields.iter().any(|f| f.as_deref() == Some("id")) {
        let recognised: Vec<bool> = fields.iter().map(Option::is_some).collect();
        return Err(ReadError::MissingColumn {
            field: "id".into(),
            looked_for: member_fields()
                .first()
                .map(|(_, s)| s.join(", "))
                .unwrap_or_default(),
            found: headers_for_message(&headers, &recognised),
        });
    }
    let kinds: Vec<Col> = headers
        .iter()
        .zip(&fields)
        .map(|(h, f)| column_kind(f.as_deref(), &normalize_header(h)))
        .collect();
    Ok(MemberSchema {
        shown: kinds.iter().map(Col::shown).collect(),
        personal: kinds
            .iter()
            .map(|k| matches!(k, Col::Name | Col::Nik))
            .collect(),
        kinds,
        headers,
    })
}

/// Read one data row (`rec`, at `line`) into a member, or the rejection that says why not.
/// `marks` are the columns' decimal marks; `ids` holds the ids of the rows accepted so far.
fn read_row(
    schema: &MemberSchema,
    marks: &[ColumnMark],
    rec: &[String],
    line: u64,
    ids: &mut HashSet<String>,
) -> Result<Member, Box<Rejection>> {
    let privacy = RowPrivacy::new(rec, &schema.shown, &schema.personal);
    // A rejection of the row, about the cell of column `i` when given.
    let reject = |cell: Option<(usize, &str)>, code: &str, reason: String| {
        let (column, value, reason) = match cell {
            Some((i, v)) => {
                let (value, reason) = privacy.value_and_reason(i, v, code, reason);
                (schema.headers.get(i).cloned(), Some(value), reason)
            }
            None => (None, None, reason),
        };
        Box::new(Rejection {
            line,
            cell: None,
            column,
            value,
            code: code.to_string(),
            reason,
            fields: privacy.fields(rec),
        })
    };
    if privacy.shifted()
        && rec
            .iter()
            .skip(schema.headers.len())
            .any(|c| !c.trim().is_empty())
    {
        return Err(reject(
            None,
            "too_many_fields",
            format!(
                "the row has {} fields but the header has {}{SHIFT_HINT}",
                rec.len(),
                schema.headers.len()
            ),
        ));
    }
    let mut m = Member {
        source_line: Some(line),
        ..Member::default()
    };
    for (i, ((cell, kind), mark)) in rec.iter().zip(&schema.kinds).zip(marks).enumerate() {
        read_cell(&mut m, kind, *mark, cell.trim())
            .map_err(|(code, reason)| reject(Some((i, cell.trim())), code, reason))?;
    }
    // Every savings / transaction column is recorded for every member (0 when blank), so
    // the members show which bases the file has (`shu_check_bases`): a column that is 0 for
    // everyone is a zero base, a name with no column is a misspelling.
    for kind in &schema.kinds {
        match kind {
            Col::Savings(k) => {
                m.savings.entry(k.clone()).or_default();
            }
            Col::Transactions(k) => {
                m.transactions.entry(k.clone()).or_default();
            }
            _ => {}
        }
    }
    if let (Some(join), Some(leave)) = (m.join_date, m.leave_date) {
        if leave < join {
            return Err(reject(
                None,
                "leave_before_join",
                format!("the leave date {leave} is before the join date {join}"),
            ));
        }
    }
    if m.id.is_empty() {
        return Err(reject(
            None,
            "missing_member_id",
            "the row has no member id".into(),
        ));
    }
    if !ids.insert(m.id.clone()) {
        let i = schema.kinds.iter().position(|k| matches!(k, Col::Id));
        return Err(reject(
            i.map(|i| (i, m.id.as_str())),
            "duplicate_member_id",
            format!("member id `{}` appears on an earlier row", m.id),
        ));
    }
    Ok(m)
}

/// Read cell `v` (trimmed) of a column holding `kind` (numbers under `mark`) into `m`; on failure the code and the
/// parser's reason (which may quote `v`).
fn read_cell(
    m: &mut Member,
    kind: &Col,
    mark: ColumnMark,
    v: &str,
) -> Result<(), (&'static str, String)> {
    match kind {
        Col::Id => {
            m.id = if is_missing(v) {
                String::new()
            } else {
                v.to_string()
            }
        }
        Col::Name if !is_missing(v) => m.name = Some(Personal::new(v)),
        Col::Nik if !is_missing(v) => m.nik = Some(Personal::new(v)),
        Col::Join | Col::Leave if !is_missing(v) => {
            let d = parse_date(v).map_err(|e| (e.code(), e.to_string()))?;
            if matches!(kind, Col::Join) {
                m.join_date = Some(d);
            } else {
                m.leave_date = Some(d);
            }
        }
        Col::Savings(k) | Col::Transactions(k) if !is_missing(v) => {
            let amount = mark.rupiah(v).map_err(|e| (e.code(), e.to_string()))?;
            if amount.is_negative() {
                return Err((
                    "negative_amount",
                    "a savings balance or transaction amount cannot be negative".into(),
                ));
            }
            let map = if matches!(kind, Col::Savings(_)) {
                &mut m.savings
            } else {
                &mut m.transactions
            };
            let slot = map.entry(k.clone()).or_default();
            // Two columns of one kind that overflow `i64` sen: never clamped.
            *slot = slot.checked_add(amount).map_err(|_| {
                (
                    "amount_overflow",
                    format!(
                        "the columns of `{k}` add up to more than the largest amount (about Rp 92 kuadriliun)"
                    ),
                )
            })?;
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_members_and_hides_names_in_rejections() {
        let csv = "No Anggota,Nama,NIK,Tanggal Masuk,Simpanan Pokok,Simpanan Wajib,Pembelian,Catatan\n\
                   A1,Siti,3271015501800001,1 Maret 2019,\"Rp 100.000\",\"1.200.000\",\"2,5 jt\",x\n\
                   ,Budi,,,,,,\n\
                   A3,Wati,,,abc,,,\n\
                   A1,Tono,,,,,,\n";
        let (m, rep) = read_members(csv.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(m.len(), 1);
        let a = &m[0];
        assert_eq!(a.id, "A1");
        assert_eq!(a.savings["pokok"].sen(), 10_000_000);
        assert_eq!(a.savings["wajib"].sen(), 120_000_000);
        assert_eq!(a.transactions["purchases"].sen(), 250_000_000);
        assert_eq!(a.join_date.unwrap().to_string(), "2019-03-01");
        let codes: Vec<&str> = rep.rejected.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "missing_member_id",
                "number_not_a_number",
                "duplicate_member_id"
            ]
        );
        assert_eq!(rep.rejected[1].line, 4);
        assert_eq!(rep.rejected[1].column.as_deref(), Some("Simpanan Pokok"));
        let dump = format!("{rep:?}");
        for name in ["Siti", "Budi", "Wati", "Tono", "3271015501800001"] {
            assert!(!dump.contains(name), "{name} in {dump}");
        }
        assert_eq!(rep.accepted + rep.rejected.len() as u64, rep.rows_read);
        assert_eq!(rep.unknown_columns(), ["Catatan"]);
    }

    /// Issue 13: `1,500` beside `1.500` must not give two bases 1000 times apart silently.
    #[test]
    fn neighbouring_1_500_and_1_dot_500_are_never_silently_1000_apart() {
        use crate::locale::DecimalMark;
        let csv = "no_anggota,simpanan_wajib\nA1,\"1,500\"\nA2,1.500\n";
        let read = |decimal: Option<DecimalMark>, extra: &str| {
            let o = ReadOptions {
                decimal,
                ..ReadOptions::default()
            };
            let text = format!("{csv}{extra}");
            let (m, rep) = read_members(text.as_bytes(), &o).unwrap();
            let sen: Vec<(String, i64)> = m
                .iter()
                .map(|m| (m.id.clone(), m.savings["wajib"].sen()))
                .collect();
            let rejected: Vec<(u64, String)> = rep
                .rejected
                .iter()
                .map(|r| (r.line, r.code.clone()))
                .collect();
            (sen, rejected, rep.notes)
        };
        // Default: `1.500` is Rp 1.500 as always; `1,500` is refused with its line.
        let (sen, rejected, _) = read(None, "");
        assert_eq!(sen, [("A2".to_string(), 150_000)]);
        assert_eq!(rejected, [(2, "number_ambiguous".to_string())]);
        // `auto` with nothing to settle the column: both refused.
        let (sen, rejected, notes) = read(Some(DecimalMark::Auto), "");
        assert!(sen.is_empty());
        assert_eq!(rejected.len(), 2);
        assert!(notes[0].contains("decimal mark not settled"), "{notes:?}");
        // `auto` settled by `Rp 2.750.000` (comma) and by `2,750,000.00` (point).
        let (sen, rejected, notes) = read(Some(DecimalMark::Auto), "A3,Rp 2.750.000\n");
        assert_eq!(
            sen.iter().map(|x| x.1).collect::<Vec<_>>(),
            [150, 150_000, 275_000_000]
        );
        assert!(rejected.is_empty());
        assert_eq!(
            notes,
            ["column `simpanan_wajib`: decimal comma (from 1 unambiguous cell)"]
        );
        let (sen, _, _) = read(Some(DecimalMark::Auto), "A3,\"2,750,000.00\"\n");
        assert_eq!(
            sen.iter().map(|x| x.1).collect::<Vec<_>>(),
            [150_000, 150, 275_000_000]
        );
        // Stated by the option.
        let (sen, _, notes) = read(Some(DecimalMark::Point), "");
        assert_eq!(sen.iter().map(|x| x.1).collect::<Vec<_>>(), [150_000, 150]);
        assert!(notes.is_empty());
    }
}
