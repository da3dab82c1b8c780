# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""``batch``: opties lezen, de kern-API (``batch.uitvoeren.draai``) aanroepen, voortgang tonen en
het resultaat printen; de exitcode volgt uit ongeldige bestanden en de poort."""

import functools
from pathlib import Path
from typing import Annotated, Any

import typer

from azc_kwaliteit.cli import terminal
from azc_kwaliteit.cli.opties import (
    ONGELDIG,
    POORT_GEZAKT,
    AnonimiseerOptie,
    BatchFormaat,
    ForceerOptie,
    KaderOptie,
    Taal,
    TaalOptie,
    UitvoerOptie,
)
from azc_kwaliteit.domein.taal import aantal
from azc_kwaliteit.domein.vertalen import _


def _pad_optie(naam: str, wat: str) -> Any:
    return typer.Option(naam, metavar="PAD", help=f"Schrijf ook {wat} naar dit bestand.",
                        rich_help_panel="Extra uitvoer (meerdere tegelijk mogelijk)")


def batch(
    mappen: Annotated[list[Path], typer.Argument(help="Mappen (of bestanden) met beoordelingen; "
                                                 "mappen worden recursief doorzocht op *.yaml "
                                                 "en *.yml.", show_default=False,
                                                 metavar="MAP")],
    kader: KaderOptie = None,
    formaat: Annotated[BatchFormaat, typer.Option("--formaat", "-f", case_sensitive=False,
                                                  help="Uitvoerformaat.")] = BatchFormaat.tekst,
    faal_bij: Annotated[int | None, typer.Option(
        "--faal-bij", min=1, max=2, metavar="1|2",
        help="Poort voor CI: stop met code 1 als een locatie in deze categorie of lager valt, "
        "of onvoldoende beoordeeld is.",
    )] = None,
    alle: Annotated[bool, typer.Option("--alle", help="Toon alle locaties, ook bij grote "
                                       "aantallen.")] = False,
    stil: Annotated[bool, typer.Option("--stil", help="Alleen het resultaat: geen voortgang, "
                                       "geen overzicht, geen meldingen over geschreven "
                                       "bestanden.")] = False,
    max_fouten: Annotated[int | None, typer.Option(
        "--max-fouten", min=1, metavar="N",
        help="Stop na N ongeldige bestanden (de rest wordt dan niet gescoord).")] = None,
    json_pad: Annotated[Path | None, _pad_optie("--json", "de JSON")] = None,
    junit_pad: Annotated[Path | None, _pad_optie("--junit", "JUnit XML")] = None,
    sarif_pad: Annotated[Path | None, _pad_optie("--sarif", "SARIF 2.1.0")] = None,
    markdown_pad: Annotated[Path | None, _pad_optie("--markdown", "een Markdown-samenvatting")
                            ] = None,
    csv_pad: Annotated[Path | None, _pad_optie(
        "--csv", "een CSV met één rij per locatie (voor Excel en open data, met een "
        "CSVW-beschrijving ernaast)")] = None,
    csv_criteria_pad: Annotated[Path | None, _pad_optie(
        "--csv-criteria", "een CSV met één rij per locatie en criterium")] = None,
    csv_scheiding: Annotated[str, typer.Option(
        "--csv-scheiding", metavar="TEKEN", rich_help_panel="Extra uitvoer (meerdere tegelijk "
        "mogelijk)", help="Tussen de velden van de CSV: ; (Nederlandse Excel, decimale komma) "
        "of , (decimale punt).")] = ";",
    html_map: Annotated[Path | None, typer.Option(
        "--html", metavar="MAP", rich_help_panel="Extra uitvoer (meerdere tegelijk mogelijk)",
        help="Schrijf HTML-rapporten naar deze map: index.html met het overzicht en een pagina "
             "per locatie.")] = None,
    uitvoer: UitvoerOptie = None,
    anonimiseer: AnonimiseerOptie = False,
    alleen_goedgekeurd: Annotated[bool, typer.Option(
        "--alleen-goedgekeurd", help="Score alleen beoordelingen die goedgekeurd zijn "
        "(beoordeling.status, bijvoorbeeld uit de review in KoboToolbox of ODK Central).")] = False,
    forceer: ForceerOptie = False,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Scoor alle beoordelingen in mappen: overzicht, JSON, JUnit, SARIF en een poort voor CI.

    Ongeldige bestanden worden gemeld met bestand:regel; de rest wordt gewoon gescoord.
    Een ongeldig bestand geeft altijd exitcode 2. Op GitHub Actions komen er annotaties bij.
    """
    import os

    from azc_kwaliteit.batch.uitvoeren import BatchOpties, draai
    from azc_kwaliteit.domein.fouten import KwaliteitFout

    if csv_scheiding not in (";", ","):
        terminal.weiger(_("--csv-scheiding: kies ; of , (kreeg '{teken}')").format(
            teken=csv_scheiding))
    extra = {soort: pad for soort, pad in (("json", json_pad), ("junit", junit_pad),
                                           ("sarif", sarif_pad), ("markdown", markdown_pad),
                                           ("csv", csv_pad), ("csv-criteria", csv_criteria_pad))
             if pad is not None}
    opties = BatchOpties(mappen=mappen, kader=terminal.kader(kader), faal_bij=faal_bij,
                         anonimiseer=anonimiseer, alleen_goedgekeurd=alleen_goedgekeurd,
                         max_fouten=max_fouten, extra=extra, csv_scheiding=csv_scheiding,
                         html_map=html_map, alle=alle, forceer=forceer)
    try:
        if uitvoer is not None:
            opties.bewaak(uitvoer)  # vóór het werk, niet pas na een batch van een uur
        with draai(opties, functools.partial(terminal.voortgang, aan=not stil)) as r:
            if not stil:
                for pad in r.geschreven:
                    terminal.geschreven(pad)
            scherm = (terminal.op_terminal() if formaat == BatchFormaat.tekst and uitvoer is None
                      and not stil else None)
            if scherm is not None:
                terminal.batch_tabel(scherm, r.data, alle)
            elif formaat == BatchFormaat.tekst and stil:
                terminal.schrijf(r.tekst("samenvatting"), uitvoer, stil=True, invoer=mappen,
                                 forceer=forceer)
            else:
                terminal.schrijf(r.tekst(formaat.value), uitvoer, stil=stil, invoer=mappen,
                                 forceer=forceer)
            if os.environ.get("GITHUB_ACTIONS") == "true":
                machine = formaat != BatchFormaat.tekst and uitvoer is None
                for regel in r.annotaties():
                    typer.echo(regel, err=machine)  # op stdout, tenzij daar JSON staat
            for melding in r.meldingen:
                terminal.waarschuw(melding)
    except KwaliteitFout as e:
        terminal.stop(e)
    if r.afgebroken:
        typer.echo(_("Gestopt na {n} ongeldige bestanden (--max-fouten); niet alle bestanden zijn "
                     "gescoord.").format(n=max_fouten), err=True)
    if r.ongeldig:
        typer.echo(_("{bestanden} ongeldig; exitcode 2.").format(
            bestanden=aantal(r.ongeldig, "bestand", "bestanden")), err=True)
        raise typer.Exit(ONGELDIG)
    if r.gezakt:
        onvoldoende = r.data["samenvatting"]["onvoldoende_beoordeeld"]
        typer.echo(_("Poort gezakt: {locaties} in categorie {grens} of lager").format(
            locaties=aantal(r.gezakt, "locatie", "locaties"), grens=faal_bij)
            + (" " + _("of onvoldoende beoordeeld ({n})").format(n=onvoldoende) if onvoldoende else "")
            + ".", err=True)
        raise typer.Exit(POORT_GEZAKT)
