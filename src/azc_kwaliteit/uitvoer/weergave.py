# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Een uitslag naar tekst, Markdown of JSON: pure functies die een string teruggeven (of, voor
de uitvoer van een grote batch, dezelfde tekst in stukken).

De teksten staan in Jinja-sjablonen in de package (``sjablonen/``), die één keer worden geladen.
Tekst uit beoordelingen wordt alleen als waarde doorgegeven, nooit zelf als sjabloon gelezen.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic_core import to_json

from azc_kwaliteit.domein import vertalen
from azc_kwaliteit.domein.antwoorden import Oordeel, pct
from azc_kwaliteit.domein.fouten import InvoerFout, bestandsnaam, systeemreden
from azc_kwaliteit.domein.modellen import Criterium, Indeling, Kader, KaderHerkomst, ernst_label
from azc_kwaliteit.domein.taal import aantal, datum, woord
from azc_kwaliteit.domein.vertalen import N_, _
from azc_kwaliteit.indeling.uitslag import (
    ONVOLDOENDE,
    Categorie,
    Uitslag,
    betekenis,
    categorie_kop,
    categorie_naam,
)
from azc_kwaliteit.indeling.voorbereiding import voorbereid
from azc_kwaliteit.uitvoer import veilig
from azc_kwaliteit.uitvoer.contract import BatchData, LocatieSamenvatting, UitslagKern

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment

Formaat = Literal["tekst", "markdown", "json", "html"]

OORDEEL_LABEL = {
    Oordeel.voldoet: N_("voldoet"),
    Oordeel.deels: N_("voldoet deels"),
    Oordeel.voldoet_niet: N_("voldoet niet"),
    Oordeel.nvt: N_("niet van toepassing"),
    Oordeel.onbekend: N_("onbekend"),
}
"""Vertaald waar het getoond wordt (``oordeel_label``)."""
OORDEEL_TEKEN = {
    Oordeel.voldoet: "✓", Oordeel.deels: "~", Oordeel.voldoet_niet: "✗",
    Oordeel.nvt: "-", Oordeel.onbekend: "?",
}


def balk(x: float | None, breedte: int = 20) -> str:
    """Een balk van blokjes voor een score tussen 0 en 1."""
    if x is None:
        return "·" * breedte
    vol = round(x * breedte)
    return "█" * vol + "░" * (breedte - vol)


_MD_SPECIAAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+!|~"})


def md(tekst: object) -> str:
    """Tekst uit een beoordeling veilig in Markdown: geen opmaak, geen HTML, geen tabelbreuk, en
    geen @vermelding die in een PR-commentaar mensen of teams oproept."""
    schoon = html.escape(" ".join(str(tekst).split()), quote=False)
    return schoon.translate(_MD_SPECIAAL).replace("@", "@\u200b")


def md_code(tekst: object, tabel: bool = False) -> str:
    """Tekst (een bestandsnaam) als Markdown-codefragment dat er niet uit kan breken: een rij
    backticks die langer is dan elke rij erin (CommonMark) en één regel. In een tabelcel
    (``tabel``) wordt ``|`` ontsnapt; daarbuiten niet, want in code zou ``\\|`` letterlijk staan."""
    schoon = " ".join(str(tekst).split())
    if tabel:
        schoon = schoon.replace("|", "\\|")
    hek = "`" * (max((len(r) for r in re.findall("`+", schoon)), default=0) + 1)
    rand = " " if schoon.startswith("`") or schoon.endswith("`") else ""
    return f"{hek}{rand}{schoon}{rand}{hek}"


