# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""``nieuw``: de terminal als voorkant van het invulgesprek (``invullen.vragenlijst.Gesprek``)."""

from pathlib import Path
from typing import Annotated, Any

import typer

from azc_kwaliteit.cli import terminal
from azc_kwaliteit.cli.opties import ONDERBROKEN, Formaat, KaderOptie, Taal, TaalOptie
from azc_kwaliteit.domein.vertalen import _


def nieuw(
    bestand: Annotated[Path | None, typer.Argument(
        help="Waar de beoordeling komt; bestaat het al, dan gaat u verder waar u was.",
        show_default=False, metavar="BESTAND")] = None,
    kader: KaderOptie = None,
    criterium: Annotated[str | None, typer.Option(
        "--criterium", metavar="ID", help="Wijzig het antwoord op dit criterium (of een veld: "
        "naam, datum, ...) in een bestaand bestand, ook als het al af is.")] = None,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Vul een beoordeling vraag voor vraag in; elk antwoord wordt meteen opgeslagen.

    Bij elke vraag: ? toont uitleg, advies en bronnen; < gaat een vraag terug; Enter bij een
    criterium betekent onbekend; nvt mag altijd; tekst na # wordt de toelichting (bijvoorbeeld:
    nee # maaltijden via catering). Een schaal mag met het nummer of het woord van het niveau.
    Afbreken met Ctrl-C verliest niets: start opnieuw met hetzelfde bestand om verder te gaan.
    """
    import datetime as dt

    from rich.prompt import Prompt

    from azc_kwaliteit.cli.beoordelen import beoordeel_en_toon
    from azc_kwaliteit.domein.fouten import KwaliteitFout
    from azc_kwaliteit.domein.taal import aantal
    from azc_kwaliteit.invullen.vragenlijst import Gesprek
    from azc_kwaliteit.uitvoer.veilig import tekst as veilig

    geladen = terminal.kader(kader)
    scherm = terminal.console()

    def toon(tekst: str, **opmaak: Any) -> None:
        """Tekst uit kader en bestand blijft data, omgebroken op de breedte van de terminal."""
        scherm.print(terminal.op_breedte(veilig(tekst), scherm), markup=False, **opmaak)
    try:
        if bestand is None:
            bestand = Path(Prompt.ask(_("Bestand voor de beoordeling"), console=scherm,
                                      default=f"beoordeling-{dt.date.today().isoformat()}.yaml"))
        try:
            gesprek = Gesprek(bestand, geladen.kader, criterium)
        except KwaliteitFout as e:
            terminal.stop(e)
        if criterium is None and gesprek.bestond and gesprek.klaar:
            toon(_("Alle vragen in {bestand} zijn al beantwoord. Wijzig er een met: azc-kwaliteit "
                   "nieuw {bestand} --criterium ID").format(bestand=bestand))
        elif gesprek.bestond:
            ingevuld = aantal(len(gesprek.concept.antwoorden), "criterium", "criteria")
            toon(_("Verder met {bestand}: {ingevuld} al ingevuld.").format(bestand=bestand,
                                                                         ingevuld=ingevuld))
        if gesprek.opmerkingen:
            eigen = aantal(len(gesprek.opmerkingen), "eigen opmerking", "eigen opmerkingen")
            terminal.waarschuw(_(
                "{bestand} heeft {eigen} (zoals '{voorbeeld}'); die gaan verloren zodra het "
                "eerste antwoord wordt opgeslagen. Zet ze in een toelichting (tekst na #), of stop "
                "nu met Ctrl-C").format(bestand=bestand, eigen=eigen,
                                        voorbeeld=gesprek.opmerkingen[0]))
        while not gesprek.klaar:
            vraag = gesprek.vraag
            deel, nummer, totaal = gesprek.nummer
            deel = _("criteria") if deel == "criteria" else _("locatie")
            toon(f"\n[{deel} {nummer}/{totaal}] {vraag.tekst}", highlight=False)
            if gesprek.probleem is not None:
                toon("  " + _("Opnieuw: {probleem}.").format(probleem=gesprek.probleem),
                     style="bold red")
            toon("  (" + _("{uitleg}; ? voor uitleg, < voor terug").format(uitleg=vraag.uitleg)
                 + ")", style="dim")
            standaard = gesprek.standaard
            try:
                tekst = Prompt.ask(_("Antwoord"), console=scherm, default=standaard,
                                   show_default=standaard is not None)
            except UnicodeDecodeError:  # de terminal gaf bytes die geen UTF-8 zijn
                tekst = "\udcff"  # het gesprek meldt dat, en dezelfde vraag komt terug
            try:
                reactie = gesprek.geef(tekst or "")
            except KwaliteitFout as e:  # het bestand is niet te schrijven
                terminal.stop(e)
            if reactie.uitleg is not None:
                toon(reactie.uitleg)
            if reactie.fout is not None:
                toon("  " + _("Ongeldig: {fout}. Probeer het opnieuw.").format(fout=reactie.fout),
                     style="bold red")
    except (KeyboardInterrupt, EOFError):
        if bestand is None:
            typer.echo("\n" + _("Onderbroken; er is nog niets opgeslagen."), err=True)
        else:
            typer.echo("\n" + _("Onderbroken. Alle antwoorden tot nu toe staan in {bestand}; ga "
                              "verder met: azc-kwaliteit nieuw {bestand}").format(bestand=bestand),
                       err=True)
        raise typer.Exit(ONDERBROKEN) from None
    scherm.print("\n" + _("Klaar: alle vragen beantwoord en opgeslagen in {bestand}.").format(
        bestand=bestand) + "\n", markup=False)
    beoordeel_en_toon(bestand, kader, Formaat.tekst, None, plantoets=None, anonimiseer=False,
                      sjabloon=None)
