//! Presets of the KDMP/KKMP stage reports, as data (TOML or JSON): the days allowed between
//! stages ([`StallPreset`]) and the loan checklist ([`Checklist`], read by
//! [`crate::kopdes::readiness`]); the embedded defaults are under `data/kopdes/` of the crate.

use super::stages::Stage;
use serde::{Deserialize, Serialize};

const STALL_TOML: &str = include_str!("../../data/kopdes/stall_days.toml");
const PMK_49_2025_TOML: &str = include_str!("../../data/kopdes/pmk_49_2025.toml");

/// A preset that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StagesError {
    /// The text is not a preset: bad TOML/JSON, or a missing, mistyped or unknown key or stage
    /// code (the message names it, with its line).
    #[error("{what} cannot be read: {why}")]
    PresetParse {
        /// Which preset: `stall preset` or `loan checklist`.
        what: &'static str,
        /// What is wrong, and where.
        why: String,
    },
    /// The preset reads but says nothing usable (no step, an item without stages, a code used
    /// twice, a step from a stage to itself).
    #[error("{what} is not valid: {why}")]
    PresetInvalid {
        /// Which preset.
        what: &'static str,
        /// What is wrong.
        why: String,
    },
}

impl StagesError {
    /// The stable snake_case code: `kopdes_preset_parse`, `kopdes_preset_invalid`.
    pub fn code(&self) -> &'static str {
        match self {
            StagesError::PresetParse { .. } => "kopdes_preset_parse",
            StagesError::PresetInvalid { .. } => "kopdes_preset_invalid",
        }
    }
}

/// One step between two stages and the days allowed for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StallStep {
    /// The stage reached.
    pub from: Stage,
    /// The stage that should follow.
    pub to: Stage,
    /// Days allowed from `from` to `to`: a cooperative that reached `from` more than this many
    /// days before the as-of date and has not reached `to` is stalled.
    pub days: u32,
}

/// The days allowed between stages (the embedded default: [`StallPreset::default_preset`],
/// `data/kopdes/stall_days.toml`, this project's starting points, no regulation sets them).
///
/// TOML shape: `name`, `source`, then `[[step]]` tables with `from`, `to` (stage codes) and
/// `days`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StallPreset {
    /// A name to show.
    pub name: String,
    /// Where the days come from.
    #[serde(default)]
    pub source: String,
    /// The steps, in the order reported; also the steps whose median durations are reported.
    #[serde(rename = "step")]
    pub steps: Vec<StallStep>,
}

impl StallPreset {
    /// The embedded default preset.
    ///
    /// Errors: none in practice (the embedded file is tested); a [`StagesError`] if it were
    /// broken.
    pub fn default_preset() -> Result<StallPreset, StagesError> {
        StallPreset::from_toml(STALL_TOML)
    }

    /// The embedded default as TOML text (to copy and change).
    pub fn default_toml() -> &'static str {
        STALL_TOML
    }

    /// Read a preset from TOML, or JSON when the text starts with `{`.
    ///
    /// Errors: [`StagesError::PresetParse`] (the key or stage code, with its line);
    /// [`StagesError::PresetInvalid`] with no step or a step from a stage to itself.
    pub fn from_toml(text: &str) -> Result<StallPreset, StagesError> {
        const WHAT: &str = "stall preset";
        let p: StallPreset = parse(WHAT, text)?;
        if p.steps.is_empty() {
            return invalid(WHAT, "it has no [[step]]".into());
        }
        if let Some(s) = p.steps.iter().find(|s| s.from == s.to) {
            return invalid(WHAT, format!("a step from `{}` to itself", s.from.code()));
        }
        Ok(p)
    }
}

/// One item of a loan checklist: met when any of its stages is reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable snake_case code, e.g. `npwp` (what the missing lists name).
    pub code: String,
    /// The stages that meet the item (any one).
    pub stages: Vec<Stage>,
    /// Indonesian label.
    pub label_id: String,
    /// English label.
    pub label_en: String,
    /// The legal source, e.g. `PMK 49/2025 Pasal 6 ayat (1) huruf d`.
    #[serde(default)]
    pub article: String,
}

