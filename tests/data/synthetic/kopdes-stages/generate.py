"""Synthetic register of Koperasi Desa/Kelurahan Merah Putih with dated stages (issue 19).

Writes `kopdes_stages_synth.csv` (the register as an office would keep it: mixed date formats,
numbers without dates, `belum`/`sudah` marks, building progress in percent) and
`expected.json` (the stage funnel, the funnel by kab/kota, the median days between stages,
the stalled counts and the loan-readiness counts), computed here with pandas from the
generator's own table of truth, not from the CSV, so that the Rust reader and report are
checked against an independent computation (crates/koperasi/tests/kopdes_stages.rs).

Run: python3 generate.py [N]   (default N = 600; needs pandas and numpy)
"""

import json
import sys
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).parent
N = int(sys.argv[1]) if len(sys.argv) > 1 else 600
AS_OF = pd.Timestamp("2026-01-31")
DATA_DATE = pd.Timestamp("2026-06-30")
rng = np.random.default_rng(19)

# Stage codes in the order of koperasi::kopdes::Stage::ALL.
ALL = ["musdesus", "founding_meeting", "akta", "sk_ahu", "nik_koperasi", "nib", "npwp",
       "bank_account", "simkopdes_account", "land", "building", "outlets", "operating",
       "rat_held", "business_proposal", "loan_approval"]
# (stage, predecessor, gap range in days)
CHAIN = [("musdesus", None, None), ("founding_meeting", "musdesus", (0, 20)),
         ("akta", "founding_meeting", (5, 40)), ("sk_ahu", "akta", (5, 60)),
         ("nib", "sk_ahu", (5, 60)), ("npwp", "sk_ahu", (5, 60)),
         ("bank_account", "sk_ahu", (3, 60)), ("simkopdes_account", "bank_account", (5, 60)),
         ("land", "sk_ahu", (10, 150)), ("building", "land", (60, 300)),
         ("outlets", "building", (10, 90)), ("operating", "outlets", (5, 60)),
         ("rat_held", "operating", (200, 500))]
KABS = ["Kabupaten Contoh Satu", "Kabupaten Contoh Dua", "Kabupaten Contoh Tiga",
        "Kota Contoh Empat"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]


def fmt(d):
    """A date as offices write it: ISO, day/month/year, or Indonesian words."""
    k = rng.integers(3)
    if k == 0:
        return d.strftime("%Y-%m-%d")
    if k == 1:
        return d.strftime("%d/%m/%Y")
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


truth = []  # per coop: stage -> Timestamp, or "U" (reached, date unknown)
rows = []
for i in range(N):
    t = {}
    depth = int(rng.integers(0, len(CHAIN) + 1))
    start = pd.Timestamp("2025-04-01") + pd.Timedelta(days=int(rng.integers(0, 61)))
    for j, (stage, pred, gap) in enumerate(CHAIN[:depth]):
        if pred is None:
            d = start
        elif pred not in t:
            break
        else:
            d = t[pred] + pd.Timedelta(days=int(rng.integers(gap[0], gap[1] + 1)))
        if d > DATA_DATE:
            continue  # not yet reached when the register was exported
        t[stage] = d
    row = {"nama_koperasi": f"Koperasi Desa Merah Putih Contoh {i + 1:05d}",
           "provinsi": "Provinsi Contoh", "kab_kota": KABS[i % len(KABS)]}
    # Columns of stages read from a date alone.
    for stage, col in [("musdesus", "tgl_musdesus"), ("founding_meeting", "tgl_rapat_pendirian"),
                       ("operating", "tgl_operasional"), ("rat_held", "tgl_rat_pertama")]:
        row[col] = fmt(t[stage]) if stage in t else ""
    # Stages with a date column and a number/status column: date and value, value only
    # (reached, date unknown), or date only.
    for stage, dcol, vcol, value in [
            ("akta", "tgl_akta", "no_akta", lambda: f"{rng.integers(1, 99):02d}"),
            ("sk_ahu", "tgl_sk_ahu", "no_sk_ahu",
             lambda: f"AHU-{rng.integers(10**6):07d}.AH.01.29.TAHUN 2025"),
            ("nib", "tgl_nib", "nib", lambda: f"{rng.integers(10**12, 10**13)}"),
            ("npwp", "tgl_npwp", "npwp", lambda: f"{rng.integers(10**14, 10**15)}"),
            ("bank_account", "tgl_rekening", "no_rekening", lambda: f"{rng.integers(10**9, 10**10)}"),
            ("land", "tgl_lahan", "status_lahan",
             lambda: ["Tanah kas desa", "Hibah", "Sewa"][rng.integers(3)])]:
        row[dcol], row[vcol] = "", ""
        if stage in t:
            k = rng.random()
            if k < 0.15:
                row[vcol] = value()
                t[stage] = "U"
            elif k < 0.75:
                row[dcol], row[vcol] = fmt(t[stage]), value()
            else:
                row[dcol] = fmt(t[stage])
        elif rng.random() < 0.3:
            row[vcol] = "belum"
    # SIMKOPDES account: a date, or `sudah` (date unknown) in the date column.
    row["tgl_akun_simkopdes"] = ""
    if "simkopdes_account" in t:
        if rng.random() < 0.1:
            row["tgl_akun_simkopdes"] = "sudah"
            t["simkopdes_account"] = "U"
        else:
            row["tgl_akun_simkopdes"] = fmt(t["simkopdes_account"])
    # Building: 100 % with the date it was finished (or 100 % alone); partial progress once
    # the land is there.
    row["progres_bangunan"], row["tgl_bangunan_selesai"] = "", ""
    if "building" in t:
        row["progres_bangunan"] = "100%"
        if rng.random() < 0.85:
            row["tgl_bangunan_selesai"] = fmt(t["building"])
        else:
            t["building"] = "U"
    elif "land" in t:
        row["progres_bangunan"] = f"{rng.integers(0, 100)}%"
    # Outlets: how many, and when the first opened.
    row["jumlah_gerai"], row["tgl_gerai"] = "", ""
    if "outlets" in t:
        row["jumlah_gerai"] = str(rng.integers(1, 7))
        row["tgl_gerai"] = fmt(t["outlets"])
    # NIK koperasi (undated), business proposal and the village head's approval (marks).
    row["nik"], row["proposal_bisnis"], row["persetujuan_kades"] = "", "", ""
    if "sk_ahu" in t and rng.random() < 0.85:
        row["nik"] = f"35{i:014d}"
        t["nik_koperasi"] = "U"
    if "sk_ahu" in t and rng.random() < 0.5:
        row["proposal_bisnis"] = "ada"
        t["business_proposal"] = "U"
        if rng.random() < 0.6:
            row["persetujuan_kades"] = "sudah"
            t["loan_approval"] = "U"
        else:
            row["persetujuan_kades"] = "belum"
    truth.append(t)
    rows.append(row)

