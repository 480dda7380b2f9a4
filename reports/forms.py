"""The share link's forms: what the owner chooses, and the password a visitor gives."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .sharing import EXPIRY_DAYS


class ShareLinkForm(forms.Form):
    days = forms.TypedChoiceField(label=_("Valid for"), choices=(), coerce=int, initial=30)
    password = forms.CharField(
        label=_("Password (optional)"),
        required=False,
        min_length=8,
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=True),
        help_text=_("Give it to the recipient by another channel than the link."),
        error_messages={"min_length": _("At least 8 characters, or none.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made here, in the request's language.
        self.fields["days"].choices = [
            (days, ngettext("%(count)d day", "%(count)d days", days) % {"count": days})
            for days in EXPIRY_DAYS
        ]


class SharePasswordForm(forms.Form):
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter the password you were given with the link.")},
    )
