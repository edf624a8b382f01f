//! The allocation plan of the AD/ART: components in basis points summing to exactly 100 %
//! (DOMAIN.md 3.2), which of them are member pools and by what base they are shared.

use super::apportion::Rounding;
use crate::error::ShuError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One use of the SHU (DOMAIN.md 3.2). Serialised as its snake_case name (`"cadangan"`,
/// `"jasa_modal"`, ...); any other name is [`Component::Other`] and serialises as itself.
/// Names are read case-insensitively, with spaces and `-` taken as `_`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(from = "String", into = "String")]
pub enum Component {
    /// Dana cadangan: the reserve (UU 25/1992 art. 45(1)).
    Cadangan,
    /// Jasa modal anggota (JMA): return on members' capital.
    JasaModal,
    /// Jasa usaha anggota (JUA): return on members' business with the coop.
    JasaUsaha,
    /// Part of jasa usaha shared by sales to members.
    JasaPenjualan,
    /// Part of jasa usaha shared by members' purchases.
    JasaPembelian,
    /// Part of jasa usaha shared by loans (or interest paid).
    JasaPinjaman,
    /// Dana pengurus: the board.
    DanaPengurus,
    /// Dana karyawan: staff.
    DanaKaryawan,
    /// Dana pendidikan: cooperative education.
    DanaPendidikan,
    /// Dana sosial: social fund.
    DanaSosial,
    /// Dana pembangunan daerah kerja: regional / working-area development.
    DanaPembangunanDaerahKerja,
    /// Any other named use (its normalised name).
    Other(String),
}

const NAMES: &[(&str, Component)] = &[
    ("cadangan", Component::Cadangan),
    ("jasa_modal", Component::JasaModal),
    ("jasa_usaha", Component::JasaUsaha),
    ("jasa_penjualan", Component::JasaPenjualan),
    ("jasa_pembelian", Component::JasaPembelian),
    ("jasa_pinjaman", Component::JasaPinjaman),
    ("dana_pengurus", Component::DanaPengurus),
    ("dana_karyawan", Component::DanaKaryawan),
    ("dana_pendidikan", Component::DanaPendidikan),
    ("dana_sosial", Component::DanaSosial),
    (
        "dana_pembangunan_daerah_kerja",
        Component::DanaPembangunanDaerahKerja,
    ),
];

impl Component {
    /// The snake_case name (`"jasa_modal"`; an [`Component::Other`] gives its own name).
    pub fn as_str(&self) -> &str {
        if let Component::Other(s) = self {
            return s;
        }
        NAMES.iter().find(|(_, c)| c == self).map_or("", |(n, _)| n)
    }

    /// The component named `name` (case-insensitive; spaces and `-` read as `_`; `dana_cadangan`
    /// is `cadangan`, `jma`/`jua` are jasa modal/usaha).
    pub fn parse(name: &str) -> Component {
        let n: String = name
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect();
        let n = match n.as_str() {
            "dana_cadangan" => "cadangan",
            "jma" | "jasa_modal_anggota" => "jasa_modal",
            "jua" | "jasa_usaha_anggota" => "jasa_usaha",
            other => other,
        };
        NAMES
            .iter()
            .find(|(k, _)| *k == n)
            .map_or_else(|| Component::Other(n.to_string()), |(_, c)| c.clone())
    }
}

impl From<String> for Component {
    fn from(s: String) -> Component {
        Component::parse(&s)
    }
}

impl From<Component> for String {
    fn from(c: Component) -> String {
        c.as_str().to_string()
    }
}

impl fmt::Display for Component {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The base named `capital`: the sum of the savings kinds in
/// [`AllocationPlan::capital_savings`].
pub const CAPITAL: &str = "capital";

/// One line of a plan: a component, its share in basis points (1 bp = 0.01 %), and, for a
/// member pool, the base it is shared by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanLine {
    /// What the money is for.
    pub component: Component,
    /// Share of the SHU in basis points (10,000 = 100 %).
    pub basis_points: u32,
    /// `None`: kept by the coop (reserve, funds). `Some(base)`: a pool shared among members in
    /// proportion to that base: `"capital"` (the savings kinds of
    /// [`AllocationPlan::capital_savings`]), or a transaction base such as `"purchases"`,
    /// `"sales"`, `"loans"`, `"interest"`, or any name found in the members' transactions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
}

fn default_capital() -> Vec<String> {
    vec!["pokok".into(), "wajib".into()]
}

fn default_true() -> bool {
    true
}

fn default_granularity() -> i64 {
    1
}

/// How the year's SHU is allocated and shared (AD/ART; DOMAIN.md 3.1-3.3).
///
/// TOML shape (JSON has the same keys):
///
/// ```toml
/// name = "Koperasi Contoh"
/// rounding = "floor"           # floor | half_up | half_even (default floor)
/// reconcile = true             # largest remainder, so each pool is paid out in full (default true)
/// granularity_sen = 1          # 1 = pay to the sen, 100 = whole rupiah (default 1)
/// capital_savings = ["pokok", "wajib"]   # the default; add "sukarela" if the AD/ART says so
///
/// [[components]]
/// component = "cadangan"
/// basis_points = 4000
///
/// [[components]]
/// component = "jasa_modal"
/// basis_points = 2000
/// base = "capital"
/// ```
///
/// Unknown keys are refused ([`ShuError::PlanParse`] naming the key and its line): a misspelt
/// `bas = "capital"` or `bookyear = 2024` would otherwise be dropped silently and change who
/// gets what.
///
/// `non_member_components` (optional) allocates the SHU from business with non-members,
/// which UU 25/1992 art. 45 does not give to members (DOMAIN.md 3.1): its lines have no base.
/// When it is empty, non-member SHU goes entirely to `cadangan`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AllocationPlan {
    /// A label for reports (e.g. the coop and the AD/ART article).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The book year the plan is for, when stated (the CLI's `--book-year` overrides it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub book_year: Option<i32>,
    /// Allocation of the SHU from member business (or of all SHU when it is not split).
    pub components: Vec<PlanLine>,
    /// Allocation of the SHU from non-member business; empty means all to `cadangan`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub non_member_components: Vec<PlanLine>,
    /// Savings kinds counted by the base `capital` (DOMAIN.md 3.3: simpanan pokok + wajib by
    /// default; some AD/ART add sukarela).
    #[serde(default = "default_capital")]
    pub capital_savings: Vec<String>,
    /// How exact shares are rounded (once).
    #[serde(default)]
    pub rounding: Rounding,
    /// Reconcile by largest remainder so amounts sum exactly to each pool (and the components
    /// to the SHU); when false the rounding remainder is reported as undistributed.
    #[serde(default = "default_true")]
    pub reconcile: bool,
    /// The smallest amount paid, in sen: 1 (sen) or 100 (whole rupiah).
    #[serde(default = "default_granularity")]
    pub granularity_sen: i64,
}

