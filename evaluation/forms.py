import re
from decimal import Decimal, InvalidOperation

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from alliances.models import AlliancePartner
from core.pdf_uploads import pdf_problem
from core.templatetags.fr_format import with_unit
from organisations.models import Association

from .models import (
    EVIDENCE_EXTENSIONS,
    EVIDENCE_MAX_BYTES,
    Analysis,
    Direction,
    EvaluationPlan,
    EvaluativeQuestion,
    ExpectedImpact,
    Indicator,
    IndicatorContribution,
    Measurement,
    Method,
    OperationalObjective,
    StrategicGap,
    StrategicObjective,
    Vision,
)

_SPACES = re.compile(r"[\s\u00a0\u202f]")


def parse_decimal(text) -> Decimal | None:
    """« 1 250,50 », « 1250.5 », « 15 % » → Decimal; '' → None; raises ValueError otherwise."""
    if text is None:
        return None
    if isinstance(text, Decimal):
        return text
    cleaned = _SPACES.sub("", str(text)).rstrip("%€").replace(",", ".")
    if not cleaned:
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if not number.is_finite():
        raise ValueError(text)
    return number


class FrenchDecimalField(forms.CharField):
    """A number typed the French way (decimal comma, spaces between thousands)."""

    def __init__(self, *args, max_digits=14, decimal_places=2, **kwargs):
        self.max_digits, self.decimal_places = max_digits, decimal_places
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
            return text.replace(".", ",")
        return value

    def to_python(self, value):
        value = super().to_python(value)
        try:
            number = parse_decimal(value)
        except ValueError:
            raise ValidationError(
                _("Enter a number, for instance 1 250,50."), code="invalid"
            ) from None
        if number is None:
            return None
        if number.as_tuple().exponent < -self.decimal_places:
            raise ValidationError(
                _("At most %(places)s decimal places.") % {"places": self.decimal_places}
            )
        if abs(number) >= Decimal(10) ** (self.max_digits - self.decimal_places):
            raise ValidationError(_("This number is too large."))
        return number


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _helper():
    helper = FormHelper()
    helper.form_tag = False
    return helper


class BaseForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class VisionForm(BaseForm):
    class Meta:
        model = Vision
        fields = ["statement", "horizon_start", "horizon_end", "priority_criteria"]
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 4}),
            "horizon_start": DateInput(),
            "horizon_end": DateInput(),
            "priority_criteria": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"horizon_end": _("3 to 5 years after the start.")}


class StrategicGapForm(BaseForm):
    class Meta:
        model = StrategicGap
        fields = ["expectations", "differences"]
        widgets = {
            "expectations": forms.Textarea(attrs={"rows": 3}),
            "differences": forms.Textarea(attrs={"rows": 3}),
        }


class StrategicObjectiveForm(BaseForm):
    class Meta:
        model = StrategicObjective
        fields = ["title", "description", "priority", "priority_rationale"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "priority_rationale": forms.Textarea(attrs={"rows": 3}),
        }


class ExpectedImpactForm(BaseForm):
    class Meta:
        model = ExpectedImpact
        fields = ["impact_type", "label", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


JUDGEMENT_CHOICES = [("", _("Not judged yet")), ("yes", _("Yes")), ("no", _("No"))]


class JudgementField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=JUDGEMENT_CHOICES,
            coerce=lambda value: value == "yes",
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
            **kwargs,
        )

    def prepare_value(self, value):
        if value is True:
            return "yes"
        if value is False:
            return "no"
        return value or ""


