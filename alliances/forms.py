"""Forms of the alliance pages: the alliance, its five steps, conventions, plan and economics."""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.collation import FrenchOrder
from core.pdf_uploads import pdf_problem
from organisations.identifiers import normalise_rna, normalise_siren, normalise_siret
from organisations.models import Association

from .budget import keys_add_up
from .models import (
    Action,
    ActionStep,
    Alliance,
    AllianceDossier,
    AlliancePartner,
    Amendment,
    BudgetLine,
    Candidate,
    Clause,
    CommunicationItem,
    Contact,
    Contribution,
    Convention,
    ConventionParty,
    ConventionStatus,
    Decision,
    Exchange,
    GovernanceBody,
    Meeting,
    NeedFigure,
    Partner,
    RelationshipEvent,
    Resource,
    SelectionCriterion,
    SwotItem,
)
from .models.economics import grouped_kind_choices

MAX_PDF_BYTES = getattr(settings, "CONVENTION_MAX_BYTES", 10 * 1024 * 1024)


class Crispy:
    """Crispy helper without its own <form> tag, HTML date pickers, short text areas."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            elif isinstance(field, forms.DecimalField):
                # French amounts: « 1 250,50 » is accepted and shown with a decimal comma.
                field.localize = True
                field.widget = forms.TextInput(attrs={"inputmode": "decimal"})
                field.widget.is_localized = True
            elif isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3


class AllianceForm(Crispy, forms.ModelForm):
    class Meta:
        model = Alliance
        fields = ["title", "purpose", "territory"]
        help_texts = {
            "title": _("For example « Pôle mutualisé de fonctions support »."),
            "purpose": _("In a few sentences: what the alliance will do together, and why."),
        }


STEP_TEXTS = {
    1: ["strategic_priorities", "expectations", "participation_mode", "complementarities"],
    2: ["social_need", "collective_need", "argument", "key_actors", "beneficiaries"],
    5: ["shared_vision", "proximity", "decision_process", "communication_identity"],
    "economics": ["treasury"],
}


def dossier_form_class(step):
    class DossierForm(Crispy, forms.ModelForm):
        class Meta:
            model = AllianceDossier
            fields = STEP_TEXTS[step]

    return DossierForm


class AllianceScopedForm(Crispy, forms.ModelForm):
    """A form for something that belongs to an alliance: choices are limited to it."""

    def __init__(self, *args, alliance, **kwargs):
        self.alliance = alliance
        super().__init__(*args, **kwargs)
        self.instance.alliance = alliance
        self.limit_choices()

    def limit_choices(self):
        """Forms with choices from the alliance (partners, candidates…) narrow them here; the
        others have nothing to limit."""


class SwotItemForm(AllianceScopedForm):
    class Meta:
        model = SwotItem
        fields = ["quadrant", "text", "importance"]


class NeedFigureForm(AllianceScopedForm):
    class Meta:
        model = NeedFigure
        fields = ["label", "value", "unit", "measured_on", "source"]
        help_texts = {
            "unit": _("For example: personnes, %, €, associations."),
            "source": _("Where the figure comes from: INSEE, a survey, the association's data…"),
        }


class CandidateForm(AllianceScopedForm):
    class Meta:
        model = Candidate
        fields = [
            "category",
            "partner",
            "name",
            "expectations",
            "influence",
            "harm",
            "alignment",
            "scope",
            "interactions",
            "synergies",
        ]
        help_texts = {
            "partner": _(
                "Candidates come from the lead association's partner directory; target "
                "beneficiaries and media may be named below instead."
            ),
            "alignment": _("How far its interests meet the project's: 1 = opposed, 5 = aligned."),
        }

    def limit_choices(self):
        taken = Candidate.objects.filter(alliance=self.alliance, partner__isnull=False)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        self.fields["partner"].queryset = Partner.objects.filter(
            association_id=self.alliance.lead_id
        ).exclude(pk__in=taken.values("partner_id"))


class DecisionForm(Crispy, forms.ModelForm):
    role = forms.CharField(label=_("Role in the alliance"), max_length=200, required=False)
    partnership_form = forms.ChoiceField(
        label=_("Form of partnership"),
        choices=[("", "---------"), *AlliancePartner._meta.get_field("partnership_form").choices],
        required=False,
        help_text=_("Needed when the candidate is selected: it then joins the alliance."),
    )

    class Meta:
        model = Candidate
        fields = ["decision", "decision_reason", "decided_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.joins_as_partner:
            # Beneficiaries or a medium, by name: selected, they join no list of partners.
            del self.fields["role"], self.fields["partnership_form"]

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if (
            decision in (Decision.RESERVE, Decision.SET_ASIDE, Decision.SELECTED)
            and not (data.get("decision_reason") or "").strip()
        ):
            self.add_error("decision_reason", _("Say why: the team will want to know later."))
        if (
            decision == Decision.SELECTED
            and "partnership_form" in self.fields
            and not data.get("partnership_form")
        ):
            self.add_error("partnership_form", _("Choose the form of the partnership."))
        return data


class CriterionForm(AllianceScopedForm):
    class Meta:
        model = SelectionCriterion
        fields = ["name", "description", "weight"]
        help_texts = {
            "name": _("For example: strategic compatibility, operational capacity."),
            "weight": _("How much this criterion counts compared with the others."),
        }


class ExchangeForm(AllianceScopedForm):
    class Meta:
        model = Exchange
        fields = [
            "candidate",
            "date",
            "participants",
            "notes",
            "friction_points",
            "solidity",
            "conclusion",
        ]
        help_texts = {
            "solidity": _(
                "What the exchange says of the relationship: the proximity test of a selected "
                "partner is done once an exchange with it gives this verdict."
            ),
        }

    def limit_choices(self):
        self.fields["candidate"].queryset = Candidate.objects.filter(
            alliance=self.alliance
        ).select_related("partner")
        self.fields["solidity"].required = True
        self.fields["solidity"].error_messages["required"] = _(
            "Say how solid the relationship looks after this exchange."
        )


class AlliancePartnerForm(AllianceScopedForm):
    class Meta:
        model = AlliancePartner
        fields = ["partner", "role", "partnership_form", "joined_on"]

    def limit_choices(self):
        taken = AlliancePartner.objects.filter(alliance=self.alliance)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        self.fields["partner"].queryset = Partner.objects.filter(
            association_id=self.alliance.lead_id
        ).exclude(pk__in=taken.values("partner_id"))


class ConventionForm(AllianceScopedForm):
    clauses = forms.MultipleChoiceField(
        label=_("Clauses the convention contains"),
        choices=Clause.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A sound convention has all ten."),
    )
    upload = forms.FileField(
        label=_("Signed document (PDF, 10 MB at most)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    class Meta:
        model = Convention
        fields = [
            "kind",
            "title",
            "status",
            "start_date",
            "end_date",
            "signed_on",
            "total_amount",
            "financial_terms",
            "clauses",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.status != ConventionStatus.ACCEPTED:
            # « Accepted by all parties » is reached by the parties' answers, never typed.
            self.fields["status"].choices = [
                choice
                for choice in self.fields["status"].choices
                if choice[0] != ConventionStatus.ACCEPTED
            ]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return upload
        if upload.size > MAX_PDF_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB: compress it first."))
        content_type = (getattr(upload, "content_type", "") or "").split(";")[0].strip()
        if content_type not in ("application/pdf", "application/x-pdf"):
            raise forms.ValidationError(_("Only PDF files are accepted."))
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(
                _("This file is not a real PDF. Export the signed convention as PDF.")
            )
        problem = pdf_problem(
            upload,
            not_a_pdf=_("This file is not a real PDF. Export the signed convention as PDF."),
        )
        if problem:
            raise forms.ValidationError(problem)
        return upload


class PartyForm(AllianceScopedForm):
    class Meta:
        model = ConventionParty
        fields = [
            "convention",
            "association",
            "partner",
            "name",
            "represented_by",
            "commitments",
            "financial_contribution",
        ]
        help_texts = {
            "association": _(
                "A party is one organisation: a member association, a partner of the alliance "
                "or a name typed below, only one of the three."
            ),
            "name": _("Only for a party that is neither a member nor a partner of the alliance."),
        }

    convention = forms.ModelChoiceField(queryset=Convention.objects.none(), label=_("Convention"))

    def limit_choices(self):
        self.fields["convention"].queryset = Convention.objects.filter(alliance=self.alliance)
        self.fields["association"].queryset = Association.objects.filter(
            pk__in=self.alliance.participating_association_ids()
        )
        self.fields["partner"].queryset = AlliancePartner.objects.filter(
            alliance=self.alliance
        ).select_related("partner")
        self.fields["partner"].label_from_instance = lambda link: link.partner.name


class AmendmentForm(AllianceScopedForm):
    convention = forms.ModelChoiceField(queryset=Convention.objects.none(), label=_("Convention"))

    class Meta:
        model = Amendment
        fields = ["convention", "signed_on", "title", "changes"]

    def limit_choices(self):
        self.fields["convention"].queryset = Convention.objects.filter(alliance=self.alliance)


class GovernanceBodyForm(AllianceScopedForm):
    class Meta:
        model = GovernanceBody
        fields = ["name", "level", "mission", "members", "frequency"]


class MeetingForm(AllianceScopedForm):
    class Meta:
        model = Meeting
        fields = ["body", "date", "attendees", "decisions"]

    def limit_choices(self):
        self.fields["body"].queryset = GovernanceBody.objects.filter(alliance=self.alliance)
        self.fields["decisions"].help_text = _(
            "For a meeting planned ahead, leave it empty: its agenda is prepared first, the "
            "decisions are written once it has taken place."
        )

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("date")
        if day and day < timezone.localdate() and not (cleaned.get("decisions") or "").strip():
            self.add_error(
                "decisions", _("Write the decisions taken: this meeting has taken place.")
            )
        return cleaned


class CommunicationItemForm(AllianceScopedForm):
    class Meta:
        model = CommunicationItem
        fields = ["kind", "audience", "channel", "frequency", "owner"]


def alliance_users(alliance):
    return (
        User.objects.filter(
            memberships__association_id__in=alliance.participating_association_ids()
        )
        .distinct()
        .order_by(FrenchOrder("last_name"), FrenchOrder("first_name"), "email")
    )


class ActionForm(AllianceScopedForm):
    class Meta:
        model = Action
        fields = [
            "title",
            "description",
            "owner_user",
            "owner_partner",
            "start_date",
            "due_date",
            "status",
            "progress",
            "human_resources",
            "financial_resources",
        ]
        help_texts = {
            "owner_user": _("A person of a member association…"),
            "owner_partner": _("…or a partner of the alliance."),
        }

    def clean(self):
        data = super().clean()
        if data.get("owner_user") and data.get("owner_partner"):
            self.add_error("owner_partner", _("Choose one owner: a person or a partner, not both."))
        return data

    def limit_choices(self):
        self.fields["owner_user"].queryset = alliance_users(self.alliance)
        self.fields["owner_partner"].queryset = AlliancePartner.objects.filter(
            alliance=self.alliance
        ).select_related("partner")


class ActionStepForm(AllianceScopedForm):
    action = forms.ModelChoiceField(queryset=Action.objects.none(), label=_("Action"))

    class Meta:
        model = ActionStep
        fields = ["action", "title", "due_date", "done", "order"]

    def limit_choices(self):
        self.fields["action"].queryset = Action.objects.filter(alliance=self.alliance)


class ResourceForm(AllianceScopedForm):
    class Meta:
        model = Resource
        fields = ["kind", "description", "quantity", "amount"]
        help_texts = {
            "quantity": _("For example: 12 bénévoles, 2 ETP, 1 local de 80 m²."),
            "amount": _("Its value in euros per year, even when nothing is paid."),
        }

    def limit_choices(self):
        self.fields["kind"].choices = [("", "---------"), *grouped_kind_choices()]


class ContributionForm(AllianceScopedForm):
    class Meta:
        model = Contribution
        fields = ["partner", "cash", "in_kind", "skills", "description"]

    def limit_choices(self):
        self.fields["partner"].queryset = AlliancePartner.objects.filter(
            alliance=self.alliance
        ).select_related("partner")


class BudgetLineForm(AllianceScopedForm):
    class Meta:
        model = BudgetLine
        fields = ["label", "amount", "shared"]


class FrenchDecimalField(forms.DecimalField):
    """Accepts « 33,33 », « 33.33 » and spaces as thousands separators."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
            value = value.replace(",", ".")
        return super().to_python(value)