@lru_cache(maxsize=1)
def omgeving() -> Environment:
    """De Jinja-omgeving van de package (eenmalig opgebouwd; Jinja pas geladen als er iets te
    renderen is, niet voor alleen JSON)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("azc_kwaliteit.uitvoer", "sjablonen"),
        bytecode_cache=_bytecodecache(),
        extensions=["jinja2.ext.i18n"],
        autoescape=select_autoescape(["html", "html.j2"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(vertalen._, vertalen.n_, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(balk=balk, md=md, md_code=md_code, categorie_naam=categorie_naam,
                       teken=lambda o: OORDEEL_TEKEN[Oordeel(o)],
                       cat_kort=lambda c: "?" if c is None else c)
    env.filters.update({naam: _tijdens_renderen(f) for naam, f in (
        ("pct", pct), ("oordeel", oordeel_label), ("categorie_kop", categorie_kop),
        ("betekenis", betekenis), ("ernst_label", ernst_label), ("woord", woord),
        ("aantal", aantal), ("datum", datum))})
    env.globals.update(Categorie=Categorie, Oordeel=Oordeel, ONVOLDOENDE=ONVOLDOENDE,
                       aantal=aantal, taal=vertalen.taal)
    return env


def _tijdens_renderen(filter_: Callable[..., str]) -> Callable[..., str]:
    """Een filter waarvan de uitkomst van de taal afhangt. Jinja rekent een filter op een vaste
    waarde (``"kritiek" | woord``) anders al bij het compileren uit, en dan staat het woord uit de
    taal van die ene keer in het gecompileerde sjabloon, ook in de cache voor de volgende start.
    Met ``pass_context`` laat Jinja dat na: de filter draait bij elke render."""
    from jinja2 import pass_context

    @pass_context
    def filter_in_taal(_context: Any, *args: Any, **kwargs: Any) -> str:
        return filter_(*args, **kwargs)

    return filter_in_taal


def _bytecodecache() -> BytecodeCache | None:
    """De gecompileerde sjablonen in de cachemap (``domein.plekken``): een sjabloon compileren
    kost bij elke start tientallen milliseconden. Jinja bewaart per sjabloon de controlesom van de
    bron, schrijft atomair en compileert opnieuw als iets niet klopt; zonder schrijfbare cachemap
    compileert hij gewoon elke keer. Alleen voor de eigen sjablonen, nooit voor ``--sjabloon``."""
    from jinja2 import FileSystemBytecodeCache

    from azc_kwaliteit.domein.plekken import cachemap

    # per versie van deze module (de omgeving en haar filters): nooit bytecode van een andere
    map_ = cachemap() / f"sjablonen-{hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]}"
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(map_)) if os.access(map_, os.W_OK) else None


def oordeel_label(oordeel: str) -> str:
    """'voldoet deels', in de gekozen taal."""
    return _(OORDEEL_LABEL[Oordeel(oordeel)])


def render(sjabloon: str, **context: Any) -> str:
    """Een sjabloon van de package als tekst, veilig voor elk tekstkanaal (``veilig``)."""
    return veilig.tekst(omgeving().get_template(sjabloon).render(**context))


def render_delen(sjabloon: str, **context: Any) -> Iterator[str]:
    """Als ``render``, maar in stukken: een overzicht van tienduizend locaties hoeft nooit als
    één tekst in het geheugen te staan."""
    return veilig.stukken(omgeving().get_template(sjabloon).generate(**context))


ERNST_UITLEG = {
    "kritiek": N_("Kritiek: dit moet er meteen zijn, zoals de rechter eiste voor water, eten, zorg "
                  "en veiligheid. Voldoet het niet, dan is de locatie categorie 1, hoeveel er "
                  "verder ook goed gaat."),
    "voorwaarde": N_("Voorwaarde: dit moet binnen een redelijke termijn op orde zijn, zoals de "
                     "rechter gaf voor slaapruimte en sanitair. Voldoet het niet of maar deels, "
                     "dan kan de locatie hoogstens categorie 2 zijn."),
    "gewoon": N_("Gewoon: dit telt mee in de score van de pijler. Eén gewoon criterium dat niet "
                 "voldoet, maakt een locatie nooit kritiek."),
}


def regels_in_woorden(ind: Indeling) -> list[str]:
    """De categorieregels van het kader als gewone zinnen (voor documenten en uitleg)."""
    oordeel = (_(", of als minder dan {drempel} van de criteria beoordeeld is").format(
        drempel=pct(ind.min_dekking_oordeel)) if ind.min_dekking_oordeel else "")
    return [
        _("Categorie 1 (kritiek): een kritiek criterium voldoet niet, of een pijler scoort onder "
          "{grens}. Dat geldt ook als nog veel onbekend is.").format(grens=pct(ind.kritiek_onder)),
        _("Onvoldoende beoordeeld (geen categorie): de locatie is niet kritiek, maar er is te "
          "weinig bekend om dat zeker te weten. Dat is zo als een kritiek criterium nog onbekend "
          "is, als een pijler nog onder {grens} kan zakken wanneer de onbekende criteria niet "
          "voldoen{oordeel}. Het rapport zegt wat u eerst moet beoordelen.").format(
              grens=pct(ind.kritiek_onder), oordeel=oordeel),
        _("Categorie 2 (verbeterbaar): niet kritiek en wel genoeg beoordeeld, maar nog niet goed. "
          "Bijvoorbeeld omdat een voorwaarde niet (helemaal) voldoet."),
        _("Categorie 3 (goed): elke pijler scoort minstens {goed}, elk kritiek criterium en elke "
          "voorwaarde voldoet helemaal, en minstens {dekking} van de toepasselijke criteria is "
          "beoordeeld.").format(goed=pct(ind.goed_vanaf), dekking=pct(ind.min_dekking)),
        _("Omzetting naar reguliere opvang: categorie 3 én draagvlak in de regio."),
        _("Punten per criterium: voldoet 1, deels ½, voldoet niet 0; niet van toepassing en "
          "onbekend tellen niet mee. De pijlerscore is het gewogen aandeel van de punten."),
        _("Een pijler zonder toepasselijke criteria telt niet mee; een pijler waarvan alles "
          "onbekend is, heeft geen score en staat een oordeel in de weg."),
        _("Bij een geplande locatie (plantoets) tellen alleen criteria die al bij het ontwerp te "
          "beoordelen zijn; de uitkomst is de verwachte categorie."),
    ]


def bron_tekst(kader: Kader, bron: str) -> str:
    """'ivrk art. 28' → 'Internationaal Verdrag ... (1989), art. 28'."""
    sleutel, _spatie, rest = bron.partition(" ")
    titel = kader.kader.bronnen.get(sleutel)
    if titel is None:
        return bron
    return f"{titel}, {rest}" if rest else titel


def kader_document(kader: Kader, herkomst: KaderHerkomst, formaat: Literal["markdown", "html"]
                   ) -> str:
    """Het hele kader als leesbaar document, voor gemeenten en raden."""
    from azc_kwaliteit.domein.antwoorden import norm_tekst
    from azc_kwaliteit.uitvoer.kruistabel import dekking, kruistabel

    sjabloon = "kader-document.html.j2" if formaat == "html" else "kader-document.md.j2"
    kruis = kruistabel(kader)
    return render(sjabloon, k=kader, herkomst=herkomst, regels=regels_in_woorden(kader.indeling),
                  ernst_uitleg={k: _(v) for k, v in ERNST_UITLEG.items()}, kruis=kruis,
                  dekking=dekking(kruis),
                  titels=voorbereid(kader).titels,
                  norm=norm_tekst,
                  bronnen=lambda c: "; ".join(bron_tekst(kader, b) for b in c.bronnen))


def kader_europa(kader: Kader) -> str:
    """De kruistabel met EASO/EUAA en de Opvangrichtlijn als tekst (``kader toon --euaa``)."""
    from azc_kwaliteit.uitvoer.kruistabel import dekking, kruistabel

    kruis = kruistabel(kader)
    return render("kader-europa.txt.j2", k=kader, kruis=kruis, dekking=dekking(kruis),
                  titels=voorbereid(kader).titels)


def kader_lijst(kader: Kader, criteria: Sequence[Criterium]) -> str:
    """De criteria als lijst per pijler (``kader toon``): titel, ernst, id, norm en voor wie."""
    from azc_kwaliteit.domein.antwoorden import norm_tekst

    return render("kader-toon.txt.j2", k=kader, criteria=criteria, norm=norm_tekst)


def uitslag_kern(u: Uitslag) -> UitslagKern:
    """De sleutels die elke JSON-vorm van een uitslag deelt, voor één locatie en per batchregel."""
    return {
        "locatie": {"naam": u.locatie, "gemeente": u.gemeente, "soort": u.soort,
                    "status": u.status, "draagvlak_regio": u.draagvlak_regio},
        "plantoets": u.plantoets,
        "categorie": None if u.categorie is None else int(u.categorie),
        "onvoldoende_beoordeeld": u.categorie is None,
        "omzetting": u.omzetting,
        "dekking": round(u.dekking, 4),
        "redenen": [{"regel": r.regel, "tekst": r.tekst, "criteria": list(r.criteria)}
                    for r in u.redenen],
    }


def uitslag_naar_dict(u: Uitslag, herkomst: KaderHerkomst) -> dict[str, Any]:
    """De JSON-vorm van een uitslag (design §6: categorie, omzetting, pijlers, dekking, ...)."""
    return {
        **uitslag_kern(u),
        "beoordeling": {"datum": u.datum, "beoordelaar": u.beoordelaar,
                        "kader": u.verklaard_kader, "status": u.controle, "bron": u.bron},
        "categorie_naam": categorie_naam(u.categorie),
        "betekenis": u.betekenis,
        "pijlers": {
            p.id: {"naam": p.naam, "score": p.score, "toelichting": p.toelichting,
                   "aantallen": p.aantallen}
            for p in u.pijlers
        },
        "verbeterpad": [
            {"criterium": s.criterium, "titel": s.titel, "pijler": s.pijler,
             "ernst": s.ernst.value, "oordeel": s.oordeel.value, "actie": s.actie,
             "waarom": s.waarom, "advies": s.advies, "bronnen": list(s.bronnen)}
            for s in u.verbeterpad
        ],
        "doel_categorie": int(u.doel_categorie) if u.doel_categorie else None,
        "nog_te_beoordelen": list(u.nog_te_beoordelen),
        "waarschuwingen": list(u.waarschuwingen),
        "ingetrokken": [{"criterium": i.id, "vervangen_door": list(i.vervangen_door),
                         "tekst": i.tekst} for i in u.ingetrokken],
        "kader": dict(herkomst),
        "criteria": [
            {"id": c.id, "titel": c.titel, "pijler": c.pijler, "ernst": c.ernst.value,
             "kritiek": c.kritiek, "gewicht": c.gewicht, "norm": c.norm, "oordeel": c.oordeel.value,
             "antwoord": c.antwoord, "toelichting": c.toelichting, "nvt_reden": c.nvt_reden,
             "bewijs": list(c.bewijs)}
            for c in u.criteria
        ],
    }


def _zin(macro: str, u: Uitslag) -> str:
    """Een zin uit ``_teksten.j2``, zoals de sjablonen hem zeggen, voor de terminal."""
    return veilig.tekst(str(getattr(omgeving().get_template("_teksten.j2").module, macro)(u)))


def contextregel(u: Uitslag) -> str:
    """De regel die een locatie beschrijft (soort, fase, plaatsen, kinderen, doelgroepen,
    draagvlak), zoals elk rapport hem bovenaan zet."""
    return _zin("context", u)


def controleregel(u: Uitslag) -> str:
    """Status en herkomst van de beoordeling (review, inzending), of leeg."""
    return _zin("controle", u).strip()


def uitslag_tekst(u: Uitslag, herkomst: KaderHerkomst, formaat: Formaat,
                  *, met_kop: bool = True, indeling: Indeling | None = None,
                  terug: str | None = None) -> str:
    """De uitleg van één uitslag in het gevraagde formaat (HTML heeft de drempels van het kader
    nodig voor de grafiek)."""
    if formaat == "json":
        return naar_json(uitslag_naar_dict(u, herkomst))
    if formaat == "html":
        if indeling is None:
            raise ValueError("HTML heeft de indeling van het kader nodig")
        return render("uitslag.html.j2", u=u, kader=herkomst, indeling=indeling, terug=terug)
    sjabloon = "uitslag.md.j2" if formaat == "markdown" else "uitslag.txt.j2"
    return render(sjabloon, u=u, kader=herkomst, met_kop=met_kop)


def eigen_sjabloon(pad: Path, **context: Any) -> str:
    """Render met een sjabloon van de gebruiker, in Jinja's sandbox: zo'n sjabloon kan geen
    bestanden lezen of Python aanroepen. HTML wordt ontsnapt, tenzij het sjabloon op .txt of .md
    eindigt. Fouten in het sjabloon worden een ``InvoerFout`` met regelnummer."""
    from jinja2 import (
        FileSystemLoader,
        StrictUndefined,
        TemplateError,
        TemplateSyntaxError,
        select_autoescape,
    )
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(pad.parent)),
        extensions=["jinja2.ext.i18n"],
        autoescape=select_autoescape(disabled_extensions=("txt", "md", "txt.j2", "md.j2"),
                                     default_for_string=True, default=True),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    env.filters.update(omgeving().filters)
    env.install_gettext_callables(vertalen._, vertalen.n_, newstyle=True)  # type: ignore[attr-defined]
    try:
        sjabloon = env.get_template(pad.name)
    except TemplateSyntaxError as e:
        raise InvoerFout.enkel(bestandsnaam(pad), e.lineno,
                               _fout_in_sjabloon(jinja_melding(str(e.message)))) from None
    except UnicodeDecodeError:
        raise InvoerFout.enkel(bestandsnaam(pad), None,
                               _("het sjabloon is geen UTF-8-tekst")) from None
    except OSError as e:
        raise InvoerFout.enkel(bestandsnaam(pad), None, _("kan sjabloon niet lezen ({reden})").format(
            reden=systeemreden(e))) from None
    except TemplateError as e:
        raise InvoerFout.enkel(bestandsnaam(pad), None,
                               _fout_in_sjabloon(jinja_melding(str(e)))) from None
    try:
        return veilig.tekst(sjabloon.render(**context))
    except Exception as e:  # wat het sjabloon zelf doet (1/0, een ontbrekend veld): de gebruiker
        regel = _sjabloonregel(e, sjabloon.filename)
        bron = "Jinja" if isinstance(e, TemplateError) else type(e).__name__
        raise InvoerFout.enkel(bestandsnaam(pad), regel,
                               _fout_in_sjabloon(jinja_melding(str(e), bron))) from None


def _fout_in_sjabloon(melding: str) -> str:
    return _("fout in het sjabloon: {melding}").format(melding=melding)


_JINJA_NL: tuple[tuple[str, str], ...] = (
    (r"Expected an expression, got '(.+)'", r"verwacht een uitdrukking, kreeg '\1'"),
    (r"Encountered unknown tag '(.+)'\.?.*", r"onbekende tag '\1'"),
    (r"'.+' has no attribute '(.+)'", r"'\1' bestaat hier niet"),
    (r"'(.+)' is undefined", r"'\1' bestaat niet"),
    (r"No filter named '(.+)'\.?", r"onbekend filter '\1'"),
    (r"No test named '(.+)'\.?", r"onbekende test '\1'"),
    (r"Unexpected end of template\..*needs to be closed is '(.+)'\.",
     r"het sjabloon houdt op terwijl het blok '\1' nog open is (end\1 ontbreekt)"),
    (r"Unexpected end of template\..*", "het sjabloon houdt onverwacht op"),
    (r"access to attribute '(.+?)' of '.+' object is unsafe\.?",
     r"'\1' is in een sjabloon niet toegestaan (sandbox)"),
    (r"unexpected '(.+)', expected '(.+)'", r"onverwacht '\1', verwacht '\2'"),
    (r"unexpected '(.+)'", r"onverwacht '\1'"),
    (r"expected token '(.+)', got '(.+)'", r"verwacht '\1', kreeg '\2'"),
    (r"(?:integer )?division(?: or modulo)? by zero", "delen door nul"),
    (r"Range too big\..*\((\d+)\)\.?", r"dat bereik is te groot: de sandbox staat hoogstens \1 stappen toe"),
)
"""Jinja's Engelse meldingen in het Nederlands; een onbekende blijft, met 'Jinja:' ervoor."""


