//! Text encodings of CSV files: UTF-8 (with or without a byte-order mark) and Windows-1252,
//! the code page in which Excel on an Indonesian or English Windows saves "CSV" by default.
//!
//! The decision is made once per file, on its first 64 KiB (see [`super::read_any`]): bytes
//! that are not valid UTF-8 there mean Windows-1252, and the whole file is converted to UTF-8
//! with `encoding_rs` (the WHATWG Encoding Standard's converter). The read report says so in
//! [`super::ReadReport::encoding`].

/// The encoding of a file, as decided from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 (a leading byte-order mark is skipped by the readers).
    Utf8,
    /// Windows-1252 (a superset of ISO-8859-1 for text), converted to UTF-8.
    Windows1252,
}

impl TextEncoding {
    /// The WHATWG name of the encoding: `utf-8` or `windows-1252`.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Windows1252 => "windows-1252",
        }
    }
}

/// Decide the encoding of a file from its first bytes `head`: UTF-8 when they are valid
/// UTF-8 (a multi-byte character cut by the end of `head` is allowed), else Windows-1252.
pub fn detect_encoding(head: &[u8]) -> TextEncoding {
    match std::str::from_utf8(head) {
        Ok(_) => TextEncoding::Utf8,
        // Only an incomplete character at the very end: still UTF-8.
        Err(e) if e.error_len().is_none() => TextEncoding::Utf8,
        Err(_) => TextEncoding::Windows1252,
    }
}

/// Convert Windows-1252 bytes to UTF-8 text (every byte maps to one character).
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// A reader converting Windows-1252 input to UTF-8 on the fly. Windows-1252 is a single-byte
/// encoding, so each chunk converts on its own.
pub(crate) struct Windows1252Reader<R> {
    inner: R,
    out: Vec<u8>,
    pos: usize,
    raw: Vec<u8>,
}

impl<R> Windows1252Reader<R> {
    pub(crate) fn new(inner: R) -> Self {
        Windows1252Reader {
            inner,
            out: Vec::new(),
            pos: 0,
            raw: vec![0; 8192],
        }
    }
}

impl<R: std::io::Read> std::io::Read for Windows1252Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos >= self.out.len() {
            let n = self.inner.read(&mut self.raw)?;
            if n == 0 {
                return Ok(0);
            }
            self.out = decode_windows_1252(self.raw.get(..n).unwrap_or_default()).into_bytes();
            self.pos = 0;
        }
        let rest = self.out.get(self.pos..).unwrap_or_default();
        let n = rest.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), rest.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.pos += n;
        Ok(n)
    }
}