impl AllocationPlan {
    /// A plan of `components` with the defaults (floor, reconciled, to the sen, capital =
    /// pokok + wajib), validated.
    ///
    /// Errors: as [`AllocationPlan::validate`].
    pub fn new(components: Vec<PlanLine>) -> Result<AllocationPlan, ShuError> {
        let plan = AllocationPlan {
            name: None,
            book_year: None,
            components,
            non_member_components: Vec::new(),
            capital_savings: default_capital(),
            rounding: Rounding::Floor,
            reconcile: true,
            granularity_sen: 1,
        };
        plan.validate()?;
        Ok(plan)
    }

    /// Read a plan from TOML (shape in the type's doc) and validate it.
    ///
    /// Errors: [`ShuError::PlanParse`] for bad TOML or a missing, mistyped or unknown key
    /// (the message names the key and its 1-based line), else as [`AllocationPlan::validate`].
    pub fn from_toml(text: &str) -> Result<AllocationPlan, ShuError> {
        let plan: AllocationPlan = toml::from_str(text).map_err(|e| ShuError::PlanParse {
            why: toml_error(text, &e),
        })?;
        plan.validate()?;
        Ok(plan)
    }

    /// Read a plan from JSON (the serde shape) and validate it.
    ///
    /// Errors: [`ShuError::PlanParse`] (an unknown key is named, with its line), else as
    /// [`AllocationPlan::validate`].
    pub fn from_json(text: &str) -> Result<AllocationPlan, ShuError> {
        let plan: AllocationPlan =
            serde_json::from_str(text).map_err(|e| ShuError::PlanParse { why: e.to_string() })?;
        plan.validate()?;
        Ok(plan)
    }

    /// The lines that are member pools (with a base), in plan order.
    pub fn pools(&self) -> impl Iterator<Item = &PlanLine> {
        self.components.iter().filter(|l| l.base.is_some())
    }

