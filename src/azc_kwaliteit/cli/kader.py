# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""``kader toon``, ``kader document``, ``kader schema`` en ``kader controleer``."""

from pathlib import Path
from typing import Annotated

import typer

from azc_kwaliteit.cli import terminal
from azc_kwaliteit.cli.nl import NlCommand, NlGroup
from azc_kwaliteit.cli.opties import (
    DocumentFormaat,
    Formaat,
    FormaatOptie,
    KaderOptie,
    SchemaSoort,
    Taal,
    TaalOptie,
    UitvoerOptie,
)
from azc_kwaliteit.domein.taal import aantal
from azc_kwaliteit.domein.vertalen import _

kader_app = typer.Typer(
    help="Het kader bekijken, controleren, als document lezen en als JSON Schema exporteren.",
    no_args_is_help=True, cls=NlGroup)

PijlerOptie = Annotated[str | None, typer.Option("--pijler", metavar="PIJLER",
                                                  help="Alleen deze pijler (id).")]


@kader_app.command("toon", cls=NlCommand)
def kader_toon(
    kader: KaderOptie = None,
    pijler: PijlerOptie = None,
    formaat: FormaatOptie = Formaat.tekst,
    uitvoer: UitvoerOptie = None,
    euaa: Annotated[bool, typer.Option(
        "--euaa", help="Toon de kruistabel met EASO/EUAA en de Opvangrichtlijn: welke Europese "
        "standaarden het kader uitwerkt, en welke criteria verder gaan.")] = False,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Toon de criteria van het kader: per pijler titel, ernst, norm en voor wie.

    Als lijst die op elke terminalbreedte leesbaar is, of met --formaat als JSON, Markdown of HTML.
    """
    from azc_kwaliteit.uitvoer.veilig import regel
    from azc_kwaliteit.uitvoer.weergave import kader_document, kader_lijst, naar_json

    geladen = terminal.kader(kader)
    k = geladen.kader
    pijlers = {p.id for p in k.pijlers}
    if pijler is not None and pijler not in pijlers:
        terminal.weiger(_("onbekende pijler '{pijler}'; verwacht een van: {pijlers}").format(
            pijler=regel(pijler), pijlers=regel(", ".join(p.id for p in k.pijlers))))
    criteria = [c for c in k.criteria if pijler is None or c.pijler == pijler]
    if euaa:
        from azc_kwaliteit.uitvoer.weergave import kader_europa

        terminal.schrijf(kader_europa(k), uitvoer, invoer=[kader], ombreken=True)
        return
    if formaat == Formaat.json:
        tekst = naar_json({"kader": geladen.herkomst,
                           "criteria": [c.model_dump(mode="json") for c in criteria]})
    elif formaat == Formaat.tekst:
        tekst = kader_lijst(k, criteria)
    else:
        tekst = kader_document(k.model_copy(update={"criteria": criteria}), geladen.herkomst,
                               "html" if formaat == Formaat.html else "markdown")
    terminal.schrijf(tekst, uitvoer, invoer=[kader], ombreken=formaat == Formaat.tekst)


@kader_app.command("document", cls=NlCommand)
def kader_document(
    kader: KaderOptie = None,
    formaat: Annotated[DocumentFormaat, typer.Option("--formaat", "-f", case_sensitive=False,
                                                     help="Uitvoerformaat.")] = DocumentFormaat.markdown,
    uitvoer: UitvoerOptie = None,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Het hele kader als leesbaar document (Markdown of HTML), voor gemeenten en raden.

    Per pijler de criteria met norm, waarom en bronnen; de herleidbaarheid naar het verslag van het
    rondetafelgesprek; en de categorieregels in gewone woorden.
    """
    from azc_kwaliteit.uitvoer.weergave import kader_document as document

    geladen = terminal.kader(kader)
    terminal.schrijf(document(geladen.kader, geladen.herkomst, formaat.value), uitvoer,
                     invoer=[kader])


@kader_app.command("schema", cls=NlCommand)
def kader_schema(
    soort: Annotated[SchemaSoort, typer.Argument(
        help="Van welk formaat.", metavar="beoordeling|kader", case_sensitive=False,
    )] = SchemaSoort.beoordeling,
    kader: KaderOptie = None,
    uitvoer: UitvoerOptie = None,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Het JSON Schema van een beoordeling (met de criteria van het kader) of van een kader."""
    from azc_kwaliteit.uitvoer import schema as schemas
    from azc_kwaliteit.uitvoer.weergave import naar_json

    schema = (schemas.kader_schema() if soort == SchemaSoort.kader
              else schemas.beoordeling_schema(terminal.kader(kader).kader))
    terminal.schrijf(naar_json(schema), uitvoer, invoer=[kader])


@kader_app.command("controleer", cls=NlCommand)
def kader_controleer(
    bestand: Annotated[Path | None, typer.Argument(
        help="Het kaderbestand (of met --kader); zonder beide het ingebouwde kader.",
        show_default=False, metavar="BESTAND")] = None,
    kader: KaderOptie = None,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Controleer een kader: vorm, unieke ids, bekende pijlers, samenhangende normen."""
    from collections import Counter

    if bestand is not None and kader is not None and bestand != kader:
        terminal.weiger(_("geef het kader als BESTAND of met --kader, niet allebei"))
    geladen = terminal.kader(bestand or kader)
    k = geladen.kader
    per_pijler = Counter(c.pijler for c in k.criteria)
    waarschuwingen = geladen.waarschuwingen()
    for w in waarschuwingen:
        terminal.waarschuw(w)
    terminal.meld(_("Kader {kader} ({bestand}, hash {hash}) is in orde").format(
        kader=k.label, bestand=geladen.bestand, hash=geladen.hash)
        + (", " + _("met {waarschuwingen}").format(
            waarschuwingen=aantal(len(waarschuwingen), "waarschuwing", "waarschuwingen")) + "."
           if waarschuwingen else "."), err=False)
    ernst = Counter(c.ernst.value for c in k.criteria)
    terminal.meld(_("{n} criteria: {per_pijler}; {kritiek} kritiek, {voorwaarde} voorwaarde, "
                    "{gewoon} gewoon; {gepland} ook te toetsen bij een plan").format(
        n=len(k.criteria), per_pijler=", ".join(f"{p.naam} {per_pijler[p.id]}" for p in k.pijlers),
        kritiek=ernst["kritiek"], voorwaarde=ernst["voorwaarde"], gewoon=ernst["gewoon"],
        gepland=sum("gepland" in c.fasen for c in k.criteria))
        + ("; " + _("{n} ingetrokken ids").format(n=len(k.ingetrokken)) if k.ingetrokken else "")
        + ".", err=False)
