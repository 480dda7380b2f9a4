from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.collation import FrenchOrder


class RespondentChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name()
        return f"{name} ({user.email})" if name else user.email


class OpenCampaignForm(forms.Form):
    title = forms.CharField(
        label=_("Title (optional)"),
        max_length=200,
        required=False,
        help_text=_("For example « Diagnostic 2026 ». By default, the date of opening."),
    )
    respondents = RespondentChoiceField(
        label=_("Who answers?"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Each person answers alone; where answers differ, the results show the points to "
            "discuss together."
        ),
        error_messages={"required": _("Choose at least one respondent.")},
    )

    def __init__(self, *args, association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["respondents"].queryset = User.objects.filter(
            memberships__association=association
        ).order_by(FrenchOrder("last_name"), FrenchOrder("first_name"), "email")


class AddRespondentsForm(forms.Form):
    """Colleagues to add to a running campaign: the association's members not asked yet."""

    respondents = RespondentChoiceField(
        label=_("Colleagues to add"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They find the campaign on their dashboard and answer alone, as the others."),
        error_messages={"required": _("Choose at least one colleague to add.")},
    )

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["respondents"].queryset = (
            User.objects.filter(memberships__association=campaign.association_id)
            .exclude(diagnostic_answers__campaign=campaign)
            .order_by(FrenchOrder("last_name"), FrenchOrder("first_name"), "email")
        )
