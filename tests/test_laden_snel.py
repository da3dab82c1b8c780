# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De snelle regellezer leest precies wat libyaml leest, of laat het aan libyaml over.

Elke tekst die ``lees_eenvoudig`` aanneemt, moet via libyaml (``snelpad=False``) dezelfde data en
dezelfde regelnummers geven; tekst waarop libyaml een fout geeft, mag hij nooit aannemen. En de
bestanden die het gereedschap zelf schrijft (sjabloon, nieuw, de benchmarkgenerator) moeten
langs de snelle weg gaan, anders meet de benchmark iets anders dan wat gebruikers draaien.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from azc_kwaliteit.domein.fouten import InvoerFout
from azc_kwaliteit.invoer.laden import lees_tekst
from azc_kwaliteit.invoer.laden_snel import lees_eenvoudig
from azc_kwaliteit.invoer.openen import laad_kader
from azc_kwaliteit.uitvoer.beoordeling_yaml import naar_yaml
from conftest import draai

HIER = Path(__file__).parent
WORTEL = HIER.parent

SLEUTELS = ["a", "b", "naam", "a-b", "_x", "yes", "on", "y", "null", "true", "1", "'q'", '"q"',
            "a b", "<<", "é", "? a", "&x a", "!!str a"]
WAARDEN = [
    "ja", "nee", "3", "-3", "+3", "0", "-0", "3.5", "-2.", "1_000", "0x1F", "0o7", "012", "0b11",
    "1e3", "1.0e+3", "1:20", "12:30:00", ".5", "-.5", ".inf", "-.inf", ".nan", ".NaN", "~",
    "null", "Null", "NULL", "true", "False", "yes", "no", "on", "2026-01-01", "a b", "a  b",
    "a #c", "a#c", "a: b", "a:", "a:b", "a :", "'x'", "''", "'it''s'", "'x' #c", "'x'#c",
    "'x'y", "'x", '"x"', '""', '"a\\nb"', '"x" #c', '"x', "[a, b]", "[]", "[ ]", "{}",
    "{a: 1}", "{a: 1, b: [x]}", "{a: 1, a: 2}", "{a: }", "{a:1}", "[a, [b]]", "[a,]", "[a, 'b']",
    "[a}", "{a: 1]", "{a: 's b}", "[x'y, \"z\"w]", "{a: b'}",
    "[a] x", "[a] #c", "- x", "-", "-x", "--x", "&a x", "*a", "!!str 3",
    "!!int 3", "!x y", "|", ">", "|-", "%x", "@x", "`x", "? x", ": x", ",x", "x,y", "é",
    "\u00a0x", "x\u00a0", "x\u2028y", "x\x85y", "x\ty", "\t", "#", "# c", "", " ", "x ", "x\r",
    "\ufeffx", "\x07",
]


@st.composite
def regels(draw: st.DrawFn) -> str:
    """Tekst van willekeurige YAML-achtige regels: meestal fout, soms precies goed."""
    uit = []
    for _ in range(draw(st.integers(1, 12))):
        inspring = " " * draw(st.sampled_from([0, 0, 2, 2, 4, 1, 3]))
        sleutel, waarde = draw(st.sampled_from(SLEUTELS)), draw(st.sampled_from(WAARDEN))
        soort = draw(st.sampled_from(["paar", "paar", "paar", "open", "element", "commentaar",
                                      "leeg", "kaal", "document"]))
        uit.append(inspring + {
            "paar": f"{sleutel}: {waarde}", "open": f"{sleutel}:", "element": f"- {waarde}",
            "commentaar": f"# {waarde}", "leeg": "", "kaal": waarde, "document": "---",
        }[soort])
    return "\n".join(uit) + draw(st.sampled_from(["", "\n", "\n\n", "\r\n"]))


scalars = st.one_of(
    st.sampled_from([w for w in WAARDEN if w.isprintable()]),
    st.integers(-10**6, 10**6), st.floats(allow_nan=False), st.booleans(), st.none(),
    st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]),
            max_size=20),
)
sleutelnamen = st.from_regex(r"[a-z_][a-z0-9_-]{0,8}", fullmatch=True)
structuren = st.recursive(
    scalars,
    lambda kind: st.lists(kind, max_size=4) | st.dictionaries(sleutelnamen, kind, max_size=5),
    max_leaves=20,
)


def vergelijk(tekst: str) -> bool:
    """Beide wegen geven hetzelfde, of de snelle weg weigert. Geeft terug of hij aannam."""
    snel = lees_eenvoudig(tekst)
    if snel is None:
        return False
    try:
        volledig = lees_tekst(tekst, "x.yaml", snelpad=False)
    except InvoerFout as e:  # pragma: no cover - dan is de snelle weg te ruim
        pytest.fail(f"snelle weg nam tekst aan die libyaml weigert ({e.problemen[0].melding}):"
                    f"\n{tekst!r}")
    assert snel[0] == volledig.data, tekst
    assert snel[1] == volledig.regels, tekst
    return True