class OperationalObjectiveForm(BaseForm):
    """The objective, its scope, dates, judgements, and its indicator (existing or new)."""

    achievable = JudgementField(label=_("Is it achievable with the means available?"))
    realistic = JudgementField(label=_("Is it realistic given the context and the delay?"))
    indicators = forms.ModelMultipleChoiceField(
        label=_("Existing indicators"),
        queryset=Indicator.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_indicator_name = forms.CharField(label=_("Name of a new indicator"), required=False)
    new_indicator_unit = forms.CharField(
        label=_("Unit"), required=False, help_text=_("€, %, people, hours…")
    )
    new_indicator_direction = forms.ChoiceField(
        label=_("Expected direction"), choices=Direction.choices, initial=Direction.INCREASE
    )
    new_indicator_baseline = FrenchDecimalField(label=_("Baseline (value today)"), required=False)
    new_indicator_target = FrenchDecimalField(label=_("Target"), required=False)

    class Meta:
        model = OperationalObjective
        fields = [
            "strategic_objective",
            "dimension",
            "partners",
            "statement",
            "scope_who",
            "scope_what",
            "start_date",
            "deadline",
            "achievable",
            "achievable_justification",
            "realistic",
            "realistic_justification",
        ]
        widgets = {
            "partners": forms.CheckboxSelectMultiple,
            "statement": forms.Textarea(attrs={"rows": 3}),
            "start_date": DateInput(),
            "deadline": DateInput(),
            "achievable_justification": forms.Textarea(attrs={"rows": 2}),
            "realistic_justification": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "statement": _(
                "Write the objective in one sentence: what, for whom, how much, by when."
            ),
            "scope_who": _("For instance: the 5 member associations of the alliance."),
            "scope_what": _(
                "For instance: the administrative costs of accounting, HR and communication."
            ),
            "achievable_justification": _("The means available: people, budget, skills."),
            "realistic_justification": _("The time allowed, the context, commitments."),
        }

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.alliance = alliance
        self.fields["strategic_objective"].queryset = StrategicObjective.objects.filter(
            alliance=alliance
        )
        self.fields["strategic_objective"].empty_label = None
        self.fields["partners"].queryset = AlliancePartner.objects.filter(
            alliance=alliance
        ).select_related("partner")
        self.fields["partners"].label_from_instance = lambda p: p.partner.name
        self.fields["indicators"].queryset = Indicator.objects.filter(alliance=alliance)
        if self.instance.pk:
            self.initial.setdefault("indicators", list(self.instance.indicators.all()))

    def clean(self):
        data = super().clean()
        start, deadline = data.get("start_date"), data.get("deadline")
        if start and deadline and deadline <= start:
            self.add_error("deadline", _("The deadline must come after the start date."))
        name = (data.get("new_indicator_name") or "").strip()
        if name:
            if not (data.get("new_indicator_unit") or "").strip():
                self.add_error("new_indicator_unit", _("Give the new indicator's unit."))
            if data.get("new_indicator_target") is None and "new_indicator_target" not in (
                self.errors
            ):
                self.add_error("new_indicator_target", _("Give the new indicator a target."))
            if not self.errors:
                self._check_new_indicator()
        return data

    # Where the new indicator's own rules (its range, its dates) show on this form.
    NEW_INDICATOR_FIELDS = {
        "name": "new_indicator_name",
        "unit": "new_indicator_unit",
        "baseline": "new_indicator_baseline",
        "target": "new_indicator_target",
        "target_date": "deadline",
    }

    def _check_new_indicator(self):
        try:
            self.new_indicator().full_clean(exclude=["created_with"], validate_unique=False)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(self.NEW_INDICATOR_FIELDS.get(field), message)

    def new_indicator(self) -> Indicator | None:
        data = self.cleaned_data
        name = (data.get("new_indicator_name") or "").strip()
        if not name:
            return None
        return Indicator(
            alliance=self.alliance,
            name=name,
            unit=data["new_indicator_unit"].strip(),
            direction=data["new_indicator_direction"],
            baseline=data.get("new_indicator_baseline"),
            baseline_date=data.get("start_date"),
            target=data.get("new_indicator_target"),
            target_date=data.get("deadline"),
            kind="results",
            data_source="member_systems",
            method=Method.QUANTITATIVE,
        )


class EvaluationPlanForm(BaseForm):
    class Meta:
        model = EvaluationPlan
        fields = [*EvaluationPlan.PURPOSE_FIELDS, "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class EvaluativeQuestionForm(BaseForm):
    class Meta:
        model = EvaluativeQuestion
        fields = ["text", "indicators"]
        widgets = {"indicators": forms.CheckboxSelectMultiple}

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = Indicator.objects.filter(alliance=alliance)


class IndicatorForm(BaseForm):
    baseline = FrenchDecimalField(label=_("Baseline"), required=False)
    target = FrenchDecimalField(label=_("Target"), required=False)
    lowest_value = FrenchDecimalField(
        label=_("Lowest possible value"),
        required=False,
        help_text=Indicator._meta.get_field("lowest_value").help_text,
    )
    highest_value = FrenchDecimalField(
        label=_("Highest possible value"),
        required=False,
        help_text=Indicator._meta.get_field("highest_value").help_text,
    )

    class Meta:
        model = Indicator
        fields = [
            "name",
            "description",
            "kind",
            "unit",
            "direction",
            "baseline",
            "baseline_date",
            "target",
            "target_date",
            "lowest_value",
            "highest_value",
            "frequency",
            "data_source",
            "method",
            "objectives",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "baseline_date": DateInput(),
            "target_date": DateInput(),
            "objectives": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.alliance = alliance
        self.fields["objectives"].queryset = OperationalObjective.objects.filter(
            strategic_objective__alliance=alliance
        )
        self.fields["objectives"].label_from_instance = lambda o: o.statement[:120]
        if self.instance.pk:
            # The target changes through its own form, which asks for a reason.
            del self.fields["target"]
            del self.fields["target_date"]

    def add_error(self, field, error):
        # On an edit the target is not on the form, but the model still checks it (against a
        # new range of values, say): its message goes to the top of the form, not to a 500.
        if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            absent = {name for name in error.error_dict if name not in self.fields}
            for name in absent:
                super().add_error(None, error.error_dict.pop(name))
            if not error.error_dict:
                return
        elif field is not None and field not in self.fields:
            field = None
        super().add_error(field, error)


class TargetChangeForm(forms.Form):
    target = FrenchDecimalField(label=_("New target"))
    target_date = forms.DateField(label=_("Target date"), required=False, widget=DateInput())
    reason = forms.CharField(
        label=_("Why does the target change?"),
        # The history's change reason holds 100 characters.
        max_length=100,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("This reason is kept in the indicator's history."),
    )

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.helper = _helper()

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if len(reason) < 10:
            raise ValidationError(_("Explain the change in a full sentence."))
        return reason

    def clean(self):
        data = super().clean()
        if (
            data.get("target") is not None
            and data.get("target") == self.indicator.target
            and data.get("target_date") == self.indicator.target_date
        ):
            raise ValidationError(_("The target and its date are unchanged."))
        problem = self.indicator.value_problem(data.get("target"))
        if problem:
            self.add_error("target", problem)
        base = self.indicator.baseline_date
        if base and data.get("target_date") and data["target_date"] <= base:
            self.add_error(
                "target_date", _("The target date must come after the date of the baseline.")
            )
        return data


def not_measured_yet(date, today):
    """A measurement or a contribution states what happened: never a day to come."""
    if date > today:
        raise ValidationError(
            _(
                "The date %(date)s is in the future: a measurement records a value reached, "
                "on %(today)s at the latest."
            )
            % {"date": date.strftime("%d/%m/%Y"), "today": today.strftime("%d/%m/%Y")}
        )


def validate_evidence(upload):
    import os

    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in EVIDENCE_EXTENSIONS:
        raise ValidationError(
            _("Attach a PDF, an image (PNG, JPEG), a text, ODT, DOCX or CSV file.")
        )
    if upload.size > EVIDENCE_MAX_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."))
    head = upload.read(8)
    upload.seek(0)
    signatures = {
        ".pdf": (b"%PDF",),
        ".png": (b"\x89PNG",),
        ".jpg": (b"\xff\xd8\xff",),
        ".jpeg": (b"\xff\xd8\xff",),
        ".odt": (b"PK",),
        ".docx": (b"PK",),
    }
    expected = signatures.get(extension)
    if expected and not head.startswith(expected):
        raise ValidationError(_("The file's content does not match its extension."))
    if extension == ".pdf":
        problem = pdf_problem(upload)
        if problem:
            raise ValidationError(problem)
    if expected is None and b"\x00" in upload.read(2048):
        upload.seek(0)
        raise ValidationError(_("The file's content does not match its extension."))
    upload.seek(0)


def in_unit_help_text(unit: str):
    """« En <unit>. » The unit is written by whoever made the indicator (a co-member association
    perhaps), and crispy-forms renders help texts as markup: escape it here."""
    return mark_safe(escape(_("In %(unit)s.")) % {"unit": escape(unit)})  # noqa: S308


class MeasurementForm(BaseForm):
    value = FrenchDecimalField(label=_("Value"), required=False)
    evidence_file = forms.FileField(
        label=_("Attached evidence"),
        required=False,
        validators=[validate_evidence],
        help_text=_("PDF, image, text, ODT or DOCX; 5 MB at most."),
    )

    class Meta:
        model = Measurement
        fields = ["date", "value", "source", "comment", "evidence_text", "evidence_file"]
        widgets = {
            "date": DateInput(),
            "comment": forms.Textarea(attrs={"rows": 2}),
            "evidence_text": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, indicator, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.today = today or timezone.localdate()
        self.fields["value"].help_text = in_unit_help_text(indicator.unit)
        self.fields["date"].widget.attrs["max"] = self.today.isoformat()

    def clean_date(self):
        date = self.cleaned_data["date"]
        not_measured_yet(date, self.today)
        existing = Measurement.objects.filter(indicator=self.indicator, date=date).first()
        if existing is not None:
            raise ValidationError(
                _(
                    "A measurement is already recorded on %(date)s (%(value)s): remove it "
                    "first to enter another one, or import a file, which updates it."
                )
                % {
                    "date": date.strftime("%d/%m/%Y"),
                    "value": with_unit(existing.value, self.indicator.unit),
                }
            )
        return date

    def clean_value(self):
        value = self.cleaned_data.get("value")
        problem = self.indicator.value_problem(value)
        if problem:
            raise ValidationError(problem)
        return value

    def clean(self):
        data = super().clean()
        qualitative = self.indicator.method == Method.QUALITATIVE
        if data.get("value") is None and "value" not in self.errors:
            if not qualitative:
                self.add_error("value", _("Enter the measured value."))
            elif not (data.get("evidence_text") or data.get("evidence_file")):
                self.add_error("evidence_text", _("Describe the evidence or attach a file."))
        return data


class ContributionForm(BaseForm):
    """One contributor's share of a shared indicator: a member association of the alliance
    (its lead or an active co-member) or one of its partners, in one list."""

    contributor = forms.ChoiceField(label=_("Contributor"))
    value = FrenchDecimalField(label=_("Value"))

    class Meta:
        model = IndicatorContribution
        fields = ["date", "value", "comment"]
        widgets = {"date": DateInput()}

    def __init__(self, *args, indicator, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.today = today or timezone.localdate()
        alliance = indicator.alliance
        self.members = {
            f"association-{a.pk}": a
            for a in Association.objects.filter(
                pk__in=alliance.participating_association_ids()
            ).order_by("name")
        }
        self.partners = {
            f"partner-{p.pk}": p
            for p in AlliancePartner.objects.filter(alliance=alliance)
            .select_related("partner")
            .order_by("partner__name")
        }
        self.fields["contributor"].choices = [
            ("", _("Choose a member association or a partner")),
            (
                _("Member associations of the alliance"),
                [(k, a.name) for k, a in self.members.items()],
            ),
            (
                _("Partners of the alliance"),
                [(k, p.partner.name) for k, p in self.partners.items()],
            ),
        ]
        self.fields["value"].help_text = in_unit_help_text(indicator.unit)
        self.fields["date"].widget.attrs["max"] = self.today.isoformat()
        self.order_fields(["contributor", "date", "value", "comment"])

    def clean_contributor(self):
        key = self.cleaned_data["contributor"]
        self.instance.association = self.members.get(key)
        self.instance.partner = self.partners.get(key)
        return key

    def clean_date(self):
        date = self.cleaned_data["date"]
        not_measured_yet(date, self.today)
        return date

    def clean_value(self):
        value = self.cleaned_data.get("value")
        problem = self.indicator.value_problem(value)
        if problem:
            raise ValidationError(problem)
        return value


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel (XLSX) file"),
        help_text=_(
            "Columns: « Indicateur », « Date », « Valeur », « Source », « Commentaire ». "
            "1 MB at most."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".csv", ".xlsx")):
            raise ValidationError(_("Choose a .csv or .xlsx file."))
        if upload.size > 1024 * 1024:
            raise ValidationError(_("The file is larger than 1 MB."))
        return upload


class AnalysisForm(BaseForm):
    class Meta:
        model = Analysis
        fields = [
            "strengths",
            "improvements",
            "gaps_comment",
            "positive_factors",
            "negative_factors",
            "conclusions",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 2}))
    decided_on = forms.DateField(label=_("Date of the decision"), widget=DateInput())
    create_action = forms.BooleanField(label=_("Add an action to the action plan"), required=False)
    action_title = forms.CharField(label=_("Title of the action"), required=False, max_length=200)
    action_due_date = forms.DateField(
        label=_("Due date of the action"), required=False, widget=DateInput()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()

    def clean(self):
        data = super().clean()
        if data.get("create_action") and not (data.get("action_title") or "").strip():
            self.add_error("action_title", _("Give the action a title."))
        return data
