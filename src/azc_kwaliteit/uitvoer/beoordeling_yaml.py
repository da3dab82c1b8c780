# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Een beoordeling als YAML-tekst schrijven: leesbaar, diff-vriendelijk en in vaste volgorde.

Gebruikt door ``nieuw`` (elk antwoord meteen opgeslagen) en ``sjabloon`` (een leeg formulier).
Sleutels staan in de volgorde van het contract en de criteria in de volgorde van het kader; elk
criterium krijgt een commentaarregel met zijn titel (en in een sjabloon ook vraag en norm).
Tekst wordt altijd tussen dubbele aanhalingstekens gezet, zodat niets ervan als YAML-syntax
gelezen kan worden.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from azc_kwaliteit.domein.antwoorden import AnyCriterium, norm_tekst, verwachting
from azc_kwaliteit.domein.modellen import Doelgroep, Fase, Kader, Soort
from azc_kwaliteit.domein.vertalen import _
from azc_kwaliteit.uitvoer import veilig

LOCATIEVELDEN = ("naam", "gemeente", "soort", "status", "capaciteit", "doelgroepen", "bewoners",
                 "draagvlak_regio")
KOPVELDEN = ("datum", "beoordelaar", "kader", "status", "bron")
IMPORTMERK = "# azc-kwaliteit importeer: "
"""Het begin van de commentaarregel waarin ``importeer`` de hash zet van wat het schreef: een
volgende import ziet zo of iemand het bestand sindsdien veranderde."""


def naar_yaml(locatie: Mapping[str, Any], kop: Mapping[str, Any], antwoorden: Mapping[str, Any],
              kader: Kader, *, criteria: Iterable[AnyCriterium] | None = None,
              uitgebreid: bool = False, schema: str | None = None) -> str:
    """De YAML-tekst van een (deels ingevulde) beoordeling.

    ``criteria`` bepaalt welke criteria er als regel in staan (standaard: alleen de beantwoorde);
    een criterium zonder antwoord krijgt een lege waarde (= onbekend). ``uitgebreid`` zet vraag,
    norm en antwoordvorm als commentaar boven elk criterium (voor een leeg sjabloon).
    """
    regels = []
    if schema:
        regels.append(f"# yaml-language-server: $schema={schema}")
    regels += [_("# Beoordeling volgens kader {kader} ({naam}).").format(kader=kader.label,
                                                                         naam=kader.kader.naam),
               _("# Gemaakt met azc-kwaliteit; controleer met: azc-kwaliteit beoordeel <dit bestand>"),
               "locatie:"]
    for veld in LOCATIEVELDEN:  # een veld met None wordt een lege regel om in te vullen
        if veld in locatie:
            regels.append(f"  {veld}:" + ("" if locatie[veld] is None
                                          else f" {_waarde(locatie[veld])}"))
    regels.append("beoordeling:")
    for veld in KOPVELDEN:
        if veld in kop:
            regels.append(f"  {veld}:" + ("" if kop[veld] is None else f" {_waarde(kop[veld])}"))
    regels.append("antwoorden:")
    lijst = list(criteria) if criteria is not None else [
        c for c in kader.criteria if c.id in antwoorden]
    namen = {p.id: p.naam for p in kader.pijlers}
    vorige_pijler = None
    for c in lijst:
        if c.pijler != vorige_pijler:
            regels.append(f"  # --- {namen.get(c.pijler, c.pijler)} ---")
            vorige_pijler = c.pijler
        regels.append(f"  # {c.titel}{c.ernst_label}")
        if uitgebreid:
            regels.append(f"  #   {c.vraag}")
            regels.append(_("  #   Norm: {norm}. Antwoord: {verwachting}, of nvt/onbekend.").format(
                norm=norm_tekst(c), verwachting=verwachting(c)))
        antwoord = antwoorden.get(c.id)
        regels.append(f"  {c.id}:" + ("" if antwoord is None else f" {_antwoord(antwoord)}"))
    extra = [cid for cid in antwoorden if cid not in {c.id for c in lijst}]
    for cid in extra:  # nooit iets weggooien wat de gebruiker invulde
        regels.append(f"  {cid}: {_antwoord(antwoorden[cid])}")
    return "\n".join(regels) + "\n"


def _antwoord(antwoord: Any) -> str:
    if isinstance(antwoord, Mapping):
        delen = [f"waarde: {_waarde(antwoord.get('waarde'))}"]
        if antwoord.get("toelichting"):
            delen.append(f"toelichting: {_waarde(antwoord['toelichting'])}")
        if antwoord.get("bewijs"):
            delen.append(f"bewijs: {_waarde(list(antwoord['bewijs']))}")
        return "{" + ", ".join(delen) + "}"
    return _waarde(antwoord)


_KAAL = {"ja", "nee", "nvt", "onbekend", *(d.value for d in Doelgroep), *(f.value for f in Fase),
         *(s.value for s in Soort)}


def _waarde(w: Any) -> str:
    if w is None:
        return ""
    if isinstance(w, bool):
        return "true" if w else "false"
    if isinstance(w, int | float):
        return str(int(w)) if isinstance(w, float) and w.is_integer() else str(w)
    if isinstance(w, list | tuple):
        return "[" + ", ".join(_waarde(x) for x in w) + "]"
    if isinstance(w, Mapping):
        return "{" + ", ".join(f"{k}: {_waarde(v)}" for k, v in w.items()) + "}"
    tekst = str(w)
    if tekst in _KAAL or _is_datum(tekst):
        return tekst
    return veilig.json(json.dumps(tekst, ensure_ascii=False))  # YAML weigert C1-tekens letterlijk


def _is_datum(tekst: str) -> bool:
    return len(tekst) == 10 and tekst[4] == tekst[7] == "-" and tekst.replace("-", "").isdigit()
