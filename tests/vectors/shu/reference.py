#!/usr/bin/env python3
"""Independent reference for the SHU vectors: exact Fraction arithmetic, written from the rule
in docs/DOMAIN.md 3.6 (not from the Rust code). Run it to print the expected values used in the
JSON files beside it; `python3 reference.py --check` asserts the DOMAIN.md 3.4 figures."""
from fractions import Fraction as F
import math, sys


def rnd(x, policy):
    q = math.floor(x)
    r = x - q
    if policy == "floor":
        return q
    if policy == "half_up":
        return q + (1 if r >= F(1, 2) and r > 0 else 0)
    if policy == "half_even":
        return q + (1 if r > F(1, 2) or (r == F(1, 2) and q % 2 == 1) else 0)
    raise ValueError(policy)


def apportion(total, bases, policy="floor", reconcile=True, g=1):
    units = total // g
    den = sum(bases)
    if den == 0:
        return [0] * len(bases), total
    exact = [F(b * units, den) for b in bases]
    v = [rnd(x, policy) for x in exact]
    diff = units - sum(v)
    if reconcile and diff != 0:
        # receive: larger (exact - v), larger base, earlier index; give back: the reverse
        order = sorted(range(len(bases)), key=lambda i: (-(exact[i] - v[i]), -bases[i], i))
        if diff < 0:
            order = order[::-1]
        for i in order[: abs(diff)]:
            v[i] += 1 if diff > 0 else -1
    amounts = [x * g for x in v]
    return amounts, total - sum(amounts)


def rp(x):
    return x * 100


def check():
    # T1: JM 30 % of 5,000,000 by savings 500,000 / 20,000,000; JP 20 % by loans 600,000 / 12,500,000
    jm = apportion(rp(1_500_000), [rp(500_000), rp(19_500_000)])[0][0]
    jp = apportion(rp(1_000_000), [rp(600_000), rp(11_900_000)])[0][0]
    assert (jm, jp, jm + jp) == (rp(37_500), rp(48_000), rp(85_500))
    # T2
    jm = apportion(rp(12_000_000), [rp(2_000_000), rp(98_000_000)])[0][0]
    ju = apportion(rp(15_000_000), [rp(5_000_000), rp(70_000_000)])[0][0]
    assert jm + ju == rp(1_240_000)
    # T4
    a = apportion(rp(1_250_000), [rp(8_000_000), rp(12_000_000)])[0][0]
    b = apportion(rp(1_000_000), [rp(1_000_000), rp(39_000_000)])[0][0]
    c = apportion(rp(1_000_000), [rp(2_400_000), rp(9_600_000)])[0][0]
    assert (a, b, c, a + b + c) == (rp(500_000), rp(25_000), rp(200_000), rp(725_000))
    # N1: 266,666.666... is 26,666,666.67 sen; floor + largest remainder gives the member the sen
    jm = apportion(rp(4_000_000), [rp(2_000_000), rp(28_000_000)])
    ju = apportion(rp(6_000_000), [rp(2_000_000), rp(48_000_000)])
    assert jm[0] == [26_666_667, 373_333_333] and ju[0][0] == rp(240_000)
    assert jm[0][0] + ju[0][0] == 50_666_667  # Rp 506.666,67, not the published 5.066.667
    assert apportion(rp(4_000_000), [rp(2_000_000), rp(28_000_000)], "floor", False) == ([26_666_666, 373_333_333], 1)
    assert apportion(rp(4_000_000), [rp(2_000_000), rp(28_000_000)], "half_up", False) == ([26_666_667, 373_333_333], 0)
    print("DOMAIN 3.4 figures: ok")


if __name__ == "__main__":
    check()
    for args in [
        (100, [1, 1, 1], "floor", True), (100, [1, 1, 1], "floor", False),
        (10, [1, 3], "floor", False), (10, [1, 3], "half_up", False), (10, [1, 3], "half_even", False),
        (10, [1, 3], "floor", True), (10, [1, 3], "half_up", True), (10, [1, 3], "half_even", True),
        (5, [1, 1], "half_up", True), (7, [1, 1], "half_even", False),
        (10_001, [1, 1, 1], "floor", True, 100), (100, [0, 0], "floor", True),
        (1_000, [0, 5, 3, 2, 0], "half_even", True), (2, [1, 1, 1, 1], "half_up", True),
    ]:
        print(args, "->", apportion(*args))
