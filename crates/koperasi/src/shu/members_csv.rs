//! Reading a member register from CSV with the core's readers (header matching, read report).

use super::members::{Member, Personal};
use crate::error::ReadError;
use crate::io::headers::{match_headers, normalize_header};
use crate::io::{LineIndex, ReadOptions, ReadReport, Rejection, csv_error, decode, read_header};
use crate::locale::{Accept, is_missing, parse_date};

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

const REDACTED: &str = "<redacted>";

/// Whether a cell looks like a personal NIK: 16 digits, possibly with spaces, dots or dashes.
fn looks_like_nik(v: &str) -> bool {
    let mut digits = 0usize;
    for c in v.trim().chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if !matches!(c, ' ' | '.' | '-') {
            return false;
        }
    }
    digits == 16
}

/// Hint appended when a date or amount cell holds what looks like a piece of a name or a NIK.
const SHIFT_HINT: &str = "; a name with an unquoted comma? (quote cells that contain commas)";

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
/// everyone's share. Names and NIK never appear in the report: their cells are replaced by
/// `<redacted>` in a rejection's `fields`, and so is any cell equal to the row's name or NIK or
/// shaped like a NIK (16 digits), wherever it is (a name with an unquoted comma shifts cells
/// into other columns). Such a value is also left out of the rejection's `value` and `reason`,
/// as is any value of a row with more fields than the header, and the reason then asks
/// whether a name holds an unquoted comma.
///
/// Errors: [`ReadError::Empty`], [`ReadError::MissingColumn`] when no column gives the
/// member id, the mapping errors of [`match_headers`], [`ReadError::Csv`] / [`ReadError::Io`].
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
        .from_reader(LineIndex::new(input));
    let mut byte_rec = csv::ByteRecord::new();
    let headers = read_header(&mut rdr, &mut byte_rec)?;
    let fields = match_headers(&headers, member_fields(), &options.mapping)?;
    if !fields.iter().any(|f| f.as_deref() == Some("id")) {
        return Err(ReadError::MissingColumn {
            field: "id".into(),
            looked_for: member_fields()
                .first()
                .map(|(_, s)| s.join(", "))
                .unwrap_or_default(),
            found: headers.join(", "),
        });
    }
    let kinds: Vec<Col> = headers
        .iter()
        .zip(&fields)
        .map(|(h, f)| column_kind(f.as_deref(), &normalize_header(h)))
        .collect();
    let mut report = ReadReport {
        columns: headers
            .iter()
            .zip(&kinds)
            .map(|(h, k)| {
                let f = match k {
                    Col::Id => Some("id".to_string()),
                    Col::Name => Some("name".to_string()),
                    Col::Nik => Some("nik".to_string()),
                    Col::Join => Some("join_date".to_string()),
                    Col::Leave => Some("leave_date".to_string()),
                    Col::Savings(s) => Some(format!("savings.{s}")),
                    Col::Transactions(s) => Some(format!("transactions.{s}")),
                    Col::Unknown => None,
                };
                (h.clone(), f)
            })
            .collect(),
        ..ReadReport::default()
    };
    let amounts: Vec<(usize, Accept)> = kinds
        .iter()
        .enumerate()
        .filter(|(_, k)| matches!(k, Col::Savings(_) | Col::Transactions(_)))
        .map(|(i, _)| (i, Accept::MONEY))
        .collect();
    let marks = crate::io::decimal::column_marks(
        options,
        whole.as_ref().map(AsRef::as_ref),
        &headers,
        &amounts,
        &mut report.notes,
    );
    let personal: Vec<bool> = kinds
        .iter()
        .map(|k| matches!(k, Col::Name | Col::Nik))
        .collect();
    let mut ids: std::collections::HashSet<String> = std::collections::HashSet::new();
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
        rec.clear();
        rec.extend(byte_rec.iter().map(decode));
        let start = byte_rec.position().map_or(0, csv::Position::byte);
        let line = rdr.get_mut().line_at(start);
        report.rows_read += 1;
        // Personal values of this row (name / NIK cells), to keep them out of the report even
        // when a name with an unquoted comma shifts them into another column.
        let personal_values: Vec<&str> = rec
            .iter()
            .zip(&personal)
            .filter(|(c, p)| **p && !c.trim().is_empty())
            .map(|(c, _)| c.trim())
            .collect();
        let shifted = rec.len() > headers.len();
        let sensitive = |v: &str| {
            let v = v.trim();
            !v.is_empty() && (personal_values.contains(&v) || looks_like_nik(v))
        };
        let reject = |column: Option<&str>, value: Option<&str>, code: &str, reason: String| {
            // A value that is (or may be) personal never reaches the report: neither as
            // the value nor inside the parser's message; a row with more fields than the
            // header may have shifted a piece of a name into any column.
            let hide = value.is_some_and(|v| sensitive(v) || (shifted && column.is_some()));
            let (value, reason) = match value {
                Some(v) if hide && !v.trim().is_empty() => {
                    let mut reason = reason.replace(v, REDACTED);
                    if column.is_some() {
                        reason.push_str(SHIFT_HINT);
                    }
                    (Some(REDACTED.to_string()), reason)
                }
                other => (other.map(str::to_string), reason),
            };
            Rejection {
                line,
                cell: None,
                column: column.map(str::to_string),
                value,
                code: code.to_string(),
                reason,
                fields: rec
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let personal_col = personal.get(i).copied().unwrap_or(false);
                        if (personal_col && !c.trim().is_empty()) || sensitive(c) {
                            REDACTED.to_string()
                        } else {
                            c.clone()
                        }
                    })
                    .collect(),
            }
        };
        if shifted && rec.iter().skip(headers.len()).any(|c| !c.trim().is_empty()) {
            let r = reject(
                None,
                None,
                "too_many_fields",
                format!(
                    "the row has {} fields but the header has {}{SHIFT_HINT}",
                    rec.len(),
                    headers.len()
                ),
            );
            report.rejected.push(r);
            continue;
        }
        let mut m = Member {
            source_line: Some(line),
            ..Member::default()
        };
        let mut problem: Option<Rejection> = None;
        for (((cell, kind), header), mark) in rec.iter().zip(&kinds).zip(&headers).zip(&marks) {
            let v = cell.trim();
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
                Col::Join | Col::Leave if !is_missing(v) => match parse_date(v) {
                    Ok(d) if matches!(kind, Col::Join) => m.join_date = Some(d),
                    Ok(d) => m.leave_date = Some(d),
                    Err(e) => {
                        problem = Some(reject(Some(header), Some(v), e.code(), e.to_string()));
                        break;
                    }
                },
                Col::Savings(k) | Col::Transactions(k) if !is_missing(v) => {
                    let amount = match mark.rupiah(v) {
                        Ok(a) if a.is_negative() => {
                            problem = Some(reject(
                                Some(header),
                                Some(v),
                                "negative_amount",
                                "a savings balance or transaction amount cannot be negative".into(),
                            ));
                            break;
                        }
                        Ok(a) => a,
                        Err(e) => {
                            problem = Some(reject(Some(header), Some(v), e.code(), e.to_string()));
                            break;
                        }
                    };
                    let map = if matches!(kind, Col::Savings(_)) {
                        &mut m.savings
                    } else {
                        &mut m.transactions
                    };
                    let slot = map.entry(k.clone()).or_default();
                    match slot.checked_add(amount) {
                        Ok(sum) => *slot = sum,
                        Err(_) => {
                            // Two columns of one kind that overflow `i64` sen: never clamped.
                            problem = Some(reject(
                                Some(header),
                                Some(v),
                                "amount_overflow",
                                format!(
                                    "the columns of `{k}` add up to more than the largest amount (about Rp 92 kuadriliun)"
                                ),
                            ));
                            break;
                        }
                    }
                }
                _ => {}
            }
        }
        // Every savings / transaction column is recorded for every member (0 when blank), so
        // the members show which bases the file has (`shu_check_bases`): a column that is 0 for
        // everyone is a zero base, a name with no column is a misspelling.
        for kind in &kinds {
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
        if problem.is_none() {
            if let (Some(join), Some(leave)) = (m.join_date, m.leave_date) {
                if leave < join {
                    problem = Some(reject(
                        None,
                        None,
                        "leave_before_join",
                        format!("the leave date {leave} is before the join date {join}"),
                    ));
                }
            }
        }
        if problem.is_none() && m.id.is_empty() {
            problem = Some(reject(
                None,
                None,
                "missing_member_id",
                "the row has no member id".into(),
            ));
        }
        if problem.is_none() && !ids.insert(m.id.clone()) {
            let id = m.id.clone();
            problem = Some(reject(
                None,
                Some(&id),
                "duplicate_member_id",
                format!("member id `{id}` appears on an earlier row"),
            ));
        }
        match problem {
            Some(r) => report.rejected.push(r),
            None => {
                report.accepted += 1;
                out.push(m);
            }
        }
    }
    Ok((out, report))
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
