"""The forms of the partner directory import: the file, then which column holds what."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import partner_import
from .models import ActorType


class PartnerImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV or Excel .xlsx)"),
        help_text=_(
            "One partner per row, the column names on the first row. CSV: separated by "
            "semicolons or commas, UTF-8 or Windows encoding."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Choose a .csv or .xlsx file."))
        if upload.size > partner_import.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class PartnerImportMappingForm(forms.Form):
    """One select per field of the partner: « not in the file » or one of the columns."""

    default_actor_type = forms.ChoiceField(
        label=_("Type of actor of the rows that do not say"),
        choices=[("", "---------")] + list(ActorType.choices),
        help_text=_("A « Type » column, when there is one, wins for its rows."),
    )

    def __init__(self, *args, header, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in the file —"))] + [
            (str(index), f"{_column_letter(index)} · {cell or _('(no title)')}")
            for index, cell in enumerate(header)
        ]
        for name, label in partner_import.FIELDS.items():
            self.fields[f"column_{name}"] = forms.ChoiceField(
                label=capfirst(label),
                choices=choices,
                required=name in partner_import.REQUIRED,
            )

    def field_rows(self):
        return [self[f"column_{name}"] for name in partner_import.FIELDS]

    def clean(self):
        cleaned = super().clean()
        taken = {}
        for name in partner_import.FIELDS:
            index = cleaned.get(f"column_{name}")
            if not index:
                continue
            if index in taken:
                self.add_error(
                    f"column_{name}",
                    _("This column already fills « %(field)s ».")
                    % {"field": partner_import.FIELDS[taken[index]]},
                )
            taken[index] = name
        return cleaned

    def mapping(self) -> dict:
        return {
            name: int(self.cleaned_data[f"column_{name}"])
            for name in partner_import.FIELDS
            if self.cleaned_data.get(f"column_{name}")
        }


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
