"""Independent figures for koperasi.csv (plain Python, no koperasi code): the status of each
cooperative under the three presets (national, office, permenkop_25_2015) as of three dates, by
the rules of DOMAIN.md 2.2/2.3/9.1 written out by hand, and the cross table of each pair.

A book year's RAT is held when its `RAT <year>` cell is a date on or before the as-of date;
book years with no column (before 2018, after 2019) are unknown. Deadline: 30 June of the next
year. No founding year is later than 2017 (the PAD numbers are amendments: founding unknown),
no coop has business facts, so business is unknown (stated, not assumed) and decides nothing."""
import csv, datetime as dt
from collections import Counter
from itertools import combinations

POLICIES = {  # name: (window years, an RAT in every year of the window?)
    "national": (3, False),
    "office": (2, True),
    "permenkop_25_2015": (3, True),
}

def deadline(y):
    return dt.date(y + 1, 6, 30)

def latest_due(as_of):
    y = as_of.year - 1
    while deadline(y) >= as_of:
        y -= 1
    return y

def status(row, as_of, window, every):
    held, known = set(), set()
    for y in (2018, 2019):
        d = dt.date.fromisoformat(row[f"RAT {y}"])
        if d <= as_of:
            held.add(y)
        known.add(y)
    e = max([latest_due(as_of)] + list(held))
    years = range(e - window + 1, e + 1)
    if not every:
        if any(y in held for y in years):
            return "active"
        return "not_assessable" if any(y not in known for y in years) else "inactive"
    if any(y in known and y not in held for y in years):
        return "inactive"
    return "active" if all(y in held for y in years) else "not_assessable"

rows = list(csv.DictReader(open("koperasi.csv", newline="")))
for as_of in (dt.date(2020, 3, 1), dt.date(2020, 7, 1), dt.date(2021, 7, 12)):
    st = {p: [status(r, as_of, w, e) for r in rows] for p, (w, e) in POLICIES.items()}
    print(f"as of {as_of}: records {len(rows)}")
    for p, s in st.items():
        print(f"  {p}: {dict(Counter(s))}")
    for a, b in combinations(POLICIES, 2):
        cross = Counter(zip(st[a], st[b]))
        changed = sum(n for (x, y), n in cross.items() if x != y)
        ids = [r["id_koperasi"] for r, x, y in zip(rows, st[a], st[b]) if x != y]
        print(f"  {a} -> {b}: changed {changed} (ids {', '.join(ids)}); {dict(cross)}")
