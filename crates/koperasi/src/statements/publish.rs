//! The consistent set of statements to publish from a register's funnel, and writing it as a
//! statements CSV (the layout the statements reader takes back).

use super::funnel::{Funnel, FunnelFigure};
use super::{Definition, StatedValue, Statement};
use crate::error::ExportError;
use crate::io::export::{RawTable, export_csv};
use chrono::NaiveDate;

/// The columns of a statements CSV, in order (English names; the reader also takes the
/// Indonesian ones).
pub const STATEMENT_COLUMNS: [&str; 13] = [
    "said_on",
    "describes",
    "region",
    "definition",
    "policy",
    "book_year",
    "breakdown",
    "value",
    "percent_of",
    "stated_change",
    "change_from",
    "source",
    "quote",
];

/// The breakdown value written for the records whose part is unknown, so that the parts of a
/// dimension still sum to the total.
pub const UNKNOWN_PART: &str = "tidak diketahui";

/// The source named by the statements of a funnel.
const SOURCE: &str = "koperasi: funnel of the register";

impl Funnel {
    /// The statements to publish: every supported figure of the register's total, then of each
    /// part of the breakdown (`("kecamatan", "32.71.03 Bogor Tengah")`), said on `said_on`,
    /// describing the funnel's date (or year, for `new`), for `region` (else the funnel's
    /// region). Unsupported figures are left out: a statement is never a guess. So is a figure
    /// about a period not ended by the funnel's date or by `said_on` (the `new` of the year
    /// of a 15 May date counts only to 15 May, and is not "new in that year").
    pub fn to_statements(&self, said_on: NaiveDate, region: Option<&str>) -> Vec<Statement> {
        let region = region.map(str::to_string).or_else(|| self.region.clone());
        let last = self.as_of.min(said_on);
        let ended = |f: &FunnelFigure| f.describes.end_date().is_ok_and(|end| end <= last);
        let mut out = Vec::new();
        for f in self.figures.iter().filter(|f| ended(f)) {
            if let Some(v) = f.value() {
                out.push(self.statement(f, v, None, said_on, &region));
            }
        }
        for p in &self.parts {
            let value = p.value.clone().unwrap_or_else(|| UNKNOWN_PART.to_string());
            for (i, v) in &p.counts {
                if let Some(f) = self.figures.get(*i).filter(|f| ended(f)) {
                    let part = Some((p.dimension.as_str().to_string(), value.clone()));
                    out.push(self.statement(f, *v, part, said_on, &region));
                }
            }
        }
        for (i, s) in out.iter_mut().enumerate() {
            s.id = (i + 1).to_string();
        }
        out
    }

    fn statement(
        &self,
        f: &FunnelFigure,
        value: u64,
        breakdown: Option<(String, String)>,
        said_on: NaiveDate,
        region: &Option<String>,
    ) -> Statement {
        let by_policy = matches!(f.definition, Definition::Active | Definition::Inactive);
        Statement {
            id: String::new(),
            said_on: Some(said_on),
            describes: Some(f.describes),
            region: region.clone(),
            definition: f.definition.clone(),
            policy: by_policy.then(|| self.policy.clone()),
            book_year: f.book_year,
            breakdown,
            value: StatedValue::Count(i64::try_from(value).unwrap_or(i64::MAX)),
            percent_of: None,
            stated_change: None,
            change_from: None,
            source: Some(SOURCE.to_string()),
            quote: None,
            line: None,
        }
    }
}

/// The cells of one statement in the order of [`STATEMENT_COLUMNS`].
pub(crate) fn statement_row(s: &Statement) -> Vec<String> {
    let opt = |x: Option<String>| x.unwrap_or_default();
    vec![
        opt(s.said_on.map(|d| d.to_string())),
        opt(s.describes.map(|p| p.to_string())),
        opt(s.region.clone()),
        s.definition.code().to_string(),
        opt(s.policy.clone()),
        opt(s.book_year.map(|y| y.to_string())),
        opt(s.breakdown.as_ref().map(|(d, v)| format!("{d}={v}"))),
        match s.value {
            StatedValue::Count(n) => n.to_string(),
            StatedValue::Percent(p) => format!("{}%", crate::io::export::number_text(p)),
        },
        opt(s.percent_of.as_ref().map(|d| d.code().to_string())),
        opt(s.stated_change.map(|c| c.to_string())),
        opt(s.change_from.map(|p| p.to_string())),
        opt(s.source.clone()),
        opt(s.quote.clone()),
    ]
}

/// Write statements as a CSV in the layout of [`STATEMENT_COLUMNS`], every cell made inert for
/// spreadsheet programs ([`crate::io::export::export_csv`]).
///
/// Errors: [`ExportError::Write`] when the writer fails.
pub fn write_statements_csv<W: std::io::Write>(
    statements: &[Statement],
    out: W,
) -> Result<(), ExportError> {
    let table = RawTable {
        headers: STATEMENT_COLUMNS.iter().map(|h| (*h).to_string()).collect(),
        rows: statements.iter().map(statement_row).collect(),
    };
    export_csv(&table, out)
}
