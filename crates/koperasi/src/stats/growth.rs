//! Growth statistics.
