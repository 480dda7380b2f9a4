"""An alliance with a full project file, for the dossier de présentation's tests."""

import datetime as dt
from decimal import Decimal

from alliances.models import (
    AllianceDossier,
    Candidate,
    MappingCategory,
    NeedFigure,
    SwotItem,
    SwotQuadrant,
)
from organisations.tests.factories import AssociationFactory

from .factories import AllianceFactory, AllianceMemberFactory, AlliancePartnerFactory

INTERNAL = ("FAIBLESSE-INTERNE", "CANDIDAT-NON-RETENU", "Motivations internes du candidat")


def dossier_alliance(**kwargs):
    alliance = AllianceFactory(
        title="Pôle mutualisé Nord", territory="Lyon 4e et Caluire", **kwargs
    )
    AllianceDossier.objects.create(
        alliance=alliance,
        social_need="Les petites associations passent un tiers de leur temps à l'administratif.",
        collective_need="Aucune ne peut financer seule un poste qualifié.",
        argument="Enquête auprès de 12 associations en 2025.",
        key_actors="Ville de Lyon, fondations locales.",
        beneficiaries="Les bénévoles participent au groupe de travail.",
        complementarities="Des partenaires apportant des compétences financières.",
        strategic_priorities="PRIORITÉ-STRATÉGIQUE-INTERNE",
    )
    NeedFigure.objects.create(
        alliance=alliance,
        label="Temps salarié consacré à l'administratif",
        value=Decimal("32"),
        unit="%",
        measured_on=dt.date(2025, 6, 30),
        source="Enquête Solidarités Lyon Nord",
    )
    SwotItem.objects.create(alliance=alliance, quadrant=SwotQuadrant.WEAKNESS, text=INTERNAL[0])
    Candidate.objects.create(
        alliance=alliance,
        category=MappingCategory.MEDIA,
        name=INTERNAL[1],
        expectations=INTERNAL[2],
        influence=5,
        harm=4,
    )
    AlliancePartnerFactory(alliance=alliance, role="Mécène de compétences")
    AllianceMemberFactory(alliance=alliance, association=AssociationFactory(name="Jardins Nord"))
    return alliance
