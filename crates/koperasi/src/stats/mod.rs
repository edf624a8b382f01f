//! Statistics over published counts: panels, growth, consistency checks.
//!
//! STUB: the full implementation replaces these files. The signatures are the contract.

pub mod checks;
pub mod growth;
pub mod panel;
pub mod period;

pub use checks::{Finding, Severity};
pub use panel::{Panel, PanelRow};
pub use period::Period;
