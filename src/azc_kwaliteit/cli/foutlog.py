# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Het foutlog van een bug (exit 3): traceback, commando en versies in een bestand, zoals
pre-commit dat doet, zodat een melding alles bevat zonder dat de gebruiker een traceback ziet."""

from azc_kwaliteit import __version__


def schrijf_foutlog(fout: BaseException, argv: list[str]) -> str | None:
    """Schrijf de traceback van een bug, met het commando en de versies, naar een logbestand (zoals
    pre-commit doet) en geef het pad; None als ook dat niet lukt. Standaard in de cachemap van de
    gebruiker (``domein.plekken``), anders in de tijdelijke map."""
    import datetime as dt
    import os
    import platform
    import tempfile
    import traceback
    from importlib import metadata

    versies = []
    for pakket in ("typer", "pydantic", "pydantic-core", "pyyaml", "rich", "jinja2"):
        try:
            versies.append(f"{pakket} {metadata.version(pakket)}")
        except metadata.PackageNotFoundError:
            versies.append(f"{pakket} ontbreekt")
    tekst = (f"azc-kwaliteit {__version__} op Python {platform.python_version()} "
             f"({platform.platform()})\n{', '.join(versies)}\n"
             f"commando: azc-kwaliteit {' '.join(argv)}\n"
             f"tijd: {dt.datetime.now().isoformat(timespec='seconds')}\n\n"
             + "".join(traceback.format_exception(fout)))
    from azc_kwaliteit.domein.plekken import cachemap

    for map_ in (str(cachemap()), tempfile.gettempdir()):
        try:
            os.makedirs(map_, exist_ok=True)
            naam = os.path.join(map_, f"fout-{dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log")
            with open(naam, "w", encoding="utf-8") as f:
                f.write(tekst)
            return naam
        except OSError:
            continue
    return None
