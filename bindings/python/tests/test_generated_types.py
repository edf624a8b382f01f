"""Drift between the Rust result types and the generated Python types (issue 16).

``koperasi._types`` is generated from ``schema/koperasi.schema.json``, itself generated from
the Rust serde types (``tools/gen-types/regen.sh``). These tests fail when a Rust field has no
Python counterpart: the schema and the dataclasses disagree (the Python side was not
regenerated), or a real result of the native module (built from the Rust of now) has a key
that the committed types do not know (nothing was regenerated).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import typing
from typing import Any, Dict, List

import pytest

import koperasi as k
from koperasi import _koperasi as _k
from koperasi import _types as gt
from koperasi._convert import OMIT
from conftest import BOGOR, JATIM, REPO

SCHEMA = json.loads((REPO / "schema" / "koperasi.schema.json").read_text(encoding="utf-8"))
DEFS: Dict[str, Any] = SCHEMA["$defs"]
REGEN = "run tools/gen-types/regen.sh"


def _json_names(cls: type) -> Dict[str, dataclasses.Field]:  # type: ignore[type-arg]
    return {f.metadata.get("json", f.name): f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]


def test_every_schema_object_has_its_dataclass_with_the_same_fields() -> None:
    objects = [n for n, d in DEFS.items() if "properties" in d and "oneOf" not in d]
    assert len(objects) > 100
    for name in objects:
        cls = getattr(gt, name, None)
        assert cls is not None and dataclasses.is_dataclass(cls), f"no dataclass {name}: {REGEN}"
        props = set(DEFS[name]["properties"])
        fields = set(_json_names(cls))
        assert fields == props, f"{name}: schema {sorted(props ^ fields)} differ: {REGEN}"
        required = set(DEFS[name].get("required", []))
        omitted = {n for n, f in _json_names(cls).items() if f.metadata.get(OMIT)}
        assert omitted == props - required, name


def test_every_string_enum_has_the_same_values() -> None:
    for name, d in DEFS.items():
        if "oneOf" in d and all("const" in x and x.get("type") == "string" for x in d["oneOf"]):
            values = [x["const"] for x in d["oneOf"]]
            assert [e.value for e in getattr(gt, name)] == values, f"{name}: {REGEN}"
    assert list(gt.ROOTS) == SCHEMA["x-roots"]


def _walk(tp: Any, raw: Any, at: str, seen: List[str]) -> None:
    """Every key of ``raw`` (a native result, serde shape) is a field of the dataclass that
    types it, and every field serde always writes is there; recursively."""
    if raw is None:
        return
    origin = typing.get_origin(tp)
    if origin is typing.Union:
        alts = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(alts) == 1:
            _walk(alts[0], raw, at, seen)
        return
    if origin is tuple:
        args = typing.get_args(tp)
        for i, x in enumerate(raw):
            _walk(args[0] if args[-1] is Ellipsis else args[i], x, f"{at}[{i}]", seen)
        return
    if origin is dict:
        for key, x in raw.items():
            _walk(typing.get_args(tp)[1], x, f"{at}.{key}", seen)
        return
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        names = _json_names(tp)
        extra = sorted(set(raw) - set(names))
        assert not extra, f"{at}: Rust field(s) {extra} have no counterpart in {tp.__name__}: {REGEN}"
        always = {n for n, f in names.items() if not f.metadata.get(OMIT)}
        missing = sorted(always - set(raw))
        assert not missing, f"{at}: {tp.__name__} fields {missing} not in the Rust result: {REGEN}"
        seen.append(tp.__name__)
        hints = typing.get_type_hints(tp)
        for key, x in raw.items():
            _walk(hints[names[key].name], x, f"{at}.{key}", seen)


def _check(name: str, raw: Any) -> List[str]:
    seen: List[str] = []
    _walk(getattr(gt, name), raw, name, seen)
    return seen


def test_real_results_have_exactly_the_generated_fields() -> None:
    _, g, rep = _k.read(None, str(BOGOR), layout="register")
    assert rep["rows_read"] == 398 and rep["accepted"] == 398
    seen = _check("ReadReport", rep)
    assert "Rejection" in seen or rep["rejected"] == []
    reg = k.Register(g)
    for i in range(len(reg)):
        _check("Assessment", _k.assess(reg[i]._r, "2022-08-15", None))
    assert "Koperasi" in _check("Register", g.to_dict())
    report = _k.build_report(
        None, str(BOGOR), "bogor", "2022-08-15", None, None, [], None, None, None, None, None,
        False, None, None, None,
    )
    assert report.pop("kind") == "register"  # the tag of the Rust enum Report
    assert _check("RegisterReport", report)[0] == "RegisterReport"
    _, _, prep = _k.read(None, str(JATIM), layout="panel")
    assert "Shape" in _check("ReadReport", prep)


def test_distribution_year_end_is_a_date_and_to_dict_keys_are_the_schemas() -> None:
    plan = k.shu_plan_from_toml(
        '[[components]]\ncomponent = "cadangan"\nbasis_points = 4000\n'
        '[[components]]\ncomponent = "jasa_modal"\nbasis_points = 6000\nbase = "capital"\n'
    )
    members = [{"id": "A", "savings": {"wajib": 100}}, {"id": "B", "savings": {"wajib": 300}}]
    raw, _ = _k.shu_distribute(k.shu._plan(plan), k.shu._members(members), 100_000, 2024, None)
    assert "MemberShu" in _check("Distribution", raw)
    d = k.shu_distribute(plan, members, 100_000, 2024)
    assert d.year_end == dt.date(2024, 12, 31) and type(d.year_end) is dt.date
    # 60% of 1,000 rupiah shared 1:3 by capital: 150 and 450 rupiah, in sen.
    assert [m.total for m in d.members] == [15_000, 45_000]
    assert set(d.to_dict()) == set(DEFS["Distribution"]["properties"])
    assert d.to_dict()["year_end"] == dt.date(2024, 12, 31)


def test_assessment_to_dict_keys_are_the_schemas() -> None:
    reg = k.read_register(BOGOR).register
    a = reg.assess_all(dt.date(2022, 8, 15))[0]
    assert type(a) is gt.Assessment and type(a.as_of) is dt.date
    assert set(a.to_dict()) == set(DEFS["Assessment"]["properties"])
    assert k.Assessment._from(a.to_dict()) == a


@pytest.mark.parametrize("name", ["Assessment", "Reason", "Distribution", "ReadReport", "Member"])
def test_docstrings_come_from_the_rust_docs(name: str) -> None:
    assert (getattr(gt, name).__doc__ or "").strip().startswith(
        re.split(r"[\[`\n]", DEFS[name]["description"])[0].strip()
    )
