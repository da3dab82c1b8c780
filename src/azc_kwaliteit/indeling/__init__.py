# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De indeling: een pure functie van kader en beoordeling naar een uitslag (design §5).

``toepassing`` is de ene regel die zegt welke criteria op een locatie van toepassing zijn (voor
scoren, sjablonen, invullen en tests). ``voorbereiding`` zet per kader klaar wat de binnenste
lussen nodig hebben; ``categorie`` telt en deelt in; ``verbeterpad`` kiest wat eerst moet;
``uitslag`` is het onveranderlijke resultaat; ``vergelijken`` zet twee rondes naast elkaar. Dit
pakket importeert alleen ``domein``: geen bestanden, geen terminal, geen sjablonen.
"""
