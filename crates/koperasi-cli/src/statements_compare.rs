//! `koperasi check statements.csv --register register.csv [--as-of DATE] [--policy P]`: each
//! statement against the register's funnel (`koperasi::statements::compare`): matched, off by
//! N, not supported by the register (with why) or not comparable (with why).

use crate::labels::Labels;
use crate::{Failure, Format, OutputArgs};
use koperasi::NaiveDate;
use koperasi::statements::{
    ComparedStatement, Funnel, Outcome, StatedValue, Statement, StatementsRead, compare,
};
use koperasi::stats::Period;

/// The default date of the funnel: the latest day the statements describe (a year, quarter or
/// month counts as its last day), else `fallback`.
pub fn default_as_of(statements: &[Statement], fallback: NaiveDate) -> NaiveDate {
    statements
        .iter()
        .filter_map(|s| match s.describes {
            Some(Period::Date(d)) => Some(d),
            _ => None,
        })
        .max()
        .unwrap_or(fallback)
}

fn number(l: &Labels, stated: &StatedValue, x: f64) -> String {
    match stated {
        StatedValue::Count(_) => l.int(x.round() as i64),
        StatedValue::Percent(_) => l.pct(x),
    }
}

fn signed(l: &Labels, stated: &StatedValue, x: f64) -> String {
    let s = number(l, stated, x.abs());
    if x < 0.0 {
        format!("-{s}")
    } else {
        format!("+{s}")
    }
}

/// One compared statement as a line of text.
fn line(c: &ComparedStatement, l: &Labels) -> String {
    let stated = match c.stated {
        StatedValue::Count(n) => l.int(n),
        StatedValue::Percent(p) => l.pct(p),
    };
    let what = match &c.outcome {
        Outcome::Matched { register } => format!(
            "{} ({} {})",
            if l.id { "cocok" } else { "matched" },
            "register",
            number(l, &c.stated, *register)
        ),
        Outcome::Off { register, by } => format!(
            "{} {} ({} {})",
            if l.id { "selisih" } else { "off by" },
            signed(l, &c.stated, *by),
            "register",
            number(l, &c.stated, *register)
        ),
        Outcome::Unsupported {
            reason_en,
            reason_id,
        } => format!(
            "{}: {}",
            if l.id {
                "tidak didukung register"
            } else {
                "not supported by the register"
            },
            if l.id { reason_id } else { reason_en }
        ),
        Outcome::NotComparable {
            reason_en,
            reason_id,
        } => format!(
            "{}: {}",
            if l.id {
                "tidak dapat dibandingkan"
            } else {
                "not comparable"
            },
            if l.id { reason_id } else { reason_en }
        ),
    };
    let at = c
        .line
        .map(|n| format!(" ({} {n})", if l.id { "baris" } else { "line" }))
        .unwrap_or_default();
    let label = if l.id {
        c.definition.label_id()
    } else {
        c.definition.label_en()
    };
    format!("- {}{at}: {label} {stated}: {what}", c.id)
}

/// The comparison as text (or markdown: the same lines under a `##` heading).
fn text(
    source: &str,
    funnel: &Funnel,
    compared: &[ComparedStatement],
    l: &Labels,
    md: bool,
) -> String {
    let title = if l.id {
        format!(
            "Pernyataan {source} dibandingkan dengan register per {}, kebijakan: {}",
            l.date(funnel.as_of),
            l.policy_name(&funnel.policy)
        )
    } else {
        format!(
            "Statements of {source} against the register as of {}, policy: {}",
            l.date(funnel.as_of),
            l.policy_name(&funnel.policy)
        )
    };
    let mut out = if md {
        format!("## {title}\n\n")
    } else {
        format!("{title}\n")
    };
    for c in compared {
        let x = line(c, l);
        out.push_str(&if md {
            koperasi::io::safe::markdown_text(&x)
        } else {
            x.as_str().into()
        });
        out.push('\n');
    }
    out
}

/// Compare the statements with the funnel and write the result as `out` asks (table,
/// markdown or json).
pub fn run(
    source: &str,
    read: &StatementsRead,
    funnel: &Funnel,
    out: &OutputArgs,
) -> Result<(), Failure> {
    let compared = compare(&read.statements, funnel);
    let l = Labels::new(out.locale == crate::Locale::Id);
    let text = match out.format {
        Format::Json => {
            serde_json::to_string_pretty(&serde_json::json!({
                "source": source,
                "read": read.report,
                "funnel": funnel,
                "compared": compared,
            }))? + "\n"
        }
        Format::Table => text(source, funnel, &compared, &l, false),
        Format::Markdown => text(source, funnel, &compared, &l, true),
        Format::Csv | Format::Xlsx | Format::Html => {
            return Err(Failure(
                "a comparison with a register has no csv, xlsx or html output yet; use --format table, markdown or json".into(),
            ));
        }
    };
    crate::output::text(&text, out.format == Format::Json, out.output.as_deref())
}
