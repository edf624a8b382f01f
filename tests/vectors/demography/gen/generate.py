#!/usr/bin/env python3
"""Generate the Kaplan-Meier input data sets (seeded, standard library only).

Writes km_inputs.json.in (not .json: the vector runners read every .json file) beside this file: a list of data sets, each with durations (years from
founding), event_observed (1 = death observed, 0 = censored at the as-of date), optional entry
(left truncation: age when the coop came under observation) and alpha. lifelines_expected.py
turns them into conformance vectors with lifelines' KaplanMeierFitter.

    python3 generate.py && python3 lifelines_expected.py
"""
import json
import random
from pathlib import Path


def coop_lifetimes(rng, n, as_of_age_max, death_rate, integer):
    """Founding at a random time before as-of; lifetime exponential; censored at as-of."""
    durations, observed = [], []
    for _ in range(n):
        window = rng.uniform(1, as_of_age_max)  # age at the as-of date
        life = rng.expovariate(death_rate)
        if integer:
            window, life = float(int(window) + 1), float(int(life) + 1)
        if life <= window:
            durations.append(round(life, 6))
            observed.append(1)
        else:
            durations.append(round(window, 6))
            observed.append(0)
    return durations, observed


def with_entry(rng, durations, observed, integer, p_entry):
    """Some coops were founded before the observation window opened: they enter at an age
    below their duration (units that died before entering are never seen)."""
    entry = []
    for d in durations:
        if rng.random() < p_entry:
            e = rng.uniform(0, d * 0.8)
            e = float(int(e)) if integer else round(e, 6)
            entry.append(min(e, d))
        else:
            entry.append(0.0)
    return entry


def main():
    rng = random.Random(20250601)
    sets = []

    d = [float(rng.randint(1, 12)) for _ in range(40)]
    sets.append(dict(name="km_no_censoring", description="40 coops, integer lifetimes, every death observed (ties)",
                     durations=d, event_observed=[1] * len(d), entry=None, alpha=0.05))

    d, o = coop_lifetimes(rng, 80, 15, 0.12, integer=True)
    sets.append(dict(name="km_censoring_integer", description="80 coops, integer years, right-censored at the as-of date (ties of deaths and censoring)",
                     durations=d, event_observed=o, entry=None, alpha=0.05))

    d, o = coop_lifetimes(rng, 150, 20, 0.08, integer=False)
    sets.append(dict(name="km_censoring_continuous", description="150 coops, continuous lifetimes, right-censored",
                     durations=d, event_observed=o, entry=None, alpha=0.05))

    d, o = coop_lifetimes(rng, 120, 25, 0.06, integer=False)
    e = with_entry(rng, d, o, integer=False, p_entry=0.4)
    sets.append(dict(name="km_entry_continuous", description="120 coops, 40% founded before the window opened (left truncation, entry), right-censored",
                     durations=d, event_observed=o, entry=e, alpha=0.05))

    d, o = coop_lifetimes(rng, 100, 18, 0.1, integer=True)
    e = with_entry(rng, d, o, integer=True, p_entry=0.3)
    sets.append(dict(name="km_entry_integer", description="100 coops, integer years with ties between entries, deaths and censoring",
                     durations=d, event_observed=o, entry=e, alpha=0.05))

    d, o = coop_lifetimes(rng, 60, 10, 0.05, integer=False)
    sets.append(dict(name="km_median_not_reached", description="60 coops, heavy censoring: S never falls to 0.5 (median null, lifelines inf)",
                     durations=d, event_observed=o, entry=None, alpha=0.05))

    d, o = coop_lifetimes(rng, 70, 12, 0.15, integer=True)
    sets.append(dict(name="km_alpha_10", description="70 coops, 90% interval (alpha 0.1)",
                     durations=d, event_observed=o, entry=None, alpha=0.1))

    Path(__file__).with_name("km_inputs.json.in").write_text(json.dumps(sets, indent=1) + "\n")


if __name__ == "__main__":
    main()
