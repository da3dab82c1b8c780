# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""JSON Schema van de formaten, gemaakt uit de Pydantic-modellen (niet met de hand geschreven).

Voor een beoordeling komt er de kennis van het kader bij: welke criterium-ids bestaan en welk
type antwoord elk verwacht, zodat een editor een typfout in een id of een verkeerd antwoord al
tijdens het typen aanwijst.
"""

from __future__ import annotations

from typing import Any

from azc_kwaliteit.domein.antwoorden import AnyCriterium, norm_tekst
from azc_kwaliteit.domein.modellen import Beoordeling, GetalCriterium, JaNeeCriterium, Kader
from azc_kwaliteit.domein.vertalen import _

SPECIAAL = ["nvt", "onbekend"]


def kader_schema() -> dict[str, Any]:
    schema = Kader.model_json_schema()
    schema["title"] = "Kwaliteitskader (azc-kwaliteit)"
    return schema


def beoordeling_schema(kader: Kader) -> dict[str, Any]:
    schema = Beoordeling.model_json_schema()
    schema["title"] = _("Beoordeling volgens kader {kader} (azc-kwaliteit)").format(kader=kader.label)
    schema["properties"]["antwoorden"] = {
        "type": "object",
        "description": _("Antwoord per criterium: een waarde, of {waarde, toelichting}; nvt en "
                         "onbekend mogen altijd."),
        "properties": {
            **{i.id: {"deprecated": True,
                      "description": _("Ingetrokken in {versie}; vervangen door {vervangers}.").format(
                          versie=i.sinds, vervangers=", ".join(i.vervangen_door) or _("geen criterium"))}
               for i in kader.ingetrokken},
            **{c.id: _antwoord_schema(c) for c in kader.criteria}},
        "additionalProperties": False,
    }
    return schema


def _antwoord_schema(c: AnyCriterium) -> dict[str, Any]:
    waarde = _waarde_schema(c)
    return {
        "title": c.titel,
        "description": f"{c.vraag} Norm: {norm_tekst(c)}.",
        "anyOf": [
            waarde,
            {"type": "null"},
            {"type": "object", "additionalProperties": False, "required": ["waarde"],
             "properties": {"waarde": {"anyOf": [waarde, {"type": "null"}]},
                            "toelichting": {"type": "string"}}},
        ],
    }


def _waarde_schema(c: AnyCriterium) -> dict[str, Any]:
    if isinstance(c, JaNeeCriterium):
        return {"enum": ["ja", "nee", True, False, *SPECIAAL]}
    if isinstance(c, GetalCriterium):
        getal: dict[str, Any] = {"type": "number"}
        grens = c.toegestaan()
        if grens.min is not None:
            getal["minimum"] = grens.min
        if grens.max is not None:
            getal["maximum"] = grens.max
        return {"anyOf": [getal, {"enum": SPECIAAL}]}
    return {"enum": [*sorted(c.niveaus), *SPECIAAL]}
