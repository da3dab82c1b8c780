"""azc-kwaliteit: het kwaliteitskader voor kindvriendelijke asielopvang, uitvoerbaar gemaakt."""

__version__ = "0.1.0"
