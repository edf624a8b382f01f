//! Python bindings of koperasi (issue 3: being built).
