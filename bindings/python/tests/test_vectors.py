"""Runs the conformance vectors of ``tests/vectors/`` (repository root) against the Python
package, with the comparison rule of ``crates/koperasi/tests/vectors/compare.rs``: objects
compare on the expected keys only (recursively), arrays and scalars exactly, numbers within
the case's tolerance. A ``function`` this runner does not know fails the test."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import json
import math
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import pytest

import koperasi as k

ROOT = Path(__file__).resolve().parents[3] / "tests" / "vectors"


# How each vector function is called, from the manifest the three runners share: its
# parameters, ``self`` for a method, and ``python``: ``name`` (a method spelled as a function in
# the vectors), ``rename`` (vector argument -> Python parameter), ``property``, ``call`` (a
# spelling of its own, in CALLS below).
MANIFEST = ROOT / "functions.json"
FUNCTIONS: Dict[str, Dict[str, Any]] = json.loads(MANIFEST.read_text(encoding="utf-8"))["functions"]


def _files() -> List[Path]:
    return sorted(p for p in ROOT.rglob("*.json") if p != MANIFEST)


def _cases() -> List[Tuple[str, Dict[str, Any]]]:
    out = []
    for f in _files():
        doc = json.loads(f.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            out.append((f"{f.relative_to(ROOT)} / {case['name']}", case))
    return out


def _policy(v: Any) -> Optional[k.StatusPolicy]:
    if v is None:
        return None
    if isinstance(v, str):
        return k.StatusPolicy.preset(v)
    return k.StatusPolicy.from_dict(v)


def _args(args: Dict[str, Any]) -> Dict[str, Any]:
    """Dates named ``as_of``, ``date`` or ``*_date`` become ``datetime.date`` when ISO; a
    ``policy`` is a preset name or a policy object; ``koperasi`` a record dict; ``register`` and
    ``panel`` are CSV text read into a Register / Panel."""
    out: Dict[str, Any] = {}
    for name, v in args.items():
        if (name in ("as_of", "date") or name.endswith("_date")) and isinstance(v, str):
            try:
                v = dt.date.fromisoformat(v)
            except ValueError:
                pass  # passed as text: the library reads it (or refuses it)
        elif name == "policy":
            v = _policy(v)
        elif name == "koperasi":
            v = k.Koperasi.from_dict(v)
        elif name == "register":
            v = k.read_register(v).register
        elif name == "panel":
            v = k.read_panel(v).panel
        elif name == "options" and isinstance(v, dict):
            out.update(v)  # reader options are keyword arguments in Python
            continue
        out[name] = v
    return out


# The manifest's ``python.call`` entries: Python spells these operations its own way.
CALLS: Dict[str, Callable[..., Any]] = {
    "Register.len": lambda register: len(register),
    "Rupiah.to_string": lambda sen: str(k.Rupiah(sen)),
}


def _function(name: str) -> Callable[..., Any]:
    entry = FUNCTIONS.get(name)
    if entry is None:
        raise AssertionError(f"`{name}` is not in tests/vectors/functions.json")
    py = entry.get("python", {})
    if "call" in py:
        return CALLS[name]
    target = py.get("name", name)
    if "." not in target:
        if target not in k.__all__ or not callable(getattr(k, target)):
            raise AssertionError(f"the Python package has no function `{target}`")
        return getattr(k, target)  # type: ignore[no-any-return]
    cls, method = target.split(".", 1)
    this = entry.get("self")

    def call(**a: Any) -> Any:
        obj = a.pop(this) if this else getattr(k, cls)
        if "property" in py:
            return getattr(obj, py["property"])
        return getattr(obj, method)(**a)

    return call


def _json(x: Any) -> Any:
    """A result as JSON data: ``to_dict()``, dates ISO, enums and Decimals as text."""
    if isinstance(x, k.Rupiah):
        return x.sen
    if hasattr(x, "to_dict"):
        x = x.to_dict()
    if isinstance(x, enum.Enum):
        return x.value
    if isinstance(x, (dt.date, dt.datetime)):
        return x.isoformat()
    if isinstance(x, decimal.Decimal):
        return str(x)
    if isinstance(x, dict):
        return {str(_json(kk)): _json(v) for kk, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_json(v) for v in x]
    return x


def mismatch(expected: Any, got: Any, tol: float, path: str = "") -> Optional[str]:
    """The rule of compare.rs: ``None`` when ``got`` matches ``expected``."""
    if isinstance(expected, dict) and isinstance(got, dict):
        for key, ev in expected.items():
            if key not in got:
                return f"{path}.{key}: missing in result"
            why = mismatch(ev, got[key], tol, f"{path}.{key}")
            if why:
                return why
        return None
    if isinstance(expected, list) and isinstance(got, list) and len(expected) == len(got):
        for i, (ev, gv) in enumerate(zip(expected, got)):
            why = mismatch(ev, gv, tol, f"{path}[{i}]")
            if why:
                return why
        return None
    num = (int, float)
    if (
        isinstance(expected, num)
        and isinstance(got, num)
        and not isinstance(expected, bool)
        and not isinstance(got, bool)
    ):
        e, g = float(expected), float(got)
        if abs(e - g) <= tol or e == g or (math.isnan(e) and math.isnan(g) and False):
            return None
        return f"{path}: got {g}, expected {e} (tolerance {tol})"
    if type(expected) is type(got) and expected == got:
        return None
    return f"{path}: got {json.dumps(got)}, expected {json.dumps(expected)}"


CASES = _cases()


def test_there_are_vectors() -> None:
    assert len(CASES) > 100, len(CASES)


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[n for n, _ in CASES])
def test_vector(case: Dict[str, Any]) -> None:
    entry = FUNCTIONS.get(case["function"], {})
    allowed = set(entry.get("params", [])) | {entry.get("self")}
    extra = set(case["args"] or {}) - allowed
    assert not extra, f"`{case['function']}` takes no argument {sorted(extra)} (manifest)"
    fn = _function(case["function"])
    tol = float(case.get("tolerance", 0.0))
    assert ("expected" in case) != ("error" in case), "a case needs exactly one of expected, error"
    args = _args(case["args"])
    for old, new in entry.get("python", {}).get("rename", {}).items():
        if old in args:
            args[new] = args.pop(old)
    try:
        res = fn(**args)
        # A collection whose vector pins its serde shape (an array of objects) compares as
        # that array (``to_list()``); otherwise as columns (``to_dict()``).
        if isinstance(case.get("expected"), list) and hasattr(res, "to_list"):
            res = res.to_list()
        elif isinstance(res, k.StatusSeries):
            res = res.to_serde()
        got = _json(res)
    except k.KoperasiError as e:
        assert "error" in case, f"error `{e.code}` ({e}), expected {json.dumps(case['expected'])}"
        if isinstance(case["error"], dict):
            # An error vector pins the fields of the error (tests/vectors/errors).
            fields = {"code": e.code, "line": e.line, "column": e.column, "value": e.value}
            why = mismatch(case["error"], {**fields, "details": e.details}, 0.0, "error")
            assert why is None, f"{why} ({e})"
            return
        assert e.code == case["error"], f"error `{e.code}` ({e}), expected `{case['error']}`"
        return
    assert "expected" in case, f"got {json.dumps(got)}, expected error `{case['error']}`"
    why = mismatch(case["expected"], got, tol)
    assert why is None, why
