"""De vorm van het project: de kern kent geen terminal, en --help laadt niet meer dan nodig."""

from __future__ import annotations

import subprocess
import sys

KERN = ["laden", "modellen", "valideren", "antwoorden", "indeling", "uitslag", "weergave", "batch",
        "ci_formaten", "vergelijken", "invullen", "beoordeling_yaml", "schema", "privacy",
        "schrijven", "fouten", "invoer"]


def _geladen(code: str) -> set[str]:
    r = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                       capture_output=True, text=True, check=True)
    return set(r.stdout.split())


def test_de_kern_importeert_geen_typer_of_rich() -> None:
    modules = _geladen("\n".join(f"import azc_kwaliteit.{m}" for m in KERN))
    assert not {m for m in modules if m.split(".")[0] in ("typer", "rich", "click")}


def test_help_laadt_geen_yaml_jinja_of_modellen() -> None:
    modules = _geladen("import azc_kwaliteit.cli")
    for zwaar in ("yaml", "jinja2", "pydantic", "azc_kwaliteit.modellen",
                  "azc_kwaliteit.indeling", "rich.progress"):
        assert zwaar not in modules, zwaar


def test_ondergrenzen_in_pyproject_zijn_de_geteste_minimumversies() -> None:
    """.ci/run draait de tests met .ci/minimum.txt; die lijst moet de ondergrenzen van
    pyproject.toml zijn, anders belooft de package meer dan getest is."""
    import re
    import tomllib
    from pathlib import Path

    wortel = Path(__file__).resolve().parent.parent
    afhankelijk = tomllib.loads((wortel / "pyproject.toml").read_text())["project"]["dependencies"]
    ondergrens = {}
    for eis in afhankelijk:
        m = re.fullmatch(r"([a-z0-9]+)>=([0-9.]+)(,<[0-9.]+)?", eis.replace(" ", ""))
        assert m, f"afhankelijkheid zonder getoetste ondergrens: {eis}"
        ondergrens[m.group(1)] = m.group(2)
    minimum = dict(r.split("==") for r in (wortel / ".ci" / "minimum.txt").read_text().splitlines()
                   if r and not r.startswith("#"))
    assert minimum == ondergrens
