"""The public result classes are the generated ones (issue 16): a field added to the Rust type
and regenerated (``tools/gen-types/regen.sh``) reaches ``koperasi.X`` with no Python edit.

Each of these was a hand-written class; now it is the generated dataclass of
:mod:`koperasi._types` or a subclass that adds no field (only read-only properties of the
earlier API), decoded by the one generated decoder.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any, List

import pandas as pd
import pytest

import koperasi as k
from koperasi import _types as gt
from conftest import BOGOR, JATIM, REPO

DEFS = json.loads((REPO / "schema" / "koperasi.schema.json").read_text(encoding="utf-8"))["$defs"]
SIX = ["GrowthRow", "RegistrationsByYear", "PolicyComparison", "Wilayah", "NomorBadanHukum"]


def _names(cls: Any) -> List[str]:
    return [f.name for f in dataclasses.fields(cls)]


@pytest.mark.parametrize("name", SIX)
def test_public_class_has_exactly_the_generated_fields(name: str) -> None:
    public, generated = getattr(k, name), getattr(gt, name)
    assert public is generated or issubclass(public, generated)
    # a subclass adds no dataclass field and no __init__ of its own: the fields are the
    # generated ones, whatever regen.sh writes
    assert public is generated or not {"__dataclass_fields__", "__init__"} & set(vars(public))
    assert _names(public) == _names(generated)
    json_names = {f.metadata.get("json", f.name) for f in dataclasses.fields(public)}
    assert json_names == set(DEFS[name]["properties"])


def test_kode_wilayah_is_the_generated_str() -> None:
    assert gt.KodeWilayah is str and issubclass(k.KodeWilayah, str)
    assert not dataclasses.is_dataclass(k.KodeWilayah) and DEFS["KodeWilayah"]["type"] == "string"
    # Kecamatan Balikpapan Timur (DOMAIN.md 6.3)
    c = k.parse_kode_wilayah("647101")
    assert c == "64.71.01" and type(c) is k.KodeWilayah
    assert (c.code, type(c.code), c.level) == ("64.71.01", str, k.Level.KECAMATAN)
    assert k.parse_kode_wilayah("32.71").level is k.Level.KABUPATEN_KOTA
    assert c.to_dict() == {"code": "64.71.01", "level": "kecamatan"}


def test_real_values_through_the_generated_classes() -> None:
    w = k.wilayah_get("32.71.03")
    assert type(w) is k.Wilayah
    assert (w.code, w.name, w.level, w.parent) == (
        "32.71.03", "Bogor Tengah", k.Level.KECAMATAN, "32.71",
    )
    assert type(w.parent) is k.KodeWilayah and w.parent.level is k.Level.KABUPATEN_KOTA
    assert w.to_dict() == {**gt.Wilayah._from(w.to_dict()).to_dict(), "parent": "32.71"}
    assert k.find_provinsi("Jatim").parent is None
    assert [x.name for x in k.wilayah_children("32.71")][:2] == ["Bogor Selatan", "Bogor Timur"]

    n = k.parse_nomor_badan_hukum("008412/BH/M.KUKM.2/V/2018")
    assert n is not None and type(n) is k.NomorBadanHukum
    assert (n.kind, n.year, n.month, n.is_ahu) == (k.BadanHukumKind.KEMENKOP, 2018, 5, False)
    assert set(n.to_dict()) == set(DEFS["NomorBadanHukum"]["properties"]) | {"key"}
    assert n.key == k.parse_nomor_badan_hukum(" 008412/bh/m.kukm.2/v/2018 ").key  # type: ignore[union-attr]

    panel = k.read_panel(JATIM).panel
    rows = k.growth(panel, "total", "2018-Q4", "2025-Q2")
    lamongan = next(r for r in rows if r.region == "Kabupaten Lamongan")
    assert type(lamongan) is k.GrowthRow
    df = panel.to_pandas()
    total = df[df["region"] == "Kabupaten Lamongan"].set_index("period")["total"]
    assert (lamongan.from_value, lamongan.to_value) == (total["2018-Q4"], total["2025-Q2"])
    assert lamongan.to - lamongan.from_ == lamongan.change == 563
    d = lamongan.to_dict()
    assert (d["from"], d["to"]) == (lamongan.from_, lamongan.to) and "from_value" not in d

    by = k.read_register(BOGOR).register.registrations_by_year()
    assert type(by) is k.RegistrationsByYear
    # no founding date here: the year of the nomor badan hukum unless it is an amendment (PAD),
    # counted over the raw CSV
    raw = pd.read_csv(BOGOR, dtype=str)["nomor_bh"].fillna("")
    nbh = [k.parse_nomor_badan_hukum(x) for x in raw]
    years = Counter(n.year for n in nbh if n and n.year is not None and not n.is_amendment)
    assert by.by_year == dict(years) and by.by_year[2017] == 46
    assert by.unknown == len(raw) - sum(years.values()) == 190
    assert by.to_dict() == {"by_year": dict(years), "unknown": 190}


def test_a_field_added_by_regeneration_reaches_the_public_classes(tmp_path: Path) -> None:
    """What regen.sh writes for a new optional Rust field, inserted by hand into a copy of the
    package: the public classes have it, and results decoded through them carry it."""
    pkg = tmp_path / "koperasi"
    shutil.copytree(Path(k.__file__).parent, pkg)
    src = (pkg / "_types.py").read_text(encoding="utf-8")
    new = '    added_in_rust: Optional[int] = field(default=None, metadata={OMIT: True})\n    """New."""\n'
    for name in SIX:
        head = src.index(f"class {name}(Generated):")
        end = src.index("\n\n\n", head) + 1
        src = src[:end] + new + src[end:]
    (pkg / "_types.py").write_text(src, encoding="utf-8")
    script = f"""
import dataclasses, sys
sys.path.insert(0, {str(tmp_path)!r})
import koperasi as k
assert k.__file__.startswith({str(tmp_path)!r}), k.__file__
for name in {SIX!r}:
    assert "added_in_rust" in [f.name for f in dataclasses.fields(getattr(k, name))], name
w = k.wilayah_get("32.71.03")
assert (w.name, w.added_in_rust, w.parent) == ("Bogor Tengah", None, "32.71")
row = k.growth(k.read_panel({str(JATIM)!r}).panel, "total", "2018-Q4", "2025-Q2")[0]
assert row.added_in_rust is None and type(row) is k.GrowthRow
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr
