# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Gedeelde hulpmiddelen voor de tests: een klein kader, beoordelingen bouwen, de CLI draaien."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from azc_kwaliteit.cli import app
from azc_kwaliteit.domein import vertalen
from azc_kwaliteit.domein.modellen import Beoordeling, Kader
from azc_kwaliteit.invoer.openen import laad_kader

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    """Een eigen cachemap voor de hele testrun (ook voor de subprocessen): de tests lezen of
    vullen nooit de cache van wie ze draait (``domein.plekken``)."""
    import os
    import tempfile

    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="azc-cache-")
VOORBEELDEN = ROOT / "voorbeelden"

MINI_KADER: dict[str, Any] = {
    "kader": {"id": "mini", "naam": "Mini-kader voor tests", "versie": "1",
              "bronnen": {"bron": "Een bron"}},
    "indeling": {"kritiek_onder": 0.5, "goed_vanaf": 0.8, "min_dekking": 0.9},
    "pijlers": [{"id": "voorzieningen", "naam": "Voorzieningen"},
                {"id": "bescherming", "naam": "Bescherming"},
                {"id": "participatie", "naam": "Participatie"}],
    "criteria": [
        {"id": "school", "pijler": "voorzieningen", "titel": "School", "vraag": "Welk deel?",
         "type": "getal", "eenheid": "%", "norm": {"min": 95}, "deels": {"min": 75},
         "gewicht": 3, "kritiek": True, "bronnen": ["bron 1"], "toelichting": "t",
         "advies": "a"},
        {"id": "keuken", "pijler": "voorzieningen", "titel": "Keuken", "vraag": "Keuken?",
         "type": "ja_nee", "gewicht": 1, "doelgroepen": ["gezinnen"],
         "fasen": ["gepland", "in_gebruik"], "bronnen": ["bron"], "toelichting": "t",
         "advies": "a"},
        {"id": "spelen", "pijler": "voorzieningen", "titel": "Spelen", "vraag": "Hoe?",
         "type": "schaal", "niveaus": {1: "geen", 2: "matig", 3: "voldoende", 4: "goed"},
         "norm": {"voldoet": 3, "deels": 2}, "gewicht": 1, "fasen": ["gepland", "in_gebruik"],
         "bronnen": ["bron"], "toelichting": "t", "advies": "a"},
        {"id": "verhuizingen", "pijler": "bescherming", "titel": "Verhuizingen",
         "vraag": "Hoe vaak?", "type": "getal", "norm": {"max": 1}, "deels": {"max": 2},
         "gewicht": 2, "bronnen": ["bron"], "toelichting": "t", "advies": "a"},
        {"id": "mentor", "pijler": "bescherming", "titel": "Mentor", "vraag": "Mentor?",
         "type": "ja_nee", "gewicht": 2, "doelgroepen": ["amv"], "bronnen": ["bron"],
         "toelichting": "t", "advies": "a"},
        {"id": "crisis-baby", "pijler": "bescherming", "titel": "Geen baby's",
         "vraag": "Baby's?", "type": "ja_nee", "verwacht": "nee", "gewicht": 1,
         "kritiek": True, "soorten": ["crisisnoodopvang"], "bronnen": ["bron"],
         "toelichting": "t", "advies": "a"},
        {"id": "gehoord", "pijler": "participatie", "titel": "Gehoord", "vraag": "Hoe?",
         "type": "schaal", "niveaus": {1: "niet", 2: "soms", 3: "vast"},
         "norm": {"voldoet": 3, "deels": 2}, "gewicht": 2, "bronnen": ["bron"],
         "toelichting": "t", "advies": "a"},
        {"id": "klachten", "pijler": "participatie", "titel": "Klachten", "vraag": "Klachten?",
         "type": "ja_nee", "gewicht": 1, "fasen": ["gepland", "in_gebruik"],
         "bronnen": ["bron"], "toelichting": "t", "advies": "a"},
    ],
}

BESTE = {"school": 100, "keuken": "ja", "spelen": 4, "verhuizingen": 0, "mentor": "ja",
         "crisis-baby": "nee", "gehoord": 3, "klachten": "ja"}
SLECHTSTE = {"school": 10, "keuken": "nee", "spelen": 1, "verhuizingen": 5, "mentor": "nee",
             "crisis-baby": "ja", "gehoord": 1, "klachten": "nee"}


def mini_kader(**wijzig: Any) -> Kader:
    data = copy.deepcopy(MINI_KADER)
    for sleutel, waarde in wijzig.items():
        data[sleutel] = waarde
    return Kader.model_validate(data)


def locatie(**over: Any) -> dict[str, Any]:
    loc = {"naam": "Testlocatie", "gemeente": "Testgemeente", "soort": "noodopvang",
           "status": "in_gebruik", "capaciteit": 100, "doelgroepen": ["gezinnen"],
           "draagvlak_regio": "ja"}
    loc.update(over)
    return loc


def document(antwoorden: dict[str, Any], **loc: Any) -> dict[str, Any]:
    return {"locatie": locatie(**loc),
            "beoordeling": {"datum": "2026-01-15", "beoordelaar": "Testteam"},
            "antwoorden": antwoorden}


def beoordeling(antwoorden: dict[str, Any], **loc: Any) -> Beoordeling:
    return Beoordeling.model_validate(document(antwoorden, **loc))


def schrijf(pad: Path, data: Any) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    tekst = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                             sort_keys=False)
    pad.write_text(tekst, encoding="utf-8")
    return pad


def beste_antwoorden_standaard(status: str = "in_gebruik", doelgroepen: tuple[str, ...] = (
        "gezinnen", "amv"), soort: str = "noodopvang") -> dict[str, Any]:
    """Een antwoord dat voldoet op elk toepasselijk criterium van het ingebouwde kader."""
    from azc_kwaliteit.domein.modellen import GetalCriterium, JaNeeCriterium
    from azc_kwaliteit.indeling.toepassing import toepasselijk

    antwoorden: dict[str, Any] = {}
    for c in toepasselijk(laad_kader().kader, doelgroepen, status, soort):
        if isinstance(c, JaNeeCriterium):
            antwoorden[c.id] = c.verwacht
        elif isinstance(c, GetalCriterium):
            antwoorden[c.id] = c.norm.min if c.norm.min is not None else c.norm.max
        else:
            antwoorden[c.id] = max(c.niveaus)
    return antwoorden


@pytest.fixture(autouse=True)
def nederlands() -> Any:
    """Elke test begint en eindigt in het Nederlands: een test met --taal en (in hetzelfde proces)
    laat de taal niet achter voor de volgende."""
    vertalen.kies("nl")
    yield
    vertalen.kies("nl")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def draai(runner: CliRunner, *args: str) -> Any:
    """Draai de CLI in-process; toont stdout en stderr als een bewering faalt."""
    resultaat = runner.invoke(app, list(args), catch_exceptions=False,
                              env={"NO_COLOR": "1", "COLUMNS": "120"})
    return resultaat


def ctrl_c_bij_prompt(kind: Any, prompt: str = "Antwoord") -> None:
    """Ctrl-C zoals een inspecteur het geeft: als de prompt er staat en het programma op invoer
    wacht. Een SIGINT in de microseconden tussen de prompt en de ``read()`` van ``input()`` ziet
    CPython pas bij de volgende invoer (de vlag staat, maar ``read`` blokkeert al); onder CI-last
    viel de test daar in. Even wachten laat het kind eerst in ``read`` staan."""
    import time

    kind.expect(prompt)
    time.sleep(0.5)
    kind.sendintr()
