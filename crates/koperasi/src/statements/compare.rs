//! An office's statements against a register's funnel: each matched, off by how much, not
//! supported by the register (with why), or not comparable (another date, region, policy,
//! book year, or a definition outside the vocabulary).

use super::funnel::{Funnel, FunnelFigure};
use super::funnel_support::Support;
use super::{Definition, StatedValue, Statement};
use crate::stats::period::Period;
use serde::{Deserialize, Serialize};

/// How far a stated percentage may be from the register's (in percentage points) and still
/// match: a published "70 %" is rounded to the unit.
pub const PERCENT_TOLERANCE: f64 = 0.5;

/// What the comparison of one statement found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// The register gives the stated figure.
    Matched {
        /// The register's figure (a count, or a percentage).
        register: f64,
    },
    /// The register gives another figure.
    Off {
        /// The register's figure.
        register: f64,
        /// Stated minus register (cooperatives, or percentage points).
        by: f64,
    },
    /// The register cannot support the statement's definition.
    Unsupported {
        /// Why, in English.
        reason_en: String,
        /// Why, in Indonesian.
        reason_id: String,
    },
    /// The statement is about something else than the funnel.
    NotComparable {
        /// Why, in English.
        reason_en: String,
        /// Why, in Indonesian.
        reason_id: String,
    },
}

/// One statement and what its comparison with the funnel found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComparedStatement {
    /// The statement's id.
    pub id: String,
    /// Its source line, when read from a table.
    pub line: Option<u64>,
    /// Its definition.
    pub definition: Definition,
    /// The stated value.
    pub stated: StatedValue,
    /// What was found.
    pub outcome: Outcome,
}

fn not_comparable(en: String, id: String) -> Outcome {
    Outcome::NotComparable {
        reason_en: en,
        reason_id: id,
    }
}

/// Compare each statement with the funnel (see the module documentation), in order.
///
/// A statement is compared when its definition is in the vocabulary, it describes the funnel's
/// date (a `new` figure: its year), its region (when said) is the funnel's, its policy (when
/// said, for `active`/`inactive`) and book year (when said) are the funnel's, and its part
/// (when broken down) is one of the funnel's parts. A percentage is compared with the figure
/// as a percentage of its `percent_of` figure (on record when not said).
pub fn compare(statements: &[Statement], funnel: &Funnel) -> Vec<ComparedStatement> {
    statements
        .iter()
        .map(|s| ComparedStatement {
            id: s.id.clone(),
            line: s.line,
            definition: s.definition.clone(),
            stated: s.value,
            outcome: outcome(s, funnel),
        })
        .collect()
}

fn outcome(s: &Statement, funnel: &Funnel) -> Outcome {
    if let Definition::Other(text) = &s.definition {
        return not_comparable(
            format!("`{text}` is not a definition of the vocabulary"),
            format!("`{text}` bukan definisi yang dikenal"),
        );
    }
    let figure = match figure_of(s, funnel) {
        Ok(f) => f,
        Err(o) => return o,
    };
    if let Err(o) = same_scope(s, funnel, figure) {
        return o;
    }
    let Some(count) = part_value(s, funnel, figure) else {
        return match &figure.support {
            Support::Unsupported {
                reason_en,
                reason_id,
            } => Outcome::Unsupported {
                reason_en: reason_en.clone(),
                reason_id: reason_id.clone(),
            },
            Support::Counted { .. } => part_missing(s),
        };
    };
    match s.value {
        StatedValue::Count(n) => judge(n as f64, count as f64, 0.0),
        StatedValue::Percent(p) => {
            let of = s.percent_of.clone().unwrap_or(Definition::OnRecord);
            let base = funnel
                .figure(&of, &figure.describes)
                .or_else(|| funnel.first(&of));
            match base.and_then(|b| part_value(s, funnel, b)) {
                Some(b) if b > 0 => judge(p, count as f64 / b as f64 * 100.0, PERCENT_TOLERANCE),
                _ => Outcome::Unsupported {
                    reason_en: format!(
                        "the register gives no {} figure to take a percentage of",
                        of.code()
                    ),
                    reason_id: format!(
                        "register tidak memberi angka {} sebagai dasar persentase",
                        of.label_id()
                    ),
                },
            }
        }
    }
}

fn judge(stated: f64, register: f64, tolerance: f64) -> Outcome {
    let by = stated - register;
    if by.abs() <= tolerance {
        Outcome::Matched { register }
    } else {
        Outcome::Off { register, by }
    }
}

