//! `koperasi check` on a file of published statements (recognised by its header: a definition
//! and a value column, or a `.json`/`.toml` file) or on the embedded sample
//! (`--sample balikpapan_statements`): the findings of `koperasi::statements::check_statements`.

use crate::labels::Labels;
use crate::{Failure, Format, OutputArgs};
use koperasi::io::ReadOptions;
use koperasi::statements::read::{
    StatementsRead, is_statements_file, read_statements_bytes, statements_from_json,
    statements_from_toml,
};
use koperasi::statements::{Relations, StatementFinding, check_statements};
use std::io::Read;
use std::path::Path;

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

fn read_text(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| {
        Failure(format!(
            "cannot read {}: {e}; check the path",
            path.display()
        ))
    })
}

/// The statements of `file` with its name, or `None` when it is not a statements file (a
/// register or a table of counts, read as before).
pub fn read_file(
    path: &Path,
    sheet: Option<&str>,
    options: &ReadOptions,
) -> Result<Option<(String, StatementsRead)>, Failure> {
    let source = path.display().to_string();
    let read = match extension(path).as_str() {
        "json" => statements_from_json(&read_text(path)?, options)?,
        "toml" => statements_from_toml(&read_text(path)?, options)?,
        ext => {
            let workbook = matches!(ext, "xlsx" | "xlsm" | "xlsb" | "xls" | "ods");
            let mut head = Vec::new();
            let file = std::fs::File::open(path)
                .map_err(|e| Failure(format!("cannot open {source}: {e}; check the path")))?;
            let cap = if workbook { u64::MAX } else { 1 << 16 };
            file.take(cap)
                .read_to_end(&mut head)
                .map_err(|e| Failure(format!("cannot read {source}: {e}")))?;
            if !is_statements_file(&head, sheet, options) {
                return Ok(None);
            }
            let bytes = if workbook {
                head
            } else {
                std::fs::read(path).map_err(|e| Failure(format!("cannot read {source}: {e}")))?
            };
            read_statements_bytes(&bytes, sheet, options)?
        }
    };
    Ok(Some((source, read)))
}

/// The statements of the embedded sample `name`.
pub fn read_sample(name: &str, options: &ReadOptions) -> Result<(String, StatementsRead), Failure> {
    let sample = koperasi::samples::BALIKPAPAN_STATEMENTS;
    if name != sample.name {
        return Err(Failure(format!(
            "no statements sample `{name}`; samples: {}",
            sample.name
        )));
    }
    let read = read_statements_bytes(sample.csv.as_bytes(), None, options)?;
    Ok((sample.source.to_string(), read))
}

/// The relations of `--relations FILE` (TOML, or JSON by its extension), else the embedded
/// list.
pub fn relations(path: Option<&Path>) -> Result<Relations, Failure> {
    let Some(path) = path else {
        return Ok(Relations::embedded());
    };
    let text = read_text(path)?;
    let r = if extension(path) == "json" {
        Relations::from_json(&text)
    } else {
        Relations::from_toml(&text)
    };
    r.map_err(|e| Failure(format!("--relations {}: {e}", path.display())))
}

/// Check the statements and write the findings as `out` asks (table, markdown, json, csv).
pub fn run(
    source: &str,
    read: &StatementsRead,
    relations: &Relations,
    out: &OutputArgs,
) -> Result<(), Failure> {
    let findings = check_statements(&read.statements, relations);
    let l = Labels::new(out.locale == crate::Locale::Id);
    let plain: Vec<koperasi::stats::Finding> = findings.iter().map(|f| f.finding.clone()).collect();
    let text = match out.format {
        Format::Json => {
            serde_json::to_string_pretty(&serde_json::json!({
                "source": source,
                "read": read.report,
                "statements": read.statements,
                "findings": findings,
            }))? + "\n"
        }
        Format::Csv => crate::excel_csv::finish(&l, csv(&findings, read, &l)?),
        Format::Table => {
            crate::render::statements_check_text(source, &read.report, &plain, &l, false)
        }
        Format::Markdown => {
            crate::render::statements_check_text(source, &read.report, &plain, &l, true)
        }
        Format::Xlsx | Format::Html => {
            return Err(Failure(
                "a statements check has no xlsx or html output yet; use --format table, markdown, csv or json".into(),
            ));
        }
    };
    crate::output::text(&text, out.format == Format::Json, out.output.as_deref())
}

/// The check as CSV rows like `koperasi check` of a register (kind, line, column, value, code,
/// reason), with the statement ids in the column field of a finding.
fn csv(
    findings: &[StatementFinding],
    read: &StatementsRead,
    l: &Labels,
) -> Result<String, Failure> {
    let mut rows = vec![
        ["kind", "line", "column", "value", "code", "reason"]
            .map(String::from)
            .to_vec(),
    ];
    for x in &read.report.rejected {
        rows.push(vec![
            "rejected_row".into(),
            x.line.to_string(),
            x.column.clone().unwrap_or_default(),
            x.value.clone().unwrap_or_default(),
            x.code.clone(),
            crate::render::rejection_reason(l, x),
        ]);
    }
    for f in findings {
        let lines: Vec<String> = f.finding.lines.iter().map(u64::to_string).collect();
        let values: Vec<String> = f.finding.values.iter().map(i64::to_string).collect();
        rows.push(vec![
            "finding".into(),
            lines.join(" "),
            f.statements.join(" "),
            values.join(" "),
            f.finding.code.clone(),
            (if l.id {
                &f.finding.message_id
            } else {
                &f.finding.message_en
            })
            .clone(),
        ]);
    }
    crate::render::csv_in(l, &rows, usize::MAX, |_, _| {
        koperasi::io::safe::CellKind::Text
    })
}
