"""Live check of :func:`koperasi.kaplan_meier` against lifelines' ``KaplanMeierFitter`` on
random data (seeded): survival, confidence interval, median, with censoring, ties (integer
durations) and late entry (left truncation), at several alphas. The stored vectors
(``tests/vectors/demography/km_*.json``) pin lifelines 0.30's figures; this test re-derives
them from whatever lifelines is installed, on data the vectors do not hold.

Skipped (with the reason) when lifelines is not installed; CI installs it
(``.ci/parts/20-python.sh``)."""

from __future__ import annotations

import math
import random
from typing import Any, List, Optional, Tuple

import pytest

import koperasi as k

lifelines = pytest.importorskip(
    "lifelines", reason="lifelines is not installed (pip install lifelines) - the live "
    "Kaplan-Meier comparison needs it; CI installs it in .ci/parts/20-python.sh"
)

TOL = 1e-9


def _data(
    seed: int, n: int, integer: bool, p_entry: float
) -> Tuple[List[float], List[bool], Optional[List[float]]]:
    """Coops followed from founding (or from a later entry age) to death or to the as-of
    date: exponential lifetimes, uniform as-of ages; ``integer`` rounds up to whole years
    (many ties)."""
    rng = random.Random(seed)
    durations: List[float] = []
    observed: List[bool] = []
    entry: List[float] = []
    for _ in range(n):
        window = rng.uniform(0.5, 15.0)
        life = rng.expovariate(rng.choice([0.08, 0.15, 0.3]))
        if integer:
            window, life = float(math.ceil(window)), float(math.ceil(life))
        d = min(life, window)
        durations.append(round(d, 6) if not integer else d)
        observed.append(life <= window)
        e = rng.uniform(0.0, d * 0.9) if rng.random() < p_entry else 0.0
        entry.append(float(math.floor(e)) if integer else round(e, 6))
    return durations, observed, (entry if p_entry > 0 else None)


CASES = [
    # (seed, n, integer durations, share entering late, alpha)
    (1, 40, False, 0.0, 0.05),
    (2, 300, True, 0.0, 0.05),
    (3, 250, False, 0.4, 0.05),
    (4, 500, True, 0.5, 0.10),
    (5, 1000, False, 0.3, 0.01),
    (6, 120, True, 0.0, 0.20),
]


@pytest.mark.parametrize("seed,n,integer,p_entry,alpha", CASES)
def test_matches_lifelines(seed: int, n: int, integer: bool, p_entry: float, alpha: float) -> None:
    durations, observed, entry = _data(seed, n, integer, p_entry)
    assert any(observed) and not all(observed)  # censoring present
    km = k.kaplan_meier(durations, observed, entry=entry, alpha=alpha)

    kmf = lifelines.KaplanMeierFitter(alpha=alpha)
    kw: dict[str, Any] = {} if entry is None else {"entry": entry}
    kmf.fit(durations, observed, **kw)

    timeline = [float(t) for t in kmf.timeline]
    assert km.timeline == pytest.approx(timeline, abs=TOL, rel=0)
    sf = [float(x) for x in kmf.survival_function_.iloc[:, 0]]
    ci = kmf.confidence_interval_
    lower = [float(x) for x in ci.iloc[:, 0]]
    upper = [float(x) for x in ci.iloc[:, 1]]
    assert km.survival == pytest.approx(sf, abs=TOL, rel=0)
    assert km.ci_lower == pytest.approx(lower, abs=TOL, rel=0, nan_ok=True)
    assert km.ci_upper == pytest.approx(upper, abs=TOL, rel=0, nan_ok=True)
    median = float(kmf.median_survival_time_)
    if math.isinf(median):
        assert km.median is None
    else:
        assert km.median == pytest.approx(median, abs=TOL, rel=0)
    # S(t) between timeline points is the step value (lifelines' predict)
    for t in (0.25, 1.5, 3.0, 7.77, 12.0):
        assert km.survival_at(t) == pytest.approx(float(kmf.predict(t)), abs=TOL, rel=0)
    # event counts of lifelines' event table; at-risk counts too without late entry (with
    # entry, lifelines' table counts the units entering at t as at risk at t, while the
    # estimate - and koperasi's `at_risk` - leaves them out: DOMAIN.md 5.4)
    table = kmf.event_table
    assert km.to_dict()["events"] == [int(x) for x in table["observed"]]
    if entry is None:
        assert km.to_dict()["at_risk"] == [int(x) for x in table["at_risk"]]
