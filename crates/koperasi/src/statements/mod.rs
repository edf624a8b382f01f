//! Published statements: the figures an office or a newspaper says about cooperatives, each
//! with its definition, the date it was said and the date or period it describes, so that
//! figures of different definitions are never compared as if they were one series
//! (DOMAIN.md, "Definitions of published counts").
//!
//! - [`Definition`]: the controlled vocabulary (`on_record`, `identified`, `active`, ...).
//! - [`Statement`]: one published figure.

mod definition;
mod model;

pub use definition::Definition;
pub use model::{StatedValue, Statement};
