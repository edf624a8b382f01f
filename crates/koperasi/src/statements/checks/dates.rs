//! The dates of a statement: a figure said before the period it describes has ended, or about
//! a period that has not begun.

use super::finding::{StatementFinding, cite, region_prefix};
use crate::statements::Statement;
use crate::stats::checks::Severity;

/// For each statement with both dates:
/// - `period_in_future` (error) when the period it describes begins after the day it was said;
/// - `said_before_period_end` (warning) when it was said before that period ended (a figure
///   "for 2025" said in February 2025 is a partial count or a target).
///
/// Values: none; the message gives both dates.
pub fn check_dates(all: &[Statement]) -> Vec<StatementFinding> {
    let mut out = Vec::new();
    for s in all {
        let (Some(said), Some(p)) = (s.said_on, s.describes) else {
            continue;
        };
        let (Ok(start), Ok(end)) = (p.start_date(), p.end_date()) else {
            continue;
        };
        let (said_en, said_id) = (said.to_string(), crate::locale::format_date(said));
        if start > said {
            out.push(StatementFinding::new(
                "period_in_future",
                Severity::Error,
                &[s],
                Vec::new(),
                format!(
                    "{}{}: said on {said_en} about {p}, a period that begins later ({start})",
                    region_prefix(s),
                    cite(s, true)
                ),
                format!(
                    "{}{}: dinyatakan {said_id} tentang {p}, periode yang baru dimulai kemudian ({})",
                    region_prefix(s),
                    cite(s, false),
                    crate::locale::format_date(start)
                ),
            ));
        } else if end > said {
            out.push(StatementFinding::new(
                "said_before_period_end",
                Severity::Warning,
                &[s],
                Vec::new(),
                format!(
                    "{}{}: said on {said_en} about {p}, before that period ends ({end}): a \
                     partial count or a target, not a final figure",
                    region_prefix(s),
                    cite(s, true)
                ),
                format!(
                    "{}{}: dinyatakan {said_id} tentang {p}, sebelum periode itu berakhir ({}): \
                     angka sementara atau target, bukan angka akhir",
                    region_prefix(s),
                    cite(s, false),
                    crate::locale::format_date(end)
                ),
            ));
        }
    }
    out
}
