//! The `koperasi` command.
fn main() {}
