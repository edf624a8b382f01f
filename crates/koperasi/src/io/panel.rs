//! Reading a panel of published counts (region x period x measure) from CSV.
//!
//! STUB: the full implementation replaces this file. The signatures are the contract.

use super::{ReadOptions, ReadReport};
use crate::error::ReadError;
use crate::stats::Panel;

/// Read a panel CSV.
pub fn read_panel<R: std::io::Read>(
    input: R,
    options: &ReadOptions,
) -> Result<(Panel, ReadReport), ReadError> {
    let _ = (input, options);
    Ok((Panel::default(), ReadReport::default()))
}

/// True when the header looks like a panel (stub).
pub fn looks_like_panel(headers: &[String]) -> bool {
    headers
        .iter()
        .any(|h| super::headers::normalize_header(h).contains("periode"))
}