/// The funnel's figure for the statement's definition and date (or year).
fn figure_of<'f>(s: &Statement, funnel: &'f Funnel) -> Result<&'f FunnelFigure, Outcome> {
    let date = Period::Date(funnel.as_of);
    let describes = s.describes.unwrap_or(date);
    let wanted = match (&s.definition, describes) {
        (Definition::New, Period::Year(y)) => Period::Year(y),
        (Definition::New, _) => {
            return Err(not_comparable(
                "a count of new cooperatives is compared by year".into(),
                "jumlah koperasi baru dibandingkan per tahun".into(),
            ));
        }
        (_, d) => d,
    };
    funnel.figure(&s.definition, &wanted).ok_or_else(|| {
        not_comparable(
            format!(
                "it describes {describes}; the register's figures describe {}",
                funnel.as_of
            ),
            format!(
                "pernyataan ini tentang {describes}; angka register tentang {}",
                funnel.as_of
            ),
        )
    })
}

/// The statement is about the funnel's region, policy and book year (when it says them).
fn same_scope(s: &Statement, funnel: &Funnel, f: &FunnelFigure) -> Result<(), Outcome> {
    if let (Some(r), Some(own)) = (&s.region, &funnel.region) {
        if !same_region(r, own) {
            return Err(not_comparable(
                format!("it is about {r}; the register covers {own}"),
                format!("pernyataan ini tentang {r}; register mencakup {own}"),
            ));
        }
    }
    let by_policy = matches!(s.definition, Definition::Active | Definition::Inactive);
    if let Some(p) = s.policy.as_deref().filter(|_| by_policy) {
        if !p.trim().eq_ignore_ascii_case(&funnel.policy) {
            return Err(not_comparable(
                format!(
                    "it counts by the policy `{p}`; the register's status is by `{}`",
                    funnel.policy
                ),
                format!(
                    "pernyataan ini memakai kebijakan `{p}`; status register memakai `{}`",
                    funnel.policy
                ),
            ));
        }
    }
    if let (Some(y), Some(own)) = (s.book_year, f.book_year) {
        if y != own {
            return Err(not_comparable(
                format!("it is about the RAT of book year {y}; the register's is of {own}"),
                format!("pernyataan ini tentang RAT tahun buku {y}; register tentang {own}"),
            ));
        }
    }
    Ok(())
}

/// A region as written, for comparison: its words (lower case, letters and digits) without
/// `kota`, `kabupaten`, `kab`, `provinsi`, and whether it says kota or kabupaten.
fn region_words(s: &str) -> (Vec<String>, Option<bool>) {
    let mut kota = None;
    let words = s
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| match *w {
            "" | "provinsi" => false,
            "kota" => {
                kota = Some(true);
                false
            }
            "kabupaten" | "kab" => {
                kota = Some(false);
                false
            }
            _ => true,
        })
        .map(str::to_string)
        .collect();
    (words, kota)
}

/// True when two names name the same region: same words, and not a kota for a kabupaten.
fn same_name(a: &str, b: &str) -> bool {
    let ((wa, ka), (wb, kb)) = (region_words(a), region_words(b));
    wa == wb && (ka.is_none() || kb.is_none() || ka == kb)
}

/// True when the statement's region (a code or a name) names the funnel's (`32.71 Kota Bogor`).
fn same_region(stated: &str, own: &str) -> bool {
    let (code, name) = own.split_once(' ').unwrap_or((own, ""));
    let stated_code = crate::wilayah::KodeWilayah::parse(stated.trim()).ok();
    let own_code = crate::wilayah::KodeWilayah::parse(code).ok();
    match (stated_code, own_code) {
        (Some(a), Some(b)) => a == b,
        _ => same_name(stated, name) || same_name(stated, own),
    }
}

/// The figure's count in the statement's part (the total when it has none); `None` when the
/// figure is unsupported or the part is not in the funnel.
fn part_value(s: &Statement, funnel: &Funnel, f: &FunnelFigure) -> Option<u64> {
    let total = f.value()?;
    let Some((dim, value)) = &s.breakdown else {
        return Some(total);
    };
    let index = funnel.figures.iter().position(|x| std::ptr::eq(x, f))?;
    let unknown = value
        .trim()
        .eq_ignore_ascii_case(super::publish::UNKNOWN_PART);
    funnel
        .parts
        .iter()
        .filter(|p| p.dimension.as_str().eq_ignore_ascii_case(dim.trim()))
        .find(|p| match p.value.as_deref() {
            None => unknown,
            Some(v) => {
                v.eq_ignore_ascii_case(value.trim())
                    || same_name(v, value)
                    || v.split_once(' ').is_some_and(|(_, n)| same_name(n, value))
            }
        })
        .map(|p| {
            p.counts
                .iter()
                .find(|(i, _)| *i == index)
                .map_or(0, |(_, c)| *c)
        })
}

fn part_missing(s: &Statement) -> Outcome {
    let (dim, value) = s.breakdown.clone().unwrap_or_default();
    not_comparable(
        format!("the register's funnel has no part {dim} = {value}"),
        format!("funnel register tidak memiliki rincian {dim} = {value}"),
    )
}
