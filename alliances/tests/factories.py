import factory
from django.db import transaction

from alliances import summaries
from alliances.models import (
    Action,
    ActionStatus,
    ActorType,
    Alliance,
    AllianceMember,
    AlliancePartner,
    Convention,
    ConventionStatus,
    ConventionType,
    Partner,
    PartnershipForm,
)
from core.tests.stored import note
from organisations.tests.factories import AssociationFactory


class SummarisedFactory(factory.django.DjangoModelFactory):
    """Rows made as the services make them: the alliance's stored summary follows."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with transaction.atomic():
            obj = super()._create(model_class, *args, **kwargs)
            cls.summarise(obj)
        return obj

    @classmethod
    def summarise(cls, obj):
        if not note("alliances", obj.alliance_id):
            summaries.refresh([obj.alliance_id])


class AllianceFactory(SummarisedFactory):
    class Meta:
        model = Alliance

    @classmethod
    def summarise(cls, obj):
        if not note("alliances", obj.pk):
            summaries.refresh([obj.pk])

    title = factory.Sequence(lambda n: f"Alliance {n}")
    purpose = "Mutualiser les fonctions support."
    territory = "Métropole de Lyon"
    lead = factory.SubFactory(AssociationFactory)


class AllianceMemberFactory(SummarisedFactory):
    class Meta:
        model = AllianceMember

    alliance = factory.SubFactory(AllianceFactory)
    association = factory.SubFactory(AssociationFactory)
    state = AllianceMember.State.ACTIVE


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    association = factory.SubFactory(AssociationFactory)
    name = factory.Sequence(lambda n: f"Partenaire {n}")
    actor_type = ActorType.COMPANY
    territory = "Lyon"


class AlliancePartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AlliancePartner

    alliance = factory.SubFactory(AllianceFactory)
    partner = factory.LazyAttribute(lambda o: PartnerFactory(association=o.alliance.lead))
    role = "Financeur"
    partnership_form = PartnershipForm.FINANCIAL_PATRONAGE


class ActionFactory(SummarisedFactory):
    class Meta:
        model = Action

    alliance = factory.SubFactory(AllianceFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    status = ActionStatus.PLANNED


class ConventionFactory(SummarisedFactory):
    class Meta:
        model = Convention

    alliance = factory.SubFactory(AllianceFactory)
    kind = ConventionType.PARTNERSHIP
    title = factory.Sequence(lambda n: f"Convention {n}")
    status = ConventionStatus.DRAFT


def signed_pdf_file(name="convention.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alliances.demo import simple_pdf

    return SimpleUploadedFile(name, simple_pdf(["Convention signée"]), "application/pdf")


def attach_pdf(convention):
    from django.core.files.base import ContentFile

    from alliances.demo import simple_pdf

    pdf = simple_pdf(["Convention signée"])
    convention.document_name = "convention-signee.pdf"
    convention.document_size = len(pdf)
    convention.document.save("convention.pdf", ContentFile(pdf), save=True)
    return convention