pd.DataFrame(rows).to_csv(HERE / "kopdes_stages_synth.csv", index=False)

# ---- expected figures, from `truth` ------------------------------------------------------
T = pd.DataFrame(truth, columns=ALL)
T["kab_kota"] = [r["kab_kota"] for r in rows]


def reached(col, as_of):
    s = T[col]
    dated = s.apply(lambda v: isinstance(v, pd.Timestamp) and v <= as_of)
    return dated | (s == "U")


def undated(col):
    return T[col] == "U"


funnel = {s: {"reached": int(reached(s, AS_OF).sum()), "undated": int(undated(s).sum())}
          for s in ALL}
by_kab = {}
for kab, g in T.groupby("kab_kota"):
    by_kab[kab] = {"coops": int(len(g)),
                   **{s: int(reached(s, AS_OF)[g.index].sum()) for s in ALL}}

preset = tomllib.loads((HERE / "../../../../crates/koperasi/data/kopdes/stall_days.toml").read_text())
durations, stalls = [], []
for step in preset["step"]:
    a, b, days = step["from"], step["to"], step["days"]
    fa, fb = T[a], T[b]
    da = fa.apply(lambda v: v if isinstance(v, pd.Timestamp) and v <= AS_OF else pd.NaT)
    db = fb.apply(lambda v: v if isinstance(v, pd.Timestamp) and v <= AS_OF else pd.NaT)
    diff = (db - da).dt.days.dropna()
    durations.append({"from": a, "to": b, "n": int(len(diff)),
                      "median_days": None if diff.empty else float(diff.median())})
    not_b = ~reached(b, AS_OF)
    waiting = (AS_OF - da).dt.days
    stalls.append({"from": a, "to": b,
                   "stalled": int((not_b & (waiting > days)).sum()),
                   "undated": int((not_b & (fa == "U")).sum())})

checklist = tomllib.loads((HERE / "../../../../crates/koperasi/data/kopdes/pmk_49_2025.toml").read_text())
far = pd.Timestamp("2100-01-01")
met = pd.DataFrame({item["code"]: np.logical_or.reduce([reached(s, far) for s in item["stages"]])
                    for item in checklist["item"]})
readiness = {"coops": int(len(met)), "ready": int(met.all(axis=1).sum()),
             "missing": {c: int((~met[c]).sum()) for c in met.columns}}

expected = {"n": N, "as_of": str(AS_OF.date()), "funnel": funnel, "by_kab_kota": by_kab,
            "durations": durations, "stalls": stalls, "readiness": readiness}
(HERE / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
print(json.dumps({"funnel": {k: v["reached"] for k, v in funnel.items()}, "readiness": readiness}))
