// Files the dashboard hands out: bytes saved through a link (no server), and the report shown
// as one self-contained HTML page (its styles inline, the chart as an image) to print or file.

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

/** Save `bytes` (Uint8Array or string) as file `name`; the type comes from its extension. */
export function save(bytes, name) {
  const ext = name.slice(name.lastIndexOf('.') + 1);
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME[ext] ?? 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from the source's name: `laporan-<stem>.<ext>` (letters, digits, - and _ kept). */
export function fileName(prefix, source, ext) {
  const stem = String(source ?? 'koperasi')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${prefix}-${stem || 'koperasi'}.${ext}`;
}

/** Every CSS rule of the page as text (inline and same-origin sheets). */
function pageCss() {
  const out = [];
  for (const sheet of document.styleSheets) {
    try {
      for (const rule of sheet.cssRules) out.push(rule.cssText);
    } catch {
      // a sheet the page may not read (another origin): left out
    }
  }
  return out.join('\n');
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * The report element `main` as a standalone HTML page: title, a line saying when it was
 * made, the report's HTML with each chart canvas replaced by its PNG image, the page's CSS.
 */
export function reportHtml(main, { lang, title, generated }) {
  const copy = main.cloneNode(true);
  const canvases = main.querySelectorAll('canvas');
  copy.querySelectorAll('canvas').forEach((c, i) => {
    const img = document.createElement('img');
    img.src = canvases[i].toDataURL('image/png');
    img.alt = title;
    img.style.maxWidth = '100%';
    c.replaceWith(img);
  });
  copy.querySelectorAll('.no-export').forEach((n) => n.remove());
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${pageCss()}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="note">${escapeHtml(generated)}</p>
${copy.outerHTML}
</body>
</html>
`;
}
