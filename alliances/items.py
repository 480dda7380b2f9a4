"""The things users add to an alliance's pages, described once so that one set of views
(add, edit, delete with confirmation, history) serves them all."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import forms as f
from .models import (
    Action,
    ActionStep,
    AlliancePartner,
    Amendment,
    BudgetLine,
    Candidate,
    CommunicationItem,
    Contribution,
    Convention,
    ConventionParty,
    Exchange,
    GovernanceBody,
    Meeting,
    NeedFigure,
    Resource,
    SelectionCriterion,
    SwotItem,
)


@dataclass(frozen=True)
class ItemKind:
    slug: str
    model: type
    form: type
    page: object  # a step number, "plan" or "economics": where the item is shown
    add_title: object
    lookup: str = "alliance"  # how the item reaches its alliance
    anchor: str = ""
    history: bool = False

    def page_url(self, alliance):
        if self.page == "plan":
            url = reverse("alliances:action_plan", args=[alliance.pk])
        elif self.page == "economics":
            url = reverse("alliances:economic_model", args=[alliance.pk])
        else:
            url = reverse("alliances:alliance_step", args=[alliance.pk, self.page])
        return f"{url}#{self.anchor}" if self.anchor else url


KINDS = {
    kind.slug: kind
    for kind in [
        ItemKind("moff", SwotItem, f.SwotItemForm, 1, _("Add a SWOT item"), anchor="swot"),
        ItemKind("chiffre", NeedFigure, f.NeedFigureForm, 2, _("Add a figure"), anchor="figures"),
        ItemKind(
            "candidat", Candidate, f.CandidateForm, 3, _("Place an actor on the map"), anchor="map"
        ),
        ItemKind(
            "critere",
            SelectionCriterion,
            f.CriterionForm,
            3,
            _("Add a selection criterion"),
            anchor="criteria",
        ),
        ItemKind("echange", Exchange, f.ExchangeForm, 3, _("Log an exchange"), anchor="exchanges"),
        ItemKind(
            "partenaire",
            AlliancePartner,
            f.AlliancePartnerForm,
            3,
            _("Add a partner to the alliance"),
            anchor="partners",
        ),
        ItemKind(
            "convention",
            Convention,
            f.ConventionForm,
            4,
            _("Add a convention"),
            anchor="conventions",
            history=True,
        ),
        ItemKind(
            "partie",
            ConventionParty,
            f.PartyForm,
            4,
            _("Add a party to a convention"),
            lookup="convention__alliance",
            anchor="conventions",
        ),
        ItemKind(
            "avenant",
            Amendment,
            f.AmendmentForm,
            4,
            _("Add an amendment"),
            lookup="convention__alliance",
            anchor="conventions",
            history=True,
        ),
        ItemKind(
            "instance",
            GovernanceBody,
            f.GovernanceBodyForm,
            5,
            _("Add a governance body"),
            anchor="governance",
        ),
        ItemKind("reunion", Meeting, f.MeetingForm, 5, _("Record a meeting"), anchor="meetings"),
        ItemKind(
            "communication",
            CommunicationItem,
            f.CommunicationItemForm,
            5,
            _("Add to the communication plan"),
            anchor="communication",
        ),
        ItemKind("action", Action, f.ActionForm, "plan", _("Add an action"), history=True),
        ItemKind(
            "etape-action",
            ActionStep,
            f.ActionStepForm,
            "plan",
            _("Add a step to an action"),
            lookup="action__alliance",
            anchor="steps",
        ),
        ItemKind(
            "ressource", Resource, f.ResourceForm, "economics", _("Add a resource"), anchor="levers"
        ),
        ItemKind(
            "contribution",
            Contribution,
            f.ContributionForm,
            "economics",
            _("Add a partner's contribution"),
            anchor="contributions",
        ),
        ItemKind(
            "depense",
            BudgetLine,
            f.BudgetLineForm,
            "economics",
            _("Add an expense"),
            anchor="budget",
        ),
    ]
}
