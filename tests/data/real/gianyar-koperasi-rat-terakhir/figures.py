"""Independent figures for koperasi.csv (plain Python, no koperasi code): the status of each
cooperative by the rules of DOMAIN.md 2.2/2.3 written out by hand, with the last-RAT column
read as of the register's data date (2022-05-15, the dump's generation time) or, for the
"before" figures, as the reader did before (an RAT for the year before its date, nothing
known about other years)."""
import csv, datetime as dt
from collections import Counter

DATA_DATE = dt.date(2022, 5, 15)

def deadline(y):  # 6 months after the book year: 30 June of the next year
    return dt.date(y + 1, 6, 30)

def latest_due(as_of):
    y = as_of.year - 1
    while deadline(y) >= as_of:
        y -= 1
    return y

def status(row, as_of, window, every_year, knowledge):
    rat = dt.date.fromisoformat(row["tglRAT_terakhir"])
    rat_year = rat.year - 1
    try:
        f = dt.date.fromisoformat(row["tglBadanHukumPendirian"])
        first = f.year  # grace_first_book_year = false in every preset
    except ValueError:
        first = None  # 0000-00-00: unknown founding, taken as old
    held = {rat_year} if rat <= as_of else set()
    e = max([latest_due(as_of)] + list(held))
    years = range(e - window + 1, e + 1)
    need = [y for y in years if first is None or y >= first]
    def known(y):
        if y in held:
            return True
        if knowledge == "none":          # before: the column says nothing of other years
            return False
        if knowledge == "current":       # no data date: taken as current
            return y > rat_year
        return y > rat_year and deadline(y) < DATA_DATE   # as of the data date
    if not every_year:
        if held & set(years):
            return "active"
        if not need:
            return "not_yet_due"
        if all(known(y) for y in need):
            return "inactive"
        return "not_assessable"
    if not need:
        return "active" if held & set(years) else "not_yet_due"
    if all(y in held for y in need):
        return "active"
    if any(known(y) and y not in held for y in need):
        return "inactive"
    return "not_assessable"

rows = list(csv.DictReader(open("koperasi.csv", encoding="utf-8")))
cases = [
    ("national", dt.date(2022, 5, 15), 3, False),
    ("national", dt.date(2023, 7, 1), 3, False),
    ("office", dt.date(2022, 5, 15), 2, True),
]
for name, as_of, window, every in cases:
    for knowledge in ("none", "current", "data_date"):
        c = Counter((r["kecamatan"], status(r, as_of, window, every, knowledge)) for r in rows)
        print(name, as_of, knowledge, dict(sorted(c.items())))
