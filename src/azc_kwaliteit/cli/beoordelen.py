# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Eén locatie: ``beoordeel``, ``plantoets``, ``vergelijk`` en ``sjabloon`` (een leeg formulier)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from azc_kwaliteit.cli import terminal
from azc_kwaliteit.cli.opties import (
    AnonimiseerOptie,
    DoelOptie,
    ForceerOptie,
    Formaat,
    FormaatOptie,
    KaderOptie,
    SjabloonOptie,
    Taal,
    TaalOptie,
    UitvoerOptie,
    VergelijkFormaat,
)
from azc_kwaliteit.domein.vertalen import _

if TYPE_CHECKING:
    from azc_kwaliteit.indeling.uitslag import Uitslag
    from azc_kwaliteit.invoer.openen import GeladenKader


def beoordeel(
    bestand: Annotated[Path, typer.Argument(help="De beoordeling (YAML).", show_default=False,
                                            metavar="BESTAND")],
    kader: KaderOptie = None,
    formaat: FormaatOptie = Formaat.tekst,
    uitvoer: UitvoerOptie = None,
    anonimiseer: AnonimiseerOptie = False,
    sjabloon: SjabloonOptie = None,
    doel: DoelOptie = None,
    forceer: ForceerOptie = False,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Deel één locatie in: categorie, pijlerscores, redenen en verbeterpad."""
    beoordeel_en_toon(bestand, kader, formaat, uitvoer, plantoets=None, anonimiseer=anonimiseer,
                      sjabloon=sjabloon, doel=doel, forceer=forceer)


def plantoets(
    bestand: Annotated[Path, typer.Argument(help="De beoordeling van de geplande locatie (YAML).",
                                            show_default=False, metavar="BESTAND")],
    kader: KaderOptie = None,
    formaat: FormaatOptie = Formaat.tekst,
    uitvoer: UitvoerOptie = None,
    anonimiseer: AnonimiseerOptie = False,
    sjabloon: SjabloonOptie = None,
    doel: DoelOptie = None,
    forceer: ForceerOptie = False,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Toets een geplande locatie: verwachte categorie en wat het plan mist.

    Alleen criteria die al bij het ontwerp te beoordelen zijn (fase 'gepland') tellen mee.
    De rest staat in de lijst 'nog te beoordelen'.
    """
    beoordeel_en_toon(bestand, kader, formaat, uitvoer, plantoets=True, anonimiseer=anonimiseer,
                      sjabloon=sjabloon, doel=doel, forceer=forceer)


def beoordeel_en_toon(bestand: Path, kader_pad: Path | None, formaat: Formaat,
                      uitvoer: Path | None, plantoets: bool | None, anonimiseer: bool,
                      sjabloon: Path | None, doel: int | None = None,
                      forceer: bool = False) -> None:
    """Laad, waarschuw (privacy, ingetrokken ids, ander kader), deel in en toon."""
    from dataclasses import replace

    from azc_kwaliteit.domein.fouten import InvoerFout, Melding
    from azc_kwaliteit.indeling.categorie import deel_in
    from azc_kwaliteit.indeling.uitslag import Categorie
    from azc_kwaliteit.invoer import privacy
    from azc_kwaliteit.invoer.openen import laad_beoordeling
    from azc_kwaliteit.invoer.valideren import pad_tekst

    geladen = terminal.kader(kader_pad)
    try:
        beoordeling, doc = laad_beoordeling(bestand, geladen.kader)
    except InvoerFout as e:
        terminal.stop(InvoerFout([replace(p, melding=privacy.anonimiseer_melding(p.melding))
                                  for p in e.problemen]) if anonimiseer else e)
    for v in privacy.zoek(beoordeling):
        terminal.waarschuw(Melding(str(bestand), doc.regel(v.pad),
                                   privacy.waarschuwing(pad_tekst(v.pad), v.soort, anonimiseer)))
    if anonimiseer:
        beoordeling = privacy.anonimiseer(beoordeling)
    u = deel_in(geladen.kader, beoordeling, plantoets=plantoets,
                doel=None if doel is None else Categorie(doel))
    for w in u.waarschuwingen:
        terminal.waarschuw(f"{bestand}: {w}")
    for i in u.ingetrokken:
        terminal.waarschuw(Melding(str(bestand), doc.regel(("antwoorden", i.id)), i.tekst))
    _toon(u, geladen, formaat, uitvoer, sjabloon, [bestand, kader_pad, sjabloon], forceer)


def _toon(u: "Uitslag", geladen: "GeladenKader", formaat: Formaat, uitvoer: Path | None,
          sjabloon: Path | None, invoer: list[Path | None], forceer: bool) -> None:
    from azc_kwaliteit.domein.fouten import InvoerFout
    from azc_kwaliteit.uitvoer.weergave import eigen_sjabloon, uitslag_naar_dict, uitslag_tekst

    if sjabloon is not None:
        try:
            tekst = eigen_sjabloon(sjabloon, u=u, kader=geladen.herkomst,
                                   uitslag=uitslag_naar_dict(u, geladen.herkomst))
        except InvoerFout as e:
            terminal.stop(e)
        terminal.schrijf(tekst, uitvoer, invoer=invoer, forceer=forceer)
        return
    scherm = terminal.op_terminal() if formaat == Formaat.tekst and uitvoer is None else None
    if scherm is not None:
        terminal.uitslag_kop(scherm, u, geladen)
        scherm.print(terminal.op_breedte(uitslag_tekst(u, geladen.herkomst, "tekst",
                                                    met_kop=False), scherm),
                     markup=False, end="")
        return
    terminal.schrijf(uitslag_tekst(u, geladen.herkomst, formaat.value,
                                   indeling=geladen.kader.indeling), uitvoer, invoer=invoer,
                     forceer=forceer, ombreken=formaat == Formaat.tekst)


def vergelijk(
    oud: Annotated[Path, typer.Argument(help="De eerdere beoordeling.", show_default=False,
                                        metavar="OUD")],
    nieuw: Annotated[Path, typer.Argument(help="De nieuwere beoordeling.", show_default=False,
                                          metavar="NIEUW")],
    kader: KaderOptie = None,
    formaat: Annotated[VergelijkFormaat, typer.Option(
        "--formaat", "-f", help="Uitvoerformaat.", case_sensitive=False)] = VergelijkFormaat.tekst,
    forceer: Annotated[bool, typer.Option("--forceer", help="Vergelijk ook als het om twee "
                                          "verschillende locaties gaat, en overschrijf met "
                                          "--uitvoer ook een ingevulde beoordeling.")] = False,
    uitvoer: UitvoerOptie = None,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Wat veranderde tussen twee rondes van één locatie: categorie, pijlers, criteria."""
    from azc_kwaliteit.domein.fouten import InvoerFout
    from azc_kwaliteit.indeling.categorie import deel_in
    from azc_kwaliteit.indeling.vergelijken import naar_dict, vergelijk, zelfde_locatie
    from azc_kwaliteit.invoer.openen import laad_beoordeling
    from azc_kwaliteit.uitvoer.veilig import regel
    from azc_kwaliteit.uitvoer.weergave import naar_json, render

    geladen = terminal.kader(kader)
    uitslagen = []
    for pad in (oud, nieuw):
        try:
            b, _doc = laad_beoordeling(pad, geladen.kader)
        except InvoerFout as e:
            terminal.stop(e)
        uitslagen.append(deel_in(geladen.kader, b))
    voor, na = uitslagen
    if not zelfde_locatie(voor, na) and not forceer:
        terminal.weiger(_(
            "{oud} en {nieuw} gaan over verschillende locaties ({voor} tegen {na}); gebruik "
            "--forceer om ze toch te vergelijken").format(
                oud=oud, nieuw=nieuw, voor=regel(f"{voor.locatie}, {voor.gemeente}"),
                na=regel(f"{na.locatie}, {na.gemeente}")))
    if voor.datum > na.datum:
        terminal.waarschuw(_("{oud} ({datum_oud}) is nieuwer dan {nieuw} ({datum_nieuw})").format(
            oud=oud, datum_oud=voor.datum, nieuw=nieuw, datum_nieuw=na.datum))
    v = vergelijk(voor, na)
    tekst = (naar_json(naar_dict(v)) if formaat == VergelijkFormaat.json else render(
        "vergelijking.md.j2" if formaat == VergelijkFormaat.markdown else "vergelijking.txt.j2",
        v=v))
    terminal.schrijf(tekst, uitvoer, invoer=[oud, nieuw, kader], forceer=forceer,
                     ombreken=formaat == VergelijkFormaat.tekst)


def sjabloon(
    kader: KaderOptie = None,
    doelgroepen: Annotated[str, typer.Option(
        "--doelgroepen", metavar="GROEPEN", help="gezinnen, amv of gezinnen,amv (gesplitste "
        "locatie).")] = "gezinnen,amv",
    status: Annotated[str, typer.Option("--status", metavar="STATUS",
                                        help="in_gebruik of gepland (plantoets).")] = "in_gebruik",
    soort: Annotated[str | None, typer.Option(
        "--soort", metavar="SOORT", help="Alleen criteria voor deze soort locatie (standaard: "
        "alle).")] = None,
    uitvoer: UitvoerOptie = None,
    forceer: ForceerOptie = False,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Een leeg beoordelingsformulier (YAML) met vraag en norm bij elk criterium.

    Met --uitvoer komt het JSON Schema ernaast te staan, zodat editors met de YAML-taalserver
    ids aanvullen en antwoorden controleren.
    """
    import datetime as dt

    from azc_kwaliteit.indeling.toepassing import toepasselijk
    from azc_kwaliteit.uitvoer.beoordeling_yaml import naar_yaml
    from azc_kwaliteit.uitvoer.schema import beoordeling_schema
    from azc_kwaliteit.uitvoer.weergave import naar_json

    groepen = terminal.locatiekeuzes(doelgroepen, soort, status) or []
    geladen = terminal.kader(kader)
    schema_naam = None if uitvoer is None else "beoordeling.schema.json"
    tekst = naar_yaml(
        {"naam": "", "gemeente": "", "soort": soort or "noodopvang", "status": status,
         "capaciteit": None, "doelgroepen": groepen, "draagvlak_regio": "onbekend"},
        {"datum": dt.date.today().isoformat(), "beoordelaar": "", "kader": geladen.kader.label},
        {}, geladen.kader, criteria=toepasselijk(geladen.kader, groepen, status, soort),
        uitgebreid=True, schema=schema_naam)
    terminal.schrijf(tekst, uitvoer, invoer=[kader], forceer=forceer)
    if uitvoer is not None and schema_naam is not None:
        terminal.schrijf(naar_json(beoordeling_schema(geladen.kader)), uitvoer.parent / schema_naam,
                         invoer=[kader], forceer=forceer)
