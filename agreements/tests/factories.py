import factory

from alliances.models import ConventionParty
from alliances.tests.factories import ConventionFactory

from ..articles import first_draft
from ..models import ConventionVersion, VersionState


class ConventionPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConventionParty

    convention = factory.SubFactory(ConventionFactory)
    commitments = "Participer au comité de pilotage"


class ConventionVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConventionVersion

    convention = factory.SubFactory(ConventionFactory)
    number = factory.Sequence(lambda n: n + 1)
    state = VersionState.DRAFT
    articles = factory.LazyAttribute(lambda o: first_draft(o.convention, []))


def accepted_version():
    """A convention of three parties (the lead, a partner answering as a guest, a typed
    name) whose second version every party accepted."""
    from alliances.tests.factories import AllianceFactory, AlliancePartnerFactory
    from organisations.models import Role
    from organisations.tests.factories import MembershipFactory
    from partnerspace.tests.factories import GuestAccessFactory

    from .. import services
    from ..models import Decision

    admin = MembershipFactory(role=Role.ADMIN)
    alliance = AllianceFactory(lead=admin.association, title="Pôle mutualisé")
    partner = AlliancePartnerFactory(alliance=alliance)
    guest = GuestAccessFactory(alliance=alliance, partner=partner).user
    convention = ConventionFactory(alliance=alliance, title="Convention de mutualisation")
    parties = [
        (ConventionPartyFactory(convention=convention, association=admin.association), admin.user),
        (ConventionPartyFactory(convention=convention, partner=partner), guest),
        (ConventionPartyFactory(convention=convention, name="Fondation Horizon"), admin.user),
    ]
    for number in (1, 2):
        articles = [
            dict(article, text=f"{article['title']} : texte de la version {number}.")
            for article in services.starting_articles(convention)
        ]
        services.save_draft(convention=convention, articles=articles, by=admin.user)
        version = services.send_version(convention=convention, by=admin.user)
    for party, user in parties:
        services.answer_version(version=version, party=party, decision=Decision.ACCEPTED, by=user)
    version.refresh_from_db()
    return version
