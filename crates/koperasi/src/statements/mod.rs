//! Published statements: the figures an office or a newspaper says about cooperatives, each
//! with its definition, the date it was said and the date or period it describes, so that
//! figures of different definitions are never compared as if they were one series
//! (DOMAIN.md, "Definitions of published counts").
//!
//! - [`Definition`]: the controlled vocabulary (`on_record`, `identified`, `active`, ...).
//! - [`Statement`]: one published figure.
//! - [`read`]: statements from CSV, XLSX/ODS, TOML or JSON, broken rows rejected with reasons.
//! - [`checks`]: the checks on statements ([`check_statements`]), the definitions funnel as
//!   data ([`Relations`]).

pub mod checks;
mod definition;
mod model;
pub mod read;
mod row;

pub use checks::{Relations, StatementFinding, check_statements};
pub use definition::Definition;
pub use model::{StatedValue, Statement};
pub use read::{StatementsRead, looks_like_statements, read_statements, read_statements_bytes};
mod compare;
mod funnel;
mod funnel_support;
mod publish;
pub use compare::{ComparedStatement, Outcome, PERCENT_TOLERANCE, compare};
pub use funnel::{
    Funnel, FunnelFigure, FunnelPart, FunnelTally, funnel, funnel_by, is_kopdes_merah_putih,
};
pub use funnel_support::{Basis, Support};
pub use publish::{STATEMENT_COLUMNS, UNKNOWN_PART, write_statements_csv};
