// The comparison rule of tests/vectors/README.md, kept identical to
// crates/koperasi/tests/vectors/compare.rs: objects compare on the expected keys only
// (recursively), arrays (of equal length) element by element, numbers within the tolerance,
// anything else exactly.

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function deepEqual(a, b) {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** `null` when `got` matches `expected`, else where and how it differs. */
export function mismatch(expected, got, tol, path = '') {
  if (isObject(expected) && isObject(got)) {
    for (const [k, ev] of Object.entries(expected)) {
      if (!Object.hasOwn(got, k)) return `${path}.${k}: missing in result`;
      const m = mismatch(ev, got[k], tol, `${path}.${k}`);
      if (m !== null) return m;
    }
    return null;
  }
  if (Array.isArray(expected) && Array.isArray(got) && expected.length === got.length) {
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(expected[i], got[i], tol, `${path}[${i}]`);
      if (m !== null) return m;
    }
    return null;
  }
  if (typeof expected === 'number' && typeof got === 'number') {
    return Math.abs(expected - got) <= tol || expected === got
      ? null
      : `${path}: got ${got}, expected ${expected} (tolerance ${tol})`;
  }
  if (deepEqual(expected, got)) return null;
  return `${path}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`;
}
