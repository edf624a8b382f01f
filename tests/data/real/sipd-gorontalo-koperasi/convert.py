"""Turn the mirrored SIPD page (HTML) of Kota Gorontalo, "Koperasi", into the CSV the
SIPD portal exports: level,path,label,2014..2022,satuan. Standard library only.

Usage: python3 convert.py page.html > sipd-gorontalo-koperasi.csv
"""
import csv
import re
import sys
from html.parser import HTMLParser

PAD_LEVEL = {None: 2, "22": 3, "38": 4, "55": 5}


class Rows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr":
            self.row = []
        if tag in ("td", "th") and self.row is not None:
            pad = re.search(r"padding-left:(\d+)px", attrs.get("style") or "")
            self.row.append(["", pad.group(1) if pad else None])
            self.cell = True

    def handle_endtag(self, tag):
        if tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.row and self.cell:
            self.row[-1][0] += data


p = Rows()
p.feed(open(sys.argv[1], encoding="utf-8").read())
years = [c[0].strip() for c in p.rows[2]]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["level", "path", "label", *years, "satuan"])
path = []
for r in p.rows[3:]:
    if len(r) != 2 + len(years) + 1:
        continue  # the legend row at the foot of the page
    num, (label, pad) = r[0][0].strip(), (r[1][0].strip(), r[1][1])
    level = 1 if num else PAD_LEVEL[pad]
    n = num.rstrip(".") if num else label.split(".")[0]
    path = path[: level - 1] + [n]
    out.writerow([level, ".".join(path), label, *[c[0].strip() for c in r[2:-1]], r[-1][0].strip()])
