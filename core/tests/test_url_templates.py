import pytest
from django.urls import NoReverseMatch, reverse

from core.url_templates import url_maker

NAMES = [
    "alliances:alliance_detail",
    "organisations:association_detail",
    "diagnostics:campaign_detail",
]


@pytest.mark.parametrize("name", NAMES)
def test_url_maker_gives_what_reverse_gives(name):
    make = url_maker(name)
    for pk in (1, 7, 42, 1234567):
        assert make(pk) == reverse(name, args=[pk])


def test_url_maker_refuses_a_pattern_that_takes_no_argument():
    with pytest.raises(NoReverseMatch):
        url_maker("accounts:profile")
