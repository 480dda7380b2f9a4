"""A count and its word agree, in French (singular for 0 and 1) as in English."""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from diagnostics.tests.factories import make_campaign
from organisations.models import Role
from organisations.tests.factories import AssociationFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    ("count", "french", "english"),
    [(0, "0 réseau", "0 networks"), (1, "1 réseau", "1 network"), (2, "2 réseaux", "2 networks")],
)
def test_the_platform_counts_agree_with_their_number(count, french, english):
    panel = {"associations": 3, "networks": count, "active_memberships": 2, "users": 9}
    for language, expected in (("fr", french), ("en", english)):
        with translation.override(language):
            text = _text(render_to_string("dashboards/_platform_counts.html", {"panel": panel}))
        assert expected in text, text


@pytest.mark.parametrize(
    ("submitted", "expected"),
    [
        (0, "0 répondant sur 2 a envoyé ses réponses"),
        (1, "1 répondant sur 2 a envoyé ses réponses"),
        (2, "2 répondants sur 2 ont envoyé leurs réponses"),
    ],
)
def test_a_campaign_says_how_many_respondents_have_submitted(client, submitted, expected):
    association = AssociationFactory()
    users = [MembershipFactory(association=association, role=Role.ADMIN).user for _ in range(2)]
    campaign = make_campaign(association, users)
    campaign.respondents.filter(user__in=users[:submitted]).update(submitted_at=timezone.now())
    client.force_login(users[0])
    page = client.get(reverse("diagnostics:campaign_detail", args=[campaign.pk])).content
    assert expected in _text(page.decode())
