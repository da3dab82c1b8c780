# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De beoordelingen van een batch vinden: recursief, in vaste volgorde, elk bestand één keer, en
niets buiten de opgegeven mappen.

Een symbolische koppeling naar iets buiten de map (een bestand of een map) wordt niet gevolgd,
een pijp (FIFO), apparaat of socket niet geopend (dat zou de batch laten wachten), en een
koppeling naar een beoordeling die de batch toch al leest, telt niet dubbel. Zulke bestanden
worden overgeslagen met de reden erbij.
Een map die twee keer, of langs een andere weg, genoemd wordt, telt één keer.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from azc_kwaliteit.domein.fouten import Probleem, bestandsnaam
from azc_kwaliteit.domein.vertalen import _

EXTENSIES = (".yaml", ".yml")


class Overgeslagen(NamedTuple):
    bestand: str
    reden: str


class Bestanden:
    """De beoordelingen (*.yaml, *.yml) onder een aantal mappen. Doorlopen gaat zonder lijst in
    het geheugen, hoeveel bestanden het ook zijn; ``len`` loopt de mappen daarvoor één keer extra
    af. Wat bij het doorlopen is overgeslagen, staat daarna in ``overgeslagen``."""

    def __init__(self, wortels: Sequence[Path]) -> None:
        self._wortels = wortels
        self._aantal: int | None = None
        self.overgeslagen: list[Overgeslagen] = []

    def __iter__(self) -> Iterator[Path]:
        self.overgeslagen = []
        for map_, naam, reden in self._kandidaten():
            pad = Path(map_, naam)  # een los bestand: Path(bestand, "") is het bestand zelf
            if reden is None:
                yield pad
            else:
                self.overgeslagen.append(Overgeslagen(bestandsnaam(pad), reden))

    def __len__(self) -> int:
        if self._aantal is None:
            self._aantal = sum(1 for *_, reden in self._kandidaten() if reden is None)
        return self._aantal

    def __contains__(self, pad: object) -> bool:
        return any(pad == p for p in self)

    def _kandidaten(self) -> Iterator[tuple[Path | str, str, str | None]]:
        """(map, naam, reden om over te slaan of None) per bestand met de juiste extensie; tellen
        gaat zo zonder een ``Path`` per bestand te maken."""
        for wortel in self._wortels:
            if wortel.is_dir():
                yield from self._in_map(str(wortel), os.path.realpath(wortel))
            else:
                yield wortel, "", None  # een los genoemd bestand (ook /dev/stdin) lezen we gewoon

    def _in_map(self, map_: str, wortel: str) -> Iterator[tuple[str, str, str | None]]:
        try:
            with os.scandir(map_) as it:
                items = sorted(it, key=lambda e: e.name)
        except OSError:
            return  # een onleesbare submap: de bestanden erin zijn er voor ons niet
        for item in items:
            if item.is_dir(follow_symlinks=False):
                yield from self._in_map(item.path, wortel)
            elif item.is_symlink() and _buiten(doel := os.path.realpath(item.path), wortel) and (
                    os.path.isdir(doel)):  # wat een map erbinnen bevat, telt al via die map
                yield map_, item.name, _buiten_de_map(doel)
            elif item.name.lower().endswith(EXTENSIES):
                yield map_, item.name, None if item.is_file(follow_symlinks=False) else _reden(
                    item, wortel)


def _reden(item: os.DirEntry[str], wortel: str) -> str | None:
    """Waarom dit bestand (geen gewoon bestand) niet gelezen wordt, of None als het een koppeling
    is naar een gewone beoordeling binnen de map."""
    if not item.is_symlink():
        return _("geen gewoon bestand (een pijp, apparaat of socket); overgeslagen")
    doel = os.path.realpath(item.path)
    try:
        modus = os.stat(doel).st_mode
    except OSError:
        return None  # een kapotte koppeling of een lus: het lezen meldt dat als fout
    if _buiten(doel, wortel):
        return _buiten_de_map(doel)
    if not stat.S_ISREG(modus):
        return _("koppeling naar iets dat geen gewoon bestand is; overgeslagen")
    if doel.lower().endswith(EXTENSIES):
        return _("koppeling naar {doel}, dat al in deze batch zit; niet dubbel geteld").format(
            doel=bestandsnaam(doel))
    return None


def _buiten(doel: str, wortel: str) -> bool:
    return os.path.commonpath([doel, wortel]) != wortel


def _buiten_de_map(doel: str) -> str:
    return _("symbolische koppeling naar {doel}, buiten de opgegeven map; overgeslagen").format(
        doel=bestandsnaam(doel))


def zoek_bestanden(mappen: Sequence[Path]) -> tuple[Bestanden, list[Probleem]]:
    """De beoordelingen onder ``mappen``, elk één keer, en een probleem voor elke map die niet
    bestaat. Een map of bestand binnen een andere opgegeven map telt niet apart, ook niet als het
    langs een andere weg (``./a``, ``a/../a``, een koppeling) genoemd wordt."""
    wortels: list[Path] = []
    echt: list[str] = []
    problemen: list[Probleem] = []
    mappen_echt = [(m, os.path.realpath(m)) for m in mappen]
    for map_, pad in mappen_echt:
        if not (map_.exists() or map_.is_symlink()):
            problemen.append(Probleem(bestandsnaam(map_), None, _("map of bestand bestaat niet")))
        elif pad not in echt and not any(
                os.path.isdir(ander) and ander != pad and os.path.commonpath([pad, ander]) == ander
                for _pad, ander in mappen_echt):
            wortels.append(map_)
            echt.append(pad)
    return Bestanden(wortels), problemen