_JINJA_TOKENS = {"end of statement block": "%}", "end of print statement": "}}",
                 "end of template": "het einde van het sjabloon"}


def jinja_melding(melding: str, bron: str = "Jinja") -> str:
    """Een melding van Jinja (syntax of bij het renderen) zoals de gebruiker hem leest; een
    onbekende blijft staan, met haar ``bron`` ervoor (Jinja, of de Python-fout van het sjabloon)."""
    if vertalen.taal() != "nl":
        return f"{bron}: {melding}"
    for token, teken in _JINJA_TOKENS.items():
        melding = melding.replace(f"'{token}'", f"'{teken}'")
    for patroon, vertaling in _JINJA_NL:
        if re.fullmatch(patroon, melding, flags=re.S):
            return re.sub(patroon, vertaling, melding, flags=re.S)
    return f"{bron}: {melding}"


def _sjabloonregel(fout: BaseException, bestand: str | None) -> int | None:
    """De regel van het sjabloon waar de fout ontstond: Jinja zet die in de traceback."""
    regel = None
    tb = fout.__traceback__
    while tb is not None:
        if bestand is not None and tb.tb_frame.f_code.co_filename == bestand:
            regel = tb.tb_lineno
        tb = tb.tb_next
    return regel


def veilige_naam(naam: str, sleutel: str) -> str:
    """Een bestandsnaam uit tekst van een beoordeling: alleen a-z, 0-9 en streepjes, nooit een
    pad (``../``, ``/``), plus een korte hash van ``sleutel`` zodat twee locaties met dezelfde naam
    niet over elkaar heen schrijven."""
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:60].strip("-") or "locatie"
    return f"{slug}-{hashlib.sha256(sleutel.encode()).hexdigest()[:8]}"


