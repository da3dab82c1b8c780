# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De kern zonder de CLI: de batch-API en het invulgesprek zijn direct aan te roepen (zoals een
tweede voorkant dat zou doen), er is één toepasselijkheidsregel, en alleen de eigen foutsoorten
worden een gebruikersfout (code 2)."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from azc_kwaliteit import cli
from azc_kwaliteit.batch.uitvoeren import BatchOpties, draai
from azc_kwaliteit.domein.fouten import InvoerFout, SchrijfFout
from azc_kwaliteit.domein.modellen import Doelgroep, Fase, Soort
from azc_kwaliteit.indeling.categorie import deel_in
from azc_kwaliteit.indeling.toepassing import toepasselijk
from azc_kwaliteit.invoer.openen import laad_kader
from azc_kwaliteit.invullen.vragenlijst import Gesprek
from conftest import VOORBEELDEN, beoordeling, beste_antwoorden_standaard, schrijf

KRITIEK = VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml"


def test_batch_api_geeft_een_getypt_resultaat_en_schrijft_de_extra_uitvoer(tmp_path: Path) -> None:
    schrijf(tmp_path / "in" / "kapot.yaml", "locatie: [")
    opties = BatchOpties(mappen=[VOORBEELDEN, tmp_path / "in"], kader=laad_kader(), faal_bij=1,
                         extra={"json": tmp_path / "uit.json", "junit": tmp_path / "uit.xml"})
    stappen: list[int] = []

    from contextlib import contextmanager

    @contextmanager
    def voortgang(totaal: int):  # type: ignore[no-untyped-def]
        stappen.append(totaal)
        yield lambda: stappen.append(-1)

    with draai(opties, voortgang) as r:
        s = r.data["samenvatting"]
        aantal = len(list(VOORBEELDEN.glob("*.yaml")))
        assert s["beoordelingen"] == aantal and s["ongeldig"] == r.ongeldig == 1
        assert s["kritiek"] + s["verbeterbaar"] + s["goed"] + s["onvoldoende_beoordeeld"] == aantal
        assert r.gezakt == s["kritiek"] + s["onvoldoende_beoordeeld"] > 0
        assert r.geschreven == [tmp_path / "uit.json", tmp_path / "uit.xml"]
        eerste = next(iter(r.data["resultaten"]))
        assert eerste["categorie"] == 1 and eerste["bestand"].endswith(".yaml")
        assert [f["bestand"] for f in r.data["fouten"]] == [str(tmp_path / "in" / "kapot.yaml")]
        tekst = "".join(r.tekst("tekst"))
    assert stappen[0] == aantal + 1 and stappen.count(-1) == aantal + 1
    assert "kapot.yaml" in tekst
    assert json.loads((tmp_path / "uit.json").read_text())["samenvatting"] == s
    assert "<testsuite" in (tmp_path / "uit.xml").read_text()


