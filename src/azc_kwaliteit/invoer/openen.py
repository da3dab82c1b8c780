# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Bestanden openen: het (ingebouwde) kader en beoordelingen, tot gecontroleerde modellen."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from azc_kwaliteit.domein.fouten import Probleem, bestandsnaam
from azc_kwaliteit.domein.kadertaal import in_taal
from azc_kwaliteit.domein.modellen import Beoordeling, Kader, KaderHerkomst
from azc_kwaliteit.domein.vertalen import taal
from azc_kwaliteit.invoer.laden import YamlDocument, decodeer, lees_bestand, lees_tekst
from azc_kwaliteit.invoer.valideren import kader_waarschuwingen, valideer_beoordeling, valideer_kader

STANDAARD_KADER = "kind-in-azc.yaml"


@dataclass(frozen=True)
class GeladenKader:
    """Een kader met zijn herkomst, zodat elke uitvoer kan zeggen welke normen golden."""

    kader: Kader
    bestand: str
    hash: str
    """De eerste 12 tekens van de SHA-256 van het kaderbestand."""
    lees_document: Callable[[], YamlDocument] | None = field(default=None, repr=False,
                                                             compare=False)
    """Leest het kaderbestand met regelnummers, voor ``waarschuwingen`` (alleen als erom
    gevraagd wordt: uit de cache komt het kader zonder dat YAML gelezen is)."""

    @cached_property
    def document(self) -> YamlDocument | None:
        return None if self.lees_document is None else self.lees_document()

    def waarschuwingen(self) -> list[Probleem]:
        """Wat het kader mag maar wat moeilijk te verdedigen is (``kader_waarschuwingen``); pas
        uitgerekend als erom gevraagd wordt, want alleen 'kader controleer' toont het."""
        return [] if self.document is None else kader_waarschuwingen(self.document, self.kader)

    @property
    def herkomst(self) -> KaderHerkomst:
        return {"id": self.kader.kader.id, "versie": self.kader.kader.versie,
                "hash": self.hash, "bestand": self.bestand}


def laad_kader(pad: Path | None = None) -> GeladenKader:
    """Het kader uit ``pad``, of het ingebouwde standaardkader, met zijn teksten in de gekozen
    taal (``kadertaal``; de hash blijft die van het bestand)."""
    if pad is None:
        return _standaard_kader(taal())
    doc = lees_bestand(pad)
    return GeladenKader(in_taal(valideer_kader(doc), taal()), bestandsnaam(pad),
                        _hash(pad.read_bytes()), lambda: doc)


@lru_cache(maxsize=2)
def _standaard_kader(taal: str) -> GeladenKader:
    ruw = resources.files("azc_kwaliteit").joinpath("kaders", STANDAARD_KADER).read_bytes()
    naam = f"<ingebouwd>/{STANDAARD_KADER}"

    def lees() -> YamlDocument:
        return lees_tekst(decodeer(ruw, naam), naam)

    return GeladenKader(in_taal(_standaard_gevalideerd(ruw, lees), taal), naam, _hash(ruw), lees)


def _standaard_gevalideerd(ruw: bytes, lees: Callable[[], YamlDocument]) -> Kader:
    """Het ingebouwde kader, gecontroleerd. Het YAML-bestand lezen kost bij elke start tientallen
    milliseconden; daarom bewaart de eerste start het gecontroleerde kader als JSON in de cachemap
    (``domein.plekken``), onder de SHA-256 van het kaderbestand, de modellen en de kadercontrole
    (``valideren``): verandert een van die drie, dan geldt een nieuwe sleutel. Een volgende start
    controleert die JSON opnieuw met dezelfde modellen (pydantic leest JSON in Rust, in een paar
    milliseconden); is hij er niet, onleesbaar of ongeldig, dan geldt het YAML-bestand."""
    from azc_kwaliteit.domein import modellen
    from azc_kwaliteit.domein.plekken import cachemap
    from azc_kwaliteit.invoer import valideren

    sleutel = hashlib.sha256(ruw + Path(modellen.__file__).read_bytes()
                             + Path(valideren.__file__).read_bytes()).hexdigest()[:32]
    pad = cachemap() / f"kader-{sleutel}.json"
    try:
        return Kader.model_validate_json(pad.read_bytes())
    except (OSError, ValueError):
        pass
    kader = valideer_kader(lees())
    try:  # een cache die niet te schrijven is, is geen fout: dan de volgende keer weer YAML
        pad.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=pad.parent, suffix=".tmp", delete=False) as f:
            f.write(kader.model_dump_json().encode("utf-8"))
        os.replace(f.name, pad)
    except OSError:
        pass
    return kader


def laad_beoordeling(pad: Path, kader: Kader,
                     naam: str | None = None) -> tuple[Beoordeling, YamlDocument]:
    """Een beoordeling uit ``pad``, gecontroleerd tegen ``kader``, met het document erbij
    (waarin de regel van elk antwoord staat)."""
    doc = lees_bestand(pad, naam)
    return valideer_beoordeling(doc, kader), doc


def _hash(ruw: bytes) -> str:
    return hashlib.sha256(ruw).hexdigest()[:12]
