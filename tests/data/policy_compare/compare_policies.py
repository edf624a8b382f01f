"""Definition sensitivity computed independently with pandas, for the Rust test
`crates/koperasi/tests/status_compare.rs` (issue 20).

    python compare_policies.py --generate   # writes register.csv (seeded; done once)
    python compare_policies.py              # writes expected.json from register.csv

The register has RAT columns for book years 2021-2024 (a date, `ya`, `tidak`, or `?` for
unknown), a founding date, and one field check (15 June 2025) with `ditemukan` and
`usaha_berjalan`. As of 1 July 2025 (the day after the 2024 RAT deadline, 30 June 2025) every
RAT of the file counts (dates are in March-May of the next year, before the check), the latest
book year due is 2024, and the rules of the three presets reduce to the plain column logic
below (written from the preset descriptions and Permenkop 25/2015 Pasal 1 angka 3-4, not from
the Rust code):

* not found at the address (latest field check): `not_found` under every preset;
* national: any RAT in 2022-2024 -> active; else founded after 2024 -> not yet due; else a
  required year (>= founding year) unknown -> not assessable; else inactive;
* office: every required year of 2023-2024 held -> active (no year required: active when one
  is held, else not yet due); a required year known without RAT -> inactive; else not
  assessable;
* permenkop_25_2015: as office over 2022-2024, then an active coop whose field check saw no
  business -> inactive (`no_business_activity`).

The sensitivity signature of a coop for a pair is read over the last 3 book years (2022-2024):
years required, RATs held, required years unknown; business (the field check) only when it
matters (a deciding reason `no_business_activity`, or active under permenkop_25_2015).
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
YEARS = [2021, 2022, 2023, 2024]
AS_OF = "2025-07-01"
POLICIES = ["national", "office", "permenkop_25_2015"]


def generate() -> None:
    rnd = random.Random(20)
    rows = []
    for i in range(1, 121):
        founded_year = rnd.choice([2008, 2012, 2016, 2019, 2020, 2022, 2023, 2024, 2025])
        founded = f"{founded_year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        if founded > "2025-06-30":
            founded = f"{founded_year}-03-01"
        cells = {}
        for y in YEARS:
            if y < founded_year:
                cells[y] = "tidak"
                continue
            r = rnd.random()
            if r < 0.45:
                cells[y] = f"{y + 1}-{rnd.randint(3, 5):02d}-{rnd.randint(1, 28):02d}"
            elif r < 0.6:
                cells[y] = "ya"
            elif r < 0.92:
                cells[y] = "tidak"
            else:
                cells[y] = "?"
        check = rnd.random() < 0.5
        found = rnd.choice(["ya", "ya", "ya", "tidak"]) if check else ""
        business = rnd.choice(["ya", "ya", "tidak", ""]) if check else ""
        rows.append(
            {
                "no": i,
                "nama_koperasi": f"Koperasi Uji {i}",
                "tanggal_badan_hukum": founded,
                **{f"RAT {y}": cells[y] for y in YEARS},
                "tanggal_verifikasi": "2025-06-15" if check else "",
                "ditemukan": found,
                "usaha_berjalan": business,
            }
        )
    pd.DataFrame(rows).to_csv(HERE / "register.csv", index=False)


def statuses(df: pd.DataFrame) -> pd.DataFrame:
    f = pd.to_datetime(df["tanggal_badan_hukum"]).dt.year
    held = {y: df[f"RAT {y}"].fillna("").ne("tidak") & df[f"RAT {y}"].fillna("").ne("?")
            & df[f"RAT {y}"].fillna("").ne("") for y in YEARS}
    unknown = {y: df[f"RAT {y}"].fillna("").eq("?") for y in YEARS}
    not_found = df["ditemukan"].fillna("").eq("tidak")
    no_business = df["usaha_berjalan"].fillna("").eq("tidak")
    out = pd.DataFrame(index=df.index)

    def every_year(first_window_year: int) -> tuple[pd.Series, pd.Series]:
        window = [y for y in YEARS if y >= first_window_year]
        req = {y: f <= y for y in window}
        any_req = pd.concat([req[y] for y in window], axis=1).any(axis=1)
        any_held = pd.concat([held[y] for y in window], axis=1).any(axis=1)
        all_held = pd.concat([(~req[y]) | held[y] for y in window], axis=1).all(axis=1)
        missing = pd.concat([req[y] & ~held[y] & ~unknown[y] for y in window], axis=1).any(axis=1)
        st = pd.Series("not_assessable", index=df.index)
        rs = pd.Series("rat_history_incomplete", index=df.index)
        st[missing], rs[missing] = "inactive", "rat_missing_for_year"
        st[all_held], rs[all_held] = "active", "rat_every_year_in_window"
        young = ~any_req
        st[young & any_held], rs[young & any_held] = "active", "rat_within_window"
        st[young & ~any_held], rs[young & ~any_held] = "not_yet_due", "too_young_for_rat"
        return st, rs

    # national
    window = [2022, 2023, 2024]
    any_held = pd.concat([held[y] for y in window], axis=1).any(axis=1)
    any_unknown = pd.concat([(f <= y) & unknown[y] for y in window], axis=1).any(axis=1)
    st = pd.Series("inactive", index=df.index)
    rs = pd.Series("no_rat_within_window", index=df.index)
    st[any_unknown], rs[any_unknown] = "not_assessable", "rat_history_incomplete"
    st[f > 2024], rs[f > 2024] = "not_yet_due", "too_young_for_rat"
    st[any_held], rs[any_held] = "active", "rat_within_window"
    out["national"], out["national_reason"] = st, rs
    out["office"], out["office_reason"] = every_year(2023)
    st, rs = every_year(2022)
    nb = st.eq("active") & no_business
    st[nb], rs[nb] = "inactive", "no_business_activity"
    out["permenkop_25_2015"], out["permenkop_25_2015_reason"] = st, rs
    for p in POLICIES:
        out.loc[not_found, p] = "not_found"
        out.loc[not_found, f"{p}_reason"] = "not_found_at_address"
    # The signature over the last 3 book years.
    out["rat_window"] = 3
    out["rat_required"] = sum((f <= y).astype(int) for y in window)
    out["rat_held"] = sum(held[y].astype(int) for y in window)
    out["rat_unknown"] = sum(((f <= y) & unknown[y]).astype(int) for y in window)
    biz = df["usaha_berjalan"].fillna("")
    out["business"] = biz.map({"ya": True, "tidak": False}).astype(object).where(biz.ne(""), None)
    return out


STATUS_ORDER = ["active", "inactive", "not_found", "dissolved", "not_yet_due", "not_assessable"]


def compare(out: pd.DataFrame) -> dict:
    policies = []
    for p in POLICIES:
        counts = out[p].value_counts()
        policies.append({"policy": p, "counts": {s: int(counts.get(s, 0)) for s in STATUS_ORDER}})
    pairs = []
    for a, b in itertools.combinations(POLICIES, 2):
        cross = (
            out.groupby([a, b]).size().reset_index(name="count")
            .assign(o1=lambda t: t[a].map(STATUS_ORDER.index), o2=lambda t: t[b].map(STATUS_ORDER.index))
            .sort_values(["o1", "o2"])
        )
        changed = out[out[a] != out[b]].copy()
        # Business is part of the signature when it matters: a deciding reason is
        # no_business_activity, or permenkop_25_2015 (which asks for business) says active.
        matters = pd.Series(False, index=changed.index)
        for p in (a, b):
            matters |= changed[f"{p}_reason"].eq("no_business_activity")
            if p == "permenkop_25_2015":
                matters |= changed[p].eq("active")
        changed["biz"] = changed["business"].where(matters, None)
        groups = []
        keys = [a, b, f"{a}_reason", f"{b}_reason", "rat_window", "rat_required", "rat_held",
                "rat_unknown"]
        for key, g in changed.groupby(keys + ["biz"], dropna=False, sort=False):
            biz = key[-1]
            groups.append({
                "from_status": key[0], "to_status": key[1],
                "from_reason": key[2], "to_reason": key[3],
                "rat_window": int(key[4]), "rat_required": int(key[5]),
                "rat_held": int(key[6]), "rat_unknown": int(key[7]),
                "business": None if biz is None or pd.isna(biz) else bool(biz),
                "count": int(len(g)),
                "records": [int(i) for i in g.index],
            })
        pairs.append({
            "from": a, "to": b,
            "same": int((out[a] == out[b]).sum()), "changed": int((out[a] != out[b]).sum()),
            "cross": [{"from_status": r[a], "to_status": r[b], "count": int(r["count"])}
                      for _, r in cross.iterrows()],
            "changes": groups,
        })
    return {"as_of": AS_OF, "records": int(len(out)), "policies": policies, "pairs": pairs}


def main() -> None:
    if "--generate" in sys.argv:
        generate()
    df = pd.read_csv(HERE / "register.csv", dtype=str, keep_default_na=False)
    result = compare(statuses(df))
    (HERE / "expected.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for p in result["policies"]:
        print(p["policy"], p["counts"])
    for pr in result["pairs"]:
        print(pr["from"], "->", pr["to"], "changed", pr["changed"])


if __name__ == "__main__":
    main()
