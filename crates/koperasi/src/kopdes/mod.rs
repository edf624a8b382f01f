//! Koperasi Desa/Kelurahan Merah Putih (KDMP/KKMP, Inpres 9/2025; DOMAIN.md 9.2): one
//! cooperative per desa/kelurahan.
//!
//! - [`coverage`]: which desa/kelurahan of the Kemendagri 2025 table have a KDMP/KKMP, which
//!   have none, which have several, which coops cover several desa; coverage by kecamatan,
//!   kab/kota, provinsi and the nation.
//! - [`simkopdes`]: the public statistics exports of SIMKOPDES (by province, district,
//!   subdistrict, village) as dated snapshots: regions matched to codes, levels checked
//!   against each other, two snapshots compared; [`statistics_report()`] puts them together.
//! - [`matching`]: region names matched to codes within their parent, with the misplaced and
//!   the unknown names listed (shared by both).
//! - Stages as dated facts ([`Stage`], [`StageFact`], [`stage_facts`]), progress as of a date
//!   ([`stages_report()`]: funnel, time between stages, stalled), loan readiness under PMK 49/2025
//!   ([`readiness_report()`]), and the KDMP/KKMP wave in growth figures ([`wave`]) (DOMAIN.md 10).

pub mod coverage;
pub mod matching;
pub mod readiness;
pub mod simkopdes;
pub mod stages;
pub mod stages_columns;
pub mod stages_preset;
pub mod stages_report;
pub mod statistics;
pub mod wave;

pub use readiness::{CoopReadiness, ItemCount, ReadinessCount, ReadinessReport, readiness_report};
pub(crate) use stages::merge_stage_facts;
pub use stages::{Stage, StageFact, fact_of, stage_facts};
pub use stages_columns::stage_headers;
pub(crate) use stages_columns::{StageCell, read_stage_cell, split_stage_mapping, stage_column};
pub use stages_preset::{Checklist, ChecklistItem, StagesError, StallPreset, StallStep};
pub use stages_report::{
    FunnelRow, StageCount, StagesReport, StallCount, Stalled, StepDuration, stages_report,
};
pub use statistics::{StatisticsReport, statistics_report};
pub use wave::{
    KdmpKind, KdmpMark, WaveFinding, WaveGrowth, WaveOptions, WaveYear, explain_jump, is_kdmp_name,
    kdmp_kind, kdmp_mark, wave_growth,
};
