from django import forms
from django.utils.translation import gettext_lazy as _

from . import kinds

#: The row of the partners' space threads (partnerspace.NotificationPreference): sent at
#: once or never, a yes/no stored by partnerspace, shown here so that every e-mail choice
#: is in one place.
COMMENT_EMAILS = "comment_emails"


class PreferencesForm(forms.Form):
    """One radio group per kind the person may receive, then the threads' e-mails."""

    def __init__(self, *args, kind_list, current, comment_emails: bool, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(kinds.DELIVERIES)
        for kind in kind_list:
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                choices=[(value, labels[value]) for value in kind.deliveries],
                initial=current[kind.key],
                widget=forms.RadioSelect,
            )
        labels = dict(kinds.DELIVERIES)
        self.fields[COMMENT_EMAILS] = forms.ChoiceField(
            label=_("A comment or a mention in a partners' space thread I take part in"),
            choices=[(value, labels[value]) for value in (kinds.IMMEDIATE, kinds.NEVER)],
            initial=kinds.IMMEDIATE if comment_emails else kinds.NEVER,
            widget=forms.RadioSelect,
            # Left out of a post (an older form, a script): left as it is.
            required=False,
        )