class CostShareForm(forms.Form):
    # Which member the row is about: the members may change while the page is open.
    association = forms.IntegerField(widget=forms.HiddenInput, required=False)
    percent = FrenchDecimalField(
        label=_("Share (%)"),
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        decimal_places=2,
        required=False,
    )
    basis = forms.CharField(label=_("Basis of the key"), max_length=200, required=False)


class BaseCostShareFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        percents = [
            form.cleaned_data.get("percent")
            for form in self.forms
            if form.cleaned_data.get("percent") is not None
        ]
        if percents and not keys_add_up(percents):
            total = sum(percents, Decimal("0"))
            raise forms.ValidationError(
                _("The keys add up to %(total)s %%; they must add up to 100 %%.")
                % {"total": f"{total:.2f}".replace(".", ",")}
            )


CostShareFormSet = forms.formset_factory(CostShareForm, formset=BaseCostShareFormSet, extra=0)


class PartnerForm(Crispy, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    # Longer than the stored value: people type « 732 829 320 »; clean_* compacts it.
    siren = forms.CharField(
        label=_("SIREN number"),
        required=False,
        max_length=20,
        help_text=_("9 digits. Checked with its control key."),
    )
    siret = forms.CharField(
        label=_("SIRET number"),
        required=False,
        max_length=25,
        help_text=_("14 digits: the SIREN followed by the establishment number."),
    )
    rna = forms.CharField(
        label=_("RNA number"),
        required=False,
        max_length=20,
        help_text=_("For an association: W followed by 9 digits."),
    )
    tags_text = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=300,
        help_text=_("Separated by commas, for example: emploi, numérique, Lyon 9e."),
    )

    class Meta:
        model = Partner
        fields = [
            "name",
            "acronym",
            "actor_type",
            "siren",
            "siret",
            "rna",
            "address",
            "postal_code",
            "city",
            "legal_form",
            "main_activity",
            "creation_date",
            "is_closed",
            "territory",
            "website",
            "description",
            "identity_checked_on",
        ]

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        # Set by the identity lookup (static/js/app.js) when it fills the fields.
        self.fields["identity_checked_on"].widget = forms.HiddenInput()
        self.association = association
        self.instance.association = association
        if self.instance.pk:
            self.fields["tags_text"].initial = ", ".join(t.name for t in self.instance.tags.all())

    def clean_siren(self):
        return normalise_siren(self.cleaned_data["siren"])

    def clean_siret(self):
        return normalise_siret(self.cleaned_data["siret"])

    def clean_rna(self):
        return normalise_rna(self.cleaned_data["rna"])

    def clean_postal_code(self):
        code = "".join(self.cleaned_data["postal_code"].split())
        if code and not (len(code) == 5 and code.isdigit()):
            raise forms.ValidationError(_("A postal code has 5 digits."))
        return code

    def tag_names(self):
        raw = self.cleaned_data.get("tags_text") or ""
        names = []
        for name in (part.strip() for part in raw.split(",")):
            if name and name.lower() not in [n.lower() for n in names]:
                names.append(name[:50])
        return names


class ContactForm(Crispy, forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "role", "email", "phone"]


class RelationshipEventForm(Crispy, forms.ModelForm):
    class Meta:
        model = RelationshipEvent
        fields = ["date", "summary"]
