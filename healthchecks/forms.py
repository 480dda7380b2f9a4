from django import forms
from django.utils.translation import gettext_lazy as _


class OpenHealthCheckForm(forms.Form):
    """Opening asks for nothing but a confirmation: everyone in the alliance is asked."""

    confirm = forms.BooleanField(
        label=_("Ask every participant listed above to answer, by e-mail"),
        error_messages={"required": _("Tick the box to confirm.")},
    )


class GapForm(forms.Form):
    gap = forms.CharField(max_length=200)
