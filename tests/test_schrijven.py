# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Uitvoer schrijven: atomair naar gewone bestanden, rechtstreeks naar apparaten en pijpen, en door
een symlink heen, zoals ``--uitvoer /dev/null`` of ``--json resultaten.json`` verwacht."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from azc_kwaliteit.uitvoer.schrijven import schrijf_atomair
from conftest import VOORBEELDEN, draai


def test_gewoon_bestand_atomair_zonder_restjes(tmp_path: Path) -> None:
    pad = tmp_path / "map" / "uit.txt"
    schrijf_atomair(pad, "oud\n")
    schrijf_atomair(pad, iter(["nieuw ", "in stukken\n"]))
    assert pad.read_text(encoding="utf-8") == "nieuw in stukken\n"
    assert [p.name for p in pad.parent.iterdir()] == ["uit.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="geen FIFO op dit platform")
def test_een_pijp_blijft_een_pijp_en_krijgt_de_tekst(tmp_path: Path) -> None:
    """Zoals /dev/null of /dev/stdout: vervangen door een gewoon bestand zou het apparaat zelf
    weghalen (als root zelfs /dev/null)."""
    pijp = tmp_path / "pijp"
    os.mkfifo(pijp)
    lezer = os.open(pijp, os.O_RDONLY | os.O_NONBLOCK)
    try:
        schrijf_atomair(pijp, "door de pijp\n")
        assert os.read(lezer, 100) == b"door de pijp\n"
    finally:
        os.close(lezer)
    assert stat.S_ISFIFO(os.stat(pijp).st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks vragen rechten op Windows")
def test_een_symlink_blijft_staan_en_het_doel_wordt_vervangen(tmp_path: Path) -> None:
    doel = tmp_path / "echt.json"
    doel.write_text("oud", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(doel)
    schrijf_atomair(link, "nieuw")
    assert link.is_symlink() and doel.read_text(encoding="utf-8") == "nieuw"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="geen FIFO op dit platform")
def test_batch_uitvoer_naar_een_pijp(runner: CliRunner, tmp_path: Path) -> None:
    pijp = tmp_path / "pijp"
    os.mkfifo(pijp)
    lezer = os.open(pijp, os.O_RDONLY | os.O_NONBLOCK)
    try:
        r = draai(runner, "batch", str(VOORBEELDEN / "goed-amv-kleinschalig.yaml"), "--formaat",
                  "json", "--uitvoer", str(pijp), "--stil")
        assert r.exit_code == 0, r.stderr
        assert b'"categorie":' in os.read(lezer, 65536)
    finally:
        os.close(lezer)
    assert stat.S_ISFIFO(os.stat(pijp).st_mode)
