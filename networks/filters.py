"""Filters of the network dashboard (django-filter)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Association, Sector
from organisations.territory import DEPARTMENT_CHOICES

from .members import SIZES, size_q, with_figures

MATURITY_CHOICES = [
    ("1", _("Level 1")),
    ("2", _("Level 2")),
    ("3", _("Level 3")),
    ("4", _("Level 4")),
    ("none", _("No diagnostic yet")),
]


class MemberFilter(django_filters.FilterSet):
    """Every filter is the database's, on `members.members_of(network)`; maturity and
    attention read the stored figures (members.with_figures)."""

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
        method="filter_maturity",
    )
    attention = django_filters.BooleanFilter(
        label=_("Needs attention"),
        method="filter_attention",
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

    def filter_maturity(self, queryset, name, value):
        queryset = with_figures(queryset, ["maturity_level"])
        if value == "none":
            return queryset.filter(maturity_level__isnull=True)
        return queryset.filter(maturity_level=int(value))

    def filter_attention(self, queryset, name, value):
        if not value:
            return queryset
        return with_figures(queryset, ["attention"]).filter(attention__gt=0)

    @property
    def is_filtering(self):
        """A filter was given: a sort or a page number alone is not one (no « (filtrées) »,
        no « Effacer »)."""
        return any(self.data.get(name) for name in self.form.fields)
