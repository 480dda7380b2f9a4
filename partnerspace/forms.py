from crispy_forms.helper import FormHelper
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import SetPasswordFields
from alliances.models import ActionStatus, AlliancePartner

from .models import GuestRole


def _helper():
    helper = FormHelper()
    helper.form_tag = False
    return helper


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class InvitationForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Partner organisation"), queryset=AlliancePartner.objects.none()
    )
    email = forms.EmailField(label=_("E-mail address of its contact person"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=GuestRole.choices,
        initial=GuestRole.CONTRIBUTOR,
        help_text=_(
            "A contributor comments, updates its organisation's actions and enters its "
            "measurements; a reader reads the shared space."
        ),
    )
    ends_on = forms.DateField(
        label=_("End of access"),
        widget=DateInput(),
        help_text=_("By default the end of the alliance's main convention, or one year."),
    )

    def __init__(self, *args, alliance, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = AlliancePartner.objects.filter(
            alliance=alliance
        ).select_related("partner")
        self.fields["partner"].label_from_instance = lambda row: row.partner.name
        self.helper = _helper()

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on <= timezone.localdate():
            raise forms.ValidationError(_("The end of access must be after today."))
        return ends_on


class AcceptForm(SetPasswordFields):
    """A new account: names, password and consent."""

    consent = forms.BooleanField(
        label=_("I accept the terms of use and the processing of my data described above."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].error_messages["required"] = _(
            "Your consent is needed to enter the space."
        )


class ConsentForm(forms.Form):
    """An existing account: the consent only."""

    consent = forms.BooleanField(
        label=_("I accept the terms of use and the processing of my data described above."),
        error_messages={"required": _("Your consent is needed to enter the space.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class GuestActionForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        error_messages={"invalid": _("Type a whole number between 0 and 100.")},
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Added to the action's thread."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Write @ followed by a participant's name to tell them by e-mail."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class EndOfAccessForm(forms.Form):
    ends_on = forms.DateField(label=_("End of access"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