def warmtekaart(resultaten: Collection[LocatieSamenvatting], kader: Kader) -> list[dict[str, Any]]:
    """Per criterium op hoeveel locaties het niet of deels voldoet, meest falende eerst."""
    niet: Counter[str] = Counter()
    deels: Counter[str] = Counter()
    nvt: Counter[str] = Counter()
    for r in resultaten:
        nvt.update(r["niet_van_toepassing"])
        for b in r["bevindingen"]:
            if b["oordeel"] == "voldoet_niet":
                niet[b["criterium"]] += 1
            elif b["oordeel"] == "deels":
                deels[b["criterium"]] += 1
    namen = {p.id: p.naam for p in kader.pijlers}
    rijen = []
    for c in kader.criteria:
        if not (niet[c.id] or deels[c.id]):
            continue
        n = len(resultaten) - nvt[c.id]  # alleen de locaties waar het criterium geldt
        rijen.append({
            "id": c.id, "titel": c.titel, "pijler": namen.get(c.pijler, c.pijler),
            "kritiek": c.kritiek, "ernst": c.ernst.value, "voldoet_niet": niet[c.id],
            "deels": deels[c.id], "geldt": n, "niet_aandeel": niet[c.id] / n,
            "deels_aandeel": deels[c.id] / n, "aandeel": (niet[c.id] + deels[c.id]) / n})
    return sorted(rijen, key=lambda w: (-w["voldoet_niet"], -w["deels"], w["id"]))


