"""De categorieregels van design §5, op hun drempels, met een klein kader."""

from __future__ import annotations

from typing import Any

import pytest

from azc_kwaliteit.antwoorden import Oordeel
from azc_kwaliteit.indeling import deel_in
from azc_kwaliteit.uitslag import Categorie, Uitslag
from conftest import BESTE, beoordeling, mini_kader

K = mini_kader()


def uitslag(wijzig: dict[str, Any] | None = None, *, kader: Any = K, **loc: Any) -> Uitslag:
    return deel_in(kader, beoordeling({**BESTE, **(wijzig or {})}, **loc))


def regels(u: Uitslag) -> set[str]:
    return {r.regel for r in u.redenen}


def test_alles_goed_met_draagvlak_is_3_met_omzetting() -> None:
    u = uitslag()
    assert u.categorie == Categorie.goed and u.omzetting
    assert u.redenen == () and u.verbeterpad == ()
    assert u.dekking == 1.0


@pytest.mark.parametrize("draagvlak", ["nee", "onbekend"])
def test_categorie_3_zonder_draagvlak_geen_omzetting(draagvlak: str) -> None:
    u = uitslag(draagvlak_regio=draagvlak)
    assert u.categorie == Categorie.goed and not u.omzetting


def test_kritiek_criterium_voldoet_niet_is_1_met_reden() -> None:
    u = uitslag({"school": 50})
    assert u.categorie == Categorie.kritiek
    reden = next(r for r in u.redenen if r.regel == "kritiek_voldoet_niet")
    assert reden.criteria == ("school",)


def test_kritiek_criterium_deels_of_onbekend_blokkeert_3() -> None:
    assert uitslag({"school": 80}).categorie == Categorie.verbeterbaar
    assert "kritiek_deels" in regels(uitslag({"school": 80}))
    u = uitslag({"school": "onbekend"})
    assert u.categorie == Categorie.verbeterbaar
    assert "kritiek_onbekend" in regels(u)


def test_pijlerscore_precies_op_kritieke_grens_is_niet_kritiek() -> None:
    # participatie: gehoord (2) + klachten (1). gehoord deels (1) + klachten nee (0) = 1/3 < 0.5
    assert uitslag({"gehoord": 2, "klachten": "nee"}).categorie == Categorie.kritiek
    # bescherming: verhuizingen (2) + mentor nvt (gezinnen) + crisis-baby nvt: 1 gewicht 2
    # voorzieningen 3+1+1: school 100, keuken nee, spelen 1 -> 3/5 = 0.6 (niet kritiek, < 0.8)
    u = uitslag({"keuken": "nee", "spelen": 1})
    assert u.pijlers[0].score == 0.6
    assert u.categorie == Categorie.verbeterbaar
    assert "pijler_onder_goed" in regels(u)


def test_drempels_exact() -> None:
    k = mini_kader(indeling={"kritiek_onder": 0.5, "goed_vanaf": 0.75, "min_dekking": 0.9})
    # participatie 2/3 van 3: gehoord deels (1) + klachten ja (1) = 2/3 -> onder 0.75
    assert uitslag({"gehoord": 2}, kader=k).categorie == Categorie.verbeterbaar
    # voorzieningen: school 100 (3), keuken ja (1), spelen deels (0.5) = 4.5/5 = 0.9
    # participatie: gehoord 3 (2), klachten nee (0) = 2/3 -> 2
    assert uitslag({"klachten": "nee"}, kader=k).categorie == Categorie.verbeterbaar
    # precies 0.5: participatie gehoord nee (0) + ... maak gehoord deels en klachten nee -> 1/3
    k2 = mini_kader(indeling={"kritiek_onder": 1 / 3, "goed_vanaf": 0.8, "min_dekking": 0.5})
    assert uitslag({"gehoord": 2, "klachten": "nee"}, kader=k2).categorie == Categorie.verbeterbaar
    # precies op goed_vanaf = 0.8: voorzieningen school (3) + keuken (1) + spelen deels (0.5)
    k3 = mini_kader(indeling={"kritiek_onder": 0.5, "goed_vanaf": 0.9, "min_dekking": 0.9})
    assert uitslag({"spelen": 2}, kader=k3).categorie == Categorie.goed
    assert uitslag({"spelen": 1}, kader=k3).categorie == Categorie.verbeterbaar


def test_dekking_op_de_drempel() -> None:
    # 6 toepasselijke criteria voor gezinnen in noodopvang; 1 onbekend -> 5/6 = 0.833
    u = uitslag({"verhuizingen": "onbekend"})
    assert u.dekking == pytest.approx(5 / 6)
    assert u.categorie == Categorie.verbeterbaar
    assert "dekking_te_laag" in regels(u)
    # keuken nvt, spelen onbekend: 4 van de 5 toepasselijke criteria bekend = precies 0,8
    for drempel, categorie in ((0.8, Categorie.goed), (0.81, Categorie.verbeterbaar)):
        k = mini_kader(indeling={"kritiek_onder": 0.5, "goed_vanaf": 0.8, "min_dekking": drempel})
        u = uitslag({"keuken": "nvt", "spelen": "onbekend"}, kader=k)
        assert u.dekking == 0.8
        assert u.categorie == categorie


