"""A notebook user's first day (issue 17 item 8): the embedded samples, preset names where a
policy goes, one field name where a list goes, ``reg.records`` as a sequence, ``assess_all``
frames that can be joined back to the file, ``__version__``, and the README's Python snippet
run as written from another folder. Figures from the real files, computed here with the
``csv`` module (Kota Bogor) or taken from the PROVENANCE.md of the real data (Gianyar)."""

import collections
import csv
import datetime as dt
import importlib.metadata
import os
import pathlib
import re
from typing import Dict, List

import pytest

import koperasi as k
from conftest import BOGOR, JATIM, REPO

GIANYAR = REPO / "tests/data/real/gianyar-koperasi-rat-terakhir/koperasi.csv"
GIANYAR_MAPPING = {
    "name": "namaKoperasi",
    "nomor_badan_hukum": "nomorBadanHukum",
    "tanggal_badan_hukum": "tglBadanHukumPendirian",
    "last_rat_date": "tglRAT_terakhir",
}


def bogor_rows() -> List[Dict[str, str]]:
    """The Kota Bogor file read with the csv module, each row with its first line."""
    rows = []
    with open(BOGOR, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        start = r.line_num + 1
        for row in r:
            # the reader folds the line breaks and runs of spaces inside a name
            name = " ".join(row[1].split())
            rows.append({"line": start, "id": row[0], "name": name, "kecamatan": row[4]})
            start = r.line_num + 1
    return rows


def test_version_is_the_crate_version() -> None:
    cargo = (REPO / "Cargo.toml").read_text(encoding="utf-8")
    m = re.search(r'^\[workspace\.package\][^\[]*?^version = "([^"]+)"', cargo, re.M | re.S)
    assert m is not None
    assert k.__version__ == m.group(1)
    assert k.__version__ == importlib.metadata.version("koperasi")


def test_samples_are_the_repository_files() -> None:
    assert k.samples.names() == ["jatim_panel", "bogor_register"]
    assert k.samples.text("bogor_register") == BOGOR.read_bytes().decode("utf-8")
    assert k.samples.text("jatim_panel") == JATIM.read_bytes().decode("utf-8")
    assert k.samples.file_name("bogor_register") == BOGOR.name
    assert "Sabilamanda/disperdagin" in k.samples.source("bogor_register")
    for name, original in (("bogor_register", BOGOR), ("jatim_panel", JATIM)):
        p = k.samples.path(name)
        assert p.name == original.name and p.read_bytes() == original.read_bytes()
        assert k.samples.path(name) == p  # written once, then reused
    with pytest.raises(k.ValidationError) as e:
        k.samples.text("kota_bogor")
    assert e.value.code == "invalid_argument"


def test_sample_readers_give_what_the_file_gives() -> None:
    bogor = k.samples.kota_bogor()
    assert (len(bogor.register), bogor.report.rows_read, len(bogor.report.rejected)) == (398, 398, 0)
    assert bogor.register.records.to_dict() == k.read_register(BOGOR).register.records.to_dict()
    jatim = k.samples.jawa_timur().panel
    assert len(jatim) == 798
    assert (jatim.periods()[0], jatim.periods()[-1], len(jatim.periods())) == ("2018-Q4", "2025-Q2", 21)
    assert len(jatim.regions()) == 38


def test_preset_names_wherever_a_policy_goes() -> None:
    reg = k.read_register(GIANYAR, mapping=GIANYAR_MAPPING, data_as_of="2022-05-15").register
    when = dt.date(2022, 5, 15)
    # PROVENANCE.md: office as of 2022-05-15 gives inactive 13, not assessable 7.
    by_name = reg.status_counts(when, "office")
    assert by_name[k.Status.INACTIVE] == 13 and by_name[k.Status.NOT_ASSESSABLE] == 7
    assert by_name == reg.status_counts(when, k.StatusPolicy.office())
    assert reg.status_counts(when, k.StatusPolicy.office().to_dict()) == by_name
    frame = reg.assess_all(when, policy="office").to_pandas()
    assert frame.status.value_counts()[lambda c: c > 0].to_dict() == {
        "inactive": 13, "not_assessable": 7
    }
    assert reg.count_by("status", when, "office").to_dict() == reg.count_by(
        ["status"], when, k.StatusPolicy.office()
    ).to_dict()
    assert reg.reason_counts(when, "office").to_dict() == reg.reason_counts(
        when, k.StatusPolicy.office()
    ).to_dict()
    assert k.assess(reg[0], when, "permenkop_25_2015") == k.assess(
        reg[0], when, k.StatusPolicy.permenkop_25_2015()
    )
    assert k.rat_deadline(2024, "national") == dt.date(2025, 6, 30)
    text = "nama_koperasi;tanggal_badan_hukum;tahun_rat_terakhir\nKSP Satu;01/05/2010;2023\n"
    report = k.build_report(text, as_of="2025-07-01", policy="office", data_as_of="2025-06-30")
    assert report.to_dict() == k.build_report(
        text, as_of="2025-07-01", policy=k.StatusPolicy.office(), data_as_of="2025-06-30"
    ).to_dict()
    assert report.to_dict() != k.build_report(
        text, as_of="2025-07-01", policy="national", data_as_of="2025-06-30"
    ).to_dict()
    with pytest.raises(k.PolicyError) as e:
        reg.status_counts(when, "ofice")
    assert e.value.code == "policy_unknown_preset"
    with pytest.raises(k.ValidationError) as v:
        reg.status_counts(when, 3)  # type: ignore[arg-type]
    assert v.value.code == "invalid_argument"


def test_one_field_name_where_a_list_goes() -> None:
    reg = k.read_register(BOGOR).register
    want = collections.Counter(r["kecamatan"] for r in bogor_rows())
    assert want == {
        "Bogor Tengah": 127, "Tanah Sareal": 101, "Bogor Barat": 98, "Bogor Utara": 39,
        "Bogor Timur": 21, "Bogor Selatan": 12,
    }
    one = reg.count_by("kecamatan", "2022-08-15").to_dict()
    assert one == reg.count_by(["kecamatan"], "2022-08-15").to_dict()
    assert one == reg.count_by(k.Field.KECAMATAN, "2022-08-15").to_dict()
    got = {key.split(" ", 1)[1]: n for key, n in zip(one["kecamatan"], one["count"])}
    assert got == want
    s1 = reg.status_series(["2021-12-31"], fields="kecamatan").to_dict()
    assert s1 == reg.status_series(["2021-12-31"], fields=["kecamatan"]).to_dict()


def test_records_are_a_sequence_of_koperasi() -> None:
    reg = k.read_register(BOGOR).register
    rows = bogor_rows()
    recs = reg.records
    assert len(recs) == 398
    assert [r.name for r in recs] == [r["name"] for r in rows]
    assert recs[0].name == "Koperasi Pegawai PT Telkom Bogor KOPEGTEL KIJANG"
    assert recs[-1] == reg[397] and recs[-1].name == rows[-1]["name"]
    assert [r.name for r in recs[1:3]] == [rows[1]["name"], rows[2]["name"]]
    assert recs[0] in recs and recs.index(recs[5]) == 5
    with pytest.raises(IndexError):
        recs[398]
    # still a table
    assert recs.column("source_id") == [r["id"] for r in rows]
    assert recs.to_pandas()["name"].tolist() == [r["name"] for r in rows]


def test_assess_all_frames_carry_line_id_and_name() -> None:
    rows = bogor_rows()
    reg = k.read_register(BOGOR).register
    a = reg.assess_all(dt.date(2022, 8, 15))
    pdf = a.to_pandas()
    assert list(pdf.columns[:4]) == ["line", "source_id", "name", "as_of"]
    assert pdf["line"].tolist() == [r["line"] for r in rows]
    # quoted names over two lines push the later records down: line is not row + 2
    assert pdf["line"].iloc[-1] == 439 and pdf["line"].iloc[-1] != len(rows) + 1
    assert pdf["source_id"].tolist() == [r["id"] for r in rows]
    assert pdf["name"].tolist() == [r["name"] for r in rows]
    assert str(pdf["line"].dtype) == "Int64"
    pl = a.to_polars()
    assert pl.columns[:4] == ["line", "source_id", "name", "as_of"]
    assert pl["line"].to_list() == [r["line"] for r in rows]
    assert pl["name"].to_list() == [r["name"] for r in rows]
    # built from records without a file: no line, no id
    made = k.Register.from_records([k.Koperasi.from_dict({"name": "KSP Maju"})])
    f = made.assess_all("2025-06-30").to_pandas()
    assert f["line"].isna().tolist() == [True] and f["source_id"].isna().tolist() == [True]
    assert made.assess_all("2025-06-30").to_polars()["line"].to_list() == [None]


def readme_python() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 1
    return blocks[0]


def test_readme_python_snippet_runs_from_another_folder(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.chdir(tmp_path)
    ns: Dict[str, object] = {}
    exec(compile(readme_python(), "README.md", "exec"), ns)
    assert os.getcwd() == str(tmp_path)
    reg = ns["reg"]
    assert isinstance(reg, k.Register) and len(reg) == 398
    status = ns["status"]
    counts = status.status.value_counts().to_dict()  # type: ignore[attr-defined]
    assert counts == {s.value: n for s, n in reg.status_counts("2022-08-15").items()}
    assert sum(counts.values()) == 398
    d = ns["d"]
    assert isinstance(d, k.Distribution)
    m = d.members.to_pandas()
    # jasa modal: 30% of Rp 5,000,000 shared by simpanan pokok + wajib, Rp 2,500,000 and
    # Rp 2,200,000: 150,000,000 sen x 25/47 = 79,787,234.04 -> 79,787,234 and the rest.
    assert m["amounts.jasa_modal"].tolist() == [79_787_234, 70_212_766]
    # the members' pools are 50% of the SHU (cadangan, 50%, stays with the coop)
    assert int(m["total"].sum()) == 250_000_000
