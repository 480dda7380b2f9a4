"""English formats of Faire Alliance: British English's day-first dates and a 24-hour clock.

French associations' data are dated the French way; US dates (08/15/2026) next to them would be
misread. Numbers keep English separators (1,250.00). Django falls back to its own `en` formats
for anything not set here.
"""

from django.conf.locale.en_GB import formats as british

DATE_FORMAT = "d/m/Y"  # as in French: in words only through `long_date`
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "d/m/Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"  # 15/08/2026
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = british.DATE_INPUT_FORMATS  # 15/08/2026 typed in a text field
DATETIME_INPUT_FORMATS = british.DATETIME_INPUT_FORMATS
