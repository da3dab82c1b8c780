# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De cachemap die de start van één ``beoordeel`` snel houdt: het ingebouwde kader als
gecontroleerde JSON en de gecompileerde sjablonen. Een cache verandert nooit een uitkomst, en
een kapotte, vreemde of onschrijfbare cache is nooit een fout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import VOORBEELDEN

KRITIEK = VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml"


def _draai(cache: Path, *args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    """Een beoordeling in een vers proces met ``cache`` als cachemap; ``code`` erna draait in
    hetzelfde proces (om te zien welke modules er geladen zijn)."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache), NO_COLOR="1")
    programma = ("import sys\nfrom azc_kwaliteit.cli import main\n"
                 f"try:\n    main({list(args)!r})\nexcept SystemExit as e:\n"
                 f"    code = e.code\n{code}\nsys.exit(code)\n")
    return subprocess.run([sys.executable, "-c", programma], env=env, capture_output=True,
                          text=True, check=False, timeout=120)


def test_tweede_start_leest_het_kader_uit_de_cache_zonder_yaml(tmp_path: Path) -> None:
    eerste = _draai(tmp_path, "beoordeel", str(KRITIEK))
    kaders = list((tmp_path / "azc-kwaliteit").glob("kader-*.json"))
    assert eerste.returncode == 0 and len(kaders) == 1
    assert json.loads(kaders[0].read_text(encoding="utf-8"))["kader"]["id"] == "kind-in-azc"
    assert list((tmp_path / "azc-kwaliteit").glob("sjablonen-*/*.cache"))
    tweede = _draai(tmp_path, "beoordeel", str(KRITIEK),
                    code="print('YAML GELADEN' if 'yaml' in sys.modules else 'ZONDER YAML')")
    assert tweede.returncode == 0 and "ZONDER YAML" in tweede.stdout
    assert tweede.stdout.replace("ZONDER YAML\n", "") == eerste.stdout  # dezelfde uitslag


@pytest.mark.parametrize("inhoud", [b"", b"{kapot", json.dumps({"kader": {"id": "x"}}).encode(),
                                    b"\xff\xfe"])
def test_een_kapotte_kadercache_geeft_het_yaml_kader_en_wordt_hersteld(tmp_path: Path,
                                                                       inhoud: bytes) -> None:
    goed = _draai(tmp_path, "beoordeel", str(KRITIEK), "-f", "json")
    (kader,) = (tmp_path / "azc-kwaliteit").glob("kader-*.json")
    kader.write_bytes(inhoud)
    r = _draai(tmp_path, "beoordeel", str(KRITIEK), "-f", "json")
    assert r.returncode == 0 and r.stdout == goed.stdout and r.stderr == ""
    assert json.loads(kader.read_text(encoding="utf-8"))["kader"]["id"] == "kind-in-azc"


def test_een_vervalst_kader_in_de_cache_wordt_ook_gecontroleerd(tmp_path: Path) -> None:
    """De cache is JSON die opnieuw door de modellen gaat: een criterium zonder verplicht veld
    haalt de indeling niet, het YAML-kader neemt het over."""
    goed = _draai(tmp_path, "beoordeel", str(KRITIEK), "-f", "json")
    (kader,) = (tmp_path / "azc-kwaliteit").glob("kader-*.json")
    data = json.loads(kader.read_text(encoding="utf-8"))
    del data["criteria"][0]["bronnen"]
    kader.write_text(json.dumps(data), encoding="utf-8")
    r = _draai(tmp_path, "beoordeel", str(KRITIEK), "-f", "json")
    assert r.returncode == 0 and r.stdout == goed.stdout


def test_een_cachemap_die_niet_kan_bestaan_is_geen_fout(tmp_path: Path) -> None:
    bestand = tmp_path / "geen-map"
    bestand.write_text("dit is een bestand, geen map")
    r = _draai(bestand, "beoordeel", str(KRITIEK))
    assert r.returncode == 0 and "CATEGORIE 1" in r.stdout and r.stderr == ""


def test_kader_controleer_leest_het_yaml_alleen_als_het_nodig_is(tmp_path: Path) -> None:
    """Uit de cache heeft het kader geen regelnummers; ``kader controleer`` leest dan toch het
    bestand, zodat een waarschuwing ``bestand:regel`` houdt."""
    _draai(tmp_path, "beoordeel", str(KRITIEK))
    r = _draai(tmp_path, "kader", "controleer",
               code="print('YAML GELADEN' if 'yaml' in sys.modules else 'ZONDER YAML')")
    assert r.returncode == 0 and "is in orde" in r.stdout and "YAML GELADEN" in r.stdout


def test_de_sjablooncache_onthoudt_geen_taal(tmp_path: Path) -> None:
    """Een filter op een vaste waarde (``"kritiek" | woord``) mag niet in de taal van de eerste
    start in de gecompileerde sjablonen belanden: na een Engelse run is de Nederlandse nog
    Nederlands, in een nieuw proces met dezelfde cache en in hetzelfde proces."""
    en = _draai(tmp_path, "--taal", "en", "batch", str(VOORBEELDEN), "-f", "markdown")
    assert "| 1 critical |" in en.stdout
    nl = _draai(tmp_path, "batch", str(VOORBEELDEN), "-f", "markdown")
    assert "| 1 kritiek |" in nl.stdout and "critical" not in nl.stdout
    beide = _draai(tmp_path, "--taal", "en", "batch", str(VOORBEELDEN), "-f", "markdown",
                   code="main(['batch', " + repr(str(VOORBEELDEN)) + ", '-f', 'markdown'])")
    assert beide.stdout.count("| 1 critical |") == 1 and "| 1 kritiek |" in beide.stdout
