//! The comparison rule of `tests/vectors/README.md`: objects compare on the expected keys only
//! (recursively), arrays and scalars exactly, numbers within the case's tolerance.
use serde_json::Value;

/// `None` when `got` matches `expected`, else where and how it differs.
pub fn mismatch(expected: &Value, got: &Value, tol: f64, path: &str) -> Option<String> {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => e.iter().find_map(|(k, ev)| match g.get(k) {
            Some(gv) => mismatch(ev, gv, tol, &format!("{path}.{k}")),
            None => Some(format!("{path}.{k}: missing in result")),
        }),
        (Value::Array(e), Value::Array(g)) if e.len() == g.len() => e
            .iter()
            .zip(g)
            .enumerate()
            .find_map(|(i, (ev, gv))| mismatch(ev, gv, tol, &format!("{path}[{i}]"))),
        (Value::Number(e), Value::Number(g)) => {
            let (e, g) = (
                e.as_f64().unwrap_or(f64::NAN),
                g.as_f64().unwrap_or(f64::NAN),
            );
            ((e - g).abs() <= tol || e == g).then_some(()).map_or_else(
                || Some(format!("{path}: got {g}, expected {e} (tolerance {tol})")),
                |()| None,
            )
        }
        _ if expected == got => None,
        _ => Some(format!("{path}: got {got}, expected {expected}")),
    }
}
