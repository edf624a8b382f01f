"""Notes in both languages: ``notes`` (English) and ``notes_id`` (Indonesian, same order), on
the real Gianyar register (tests/data/real/gianyar-koperasi-rat-terakhir: one founding date
written ``0000-00-00``, no data date) and the Kota Bogor sample (190 coops with no founding
year, as tests/cli_demography.rs counts them)."""

from __future__ import annotations

import koperasi as k
from conftest import BOGOR, REPO

GIANYAR = REPO / "tests" / "data" / "real" / "gianyar-koperasi-rat-terakhir" / "koperasi.csv"


def test_read_notes_in_both_languages() -> None:
    rep = k.read_register(GIANYAR).report
    assert len(rep.notes) == len(rep.notes_id) == 2
    assert rep.notes[1].startswith("1 date cell(s) held a spreadsheet's empty date")
    assert rep.notes_id[1].startswith("1 sel tanggal berisi tanggal kosong dari spreadsheet")
    assert "tidak menyebutkan tanggal data" in rep.notes_id[0]
    assert rep.to_dict()["notes_id"] == list(rep.notes_id)


def test_demography_notes_in_both_languages() -> None:
    d = k.demography_report(k.read_register(BOGOR).register, 2015, 2022, "2022-12-31")
    assert d.notes[0].startswith("190 cooperative(s) have no founding year")
    assert d.notes_id[0].startswith("190 koperasi tidak memiliki tahun pendirian")
    assert len(d.notes) == len(d.notes_id)
