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
