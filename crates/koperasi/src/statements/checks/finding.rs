//! A finding about published statements, and the wording shared by the checks.

use crate::statements::{StatedValue, Statement};
use crate::stats::checks::{Finding, Severity};
use crate::stats::period::Period;
use serde::{Deserialize, Serialize};

/// A [`Finding`] about published statements, naming the statements it rests on.
///
/// Serialized as the finding's fields (`code`, `severity`, `region`, `periods`, `measure`,
/// `lines`, `values`, `message_en`, `message_id`) plus `statements`. `lines` are the source
/// lines of those statements (when read from a table); `measure` is the definition's code (or
/// the relation's id for `relation_broken`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatementFinding {
    /// The finding, with messages in English and Indonesian.
    #[serde(flatten)]
    pub finding: Finding,
    /// Ids ([`Statement::id`]) of the statements it rests on, in the order of the message.
    pub statements: Vec<String>,
}

impl StatementFinding {
    /// A finding resting on `on` (in that order): region from the first, periods the dates or
    /// periods they describe, lines and ids theirs.
    pub(crate) fn new(
        code: &str,
        severity: Severity,
        on: &[&Statement],
        values: Vec<i64>,
        message_en: String,
        message_id: String,
    ) -> StatementFinding {
        let mut periods: Vec<Period> = on.iter().filter_map(|s| s.describes).collect();
        periods.sort();
        periods.dedup();
        StatementFinding {
            finding: Finding {
                code: code.to_string(),
                severity,
                region: on.iter().find_map(|s| s.region.clone()),
                periods,
                measure: on.first().map(|s| s.definition.code().to_string()),
                lines: on.iter().filter_map(|s| s.line).collect(),
                values,
                message_en,
                message_id,
            },
            statements: on.iter().map(|s| s.id.clone()).collect(),
        }
    }

    /// The same finding with `measure` set (e.g. a relation's id).
    pub(crate) fn with_measure(mut self, measure: &str) -> StatementFinding {
        self.finding.measure = Some(measure.to_string());
        self
    }
}

/// `1234` as `1,234` (English) or `1.234` (Indonesian).
pub(crate) fn num(n: i64, en: bool) -> String {
    if en {
        crate::locale::format_int_grouped(n, ',')
    } else {
        crate::locale::format_int(n)
    }
}

/// A percentage as said: `70 %`, `69.7 %` (English) or `69,7 %` (Indonesian).
pub(crate) fn pct(x: f64, en: bool) -> String {
    let s = format!("{x} %");
    if en { s } else { s.replace('.', ",") }
}

/// The statement's value as said.
pub(crate) fn value(s: &Statement, en: bool) -> String {
    match s.value {
        StatedValue::Count(n) => num(n, en),
        StatedValue::Percent(p) => pct(p, en),
    }
}

/// Where a statement is: `line 4` / `baris 4`, or its id when it has no line.
pub(crate) fn place(s: &Statement, en: bool) -> String {
    match (s.line, en) {
        (Some(l), true) => format!("line {l}"),
        (Some(l), false) => format!("baris {l}"),
        (None, _) => format!("id {}", s.id),
    }
}

/// `113 (2024, line 4)`: the value, the period it describes when known, where it is.
pub(crate) fn cite(s: &Statement, en: bool) -> String {
    match s.describes {
        Some(p) => format!("{} ({p}, {})", value(s, en), place(s, en)),
        None => format!("{} ({})", value(s, en), place(s, en)),
    }
}

/// The definition's label in the language asked.
pub(crate) fn label(s: &Statement, en: bool) -> String {
    if en {
        s.definition.label_en().to_lowercase()
    } else {
        s.definition.label_id().to_lowercase()
    }
}

/// `Kota Balikpapan: ` or nothing.
pub(crate) fn region_prefix(s: &Statement) -> String {
    s.region
        .as_ref()
        .map_or(String::new(), |r| format!("{r}: "))
}
