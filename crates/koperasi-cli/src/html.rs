//! `--format html`: a [`Book`] as one self-contained, printable page (no script, no external
//! file): the notes, the charts inline as SVG, then one table per section, with print CSS
//! (A4; the notes and charts on the first page, the tables after a page break; a table's
//! header row repeated on every printed page, no row split). "Print to
//! PDF" in any browser gives the report an office files.
//!
//! Every text is HTML-escaped (quick-xml's `escape`: `<`, `>`, `&`, `'`, `"`) after the
//! terminal rule ([`koperasi::io::safe::terminal_text`]), so nothing from a file is live.

use crate::book::{Book, Cell};
use crate::labels::Labels;

const STYLE: &str = "body{font-family:sans-serif;margin:2em;color:#222}\
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}\
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}\
th,td{border:1px solid #bbb;padding:.2em .5em;vertical-align:top}\
th{background:#eee;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}\
dl{display:grid;grid-template-columns:minmax(8em,30%) 1fr;gap:.2em 1em}dt{font-weight:bold}\
dd{margin:0;overflow-wrap:anywhere}\
svg{max-width:100%;height:auto}\
@page{size:A4;margin:15mm}\
@media print{body{margin:0}.charts{break-after:page}h2{break-after:avoid}\
thead{display:table-header-group}tr{break-inside:avoid}figure{break-inside:avoid}}";

fn esc(text: &str) -> String {
    quick_xml::escape::escape(koperasi::io::safe::terminal_text(text).as_ref()).into_owned()
}

/// A cell as shown, in the book's language (`1.234`, `-16,97`, `Rp 1.234,50`).
fn shown(cell: &Cell, l: &Labels) -> String {
    let dec = |s: String| if l.id { s.replace('.', ",") } else { s };
    match cell {
        Cell::Text(s) => esc(s),
        Cell::Int(n) => l.int(*n),
        Cell::Plain(n) => n.to_string(),
        Cell::Dec(x, p) => dec(format!("{x:.*}", usize::from(*p))),
        Cell::Pct(x) => dec(format!("{x:.2}")),
        Cell::Money(sen) => koperasi::locale::format_rupiah(koperasi::Rupiah::from_sen(*sen)),
        Cell::Empty => String::new(),
    }
}

/// The page: `title`, the notes, `charts` (SVG documents, inlined), the sections.
pub fn page(book: &Book, title: &str, charts: &[String]) -> String {
    let l = Labels::new(book.id);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>{}</title>\
         <style>{STYLE}</style></head><body>\n<h1>{}</h1>\n<dl>\n",
        if book.id { "id" } else { "en" },
        esc(title),
        esc(title)
    );
    for (k, v) in &book.notes {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(k), esc(v)));
    }
    out.push_str("</dl>\n");
    if !charts.is_empty() {
        // Notes and charts make the first printed page; the tables follow.
        out.push_str("<div class=\"charts\">\n");
        for svg in charts {
            // Our own chart (its texts escaped by plotters), from its `<svg` element on.
            let body = svg.find("<svg").and_then(|i| svg.get(i..)).unwrap_or(svg);
            out.push_str(&format!("<figure>{body}</figure>\n"));
        }
        out.push_str("</div>\n");
    }
    for s in &book.sections {
        out.push_str(&format!("<section><h2>{}</h2>\n", esc(&s.title)));
        if s.rows.is_empty() {
            out.push_str(&format!("<p>{}</p></section>\n", esc(l.none())));
            continue;
        }
        out.push_str("<table><thead><tr>");
        for h in &s.header {
            out.push_str(&format!("<th>{}</th>", esc(h)));
        }
        out.push_str("</tr></thead><tbody>\n");
        for row in &s.rows {
            out.push_str("<tr>");
            for c in row {
                let class = if matches!(c, Cell::Text(_) | Cell::Empty) {
                    ""
                } else {
                    " class=\"n\""
                };
                out.push_str(&format!("<td{class}>{}</td>", shown(c, &l)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table></section>\n");
    }
    out.push_str("</body></html>\n");
    out
}