@pytest.mark.parametrize("antwoord, min_dekking, toelichting, categorie, regel", [
    # alles onbekend: geen score, en dat blokkeert categorie 3
    ("onbekend", 0.1, "onbekend", Categorie.verbeterbaar, "pijler_onbekend"),
    # niets van toepassing: geen score, en de pijler telt niet mee
    ("nvt", 0.9, "geen toepasselijke", Categorie.goed, None),
])
def test_pijler_zonder_score(antwoord: str, min_dekking: float, toelichting: str,
                             categorie: Categorie, regel: str | None) -> None:
    k = mini_kader(indeling={"kritiek_onder": 0.5, "goed_vanaf": 0.8,
                             "min_dekking": min_dekking})
    u = uitslag({"verhuizingen": antwoord}, kader=k)
    bescherming = next(p for p in u.pijlers if p.id == "bescherming")
    assert bescherming.score is None
    assert bescherming.toelichting is not None and toelichting in bescherming.toelichting
    assert u.categorie == categorie
    assert regel is None or regel in regels(u)


def test_nvt_door_doelgroep_soort_en_fase() -> None:
    u = uitslag({"mentor": "nee"})  # mentor is alleen voor amv; de locatie heeft gezinnen
    assert u.criterium("mentor").oordeel == Oordeel.nvt
    assert u.criterium("mentor").nvt_reden == "alleen voor amv"
    assert u.categorie == Categorie.goed
    assert uitslag(soort="crisisnoodopvang", wijzig={"crisis-baby": "ja"}).categorie == 1
    assert uitslag(doelgroepen=["amv"], wijzig={"mentor": "nee"}).categorie == 2


def test_afwezig_antwoord_is_onbekend() -> None:
    antwoorden = {k: v for k, v in BESTE.items() if k != "keuken"}
    u = deel_in(K, beoordeling(antwoorden))
    assert u.criterium("keuken").oordeel == Oordeel.onbekend


def test_plantoets_telt_alleen_ontwerpcriteria_en_noemt_de_rest() -> None:
    u = uitslag({"school": 0, "verhuizingen": 9, "gehoord": 1}, status="gepland")
    assert u.plantoets
    assert u.categorie == Categorie.goed  # keuken, spelen, klachten voldoen
    assert set(u.nog_te_beoordelen) == {"school", "verhuizingen", "gehoord"}
    assert u.criterium("school").oordeel == Oordeel.nvt
    u2 = uitslag({"keuken": "nee"}, status="gepland")
    assert u2.categorie == Categorie.verbeterbaar


def test_plantoets_forceren_op_bestaande_locatie() -> None:
    u = deel_in(K, beoordeling({**BESTE, "school": 0}), plantoets=True)
    assert u.plantoets and u.categorie == Categorie.goed


@pytest.mark.parametrize("wijzig", [
    {"school": 0},
    {"school": 0, "spelen": 1, "keuken": "nee", "gehoord": 1, "klachten": "nee"},
    {"gehoord": 1, "klachten": "nee"},
    {"school": 80},
    {"verhuizingen": "onbekend"},
    {"spelen": 1, "keuken": "nee"},
])
def test_verbeterpad_toegepast_bereikt_de_volgende_categorie(wijzig: dict[str, Any]) -> None:
    u = uitslag(wijzig)
    assert u.categorie < Categorie.goed
    assert u.verbeterpad and u.doel_categorie == u.categorie + 1
    beste = dict(BESTE)
    na = {**BESTE, **wijzig, **{s.criterium: beste[s.criterium] for s in u.verbeterpad}}
    assert deel_in(K, beoordeling(na)).categorie >= u.doel_categorie


def test_verbeterpad_begint_met_kritieke_criteria() -> None:
    u = uitslag({"school": 0, "gehoord": 1, "klachten": "nee"})
    assert u.verbeterpad[0].criterium == "school"
    assert u.verbeterpad[0].advies == "a" and u.verbeterpad[0].bronnen == ("bron 1",)


def test_waarschuwing_bij_ander_kader() -> None:
    b = beoordeling(BESTE).model_copy(update={"beoordeling": beoordeling(BESTE).beoordeling
                                              .model_copy(update={"kader": "mini@0"})})
    assert deel_in(K, b).waarschuwingen == (
        "de beoordeling noemt kader mini@0, maar is beoordeeld met mini@1",)
