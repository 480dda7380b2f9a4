from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from alliances.stepper import STEP_TITLES

from .models import Verdict


class ReviewForm(forms.Form):
    """A network head's review of an alliance or of one of its steps."""

    step = forms.TypedChoiceField(
        label=_("About"),
        coerce=int,
        empty_value=None,
        required=False,
        choices=[],
    )
    verdict = forms.ChoiceField(label=_("Verdict"), choices=[], widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": _("Write what you noticed, so the association can act.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [("", _("The alliance as a whole"))] + [
            (number, _("Step %(number)s – %(title)s") % {"number": number, "title": title})
            for number, title in STEP_TITLES.items()
        ]
        self.fields["verdict"].choices = Verdict.choices
        self.fields["verdict"].error_messages["required"] = _("Choose a verdict.")


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": _("Write your answer before sending it.")},
    )


class InviteByEmailForm(forms.Form):
    """An association not on the platform yet, invited through the e-mail of its contact."""

    association_name = forms.CharField(
        label=_("Name of the association"),
        max_length=200,
        required=False,
        help_text=_("Optional: it pre-fills its sign-up."),
    )
    email = forms.EmailField(
        label=_("E-mail address of its contact"),
        help_text=_("The person who will register the association and answer your invitation."),
        error_messages={"required": _("Give the e-mail address to send the invitation to.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "by-email")
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
