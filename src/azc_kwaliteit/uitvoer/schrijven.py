# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Bestanden atomair schrijven: een onderbroken run laat het oude of het volledige nieuwe bestand
achter, nooit een half bestand."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from azc_kwaliteit.domein.fouten import SchrijfFout, bestandsnaam, systeemreden
from azc_kwaliteit.domein.vertalen import _


def schrijf_atomair(pad: Path, tekst: str | bytes | Iterable[str]) -> None:
    """Schrijf ``tekst`` atomair naar ``pad`` (zie ``_schrijf``); een fout van het systeem (geen
    rechten, schijf vol) wordt een ``SchrijfFout`` die het pad noemt."""
    try:
        _schrijf(pad, tekst)
    except OSError as e:
        raise SchrijfFout(bestandsnaam(pad), _("kan niet schrijven ({waarde})").format(
            waarde=systeemreden(e))) from None


def _schrijf(pad: Path, tekst: str | bytes | Iterable[str]) -> None:
    """Schrijf ``tekst`` (UTF-8; één string of stukken na elkaar; of bytes, zoals een .xlsx) naar
    een tijdelijk bestand naast ``pad`` en hernoem het dan. Een symlink blijft staan: het bestand
    waar hij naar wijst wordt vervangen. Een apparaat of pijp (``/dev/null``, ``/dev/stdout``,
    een FIFO) valt niet te vervangen en krijgt de tekst rechtstreeks."""
    delen: Iterable[bytes] = ([tekst] if isinstance(tekst, bytes) else
                              (d.encode("utf-8") for d in ([tekst] if isinstance(tekst, str)
                                                           else tekst)))
    doel = pad.resolve() if pad.is_symlink() else pad
    try:
        bestaand = os.stat(doel)
    except FileNotFoundError:
        bestaand = None  # een nieuw bestand
    if bestaand is not None and not stat.S_ISREG(bestaand.st_mode):
        with open(doel, "wb") as f:
            f.writelines(delen)
        return
    map_ = doel.parent if str(doel.parent) else Path(".")
    map_.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=_ACHTER, dir=map_)
    try:
        # mkstemp maakt 0600; een rapport moet leesbaar zijn zoals elk ander bestand van de
        # gebruiker: de rechten van het bestand dat het vervangt, anders wat de umask toestaat
        os.fchmod(fd, stat.S_IMODE(bestaand.st_mode) if bestaand is not None else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as f:
            f.writelines(delen)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, doel)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tijdelijk)
        raise


_ACHTER = ".tmp"
_HALF = re.compile(r"\.(.+)\.[a-z0-9_]{8}\.tmp")
"""De naam die ``mkstemp`` een tijdelijk bestand hier geeft: ``.<doel>.<8 tekens>.tmp``."""


def ruim_halve_op(map_: Path, namen: Iterable[str] | None = None) -> None:
    """Verwijder de tijdelijke bestanden die ``schrijf_atomair`` in ``map_`` achterliet toen een
    proces midden in het schrijven stopte (een worker die een sein kreeg vlak na ``mkstemp``);
    met ``namen`` alleen die van deze doelbestanden. Andere bestanden blijven staan."""
    doelen = None if namen is None else set(namen)
    try:
        items = list(os.scandir(map_))
    except OSError:
        return
    for item in items:
        m = _HALF.fullmatch(item.name)
        if m and (doelen is None or m.group(1) in doelen) and item.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(item.path)


def _umask() -> int:
    """De umask van het proces (alleen te lezen door hem even te zetten)."""
    huidig = os.umask(0o022)
    os.umask(huidig)
    return huidig
