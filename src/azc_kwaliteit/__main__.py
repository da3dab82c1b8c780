"""Zodat ``python -m azc_kwaliteit`` hetzelfde doet als het commando ``azc-kwaliteit``."""

from azc_kwaliteit.cli import main

main()
