//! Text encodings of CSV files: UTF-8 (with or without a byte-order mark), Windows-1252 (the
//! code page in which Excel on an Indonesian or English Windows saves "CSV" by default) and
//! UTF-16 (Excel's "Unicode Text").
//!
//! The decision is made once per file, on its first 64 KiB (see [`super::read_any`]): bytes
//! that are not valid UTF-8 there mean Windows-1252 (a UTF-16 byte-order mark or NUL bytes in
//! every other position mean UTF-16), and the whole file is converted to UTF-8
//! with `encoding_rs` (the WHATWG Encoding Standard's converter). The read report says so in
//! [`super::ReadReport::encoding`].

/// The encoding of a file, as decided from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 (a leading byte-order mark is skipped by the readers).
    Utf8,
    /// Windows-1252 (a superset of ISO-8859-1 for text), converted to UTF-8.
    Windows1252,
    /// UTF-16 little-endian (Excel's "Unicode Text"), converted to UTF-8.
    Utf16Le,
    /// UTF-16 big-endian, converted to UTF-8.
    Utf16Be,
}

impl TextEncoding {
    /// The WHATWG name of the encoding: `utf-8`, `windows-1252`, `utf-16le` or `utf-16be`.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Windows1252 => "windows-1252",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
        }
    }

    fn encoding_rs(self) -> &'static encoding_rs::Encoding {
        match self {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
        }
    }
}

/// Decide the encoding of a file from its first bytes `head`: UTF-16 when it starts with a
/// UTF-16 byte-order mark, or when NUL bytes fill every other position of the first bytes (the
/// ASCII text of a header in UTF-16 without a mark); else UTF-8 when they are valid UTF-8 (a
/// multi-byte character cut by the end of `head` is allowed); else Windows-1252.
pub fn detect_encoding(head: &[u8]) -> TextEncoding {
    match head {
        [0xff, 0xfe, ..] => return TextEncoding::Utf16Le,
        [0xfe, 0xff, ..] => return TextEncoding::Utf16Be,
        _ => {}
    }
    let sample = head.get(..head.len().min(64)).unwrap_or_default();
    if sample.len() >= 4 {
        let nul_at = |parity: usize| {
            sample
                .iter()
                .enumerate()
                .all(|(i, b)| (i % 2 == parity) == (*b == 0))
        };
        if nul_at(1) {
            return TextEncoding::Utf16Le;
        }
        if nul_at(0) {
            return TextEncoding::Utf16Be;
        }
    }
    match std::str::from_utf8(head) {
        Ok(_) => TextEncoding::Utf8,
        // Only an incomplete character at the very end: still UTF-8.
        Err(e) if e.error_len().is_none() => TextEncoding::Utf8,
        Err(_) => TextEncoding::Windows1252,
    }
}

/// Convert Windows-1252 bytes to UTF-8 text (every byte maps to one character).
pub(crate) fn decode_windows_1252(bytes: &[u8]) -> String {
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// A reader converting input in `encoding` to UTF-8 on the fly, with one streaming decoder
/// (a character cut between two chunks is kept for the next), a byte-order mark removed.
/// Malformed sequences become U+FFFD.
pub(crate) struct DecodingReader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R> DecodingReader<R> {
    pub(crate) fn new(encoding: TextEncoding, inner: R) -> Self {
        DecodingReader {
            inner,
            decoder: encoding.encoding_rs().new_decoder_with_bom_removal(),
            raw: vec![0; 8192],
            out: Vec::new(),
            pos: 0,
            done: false,
        }
    }
}

impl<R: std::io::Read> std::io::Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pos >= self.out.len() {
            if self.done {
                return Ok(0);
            }
            let n = self.inner.read(&mut self.raw)?;
            let last = n == 0;
            let src = self.raw.get(..n).unwrap_or_default();
            let cap = self
                .decoder
                .max_utf8_buffer_length(src.len())
                .unwrap_or(src.len().saturating_mul(3).saturating_add(16));
            self.out.clear();
            self.out.resize(cap, 0);
            let (_, _, written, _) = self.decoder.decode_to_utf8(src, &mut self.out, last);
            self.out.truncate(written);
            self.pos = 0;
            self.done = last;
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
