"""Filters of the network dashboard (django-filter)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Association, Sector
from .network import SIZES, size_q
from .territory import DEPARTMENT_CHOICES

MATURITY_CHOICES = [
    ("1", _("Level 1")),
    ("2", _("Level 2")),
    ("3", _("Level 3")),
    ("4", _("Level 4")),
    ("none", _("No diagnostic yet")),
]


class MemberFilter(django_filters.FilterSet):
    """Database filters narrow the queryset; maturity and attention are computed figures,
    applied by `filter_rows` on each member's facts (network.member_facts)."""

    department = django_filters.ChoiceFilter(
        label=_("Department"), choices=DEPARTMENT_CHOICES, empty_label=_("All departments")
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("All sectors")
    )
    size = django_filters.ChoiceFilter(
        label=_("Size"),
        choices=[(code, label) for code, (label, _low, _high) in SIZES.items()],
        empty_label=_("All sizes"),
        method="filter_size",
    )
    maturity = django_filters.ChoiceFilter(
        label=_("Maturity level"),
        choices=MATURITY_CHOICES,
        empty_label=_("All levels"),
        method="noop",
    )
    attention = django_filters.BooleanFilter(
        label=_("Needs attention"),
        method="noop",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Association
        fields = ["department", "sector"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.form.fields.items():
            field.widget.attrs["class"] = (
                "form-check-input" if name == "attention" else "form-select form-select-sm"
            )

    def filter_size(self, queryset, name, value):
        return queryset.filter(size_q(value))

    def noop(self, queryset, name, value):
        return queryset

    @property
    def needs_every_row(self):
        """Maturity and attention are computed per member: filtering on them reads every row."""
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return bool(data.get("maturity") or data.get("attention"))

    @property
    def is_filtering(self):
        """A filter was given: a sort or a page number alone is not one (no « (filtrées) »,
        no « Effacer »)."""
        return any(self.data.get(name) for name in self.form.fields)

    def filter_rows(self, rows):
        data = self.form.cleaned_data if self.form.is_valid() else {}
        maturity = data.get("maturity")
        if maturity == "none":
            rows = [row for row in rows if row.maturity_level is None]
        elif maturity:
            rows = [row for row in rows if row.maturity_level == int(maturity)]
        if data.get("attention"):
            rows = [row for row in rows if row.needs_attention]
        return rows
