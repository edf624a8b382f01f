"""The two real files embedded in the package, to try it with no download (the same bytes as
the CLI's and the npm package's samples; provenance in ``crates/koperasi/data/samples/``).

- ``bogor_register``: the Kota Bogor register of 398 cooperatives (2022): id, name, nomor
  badan hukum, address, kecamatan; no RAT history, so no status beyond "unknown";
- ``jatim_panel``: Jawa Timur, cooperatives per kabupaten/kota and quarter, 2018-Q4 ..
  2025-Q2 (798 rows: aktif, tidak aktif, total and other counts).

Typical use in a notebook::

    import koperasi
    reg = koperasi.samples.kota_bogor().register      # as koperasi.read_register(path)
    panel = koperasi.samples.jawa_timur().panel       # as koperasi.read_panel(path)
    import pandas as pd
    pd.read_csv(koperasi.samples.path("bogor_register"))   # the file itself

Nothing here reads the network; :func:`path` writes the file once into a cache folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import List

from . import PanelRead, RegisterRead, _koperasi as _k, read_panel, read_register
from .statements import StatementsRead, read_statements

__all__ = [
    "names", "text", "source", "file_name", "path", "kota_bogor", "jawa_timur",
    "balikpapan_statements",
]


def names() -> List[str]:
    """The sample names: ``["jatim_panel", "bogor_register"]`` (as JS ``sample(name)``)."""
    return list(_k.sample_names())


def text(name: str) -> str:
    """The CSV text of sample ``name``. Raises :class:`koperasi.ValidationError`
    (``invalid_argument``) for another name."""
    t: str = _k.sample(name)["csv"]
    return t


def source(name: str) -> str:
    """Where sample ``name`` comes from, in one line (repository, commit)."""
    s: str = _k.sample(name)["source"]
    return s


def file_name(name: str) -> str:
    """The original file name of sample ``name`` (``koperasi_kota_bogor_2022.csv``, ...)."""
    f: str = _k.sample(name)["file_name"]
    return f


def path(name: str) -> Path:
    """A path to sample ``name`` as a CSV file, for tools that want a file (``pandas.read_csv``,
    the ``koperasi`` CLI). The embedded bytes are written once to
    ``<temp dir>/koperasi-samples-<version>/<file name>`` and that path is returned (written
    again when missing or changed). Raises :class:`koperasi.ValidationError` for an unknown
    name, ``OSError`` when the folder cannot be written."""
    d = _k.sample(name)
    data = d["csv"].encode("utf-8")
    folder = Path(tempfile.gettempdir()) / f"koperasi-samples-{_k.__version__}"
    p = folder / d["file_name"]
    if p.is_file() and p.stat().st_size == len(data) and p.read_bytes() == data:
        return p
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{d['file_name']}.{os.getpid()}.tmp"
    tmp.write_bytes(data)
    os.replace(tmp, p)
    return p


def kota_bogor() -> RegisterRead:
    """The Kota Bogor register read as :func:`koperasi.read_register` reads its file:
    ``.register`` (398 records) and ``.report``."""
    return read_register(text("bogor_register").encode("utf-8"))


def jawa_timur() -> PanelRead:
    """The Jawa Timur quarterly panel read as :func:`koperasi.read_panel` reads its file:
    ``.panel`` (798 rows) and ``.report``."""
    return read_panel(text("jatim_panel").encode("utf-8"))


def balikpapan_statements() -> StatementsRead:
    """The five figures of the 1 February 2025 Balikpapan article (sample
    ``balikpapan_statements``: 438 on record, 390 in 2023, 113 identified, 125 "entering 2025"
    with "growth of nine", 134 by February 2025) read as :func:`koperasi.read_statements`
    reads them; :func:`koperasi.check_statements` gives its two findings."""
    return read_statements(text("balikpapan_statements").encode("utf-8"))
