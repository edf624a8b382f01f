//! Business demography: status over time, births, deaths, reactivations, cohort survival,
//! Kaplan-Meier and high growth (DOMAIN.md 5.3-5.4; Eurostat-OECD Manual on Business
//! Demography Statistics, 2007).
//!
//! Two layers:
//!
//! * **from records** — [`status_series`] counts statuses at many dates by one sweep over each
//!   record's change dates ([`status_steps`]); [`lifeline`] turns a [`crate::Koperasi`] into a
//!   [`Lifeline`] (founding year, origin, active years, dissolution year);
//! * **over plain data** (what the Python and JavaScript bindings expose, and what the
//!   conformance vectors in `tests/vectors/demography/` call) — [`yearly_demography`],
//!   [`demography_rates`], [`cohort_survival`], [`survival_data`], [`kaplan_meier`],
//!   [`high_growth`]. Every result is serde-serialisable.
//! * **the report of a register** — [`demography_report`]: population choice, lifelines,
//!   yearly table, cohorts and a Kaplan-Meier summary in one call (what `koperasi demography`
//!   prints, and what the bindings' `demography_report` returns).
//!
//! ```
//! use koperasi::demography::{Lifeline, yearly_demography, DemographyParams};
//! // One coop born in 2020, active 2020-2021, then silent: a statistical death dated 2021,
//! // confirmed once 2022 and 2023 passed without activity.
//! let l = Lifeline { founded: Some(2020), active_years: vec![2020, 2021], ..Lifeline::default() };
//! let rows = yearly_demography(&[l], 2020, 2021, 2024, &DemographyParams::default())?;
//! assert_eq!((rows[0].births, rows[1].deaths, rows[1].provisional), (1, 1, false));
//! # Ok::<(), koperasi::error::DemographyError>(())
//! ```

mod cohort;
mod growth;
mod kaplan_meier;
mod lifeline;
mod note;
mod report;
mod sweep;
mod yearly;

pub use cohort::{Cohort, SurvivalData, cohort_survival, survival_data};
pub use growth::{GrowthUnit, HighGrowth, HighGrowthParams, UnitGrowth, high_growth};
pub use kaplan_meier::{KaplanMeier, kaplan_meier};
pub use lifeline::{Lifeline, Population, known_from, lifeline};
pub use note::DemographyNote;
pub use report::{
    DemographyOptions, DemographyReport, KaplanMeierSummary, PopulationChoice, StatusSeriesColumns,
    demography_report,
};
pub use sweep::{Frequency, SeriesDates, StatusSeries, period_ends, status_series, statuses_at};
pub use sweep::{SeriesGroup, StatusStep, status_steps};
pub use yearly::{DemographyParams, DemographyYear, Rates, demography_rates, yearly_demography};
