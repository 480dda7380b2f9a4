import datetime as dt

import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from alliances.tests.factories import AlliancePartnerFactory
from partnerspace.models import TERMS_VERSION, GuestAccess, GuestInvitation, GuestRole
from partnerspace.services import refresh_guest_flag


class GuestAccessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuestAccess
        skip_postgeneration_save = True

    partner = factory.SubFactory(AlliancePartnerFactory)
    alliance = factory.SelfAttribute("partner.alliance")
    user = factory.SubFactory(UserFactory)
    role = GuestRole.CONTRIBUTOR
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=10))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=200))
    consented_at = factory.LazyFunction(timezone.now)
    consent_version = TERMS_VERSION

    @factory.post_generation
    def guest_flag(obj, create, extracted, **kwargs):
        # What the services keep (accounts.User.has_guest_access), for accesses made here.
        if create:
            refresh_guest_flag(user=obj.user)


class GuestInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuestInvitation

    partner = factory.SubFactory(AlliancePartnerFactory)
    alliance = factory.SelfAttribute("partner.alliance")
    email = factory.Sequence(lambda n: f"invitee{n}@partenaire.example")
    role = GuestRole.CONTRIBUTOR
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=200))
