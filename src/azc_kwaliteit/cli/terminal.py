# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Wat de opdrachten op de terminal doen: schrijven, waarschuwen, stoppen met een fout, en de
Rich-weergave (kop van een uitslag, batchtabel, voortgangsbalk).

Rich wordt pas geladen als er echt iets op een terminal getoond wordt; tekst uit een bestand gaat
altijd als ``Text`` of met ``markup=False`` naar Rich, nooit als opmaak.
"""

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from azc_kwaliteit.cli.opties import ONGELDIG
from azc_kwaliteit.domein.vertalen import _

if TYPE_CHECKING:
    from rich.console import Console

    from azc_kwaliteit.domein.fouten import KwaliteitFout
    from azc_kwaliteit.indeling.uitslag import Uitslag
    from azc_kwaliteit.invoer.openen import GeladenKader
    from azc_kwaliteit.uitvoer.contract import BatchData

MAX_MELDINGEN = 50
"""Zoveel foutregels op het scherm; daarna '… en nog N problemen' (de JSON heeft ze allemaal)."""

KLEUR = {1: "bold white on red", 2: "bold black on yellow", 3: "bold white on green",
         None: "bold white on grey30"}


def op_terminal() -> "Console | None":
    """Een Rich-console voor stdout als daar een terminal is (of kleur afgedwongen wordt), anders
    None. Naar een pijp of bestand gaat gewone tekst, en dan hoeft Rich niet geladen te worden."""
    import os

    if not (sys.stdout.isatty() or os.environ.get("FORCE_COLOR") or os.environ.get("TTY_COMPATIBLE")):
        return None
    scherm = console()
    return scherm if scherm.is_terminal else None


def console(stderr: bool = False) -> "Console":
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def stop(probleem: "KwaliteitFout") -> NoReturn:
    """Toon een gebruikersfout (één regel per probleem) en stop met code 2."""
    regels = probleem.regels()
    for tekst in regels[:MAX_MELDINGEN]:
        fout(tekst)
    if len(regels) > MAX_MELDINGEN:
        fout(_("... en nog {n} problemen").format(n=len(regels) - MAX_MELDINGEN))
    raise typer.Exit(ONGELDIG)


def fout(tekst: object) -> None:
    """Eén regel ``fout: ...`` op stderr; tekst uit bestanden erin blijft data."""
    from azc_kwaliteit.uitvoer.veilig import regel

    typer.echo(_("fout: {melding}").format(melding=regel(tekst)), err=True)


def weiger(tekst: str) -> NoReturn:
    """Verkeerd gebruik dat de opdracht zelf ziet (een onbekende pijler, twee kaders): één
    foutregel en code 2."""
    fout(tekst)
    raise typer.Exit(ONGELDIG)


def meld(tekst: str, *, err: bool = True) -> None:
    """Een regel (of een paar) voor de gebruiker; tekst uit bestanden erin blijft data."""
    from azc_kwaliteit.uitvoer.veilig import tekst as veilig

    typer.echo(veilig(tekst), err=err)


def waarschuw(tekst: object) -> None:
    from azc_kwaliteit.uitvoer.veilig import regel

    typer.echo(_("waarschuwing: {melding}").format(melding=regel(tekst)), err=True)


def locatiekeuzes(doelgroepen: str | None, soort: str | None, status: str | None
                  ) -> list[str] | None:
    """De opties --doelgroepen (komma's), --soort en --status van ``sjabloon`` en ``formulier``,
    gecontroleerd; een onbekende waarde is een gebruiksfout. Geeft de doelgroepen als lijst."""
    from azc_kwaliteit.domein.modellen import Doelgroep, Fase, Soort
    from azc_kwaliteit.uitvoer.veilig import regel

    groepen = None if doelgroepen is None else [g.strip() for g in doelgroepen.split(",")
                                                 if g.strip()]
    for waarde, toegestaan, optie in (
            (groepen, [d.value for d in Doelgroep], "--doelgroepen"),
            (None if status is None else [status], [f.value for f in Fase], "--status"),
            (None if soort is None else [soort], [x.value for x in Soort], "--soort")):
        if waarde is None:
            continue
        fout = [w for w in waarde if w not in toegestaan]
        if fout or not waarde:
            weiger(_("ongeldige waarde voor {optie}: {waarde}; kies uit {keuzes}").format(
                optie=optie, waarde=regel(f"'{', '.join(fout)}'"), keuzes=", ".join(toegestaan)))
    return groepen


def kader(pad: Path | None) -> "GeladenKader":
    from azc_kwaliteit.domein.fouten import InvoerFout
    from azc_kwaliteit.invoer.openen import laad_kader

    try:
        return laad_kader(pad)
    except InvoerFout as e:
        stop(e)


def schrijf(tekst: str | Iterable[str], uitvoer: Path | None, *, stil: bool = False,
            invoer: Iterable[Path | None] = (), forceer: bool = False,
            ombreken: bool = False) -> None:
    """Naar stdout of (atomair) naar een bestand, met een regeleinde aan het eind. Een tekst in
    stukken wordt stuk voor stuk geschreven. Een bestand uit ``invoer`` of een ingevulde
    beoordeling wordt niet overschreven, tenzij ``forceer``. Met ``ombreken`` (gewone tekst, geen
    JSON of Markdown) worden regels op een terminal omgebroken op zijn breedte."""
    delen = _met_regeleinde([tekst] if isinstance(tekst, str) else tekst)
    if uitvoer is None:
        if ombreken and sys.stdout.isatty():
            delen = _omgebroken(delen, breedte())
        sys.stdout.writelines(delen)
        sys.stdout.flush()
        return
    from azc_kwaliteit.domein.fouten import SchrijfFout
    from azc_kwaliteit.invoer.overschrijven import bewaak
    from azc_kwaliteit.uitvoer.schrijven import schrijf_atomair

    try:
        bewaak(uitvoer, [p for p in invoer if p is not None], forceer=forceer)
        schrijf_atomair(uitvoer, delen)
    except SchrijfFout as e:
        stop(e)
    if not stil:
        geschreven(uitvoer)


def geschreven(pad: Path) -> None:
    from azc_kwaliteit.domein.fouten import bestandsnaam
    from azc_kwaliteit.uitvoer.veilig import regel

    typer.echo(_("Geschreven: {pad}").format(pad=regel(bestandsnaam(pad))), err=True)


def breedte() -> int:
    """De breedte van de terminal (``COLUMNS`` gaat voor, zoals bij Rich en Click)."""
    import shutil

    return shutil.get_terminal_size().columns


def op_breedte(tekst: str, scherm: "Console") -> str:
    """Tekst omgebroken op de breedte van een Rich-console (op woordgrenzen, met inspringing)."""
    from azc_kwaliteit.uitvoer.ombreken import ombreek

    return ombreek(tekst, scherm.width)


def _omgebroken(delen: Iterable[str], kolommen: int) -> Iterator[str]:
    """Tekst in stukken, per hele regel omgebroken (een stuk kan midden in een regel eindigen)."""
    from azc_kwaliteit.uitvoer.ombreken import ombreek

    rest = ""
    for deel in delen:
        *hele, rest = (rest + deel).split("\n")
        if hele:
            yield ombreek("\n".join(hele), kolommen) + "\n"
    if rest:
        yield ombreek(rest, kolommen)


def _met_regeleinde(delen: Iterable[str]) -> Iterator[str]:
    laatste = "\n"
    for deel in delen:
        if deel:
            yield deel
            laatste = deel
    if not laatste.endswith("\n"):
        yield "\n"


def uitslag_kop(scherm: "Console", u: "Uitslag", geladen: "GeladenKader") -> None:
    """De kop van een uitslag op een terminal: badge, betekenis, pijlerbalken en dekking."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from azc_kwaliteit.domein.antwoorden import pct
    from azc_kwaliteit.domein.taal import datum
    from azc_kwaliteit.uitvoer.veilig import regel
    from azc_kwaliteit.uitvoer.weergave import balk, contextregel, controleregel

    kop = Text(regel(f"{u.locatie} ({u.gemeente})"), style="bold")
    voor, _streep, naam = u.categorie_kop.rpartition(" – ")  # 'Categorie 1 – KRITIEK'
    badge = Text(f" {voor} – {naam.upper()} " if voor else f" {naam.upper()} ",
                 style=KLEUR[u.categorie])
    tabel = Table.grid(padding=(0, 2))
    ind = geladen.kader.indeling
    for p in u.pijlers:
        kleur = ("dim" if p.score is None else "red" if p.score < ind.kritiek_onder
                 else "yellow" if p.score < ind.goed_vanaf else "green")
        tabel.add_row(Text(regel(p.naam)), Text(balk(p.score), style=kleur),
                      Text(pct(p.score) if p.score is not None
                           else _("geen score: {reden}").format(reden=p.toelichting)))
    tabel.add_row(_("Dekking"), Text(balk(u.dekking), style="cyan"), pct(u.dekking))
    controle = controleregel(u)
    onder = Text(_("Beoordeeld op {datum} door {wie}").format(datum=datum(u.datum),
                                                              wie=regel(u.beoordelaar))
                 + "\n" + _("Kader {kader} ({hash})").format(kader=geladen.kader.label,
                                                             hash=geladen.hash)
                 + (f"\n{regel(controle)}" if controle else ""), style="dim")
    context = Text(regel(contextregel(u)))
    kleur = KLEUR[u.categorie].split()[-1]
    scherm.print(Panel.fit(Text.assemble(kop, "\n", context, "\n", badge, "\n", u.betekenis,
                                         "\n", onder), border_style=kleur), soft_wrap=False)
    scherm.print(tabel)


def batch_tabel(scherm: "Console", data: "BatchData", alle: bool) -> None:
    """Het batchoverzicht op een terminal: een tabel van de urgentste locaties en de samenvatting."""
    from rich.table import Table
    from rich.text import Text

    from azc_kwaliteit.batch.uitvoeren import MAX_RIJEN
    from azc_kwaliteit.domein.antwoorden import pct
    from azc_kwaliteit.uitvoer.veilig import regel
    from azc_kwaliteit.uitvoer.weergave import render

    resultaten = data["resultaten"]  # op categorie gesorteerd: de kritieke staan vooraan
    s = data["samenvatting"]
    toon = resultaten if alle or len(resultaten) <= MAX_RIJEN else resultaten[
        :s["kritiek"] + s["onvoldoende_beoordeeld"]]
    if toon:
        tabel = Table(title=_("Locaties, de meest urgente eerst"), header_style="bold")
        pijlers = [Text(regel(p["naam"])) for p in toon[0]["pijlers"].values()]
        kolommen: list[str | Text] = [_("Cat."), _("Locatie"), _("Gemeente"), *pijlers, _("Dekking"),
                                      _("Bestand")]
        for kolom in kolommen:
            tabel.add_column(kolom)
        for r in toon:
            categorie = f" {r['categorie'] or '?'} " + (f"{r['trend']} " if "trend" in r else "")
            tabel.add_row(Text(categorie, style=KLEUR[r["categorie"]]),
                          Text(regel(r["locatie"]["naam"])), Text(regel(r["locatie"]["gemeente"])),
                          *(pct(p["score"]) for p in r["pijlers"].values()),
                          pct(r["dekking"]), Text(regel(r["bestand"])))
        from rich.measure import Measurement

        nodig = Measurement.get(scherm, scherm.options.update_width(100_000), tabel).maximum
        if nodig <= scherm.width:
            scherm.print(tabel)
        else:  # te smal voor de tabel: een lijst, zodat geen bestandsnaam wordt afgekapt
            scherm.print(op_breedte(render("batch.txt.j2", b=data, alle=alle, max_rijen=MAX_RIJEN,
                                           alleen_tabel=True), scherm), markup=False, end="")
    scherm.print(op_breedte(render("batch.txt.j2", b=data, alle=alle, max_rijen=MAX_RIJEN,
                                   zonder_tabel=True), scherm), markup=False, end="")


@contextmanager
def voortgang(totaal: int, *, aan: bool) -> Iterator[Callable[[], None]]:
    """Een voortgangsbalk op stderr, alleen op een terminal, niet in CI en niet bij kleine
    aantallen; anders een stap die niets doet."""
    import os

    scherm = console(stderr=True) if aan and totaal >= 20 and not os.environ.get("CI") else None
    if scherm is None or not scherm.is_terminal:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(_("Beoordelingen scoren")), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=scherm, transient=True) as balk:
        taak = balk.add_task("scoren", total=totaal)
        yield lambda: balk.advance(taak)
