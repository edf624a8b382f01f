"""Definition sensitivity from Python (issue 20): ``Register.compare_policies`` on the synthetic
register whose figures an independent pandas script computed
(``tests/data/policy_compare/expected.json``)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import koperasi as k

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "policy_compare"


def _register() -> k.Register:
    return k.read_register(DATA / "register.csv").register


def test_matches_the_pandas_figures() -> None:
    want = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    c = _register().compare_policies(
        dt.date(2025, 7, 1),
        ["national", k.StatusPolicy.office(), k.StatusPolicy.permenkop_25_2015()],
    )
    assert isinstance(c, k.PolicyComparison)
    assert c.as_of == dt.date(2025, 7, 1)
    assert c.records == 120
    assert [p.counts for p in c.policies] == [p["counts"] for p in want["policies"]]
    pick = lambda p: (p["policy"], p["counts"])  # noqa: E731
    assert list(map(pick, c.to_dict()["policies"])) == list(map(pick, want["policies"]))
    for got, exp in zip(c.pairs, want["pairs"]):
        assert (got.from_, got.to, got.same, got.changed) == (
            exp["from"], exp["to"], exp["same"], exp["changed"],
        )
        assert got.to_dict()["cross"] == exp["cross"]
        key = lambda g: (g["from_reason"], g["to_reason"], g["rat_held"], tuple(g["records"]))  # noqa: E731
        changes = got.to_dict()["changes"]
        assert sorted(map(key, changes)) == sorted(map(key, exp["changes"]))
        assert [g.records for g in got.changes] == [tuple(g["records"]) for g in changes]
    # The groups (dataclasses) go straight into pandas, one row per group.
    import pandas as pd

    df = pd.DataFrame(c.pairs[1].changes)
    assert int(df["count"].sum()) == 65
    assert df.iloc[0]["signature"].startswith("RAT held for 2 of the last 3 book years")


def test_module_function_and_errors() -> None:
    reg = _register()
    c = k.compare_policies(reg, "2025-07-01", ["permenkop_25_2015"])
    assert c.pairs == () and c.policies[0].counts["active"] == 20
    with pytest.raises(k.PolicyError) as e:
        reg.compare_policies("2025-07-01", ["office", "office"])
    assert e.value.code == "policy_invalid"
    with pytest.raises(k.PolicyError) as e:
        reg.compare_policies("2025-07-01", ["permenkop"])
    assert e.value.code == "policy_unknown_preset"
