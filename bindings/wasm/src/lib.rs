//! JavaScript (WASM) bindings of koperasi (issue 4: being built).
