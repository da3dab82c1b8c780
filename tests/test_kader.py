# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Het kader: het ingebouwde kader laadt en hangt samen; kapotte kaders worden geweigerd."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from azc_kwaliteit.domein.fouten import KaderFout
from azc_kwaliteit.invoer.openen import laad_kader
from conftest import MINI_KADER, schrijf


def test_ingebouwd_kader_laadt_met_herkomst() -> None:
    geladen = laad_kader()
    assert geladen.kader.kader.id == "kind-in-azc"
    assert len(geladen.hash) == 12
    assert geladen.herkomst["versie"] == geladen.kader.kader.versie


def test_ingebouwd_kader_gebruikt_elke_mogelijkheid() -> None:
    """Het startkader laat alle features zien: drie typen, kritiek, doelgroepen, fasen, soorten."""
    k = laad_kader().kader
    assert {c.type for c in k.criteria} == {"ja_nee", "getal", "schaal"}
    assert any(c.kritiek for c in k.criteria)
    assert any(c.doelgroepen == ["amv"] for c in k.criteria)
    assert any(c.doelgroepen == ["gezinnen"] for c in k.criteria)
    assert any("gepland" in c.fasen for c in k.criteria)
    assert any(c.soorten for c in k.criteria)


def test_elk_criterium_heeft_bron_toelichting_en_advies_en_bronnen_bestaan() -> None:
    k = laad_kader().kader
    for c in k.criteria:
        assert c.bronnen and c.toelichting and c.advies, c.id
        for bron in c.bronnen:
            assert bron.split()[0] in k.kader.bronnen, (c.id, bron)


def kapot(tmp_path: Path, wijzig: Any) -> KaderFout:
    data = copy.deepcopy(MINI_KADER)
    wijzig(data)
    pad = schrijf(tmp_path / "kader.yaml", yaml.safe_dump(data, allow_unicode=True,
                                                          sort_keys=False))
    with pytest.raises(KaderFout) as e:
        laad_kader(pad)
    return e.value


def test_dubbel_id(tmp_path: Path) -> None:
    def wijzig(d: Any) -> None:
        d["criteria"][1]["id"] = "school"
    p = kapot(tmp_path, wijzig).problemen[0]
    assert "al gebruikt" in p.melding and p.regel is not None


def test_onbekende_pijler(tmp_path: Path) -> None:
    def wijzig(d: Any) -> None:
        d["criteria"][0]["pijler"] = "vrije-tijd"
    assert "onbekende pijler 'vrije-tijd'" in str(kapot(tmp_path, wijzig))


def test_tegenstrijdige_norm(tmp_path: Path) -> None:
    def wijzig(d: Any) -> None:
        d["criteria"][0]["deels"] = {"min": 98}
    assert "deels-band moet de norm omvatten" in str(kapot(tmp_path, wijzig))


def test_drempels_in_verkeerde_volgorde(tmp_path: Path) -> None:
    def wijzig(d: Any) -> None:
        d["indeling"]["kritiek_onder"] = 0.9
    assert "kritiek_onder (0.9) moet kleiner zijn dan goed_vanaf" in str(kapot(tmp_path, wijzig))


def test_onbekende_bron_en_schaalnorm_buiten_niveaus(tmp_path: Path) -> None:
    def wijzig(d: Any) -> None:
        d["criteria"][0]["bronnen"] = ["nergens art. 1"]
        d["criteria"][2]["norm"] = {"voldoet": 9}
    tekst = str(kapot(tmp_path, wijzig))
    assert "norm.voldoet (9) is geen van de niveaus" in tekst


def test_onbekende_bron(tmp_path: Path) -> None:
    def wijzig(d: Any) -> None:
        d["criteria"][0]["bronnen"] = ["nergens art. 1"]
    assert "bron 'nergens' staat niet in kader.bronnen" in str(kapot(tmp_path, wijzig))


def test_pijler_zonder_criteria_en_onbekend_type(tmp_path: Path) -> None:
    def wijzig(d: Any) -> None:
        d["pijlers"].append({"id": "extra", "naam": "Extra"})
    assert "pijler 'extra' heeft geen criteria" in str(kapot(tmp_path, wijzig))

    def type_fout(d: Any) -> None:
        d["criteria"][0]["type"] = "tekst"
    assert "onbekend type 'tekst'" in str(kapot(tmp_path, type_fout))


def test_nieuw_criterium_is_alleen_data(tmp_path: Path) -> None:
    """Een extra criterium in YAML werkt zonder codewijziging."""
    data = copy.deepcopy(MINI_KADER)
    nieuw = copy.deepcopy(dict(data["criteria"][1], id="wasmachine", titel="Wasmachine"))
    data["criteria"].append(nieuw)
    pad = schrijf(tmp_path / "kader.yaml", data)
    k = laad_kader(pad).kader
    assert k.criterium("wasmachine") is not None
    assert Counter(c.pijler for c in k.criteria)["voorzieningen"] == 4