/// A loan checklist (the embedded default: [`Checklist::pmk_49_2025`], the preconditions of
/// PMK 49/2025, `data/kopdes/pmk_49_2025.toml`).
///
/// TOML shape: `name`, `source`, then `[[item]]` tables with `code`, `stages`, `label_id`,
/// `label_en`, `article`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// A name to show.
    pub name: String,
    /// Where the items come from.
    #[serde(default)]
    pub source: String,
    /// The items, in order.
    #[serde(rename = "item")]
    pub items: Vec<ChecklistItem>,
}

impl Checklist {
    /// The embedded PMK 49/2025 checklist.
    ///
    /// Errors: none in practice (the embedded file is tested).
    pub fn pmk_49_2025() -> Result<Checklist, StagesError> {
        Checklist::from_toml(PMK_49_2025_TOML)
    }

    /// The embedded checklist as TOML text (to copy and change).
    pub fn pmk_49_2025_toml() -> &'static str {
        PMK_49_2025_TOML
    }

    /// Read a checklist from TOML, or JSON when the text starts with `{`.
    ///
    /// Errors: [`StagesError::PresetParse`]; [`StagesError::PresetInvalid`] with no item, an
    /// item without stages or with an empty code, or a code used twice.
    pub fn from_toml(text: &str) -> Result<Checklist, StagesError> {
        const WHAT: &str = "loan checklist";
        let c: Checklist = parse(WHAT, text)?;
        if c.items.is_empty() {
            return invalid(WHAT, "it has no [[item]]".into());
        }
        for (i, item) in c.items.iter().enumerate() {
            if item.code.trim().is_empty() || item.stages.is_empty() {
                return invalid(
                    WHAT,
                    format!("item {} needs a code and at least one stage", i + 1),
                );
            }
            if c.items.iter().take(i).any(|o| o.code == item.code) {
                return invalid(WHAT, format!("the code `{}` is used twice", item.code));
            }
        }
        Ok(c)
    }
}

fn invalid<T>(what: &'static str, why: String) -> Result<T, StagesError> {
    Err(StagesError::PresetInvalid { what, why })
}

/// TOML, or JSON when the text starts with `{`; errors name the line.
fn parse<T: serde::de::DeserializeOwned>(what: &'static str, text: &str) -> Result<T, StagesError> {
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(text).map_err(|e| StagesError::PresetParse {
            what,
            why: e.to_string(),
        });
    }
    toml::from_str(text).map_err(|e| {
        let msg = e.message().trim().replace('\n', " ");
        let why = match e.span() {
            Some(span) => {
                let line = text
                    .get(..span.start)
                    .map_or(0, |b| b.matches('\n').count())
                    + 1;
                format!("line {line}: {msg}")
            }
            None => msg,
        };
        StagesError::PresetParse { what, why }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_presets_read() {
        let p = StallPreset::default_preset().unwrap();
        assert_eq!(p.steps.len(), 12);
        assert_eq!(
            (p.steps[2].from, p.steps[2].to, p.steps[2].days),
            (Stage::Akta, Stage::SkAhu, 30)
        );
        let c = Checklist::pmk_49_2025().unwrap();
        let codes: Vec<&str> = c.items.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "legal_entity",
                "nik_koperasi",
                "bank_account",
                "npwp",
                "nib",
                "business_proposal",
                "approval"
            ]
        );
    }

    #[test]
    fn bad_presets_are_refused_with_the_line() {
        let e = StallPreset::from_toml(
            "name = \"x\"\n[[step]]\nfrom = \"akta\"\nto = \"skahu\"\ndays = 3\n",
        )
        .unwrap_err();
        assert_eq!(e.code(), "kopdes_preset_parse");
        assert!(e.to_string().contains("line 4"), "{e}");
        let e = StallPreset::from_toml("name = \"x\"\nstep = []\n").unwrap_err();
        assert_eq!(e.code(), "kopdes_preset_invalid");
        let e = Checklist::from_toml(
            "name = \"x\"\n[[item]]\ncode = \"a\"\nstages = []\nlabel_id = \"a\"\nlabel_en = \"a\"\n",
        )
        .unwrap_err();
        assert_eq!(e.code(), "kopdes_preset_invalid");
    }
}
