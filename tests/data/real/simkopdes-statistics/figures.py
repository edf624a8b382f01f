"""Independent figures for tests/data/real/simkopdes-statistics (pandas only; not this library).

Run from the repository root: python tests/data/real/simkopdes-statistics/figures.py
Region names are compared after upper-casing, dropping the KAB./KOTA/ADM. prefix and every
character that is not a letter or digit; a few spellings are aliased by hand (ALIAS).
"""
import re
import pandas as pd

HERE = "tests/data/real/simkopdes-statistics/"
W = pd.read_csv("crates/koperasi/data/wilayah/wilayah_2025_kec.csv", dtype=str)
D = pd.read_csv("crates/koperasi/data/wilayah/wilayah_2025_desa.csv", dtype=str)
COUNTS = ["cooperatives", "accounts_count", "npwp_count", "nib_count", "rat_count"]
ALIAS = {"OKUSELATAN": "OGANKOMERINGULUSELATAN", "OKUTIMUR": "OGANKOMERINGULUTIMUR",
         "PADANGSIDEMPUAN": "PADANGSIDIMPUAN", "DKIJAKARTA": "DAERAHKHUSUSIBUKOTAJAKARTA",
         "PANGKAJENEKEPULAUAN": "PANGKAJENEDANKEPULAUAN", "KEPSIAUTAGULANDANGBIARO": "KEPULAUANSIAUTAGULANDANGBIARO",
         "KEPSERIBU": "KEPULAUANSERIBU"}


def key(name):
    n = str(name).upper()
    kind = "KOTA" if re.match(r"^KOTA\b", n) else ("KAB" if re.match(r"^(KAB\b|KABUPATEN\b)", n) else "")
    n = re.sub(r"^(KABUPATEN|KAB\.?|KOTA)\s+(ADMINISTRASI|ADM\.?)?\s*", "", n)
    n = re.sub(r"[^A-Z0-9]", "", n)
    return kind, ALIAS.get(n, n)


prov = W[W.level == "provinsi"].assign(k=lambda d: d.nama.map(lambda s: key(s)[1]))
kab = W[W.level == "kabupaten_kota"].assign(kk=lambda d: d.nama.map(key), p=lambda d: d.kode.str[:2])

p = pd.read_csv(HERE + "kopdes_stats_province.csv")
p["code"] = p.province.map(lambda s: dict(zip(prov.k, prov.kode)).get(key(s)[1]))
print("provinces", len(p), "matched", p.code.notna().sum())
print("national totals", p[COUNTS].sum().to_dict())

d = pd.read_csv(HERE + "kopdes_stats_district.csv")
d["pcode"] = d.province.map(lambda s: dict(zip(prov.k, prov.kode)).get(key(s)[1]))


def place(row):
    k = key(row.district)
    hit = kab[(kab.kk.map(lambda x: x[1]) == k[1]) & ((k[0] == "") | (kab.kk.map(lambda x: x[0]) == k[0]))]
    inside = hit[hit.p == row.pcode]
    if len(inside) == 1:
        return "matched", inside.kode.iloc[0]
    if len(hit) == 1:
        return "misplaced", hit.kode.iloc[0]
    return "not_found", None


d[["status", "code"]] = d.apply(lambda r: pd.Series(place(r)), axis=1)
print(d.status.value_counts().to_dict(), "match rate %.2f" % (100 * (d.status == "matched").mean()))
print(d[d.status != "matched"][["province", "district", "status", "code"]].to_string())
print("distinct kab/kota matched", d[d.status == "matched"].code.nunique(), "of", len(kab))
s = d.groupby("province")[COUNTS].sum() - p.set_index("province")[COUNTS]
print("district sums minus province:\n", s[(s != 0).any(axis=1)].to_string())

v = pd.read_csv(HERE + "kopdes_stats_village_slice.csv")
for kab_code, kec_names in [("51.71", None), ("36.02", ["Cibadak", "Cigemblong"])]:
    kecs = W[(W.level == "kecamatan") & W.kode.str.startswith(kab_code + ".")]
    if kec_names:
        kecs = kecs[kecs.nama.isin(kec_names)]
    desa = D[D.kode.str[:8].isin(kecs.kode)].copy()
    desa["kec"] = desa.kode.str[:8].map(dict(zip(kecs.kode, kecs.nama)))
    desa["k"] = desa.nama.map(lambda s: key(s)[1])
    vv = v.assign(k=v.village.map(lambda s: key(s)[1]))
    m = desa.merge(vv[["subdistrict", "k", "cooperatives"]], left_on=["kec", "k"],
                   right_on=["subdistrict", "k"], how="left")
    m["cooperatives"] = m.cooperatives.fillna(0)
    print(kab_code, "desa", len(m), "with coop", (m.cooperatives > 0).sum(), "several",
          (m.cooperatives > 1).sum(), "coops", int(m.cooperatives.sum()),
          "without:", list(m[m.cooperatives == 0].nama))
    print(m.groupby("kec").agg(desa=("k", "size"), with_coop=("cooperatives", lambda x: (x > 0).sum())).to_string())
