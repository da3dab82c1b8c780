# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Elk antwoordtype: lezen, weigeren en oordelen."""

from __future__ import annotations

import math
from typing import Any

import pytest

from azc_kwaliteit.domein.antwoorden import Oordeel, lees, norm_tekst, oordeel
from conftest import mini_kader

K = mini_kader()


def oordeel_van(cid: str, waarde: object) -> Oordeel:
    c = K.criterium(cid)
    assert c is not None
    return oordeel(c, lees(c, waarde))  # type: ignore[arg-type]


@pytest.mark.parametrize("waarde, verwacht", [
    ("ja", Oordeel.voldoet), ("JA", Oordeel.voldoet), (True, Oordeel.voldoet),
    ("nee", Oordeel.voldoet_niet), (False, Oordeel.voldoet_niet),
    ("nvt", Oordeel.nvt), ("onbekend", Oordeel.onbekend), (None, Oordeel.onbekend),
])
def test_ja_nee(waarde: object, verwacht: Oordeel) -> None:
    assert oordeel_van("keuken", waarde) == verwacht


def test_ja_nee_met_verwacht_nee() -> None:
    assert oordeel_van("crisis-baby", "nee") == Oordeel.voldoet
    assert oordeel_van("crisis-baby", "ja") == Oordeel.voldoet_niet


@pytest.mark.parametrize("waarde", ["yes", "no", 1, "misschien"])
def test_ja_nee_weigert_andere_waarden(waarde: object) -> None:
    c = K.criterium("keuken")
    assert c is not None
    with pytest.raises(ValueError, match="verwacht ja of nee"):
        lees(c, waarde)  # type: ignore[arg-type]


@pytest.mark.parametrize("waarde, verwacht", [
    (100, Oordeel.voldoet), (95, Oordeel.voldoet), (94.9, Oordeel.deels), (75, Oordeel.deels),
    (74.99, Oordeel.voldoet_niet), (0, Oordeel.voldoet_niet),
])
def test_getal_met_minimum_en_deelsband(waarde: float, verwacht: Oordeel) -> None:
    assert oordeel_van("school", waarde) == verwacht


@pytest.mark.parametrize("waarde, verwacht", [
    (0, Oordeel.voldoet), (1, Oordeel.voldoet), (1.5, Oordeel.deels), (2, Oordeel.deels),
    (3, Oordeel.voldoet_niet),
])
def test_getal_met_maximum(waarde: float, verwacht: Oordeel) -> None:
    assert oordeel_van("verhuizingen", waarde) == verwacht


@pytest.mark.parametrize("waarde", [140, -1, "veel", True, math.nan, math.inf, "40%"])
def test_getal_buiten_bereik_of_geen_getal(waarde: object) -> None:
    c = K.criterium("school")
    assert c is not None
    with pytest.raises(ValueError, match=r"verwacht een getal \(%\), minstens 0 en hoogstens 100"):
        lees(c, waarde)  # type: ignore[arg-type]


@pytest.mark.parametrize("waarde, verwacht", [
    (4, Oordeel.voldoet), (3, Oordeel.voldoet), (2, Oordeel.deels), (1, Oordeel.voldoet_niet),
    (3.0, Oordeel.voldoet),
])
def test_schaal(waarde: int, verwacht: Oordeel) -> None:
    assert oordeel_van("spelen", waarde) == verwacht


@pytest.mark.parametrize("waarde", [0, 5, 7, 2.5, "goed"])
def test_schaal_weigert_onbekende_niveaus(waarde: object) -> None:
    c = K.criterium("spelen")
    assert c is not None
    with pytest.raises(ValueError, match="verwacht een niveau: 1 \\(geen\\)"):
        lees(c, waarde)  # type: ignore[arg-type]


def test_norm_in_woorden() -> None:
    tekst = {c.id: norm_tekst(c) for c in K.criteria}
    assert tekst["school"] == "minstens 95 % (deels: minstens 75 %)"
    assert tekst["verhuizingen"] == "hoogstens 1 (deels: hoogstens 2)"
    assert tekst["crisis-baby"] == "nee"
    assert tekst["spelen"] == "niveau 3 (voldoende) of hoger (deels: niveau 2)"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from azc_kwaliteit.domein.antwoorden import snel_oordeel  # noqa: E402

WAARDEN = (st.none() | st.booleans() | st.integers(-5, 200) | st.floats(allow_nan=True)
           | st.sampled_from(["ja", "nee", "nvt", "onbekend", "JA", " nee ", "yes", "3", ""]))


@settings(max_examples=400, deadline=None)
@given(st.sampled_from([c.id for c in K.criteria]), WAARDEN)
def test_snelle_weg_is_het_eens_met_lees(cid: str, waarde: object) -> None:
    """De snelle weg mag alleen antwoorden als ``lees`` het antwoord ook accepteert, en geeft
    dan hetzelfde oordeel."""
    c = K.criterium(cid)
    assert c is not None
    _eens_met_lees(c, waarde, snel_oordeel(c)(waarde))  # type: ignore[arg-type]


def _eens_met_lees(c: Any, waarde: object, snel: object) -> None:
    try:
        volledig = oordeel(c, lees(c, waarde))
    except ValueError:
        assert snel is None
        return
    assert snel is None or snel == volledig


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([c.id for c in K.criteria]), st.lists(WAARDEN, max_size=30))
def test_snelle_weg_onthoudt_getallen_zonder_zich_te_vergissen(cid: str,
                                                               waarden: list[object]) -> None:
    """Eén snelle weg voor een hele reeks antwoorden, zoals in een batch: wat hij van eerdere
    getallen onthoudt, verandert geen oordeel (ook niet ``True`` na ``1``, of ``1.0`` na ``1``)."""
    c = K.criterium(cid)
    assert c is not None
    snel = snel_oordeel(c)
    for waarde in [*waarden, 1, True, 1.0, False, 0, float("nan")]:
        _eens_met_lees(c, waarde, snel(waarde))  # type: ignore[arg-type]
