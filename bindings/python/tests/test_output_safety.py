"""The output-safety rule of the core (koperasi::io::safe), as Python code uses it to write
CSV, markdown or terminal text: hostile cells never start a formula, reading the written CSV
back gives the original values (the reader removes the escape), terminal and markdown text
carry no raw control or bidi character."""

from __future__ import annotations

import csv
import io
import re

import koperasi as k

HOSTILE = [
    '=HYPERLINK("http://x","klik")',
    "=1+1",
    "@SUM(1+1)",
    "+62812",
    "-1+1",
    "\t=1",
    "\r=1",
    "'=1+1",
    "''",
    "-5",
    "KSP Maju",
    "\x1b[2J\u202eKop",
    "a|b<script>`c`\nd",
]

UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def live(cell: str) -> bool:
    if cell.startswith("-"):
        return re.fullmatch(r"-[0-9][0-9.,]*", cell) is None
    return cell[:1] in ("=", "+", "@", "\t", "\r")


def test_documented_values() -> None:
    assert k.safe_csv_cell("=1+1") == "'=1+1"
    assert k.safe_csv_cell("-5") == "'-5"
    assert k.safe_csv_cell("-5", numeric=True) == "-5"
    assert k.safe_csv_cell("'=1+1") == "''=1+1"
    assert k.safe_csv_cell("KSP Maju") == "KSP Maju"
    assert k.safe_terminal_text("\x1b[2J\u202eKop") == "\\u{1b}[2J\\u{202e}Kop"
    assert k.safe_markdown_cell("a|b<script>`c`\nd") == "a\\|b&lt;script&gt;\\`c\\`<br>d"


def test_written_csv_is_inert_and_reads_back() -> None:
    out = io.StringIO(newline="")
    w = csv.writer(out)
    w.writerow(["nama_koperasi", "keterangan"])
    for i, h in enumerate(HOSTILE):
        w.writerow([f"KSP {i}", k.safe_csv_cell(h)])
    text = out.getvalue()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert not [c for r in rows for c in r if live(c)], text
    # The register reader removes the escape: the extra column holds the original values.
    reg = k.read_register(text).register
    extra = [dict(e)["keterangan"] for e in reg.records.column("extra")]
    assert extra == HOSTILE


def test_terminal_and_markdown_text_have_no_raw_control_character() -> None:
    for h in HOSTILE + ["\u200f\u2066x\u2069\x85\x07"]:
        assert not UNSAFE.search(k.safe_terminal_text(h)), repr(h)
        m = k.safe_markdown_cell(h)
        assert not UNSAFE.search(m) and "\n" not in m, repr(h)
        assert "<" not in m.replace("<br>", ""), repr(h)
