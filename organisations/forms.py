from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from .identifiers import normalise_rna, normalise_siren, validate_rna, validate_siren
from .models import IDENTIFIER_REQUIRED, Association, Role


class AssociationForm(forms.ModelForm):
    # People type identifiers with spaces or dots ("732 829 320"): accept them, store compact.
    rna = forms.CharField(
        label=Association._meta.get_field("rna").verbose_name,
        help_text=Association._meta.get_field("rna").help_text,
        max_length=20,
        required=False,
    )
    siren = forms.CharField(
        label=Association._meta.get_field("siren").verbose_name,
        help_text=Association._meta.get_field("siren").help_text,
        max_length=20,
        required=False,
    )

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

    def _post_clean(self):
        super()._post_clean()
        # An identifier was typed but is invalid: its own message says why; asking for
        # "an RNA or a SIREN" on top of it would only confuse.
        typed = any(self.data.get(self.add_prefix(name), "").strip() for name in ("rna", "siren"))
        if typed and "rna" in self._errors:
            kept = [
                e
                for e in self._errors["rna"].as_data()
                if str(e.message) != str(IDENTIFIER_REQUIRED)
            ]
            if kept:
                self._errors["rna"] = self.error_class(kept)
            else:
                del self._errors["rna"]

    def clean_rna(self):
        value = normalise_rna(self.cleaned_data["rna"])
        if value:
            validate_rna(value)
        return value

    def clean_siren(self):
        value = normalise_siren(self.cleaned_data["siren"])
        if value:
            validate_siren(value)
        return value


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
                _(
                    "No association with this number is registered on the platform yet: "
                    "invite it by e-mail below."
                )
            )
        self.association = association
        return value
