"""Names in a member file never reach an exception message or the repr of a rejection
(issue 13, item 5): only recognised non-personal cells are shown, every other as
``<redacted>``. The property itself is tested in Rust over random placements
(crates/koperasi/tests/shu_member_privacy.rs); here, that the Python surface shows the same."""

from __future__ import annotations

import random

import pytest

import koperasi as k

NAMES = ("Siti Aminah", "Budi Santoso", "Wati Lestari", "Tono")


def _shown(*objects: object) -> str:
    return " ".join(repr(o) + " " + str(o) for o in objects)


def test_another_persons_name_in_a_date_column_is_withheld() -> None:
    csv = (
        "No Anggota,Nama,Tanggal Masuk,Simpanan Wajib,Catatan\n"
        "A-1,Siti Aminah,Budi Santoso,100.000,ahli waris Wati Lestari\n"
        "A-2,Tono,31/02/2024,100.000,x\n"
    )
    read = k.shu_read_members(csv)
    first, second = read.report.rejected
    assert (first.line, first.column, first.value, first.code) == (
        2, "Tanggal Masuk", "<redacted>", "date_unrecognised")
    assert first.fields == ("A-1", "<redacted>", "<redacted>", "100.000", "<redacted>")
    assert first.reason.startswith("not a date (the cell is not shown")
    # A cell without letters cannot be a name: quoted, so that the cell can be found.
    assert (second.value, second.code) == ("31/02/2024", "date_invalid")
    assert "day 31 does not exist in Februari 2024" in second.reason
    text = _shown(read, read.report, first, second, read.report.to_dict())
    for name in NAMES + ("Budi", "Santoso", "Wati", "Lestari"):
        assert name not in text, name


def test_a_file_without_a_header_row_raises_without_the_first_members_name() -> None:
    with pytest.raises(k.ReadError) as e:
        k.shu_read_members("A-1,Siti Aminah,1 Maret 2019,100.000\nA-2,Budi,,\n")
    assert e.value.code == "read_missing_column"
    text = _shown(e.value) + " " + " ".join(map(str, e.value.args))
    assert "Siti" not in text and "Budi" not in text, text
    assert "<redacted>" in str(e.value)


def test_random_placements_never_show_a_name() -> None:
    # The columns of a member file; a name goes into a random cell of a random row.
    header = ["No Anggota", "Nama", "NIK", "Tanggal Masuk", "Simpanan Wajib", "Catatan"]
    rng = random.Random(13)
    for _ in range(200):
        rows = [
            [f"A-{r}", rng.choice(NAMES), "3201011234560001", rng.choice(["", "31/02/2024", "1 Maret 2019"]),
             rng.choice(["", "Rp 100.000", "seratus", "-5"]), ""]
            for r in range(3)
        ]
        placed = rng.choice(NAMES)
        rows[rng.randrange(3)][rng.randrange(1, len(header))] = placed
        order = list(range(len(header)))
        rng.shuffle(order)
        lines = [",".join(header[i] for i in order)]
        lines += [",".join(row[i] for i in order) for row in rows]
        try:
            read = k.shu_read_members("\n".join(lines) + "\n")
            text = _shown(read, read.report, *read.report.rejected)
        except k.KoperasiError as e:
            text = _shown(e)
        for name in NAMES:
            assert name not in text, (name, lines, text)