def batch_html(data: BatchData, kader: Kader) -> Iterator[str]:
    """De overzichtspagina van een batch (verdeling, alle locaties met links, warmtekaart), in
    stukken."""
    return render_delen("batch.html.j2", b=data, warmte=warmtekaart(data["resultaten"], kader))


RONDES_PLEK = "<!--azc-rondes-->"
"""Waar de pagina van een locatie (``batch --html``) de links naar haar andere rondes krijgt."""


def met_rondes(pagina: str, rondes: Sequence[tuple[str, int | None, str]], huidig: str) -> str:
    """De pagina van één ronde, met links naar alle rondes van dezelfde locatie. Pas na de
    batch is bekend welke rondes er zijn; de pagina's zijn dan al geschreven."""
    return pagina.replace(RONDES_PLEK, render("_rondes.html.j2", rondes=rondes, huidig=huidig), 1)


def naar_json(data: Any) -> str:
    """JSON voor mensen: ingesprongen, tekens als zichzelf.

    Dezelfde tekst als ``json.dumps(data, ensure_ascii=False, indent=2)``, maar gemaakt door de
    encoder van pydantic-core (in Rust): bij grote uitvoer seconden sneller. Alleen heel kleine
    getallen schrijft hij anders (``0.00001`` voor ``1e-05``), met dezelfde waarde."""
    return veilig.json(to_json(data, indent=2).decode("utf-8")) + "\n"