def test_batch_api_meldt_een_lege_map_en_een_onschrijfbaar_pad(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    with pytest.raises(InvoerFout, match="geen beoordelingen"), \
            draai(BatchOpties(mappen=[tmp_path / "leeg"], kader=laad_kader())):
        pass
    (tmp_path / "bestand").write_text("x")
    opties = BatchOpties(mappen=[KRITIEK], kader=laad_kader(),
                         extra={"json": tmp_path / "bestand" / "uit.json"})
    with pytest.raises(SchrijfFout, match=r"bestand/uit\.json: kan niet schrijven"), draai(opties):
        pass


def test_het_gesprek_is_zonder_terminal_te_voeren(tmp_path: Path) -> None:
    pad = tmp_path / "b.yaml"
    g = Gesprek(pad, laad_kader().kader)
    assert not g.bestond and g.nummer[:2] == ("locatie", 1)
    assert g.vraag.sleutel == ("locatie", "naam")
    assert g.geef("?").uitleg  # uitleg, dezelfde vraag
    assert g.nummer[:2] == ("locatie", 1)
    assert g.geef("  ").fout == "mag niet leeg zijn"
    for antwoord in ("De Brug", "Voorbeeldstad", "noodopvang"):
        assert g.geef(antwoord).fout is None
    assert g.vraag.sleutel == ("locatie", "status") and g.standaard == "in gebruik"
    assert g.geef("<").fout is None and g.vraag.sleutel == ("locatie", "soort")
    assert g.standaard == "noodopvang"  # het eerdere antwoord komt terug
    g.geef("")  # Enter: de standaard zou de voorkant invullen; leeg is ongeldig
    assert g.vraag.sleutel == ("locatie", "soort")
    g.geef("noodopvang")
    for antwoord in ("in_gebruik", "gezinnen", "120", "onbekend", "2026-05-01", "Team A"):
        assert g.geef(antwoord).fout is None, antwoord
    assert g.vraag.criterium is not None
    opgeslagen = yaml.safe_load(pad.read_text())
    assert opgeslagen["locatie"]["naam"] == "De Brug"
    assert opgeslagen["beoordeling"]["beoordelaar"] == "Team A"
    vraag = g.vraag
    assert g.geef("dit is geen antwoord").fout is not None and g.vraag is vraag
    # verder met hetzelfde bestand begint bij de eerste open vraag
    verder = Gesprek(pad, laad_kader().kader)
    assert verder.bestond and verder.vraag.sleutel == vraag.sleutel


def test_een_regel_voor_toepasselijkheid() -> None:
    """Wat het sjabloon vraagt, is precies wat de indeling niet 'nvt' noemt, voor elke
    combinatie van doelgroepen, soort en fase."""
    kader = laad_kader().kader
    groepen = [("gezinnen",), ("amv",), ("gezinnen", "amv")]
    for doel, soort, fase in itertools.product(groepen, Soort, Fase):
        gevraagd = {c.id for c in toepasselijk(kader, doel, fase, soort)}
        b = beoordeling({}, doelgroepen=list(doel), soort=soort.value, status=fase.value)
        u = deel_in(kader, b, plantoets=fase == Fase.gepland)
        assert gevraagd == {c.id for c in u.criteria if c.nvt_reden is None}, (doel, soort, fase)
    # zonder soort (een leeg sjabloon): elk soortspecifiek criterium hoort erbij
    alle = {c.id for c in toepasselijk(kader, [d.value for d in Doelgroep], "in_gebruik", None)}
    assert alle == {c.id for c in kader.criteria if "in_gebruik" in c.fasen}


def test_de_beste_antwoorden_van_de_tests_volgen_dezelfde_regel() -> None:
    kader = laad_kader().kader
    for soort in Soort:
        antwoorden = beste_antwoorden_standaard(soort=soort.value)
        assert set(antwoorden) == {c.id for c in toepasselijk(kader, ["gezinnen", "amv"],
                                                              "in_gebruik", soort.value)}


def test_schrijven_dat_mislukt_noemt_het_pad(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bestand").write_text("x")
    doel = tmp_path / "bestand" / "rapport.md"
    with pytest.raises(SystemExit) as e:
        cli.main(["beoordeel", str(KRITIEK), "-f", "markdown", "-o", str(doel)])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.strip() == f"fout: {doel}: kan niet schrijven (een deel van het pad is geen map)"


def test_uitvoer_naar_head_is_geen_poort_en_geen_traceback(tmp_path: Path) -> None:
    """'| head' sluit de pijp voordat alles geschreven is: geen traceback, en niet code 1 (de
    poort) of 3 (een bug), maar 141 zoals de shell SIGPIPE telt (de poort zakt hier niet: alle
    locaties zijn goed)."""
    for i in range(150):
        schrijf(tmp_path / f"b{i:03}.yaml", {
            "locatie": {"naam": f"Locatie {i}", "gemeente": "Stad", "soort": "noodopvang",
                        "status": "in_gebruik", "doelgroepen": ["gezinnen", "amv"],
                        "capaciteit": 100},
            "beoordeling": {"datum": "2026-05-01", "beoordelaar": "T"},
            "antwoorden": beste_antwoorden_standaard()})
    proces = subprocess.Popen([sys.executable, "-m", "azc_kwaliteit", "batch", str(tmp_path),
                               "--formaat", "json", "--faal-bij", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proces.stdout is not None and proces.stderr is not None
    proces.stdout.read(100)
    proces.stdout.close()
    err = proces.stderr.read().decode()
    proces.stderr.close()
    assert proces.wait(timeout=120) == 141
    assert "Traceback" not in err and "interne fout" not in err


def _met_pydantic_plugin(tmp_path: Path, env_extra: dict[str, str]) -> tuple[int, bool]:
    """``beoordeel`` in een omgeving waar een Pydantic-plug-in geïnstalleerd is (een echte
    entry point in een .dist-info op het pad); of de plug-in geladen werd."""
    import os

    plek = tmp_path / "site"
    info = plek / "spion_plugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: spion-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nspion = spion_plugin:plugin\n")
    teken = tmp_path / "geladen"
    (plek / "spion_plugin.py").write_text(
        f"from pathlib import Path\nPath({str(teken)!r}).touch()\n"
        "class _P:\n    def new_schema_validator(self, *a, **k):\n        return None, None, None\n"
        "plugin = _P()\n")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env.update(PYTHONPATH=str(plek), **env_extra)
    r = subprocess.run([sys.executable, "-m", "azc_kwaliteit", "beoordeel", str(KRITIEK), "-f",
                        "json"], capture_output=True, text=True, env=env, check=False)
    assert json.loads(r.stdout)["categorie"] == 1, r.stderr
    return r.returncode, teken.exists()


def test_een_pydantic_plugin_uit_de_omgeving_doet_niet_mee(tmp_path: Path) -> None:
    assert _met_pydantic_plugin(tmp_path / "a", {}) == (0, False)
    # wie plug-ins wil, zet de variabele zelf; dan wordt hij wel geladen (de test kan falen)
    assert _met_pydantic_plugin(tmp_path / "b", {"PYDANTIC_DISABLE_PLUGINS": "geen"}) == (0, True)
