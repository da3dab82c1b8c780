# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Welke criteria op een locatie van toepassing zijn: één regel, voor scoren, sjablonen, invullen
en tests.

Een criterium geldt als de locatie minstens één van zijn doelgroepen heeft, van een van zijn
soorten is (een criterium zonder soorten geldt overal) en het in de fase te beoordelen is: een
plan (``gepland``) of een locatie in gebruik. Een soort die nog niet bekend is (``None``, bij een
leeg sjabloon zonder ``--soort``) sluit geen criterium uit: het formulier vraagt dan alles.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from azc_kwaliteit.domein.antwoorden import AnyCriterium
from azc_kwaliteit.domein.modellen import CriteriumBasis, Fase, Kader
from azc_kwaliteit.domein.taal import woord
from azc_kwaliteit.domein.vertalen import N_, _

NVT_FASE = {Fase.gepland: N_("pas te beoordelen als de locatie in gebruik is"),
            Fase.in_gebruik: N_("alleen voor geplande locaties")}
"""Waarom een criterium in deze fase niet telt."""


def waarom_niet(c: CriteriumBasis, doelgroepen: Collection[str], soort: str | None,
                fase: Fase) -> str | None:
    """None als het criterium op de locatie van toepassing is, anders waarom niet (de tekst die
    bij 'nvt' in het rapport staat)."""
    if not any(d in doelgroepen for d in c.doelgroepen):
        return _("alleen voor {doelgroepen}").format(
            doelgroepen=_(" en ").join(woord(d) for d in c.doelgroepen))
    if c.soorten and soort is not None and soort not in c.soorten:
        return _("alleen voor {soorten}").format(soorten=", ".join(woord(s) for s in c.soorten))
    if fase not in c.fasen:
        return _(NVT_FASE[fase])
    return None


def toepasselijk(kader: Kader, doelgroepen: Iterable[str], fase: str,
                 soort: str | None) -> list[AnyCriterium]:
    """De criteria die voor deze locatie gelden, in de volgorde van het kader."""
    groepen, f = frozenset(doelgroepen), Fase(fase)
    return [c for c in kader.criteria if waarom_niet(c, groepen, soort, f) is None]
