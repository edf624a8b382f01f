//! Reports: what `koperasi report` shows, as data (rendering is the caller's job).
