//! Checks on published statements, each a [`StatementFinding`] naming the statements it rests
//! on, with messages in English and Indonesian. Codes are stable:
//!
//! | code | severity | values |
//! |---|---|---|
//! | `stated_change_mismatch` | error | stated change, from, to (then the step it fits, if any) |
//! | `stated_change_unchecked` | info | stated change |
//! | `definitions_mixed` | warning | the figures of one definition, then of the other |
//! | `parts_not_equal_total` | error | the parts, then the total |
//! | `relation_broken` | error | left sum, right sum (`measure` = the relation's id) |
//! | `figures_differ` | warning | earlier figure, later figure |
//! | `definition_unknown` | warning | (none) |
//! | `percent_not_matching_count` | error | count, base, lowest and highest count allowed |
//! | `percent_out_of_range` | error | (none) |
//! | `period_in_future` | error | (none) |
//! | `said_before_period_end` | warning | (none) |

mod change;
mod dates;
mod figures;
mod finding;
mod keys;
mod mixed;
mod parts;
mod percent;
mod relations;

pub use change::check_stated_changes;
pub use dates::check_dates;
pub use figures::{check_conflicts, check_vocabulary};
pub use finding::StatementFinding;
pub use mixed::check_mixed_definitions;
pub use parts::check_parts;
pub use percent::{check_percentages, rounding_tolerance};
pub use relations::{Op, RELATIONS_TOML, Relation, Relations, RelationsError, check_relations};

use super::Statement;

/// Every check on `statements`, with `relations` for the definitions funnel
/// ([`Relations::embedded`] for the documented list): dates, vocabulary, stated changes,
/// mixed definitions, parts vs totals, conflicting figures, relations, percentages, in that
/// order. An empty list means the statements agree with each other.
pub fn check_statements(statements: &[Statement], relations: &Relations) -> Vec<StatementFinding> {
    let mut out = check_dates(statements);
    out.extend(check_vocabulary(statements));
    out.extend(check_stated_changes(statements));
    out.extend(check_mixed_definitions(statements));
    out.extend(check_parts(statements));
    out.extend(check_conflicts(statements));
    out.extend(check_relations(statements, relations));
    out.extend(check_percentages(statements));
    out
}
