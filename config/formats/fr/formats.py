"""French formats of Faire Alliance: Django's, but dates written in words only through our
`long_date` filter (core/templatetags/fr_format.py).

Django's French long format (« j F Y ») writes « 1 décembre 2026 », where French writes
« 1er décembre 2026 », and no date format can say « 1er ». What Django formats by itself (the
admin's lists and forms, a date shown without a filter) is therefore written in figures.
"""

DATE_FORMAT = "d/m/Y"  # 01/12/2026
DATETIME_FORMAT = "d/m/Y H:i"
