"""Bestanden atomair schrijven: een onderbroken run laat het oude of het volledige nieuwe bestand
achter, nooit een half bestand."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from azc_kwaliteit.domein.fouten import SchrijfFout


def schrijf_atomair(pad: Path, tekst: str | Iterable[str]) -> None:
    """Schrijf ``tekst`` atomair naar ``pad`` (zie ``_schrijf``); een fout van het systeem (geen
    rechten, schijf vol) wordt een ``SchrijfFout`` die het pad noemt."""
    try:
        _schrijf(pad, tekst)
    except OSError as e:
        raise SchrijfFout(str(pad), f"kan niet schrijven ({e.strerror or e})") from None


def _schrijf(pad: Path, tekst: str | Iterable[str]) -> None:
    """Schrijf ``tekst`` (UTF-8; één string of stukken na elkaar) naar een tijdelijk bestand naast
    ``pad`` en hernoem het dan. Een symlink blijft staan: het bestand waar hij naar wijst wordt
    vervangen. Een apparaat of pijp (``/dev/null``, ``/dev/stdout``, een FIFO) valt niet te
    vervangen en krijgt de tekst rechtstreeks."""
    delen = [tekst] if isinstance(tekst, str) else tekst
    doel = pad.resolve() if pad.is_symlink() else pad
    try:
        gewoon = stat.S_ISREG(os.stat(doel).st_mode)
    except FileNotFoundError:
        gewoon = True  # een nieuw bestand
    if not gewoon:
        with open(doel, "w", encoding="utf-8", newline="\n") as f:
            f.writelines(delen)
        return
    map_ = doel.parent if str(doel.parent) else Path(".")
    map_.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=map_)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.writelines(delen)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, doel)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tijdelijk)
        raise
