"""seed_scale: the bench's data set, at a small N (counts, determinism, usable accounts)."""

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count

from accounts.models import User
from alliances.models import Action, Alliance, AlliancePartner, Convention
from diagnostics.models import Answer, Campaign, Respondent
from evaluation.models import Indicator, Measurement, StrategicObjective
from organisations.models import Association, AssociationMembership, Network, NetworkMembership

pytestmark = pytest.mark.django_db

N = 12


def _fingerprint():
    """What the data says, without primary keys (they depend on the sequences)."""
    return {
        "associations": list(
            Association.objects.order_by("rna").values_list(
                "rna", "name", "department", "sector", "employees", "budget_band"
            )
        ),
        "networks": list(
            NetworkMembership.objects.order_by("association__rna").values_list(
                "association__rna", "network__name", "state"
            )
        ),
        "alliances": list(
            Alliance.objects.order_by("lead__rna", "title").values_list("lead__rna", "title")
        ),
        "measurements": list(
            Measurement.objects.order_by(
                "indicator__alliance__lead__rna",
                "indicator__alliance__title",
                "indicator__name",
                "date",
            ).values_list("date", "value")
        ),
        "answers": list(
            Answer.objects.order_by(
                "respondent__campaign__association__rna",
                "respondent__campaign__opened_at",
                "respondent__user__email",
                "statement__code",
            ).values_list("respondent__user__email", "statement__code", "value", "dont_know")
        ),
    }


def test_seed_scale_creates_the_announced_data_set(capsys):
    call_command("seed_scale", associations=N, seed=7)
    assert "12 associations seeded in" in capsys.readouterr().out

    assert Association.objects.count() == N
    assert Network.objects.count() == 40
    # The first network is the big one: half the members at this N (500 at N = 2,000).
    biggest = Network.objects.annotate(n=Count("memberships")).order_by("-n").first()
    assert biggest.n == N // 2
    assert AssociationMembership.objects.count() == 3 * N
    alliances = Alliance.objects.count()
    assert 4 * N <= alliances <= 6 * N
    assert AlliancePartner.objects.count() == 3 * alliances
    assert Convention.objects.count() == alliances
    assert Action.objects.count() == 4 * alliances
    assert StrategicObjective.objects.count() == 2 * alliances
    assert Indicator.objects.count() == 3 * alliances
    # A year: one monthly indicator (12) and two quarterly ones (4 each) per alliance.
    assert Measurement.objects.count() == 20 * alliances
    campaigns = Campaign.objects.filter(status=Campaign.Status.CLOSED)
    assert N <= campaigns.count() <= 3 * N
    assert all(1 <= c.n <= 3 for c in Association.objects.annotate(n=Count("diagnostic_campaigns")))
    respondents = Respondent.objects.count()
    assert 2 * campaigns.count() <= respondents <= 3 * campaigns.count()
    assert Answer.objects.count() == 40 * respondents
    assert not Respondent.objects.filter(submitted_at__isnull=True).exists()


def test_seed_scale_is_deterministic():
    with transaction.atomic():
        call_command("seed_scale", associations=N, seed=3)
        first = _fingerprint()
        transaction.set_rollback(True)
    assert not Association.objects.exists()
    call_command("seed_scale", associations=N, seed=3)
    assert _fingerprint() == first


def test_seed_scale_accounts_log_in_and_it_refuses_a_filled_database():
    call_command("seed_scale", associations=3)
    user = User.objects.get(email="scale-1-editor@bench.faire-alliance.test")
    assert user.check_password("bench-faire-alliance-2026")
    assert user.memberships.get().role == "editor"
    with pytest.raises(CommandError):
        call_command("seed_scale", associations=3)
