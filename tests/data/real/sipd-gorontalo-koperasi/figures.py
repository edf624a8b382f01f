"""Independent figures for sipd-gorontalo-koperasi.csv (pandas): leaf rows summed per year
and status, and every parent whose value differs from the sum of its children."""
import pandas as pd

df = pd.read_csv("sipd-gorontalo-koperasi.csv", dtype=str)
years = [c for c in df.columns if c.isdigit()]
num = df[years].apply(pd.to_numeric, errors="coerce")  # n/a -> NaN
parent = df["path"].str.rsplit(".", n=1).str[0]
has_children = df["path"].isin(parent)
status = []
for i, row in df.iterrows():
    # the status is named by the row or its nearest ancestor labelled "... Aktif"/"... Tidak Aktif"
    p, s = row["path"], None
    while s is None and p:
        lab = df.loc[df["path"] == p, "label"].iloc[0]
        s = "tidak_aktif" if "Tidak Aktif" in lab else ("aktif" if lab.endswith("Aktif") else None)
        p = p.rsplit(".", 1)[0] if "." in p else ""
    status.append(s or "total")
df["status"] = status
leaves = ~has_children
print("sum of leaf rows by status and year:")
print(num[leaves].groupby(df.loc[leaves, "status"]).sum(min_count=1).dropna(axis=1, how="all"))
print("types (level 2) summed by year:", num[df["level"] == "2"].sum(min_count=1).dropna().to_dict())
print("parents whose value differs from the sum of their children:")
for i, row in df[has_children].iterrows():
    kids = num[parent == row["path"]]
    for y in years:
        if pd.notna(num.loc[i, y]) and kids[y].notna().any() and kids[y].sum() != num.loc[i, y]:
            print(f"  line {i + 2} {row['path']} {row['label']!r} {y}: {int(num.loc[i, y])} vs children {int(kids[y].sum())}")
