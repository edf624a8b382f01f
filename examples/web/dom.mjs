// DOM helpers shared by the dashboard's modules (app, statements, kopdes, kopdes-coverage).

/** An element `tag` with its attributes (`undefined`/`null` left out) and children (nodes or text). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [a, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(a, v);
  for (const c of children.flat()) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/** An SVG element `tag` with its attributes and, when given, its text. */
export function svg(tag, attrs = {}, text) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [a, v] of Object.entries(attrs)) e.setAttribute(a, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}