    /// Check the plan (DOMAIN.md 3.2).
    ///
    /// Errors: [`ShuError::PlanEmpty`]; [`ShuError::PlanSum`] when `components` (or a non-empty
    /// `non_member_components`) do not sum to exactly 10,000 bp, stating the sum (the textbook
    /// list 40+40+5+5+5+5+5 gives 10,500); [`ShuError::PlanDuplicate`] for a component listed
    /// twice in one list; [`ShuError::PlanInvalid`] for an empty component or base name, a
    /// non-member line with a base, or a `capital` base with no `capital_savings`;
    /// [`ShuError::Granularity`] when `granularity_sen <= 0`.
    pub fn validate(&self) -> Result<(), ShuError> {
        if self.components.is_empty() {
            return Err(ShuError::PlanEmpty);
        }
        check_lines(&self.components, "components")?;
        if !self.non_member_components.is_empty() {
            check_lines(&self.non_member_components, "non_member_components")?;
            if let Some(l) = self.non_member_components.iter().find(|l| l.base.is_some()) {
                return Err(ShuError::PlanInvalid {
                    why: format!(
                        "non-member SHU is not shared among members (UU 25/1992 art. 45), so `{}` in non_member_components cannot have a base",
                        l.component
                    ),
                });
            }
        }
        if self.granularity_sen <= 0 {
            return Err(ShuError::Granularity {
                value: self.granularity_sen,
            });
        }
        if self.capital_savings.is_empty()
            && self.pools().any(|l| l.base.as_deref() == Some(CAPITAL))
        {
            return Err(ShuError::PlanInvalid {
                why: "a pool has base `capital` but capital_savings lists no savings kind".into(),
            });
        }
        Ok(())
    }
}

/// A one-line message for a TOML error: `line N: <what>` (the parser's own text spans
/// several lines with a drawing of the source).
fn toml_error(text: &str, e: &toml::de::Error) -> String {
    let what = e.message().trim().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let line = text
                .get(..span.start)
                .map_or(0, |before| before.matches('\n').count())
                + 1;
            format!("line {line}: {what}")
        }
        None => what,
    }
}

fn check_lines(lines: &[PlanLine], list: &str) -> Result<(), ShuError> {
    for (i, l) in lines.iter().enumerate() {
        if l.component.as_str().is_empty() {
            return Err(ShuError::PlanInvalid {
                why: format!("line {} of {list} has an empty component name", i + 1),
            });
        }
        if l.base.as_deref().is_some_and(|b| b.trim().is_empty()) {
            return Err(ShuError::PlanInvalid {
                why: format!("`{}` has an empty base name", l.component),
            });
        }
        if lines.iter().take(i).any(|o| o.component == l.component) {
            return Err(ShuError::PlanDuplicate {
                component: l.component.to_string(),
            });
        }
    }
    let sum: i64 = lines.iter().map(|l| i64::from(l.basis_points)).sum();
    if sum != 10_000 {
        let hint = if sum > 10_000 {
            format!("{list} give out {} bp more than the SHU", sum - 10_000)
        } else {
            format!("{list} leave {} bp of the SHU unallocated", 10_000 - sum)
        };
        return Err(ShuError::PlanSum {
            sum,
            percent: format!("{}.{:02}", sum / 100, sum % 100),
            hint,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_plan_sums_to_105_percent() {
        let text = r#"
[[components]]
component = "cadangan"
basis_points = 4000
[[components]]
component = "jasa anggota"
basis_points = 4000
base = "purchases"
[[components]]
component = "dana_pengurus"
basis_points = 500
[[components]]
component = "dana_karyawan"
basis_points = 500
[[components]]
component = "dana_pendidikan"
basis_points = 500
[[components]]
component = "dana_sosial"
basis_points = 500
[[components]]
component = "dana_pembangunan_daerah_kerja"
basis_points = 500
"#;
        let e = AllocationPlan::from_toml(text).unwrap_err();
        assert_eq!(e.code(), "shu_plan_sum");
        assert!(e.to_string().contains("10500"), "{e}");
        assert!(e.to_string().contains("105.00 %"), "{e}");
    }

    #[test]
    fn unknown_keys_are_refused_with_their_line() {
        let e = AllocationPlan::from_toml(
            "bookyear = 2024\n[[components]]\ncomponent = \"cadangan\"\nbasis_points = 10000\n",
        )
        .unwrap_err();
        assert_eq!(e.code(), "shu_plan_parse");
        let msg = e.to_string();
        assert!(
            msg.contains("line 1") && msg.contains("`bookyear`"),
            "{msg}"
        );
        assert_eq!(msg.lines().count(), 1, "{msg}");
    }

    #[test]
    fn component_names_round_trip() {
        assert_eq!(Component::parse("Dana Cadangan"), Component::Cadangan);
        assert_eq!(Component::parse("JMA"), Component::JasaModal);
        assert_eq!(
            Component::parse("Jasa Anggota"),
            Component::Other("jasa_anggota".into())
        );
        assert_eq!(Component::JasaPinjaman.as_str(), "jasa_pinjaman");
    }
}