def compacte_json(data: Any) -> str:
    """JSON op één regel, zonder spaties (``json.dumps`` met ``separators=(",", ":")``)."""
    return veilig.json(to_json(data).decode("utf-8"))


class JsonLijst:
    """Een lange lijst voor ``json_delen``: de elementen liggen al klaar als compacte JSON en
    worden één voor één geschreven, elk op een eigen regel."""

    def __init__(self, teksten: Iterable[str]) -> None:
        self.teksten = teksten


def json_delen(data: Any) -> Iterator[str]:
    """Compacte JSON in stukken, voor uitvoer die te groot is om als één tekst te maken: objecten
    en lijsten worden doorlopen, een ``JsonLijst`` element voor element; de rest gaat in één keer
    naar ``compacte_json``."""
    if isinstance(data, JsonLijst):
        yield "["
        leeg = True
        for tekst in data.teksten:
            yield ("\n" if leeg else ",\n") + tekst
            leeg = False
        yield "]" if leeg else "\n]"
    elif isinstance(data, dict):
        yield "{"
        for i, (sleutel, waarde) in enumerate(data.items()):
            yield ("," if i else "") + compacte_json(sleutel) + ":"
            yield from json_delen(waarde)
        yield "}"
    elif isinstance(data, list | tuple):
        yield "["
        for i, waarde in enumerate(data):
            if i:
                yield ","
            yield from json_delen(waarde)
        yield "]"
    else:
        yield compacte_json(data)