INSTELLINGEN = settings(max_examples=600, deadline=None,
                        suppress_health_check=[HealthCheck.too_slow])


@INSTELLINGEN
@given(regels())
@example("a:\n- x\n- y\nb: 1\n")
@example("a:\n  b: 1\n  c:\n    - 2\n    - 3\nd: [x, 4]\ne: {f: g}\n")
def test_willekeurige_regels_gelijk_aan_libyaml(tekst: str) -> None:
    vergelijk(tekst)


@INSTELLINGEN
@given(st.dictionaries(sleutelnamen, structuren, min_size=1, max_size=6),
       st.sampled_from([False, None]), st.sampled_from([2, 4]), st.booleans())
def test_yaml_van_pyyaml_gelijk_aan_libyaml(data: dict[str, Any], stijl: bool | None,
                                            inspringing: int, unicode: bool) -> None:
    tekst = yaml.safe_dump(data, default_flow_style=stijl, indent=inspringing,
                           allow_unicode=unicode, sort_keys=False, width=10_000)
    vergelijk(tekst)


def test_gewone_yaml_gaat_langs_de_snelle_weg() -> None:
    tekst = ("# kop\nlocatie:\n  naam: De Linde  # commentaar\n  doelgroepen:\n  - gezinnen\n"
             "  - amv\n  bewoners: {kinderen: 16, amv: 3}\nbeoordeling:\n  datum: 2026-06-12\n"
             "antwoorden:\n  a: ja\n  b:\n    waarde: 3.5\n    toelichting: 'zo''n plek'\n"
             "  c: [x, y]\n  d:\n  e: \"tekst\"\n")
    assert vergelijk(tekst)
    data, pad_regels = lees_eenvoudig(tekst) or ({}, {})
    assert data["antwoorden"]["b"] == {"waarde": 3.5, "toelichting": "zo'n plek"}
    assert data["antwoorden"]["d"] is None
    assert data["beoordeling"]["datum"] == "2026-06-12"
    assert pad_regels[("locatie", "doelgroepen", 1)] == 6
    assert pad_regels[("antwoorden", "b", "toelichting")] == 14


@pytest.mark.parametrize("tekst", [
    "a: 1\na: 2\n",  # dubbele sleutel: libyaml-weg meldt hem met de regel
    "a: |\n  tekst\n",
    "a: tekst die\n  doorloopt\n",
    "a:\n\tb: 1\n",
    "a: &x 1\nb: *x\n",
    "a: !!python/object:os.system x\n",
    "a: b: c\n",
    "---\na: 1\n",
])
def test_bijzondere_yaml_gaat_naar_libyaml(tekst: str) -> None:
    assert lees_eenvoudig(tekst) is None


def bestanden() -> list[Path]:
    return sorted([*WORTEL.glob("voorbeelden/*.yaml"), *HIER.glob("slechte-invoer/*.yaml"),
                   *HIER.glob("slechte-kaders/*.yaml"), *WORTEL.glob("kaders/*.yaml")])


@pytest.mark.parametrize("pad", bestanden(), ids=lambda p: p.name)
def test_eigen_bestanden_gelijk_aan_libyaml(pad: Path) -> None:
    try:
        tekst = pad.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return  # de lader weigert deze al bij het decoderen
    aangenomen = vergelijk(tekst)
    if pad.parent.name == "voorbeelden":  # zo schrijven mensen: dat moet de snelle weg halen
        assert aangenomen


def test_wat_het_gereedschap_schrijft_gaat_langs_de_snelle_weg(tmp_path: Path,
                                                              runner: CliRunner) -> None:
    sys.path.insert(0, str(WORTEL / "benchmarks"))
    from genereer import genereer

    genereer(tmp_path / "gen", 50)
    geschreven = [p.read_text(encoding="utf-8") for p in sorted(tmp_path.rglob("*.yaml"))]
    for status in ("in_gebruik", "gepland"):
        geschreven.append(draai(runner, "sjabloon", "--status", status).stdout)
    kader = laad_kader().kader
    geschreven.append(naar_yaml(  # zoals 'nieuw' opslaat, met lastige tekst
        {"naam": "A: B #1", "gemeente": "'s-Hertogenbosch", "doelgroepen": ["amv"],
         "capaciteit": 12},
        {"datum": "2026-01-02", "beoordelaar": 'Team "Zuid"\\Oost'},
        {c.id: {"waarde": "ja", "toelichting": "Gezien, # ter {plaatse} [x]\nmet 'n regel"}
         for c in kader.criteria[:5]}, kader))
    assert all(vergelijk(t) for t in geschreven)
