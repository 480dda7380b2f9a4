"""Filters of the network dashboard (django-filter), on the network's active memberships: the
association's department, sector and size, and the figures stored on each membership
(maturity level, what needs attention)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import NetworkMembership, Sector
from organisations.territory import DEPARTMENT_CHOICES

from .members import SIZES, size_q

MATURITY_CHOICES = [
    ("1", _("Level 1")),
    ("2", _("Level 2")),
    ("3", _("Level 3")),
    ("4", _("Level 4")),
    ("none", _("No diagnostic yet")),
]


class MemberFilter(django_filters.FilterSet):
    """Every filter is the database's, on `members.members_of(network)`."""

    department = django_filters.ChoiceFilter(
        field_name="association__department",
        label=_("Department"),
        choices=DEPARTMENT_CHOICES,
        empty_label=_("All departments"),
    )
    sector = django_filters.ChoiceFilter(
        field_name="association__sector",
        label=_("Sector"),
        choices=Sector.choices,
        empty_label=_("All sectors"),
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
        method="filter_maturity",
    )
    attention = django_filters.BooleanFilter(
        label=_("Needs attention"),
        method="filter_attention",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = NetworkMembership
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.form.fields.items():
            field.widget.attrs["class"] = (
                "form-check-input" if name == "attention" else "form-select form-select-sm"
            )

    def filter_size(self, queryset, name, value):
        return queryset.filter(size_q(value, "association__"))

    def filter_maturity(self, queryset, name, value):
        if value == "none":
            return queryset.filter(maturity_level__isnull=True)
        return queryset.filter(maturity_level=int(value))

    def filter_attention(self, queryset, name, value):
        return queryset.filter(attention__gt=0) if value else queryset

    @property
    def is_filtering(self):
        """A filter was given with a valid value (the others are left out): a sort or a page
        number alone is not one (no « (filtrées) », no « Effacer »)."""
        if not self.is_bound or not any(self.data.get(name) for name in self.form.fields):
            return False
        self.form.is_valid()
        return any(
            self.form.cleaned_data.get(name) not in (None, "", False) for name in self.form.fields
        )
