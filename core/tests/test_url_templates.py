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


def test_url_maker_of_two_arguments_gives_what_reverse_gives():
    make = url_maker("evaluation:indicator_detail", 2)
    assert make(12, 345) == reverse("evaluation:indicator_detail", args=[12, 345])
