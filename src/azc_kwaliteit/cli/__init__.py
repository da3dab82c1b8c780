# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De opdrachtregel: de enige plek die argumenten leest, print, vraagt en met een code stopt.

Per opdrachtgroep een module (``beoordelen``, ``batch``, ``nieuw``, ``kader``); ``opties`` heeft
de gedeelde opties en exitcodes, ``terminal`` het schrijven en de Rich-weergave, ``nl`` een
Nederlandse Typer, ``foutlog`` het vangnet voor bugs. Dit pakket importeert alles; niets
importeert ``cli``. De kern wordt pas binnen een opdracht geïmporteerd, zodat ``--help`` snel
blijft. Bewust zonder ``from __future__ import annotations``: Typer leest de annotaties van elke
opdracht twee keer, en moest ze dan telkens uit tekst evalueren.

Exitcodes (design §6): 0 klaar; 1 de poort (``--faal-bij``) is gezakt; 2 ongeldige invoer of
verkeerd gebruik; 3 interne fout (een bug); 130 onderbroken met Ctrl-C; 141 de lezer van de
uitvoer stopte (``| head``) voordat de opdracht klaar was, zoals de shell SIGPIPE telt. Stopt hij
pas na het werk, dan blijft de gewone code staan.
"""

import os
import sys
from typing import Annotated

import typer

from azc_kwaliteit import __version__
from azc_kwaliteit.cli import batch, beoordelen, nieuw, terminal, veldwerk
from azc_kwaliteit.cli.kader import kader_app
from azc_kwaliteit.cli.nl import (
    LezerGestopt,
    NlCommand,
    NlGroup,
    Onderbroken,
    gebruiksfout,
    installeer,
)
from azc_kwaliteit.cli.opties import (
    AFGEKAPT,
    BEEINDIGD,
    INTERN,
    OK,
    ONDERBROKEN,
    ONGELDIG,
    Taal,
    TaalOptie,
)
from azc_kwaliteit.domein.vertalen import _

MELD_BUG = "https://github.com/azc-kwaliteit/azc-kwaliteit/issues"

installeer()

app = typer.Typer(
    name="azc-kwaliteit",
    cls=NlGroup,
    help="Toets opvanglocaties voor kinderen aan het kwaliteitskader: categorie 1 kritiek, "
    "2 verbeterbaar of 3 goed, met uitleg, verbeterpad en bronnen.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
for opdracht in (beoordelen.beoordeel, beoordelen.plantoets, batch.batch, nieuw.nieuw,
                 beoordelen.vergelijk, beoordelen.sjabloon, veldwerk.formulier, veldwerk.importeer):
    app.command(cls=NlCommand)(opdracht)
app.add_typer(kader_app, name="kader")


def _versie(waarde: bool) -> None:
    """De versie van het programma en van het ingebouwde kader: samen bepalen ze een uitslag."""
    if waarde:
        from azc_kwaliteit.invoer.openen import laad_kader

        kader = laad_kader()
        typer.echo(f"azc-kwaliteit {__version__}\n"
                   + _("ingebouwd kader: {kader} (hash {hash})").format(kader=kader.kader.label,
                                                                        hash=kader.hash))
        raise typer.Exit()


@app.callback()
def _hoofd(
    versie: Annotated[bool, typer.Option("--versie", callback=_versie, is_eager=True,
                                         help="Toon de versie en stop.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Toon bij een interne fout de hele "
                                        "traceback (die staat ook altijd in het foutlog).")
                     ] = False,
    taal: TaalOptie = Taal.nl,
) -> None:
    """Toets opvanglocaties voor kinderen aan het kwaliteitskader."""


def _stdout_dicht() -> None:
    """Stuur wat er nog in de buffer van stdout staat naar /dev/null, zodat Python bij het afsluiten
    niet nog eens over de gesloten pijp klaagt."""
    import os

    try:
        nul = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nul, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - geen echte stdout (CliRunner)
        pass


class Beeindigd(BaseException):
    """SIGTERM (een CI-runner die een taak afbreekt, ``kill``): net als Ctrl-C ruimen de
    opdrachten dan op wat ze half schreven, en ``main`` stopt met 128 + 15."""


def _bij_sigterm(signum: int, frame: object) -> None:
    raise Beeindigd


def main(argv: list[str] | None = None) -> None:
    """Startpunt van het commando: gebruiksfouten in het Nederlands, en bugs afgevangen zodat de
    gebruiker nooit een traceback ziet. Alleen de eigen foutsoorten (``KwaliteitFout``) zijn een
    gebruikersfout; elke andere uitzondering is een bug."""
    import signal

    from typer._click.exceptions import NoArgsIsHelpError, UsageError

    from azc_kwaliteit.domein.fouten import KwaliteitFout

    args = sys.argv[1:] if argv is None else argv
    # Geen Pydantic-plug-ins van derden: een oordeel hangt niet af van wat er verder in de omgeving
    # geïnstalleerd is (Typer doet hetzelfde voor zijn eigen parameters), en elke start scheelt het
    # doorzoeken van alle geïnstalleerde pakketten. Wie ze toch wil, zet de variabele zelf.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    vorige = signal.signal(signal.SIGTERM, _bij_sigterm)
    try:
        code = app(args=argv, standalone_mode=False)
    except NoArgsIsHelpError as e:
        e.show()
        sys.exit(ONGELDIG)
    except UsageError as e:
        opdracht = e.ctx.command_path if e.ctx is not None else "azc-kwaliteit"
        terminal.fout(gebruiksfout(e.format_message()))
        typer.echo(_("Zie '{opdracht} --help' voor hulp.").format(opdracht=opdracht), err=True)
        sys.exit(ONGELDIG)
    except (typer.Abort, KeyboardInterrupt, Onderbroken):
        typer.echo("\n" + _("Afgebroken."), err=True)
        sys.exit(ONDERBROKEN)
    except Beeindigd:
        typer.echo("\n" + _("Beëindigd (SIGTERM)."), err=True)
        sys.exit(BEEINDIGD)
    except (LezerGestopt, BrokenPipeError):  # '| head' stopte voordat de opdracht klaar was
        _stdout_dicht()
        sys.exit(AFGEKAPT)
    except KwaliteitFout as e:  # een gebruikersfout die een opdracht niet zelf toonde
        for tekst in e.regels():
            terminal.fout(tekst)
        sys.exit(ONGELDIG)
    except Exception as e:  # het vangnet voor bugs: één regel, de traceback in een foutlog
        from azc_kwaliteit.cli.foutlog import schrijf_foutlog

        log = schrijf_foutlog(e, args)
        if "--debug" in args:
            import traceback

            traceback.print_exception(e, file=sys.stderr)
        typer.echo(
            _("interne fout: {soort}: {fout}").format(soort=type(e).__name__, fout=e) + "\n"
            + _("Dit is een fout in azc-kwaliteit, niet in uw invoer.") + " "
            + (_("De details staan in {log}.").format(log=log) + " " if log else "")
            + _("Meld hem met dat bestand en het commando dat u gaf op {adres}.").format(
                adres=MELD_BUG),
            err=True,
        )
        sys.exit(INTERN)
    finally:
        signal.signal(signal.SIGTERM, vorige)
    try:  # wat nog in de buffer staat; een lezer die al weg is, verandert de uitkomst niet
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_dicht()
    sys.exit(code if isinstance(code, int) else OK)
