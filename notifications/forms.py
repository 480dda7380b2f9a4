from django import forms

from . import kinds


class PreferencesForm(forms.Form):
    """One radio group per kind the person may receive."""

    def __init__(self, *args, kind_list, current, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(kinds.DELIVERIES)
        for kind in kind_list:
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                choices=[(value, labels[value]) for value in kind.deliveries],
                initial=current[kind.key],
                widget=forms.RadioSelect,
            )
