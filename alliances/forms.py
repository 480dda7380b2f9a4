from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from .identifiers import normalise_rna, normalise_siren, validate_rna, validate_siren
from .models import Association, Role


class AssociationForm(forms.ModelForm):
    class Meta:
        model = Association
        fields = [
            "name",
            "rna",
            "siren",
            "address",
            "postal_code",
            "city",
            "department",
            "sector",
            "employees",
            "volunteers",
            "budget_band",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_rna(self):
        return normalise_rna(self.cleaned_data["rna"])

    def clean_siren(self):
        return normalise_siren(self.cleaned_data["siren"])


class InviteColleagueForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of your colleague"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        initial=Role.EDITOR,
        help_text=_(
            "Administrators manage members; editors fill in and change; readers only read."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class ChangeRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class InviteAssociationForm(forms.Form):
    identifier = forms.CharField(
        label=_("RNA or SIREN number of the association"),
        max_length=20,
        help_text=_(
            "For example W751234567 or 732829320. The association must be on the platform."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_identifier(self):
        raw = self.cleaned_data["identifier"]
        value = normalise_rna(raw)
        if value.startswith("W"):
            validate_rna(value)
            lookup = {"rna": value}
        else:
            value = normalise_siren(raw)
            validate_siren(value)
            lookup = {"siren": value}
        association = Association.objects.filter(**lookup).first()
        if association is None:
            raise forms.ValidationError(
                _("No association with this number is registered on the platform yet.")
            )
        self.association = association
        return value
