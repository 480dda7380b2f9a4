"""Associations, networks (têtes de réseau) and who belongs to what: the tenancy models.

Every tenant-scoped query starts here: what a user may see follows from their
AssociationMembership rows (staff) and NetworkHead rows (network heads), and what a
network may see follows from its members' NetworkMembership in the ACTIVE state.

These models lived in `alliances` before; their tables kept their names (`db_table`).
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.collation import FrenchOrder

from .identifiers import (
    normalise_rna,
    normalise_siren,
    validate_rna,
    validate_siren,
)
from .ordering import KEY_LENGTH
from .territory import DEPARTMENT_CHOICES, REGIONS

DEPARTMENT_LABELS = dict(DEPARTMENT_CHOICES)

IDENTIFIER_REQUIRED = _("Give the RNA number, the SIREN number, or both.")


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    EDITOR = "editor", _("Editor")
    READER = "reader", _("Reader")


WRITE_ROLES = (Role.ADMIN, Role.EDITOR)


class Sector(models.TextChoices):
    SOCIAL = "social", _("Social action")
    HEALTH = "health", _("Health and medico-social")
    EDUCATION = "education", _("Education and training")
    EMPLOYMENT = "employment", _("Employment and integration")
    CULTURE = "culture", _("Culture")
    SPORT = "sport", _("Sport")
    ENVIRONMENT = "environment", _("Environment")
    YOUTH = "youth", _("Youth and popular education")
    HOUSING = "housing", _("Housing")
    RIGHTS = "rights", _("Rights and advocacy")
    INTERNATIONAL = "international", _("International solidarity")
    OTHER = "other", _("Other")


SECTOR_LABELS = dict(Sector.choices)


class BudgetBand(models.TextChoices):
    UNDER_10K = "lt10k", _("Under €10,000")
    FROM_10K = "10k-50k", _("€10,000 to €50,000")
    FROM_50K = "50k-200k", _("€50,000 to €200,000")
    FROM_200K = "200k-1m", _("€200,000 to €1 million")
    FROM_1M = "1m-5m", _("€1 million to €5 million")
    OVER_5M = "gt5m", _("Over €5 million")


class AssociationQuerySet(models.QuerySet):
    def active_in(self, network):
        return self.filter(
            network_memberships__network=network,
            network_memberships__state=NetworkMembership.State.ACTIVE,
        )


class Association(models.Model):
    name = models.CharField(_("name"), max_length=200)
    rna = models.CharField(
        _("RNA number"),
        max_length=10,
        blank=True,
        validators=[validate_rna],
        help_text=_("W followed by 9 digits, from the Répertoire national des associations."),
    )
    siren = models.CharField(
        _("SIREN number"),
        max_length=9,
        blank=True,
        validators=[validate_siren],
        help_text=_("9 digits, if the association is registered with INSEE."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    department = models.CharField(_("department"), max_length=3, choices=DEPARTMENT_CHOICES)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    employees = models.PositiveIntegerField(_("employees (FTE)"), default=0)
    volunteers = models.PositiveIntegerField(_("regular volunteers"), default=0)
    budget_band = models.CharField(_("annual budget"), max_length=10, choices=BudgetBand.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = AssociationQuerySet.as_manager()

    class Meta:
        db_table = "alliances_association"
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = [FrenchOrder("name")]
        constraints = [
            models.UniqueConstraint(
                fields=["rna"], condition=~Q(rna=""), name="association_rna_unique"
            ),
            models.UniqueConstraint(
                fields=["siren"], condition=~Q(siren=""), name="association_siren_unique"
            ),
            models.CheckConstraint(
                condition=~Q(rna="") | ~Q(siren=""), name="association_has_identifier"
            ),
        ]
        # The network dashboard's filters: a department's members found without reading all.
        indexes = [models.Index(fields=["department"]), models.Index(fields=["sector"])]

    def __str__(self):
        return self.name

    # get_FOO_display() flattens the ~100 departments on each call: 7 ms of the network
    # dashboard's 25 rows. These read a dict built once.
    @property
    def department_label(self):
        return DEPARTMENT_LABELS.get(self.department, self.department)

    @property
    def sector_label(self):
        return SECTOR_LABELS.get(self.sector, self.sector)

    def clean(self):
        self.rna = normalise_rna(self.rna)
        self.siren = normalise_siren(self.siren)
        if not self.rna and not self.siren:
            raise ValidationError({"rna": _("Give the RNA number, the SIREN number, or both.")})
        if self.postal_code and not (self.postal_code.isdigit() and len(self.postal_code) == 5):
            raise ValidationError({"postal_code": _("A postal code has 5 digits.")})

    @property
    def size_label(self):
        return _("%(employees)s employees, %(volunteers)s volunteers") % {
            "employees": self.employees,
            "volunteers": self.volunteers,
        }


class AssociationMembership(models.Model):
    """A person working for an association, with their role in it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("association"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.READER)
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)

    class Meta:
        db_table = "alliances_associationmembership"
        verbose_name = _("association member")
        verbose_name_plural = _("association members")
        constraints = [
            models.UniqueConstraint(fields=["user", "association"], name="one_membership_per_user")
        ]

    def __str__(self):
        return f"{self.user} – {self.association} ({self.get_role_display()})"

    @property
    def can_write(self):
        return self.role in WRITE_ROLES


class Invitation(models.Model):
    """A colleague invited by e-mail; following the link sets their password and joins them."""

    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("association"),
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    token = models.CharField(max_length=64, unique=True, editable=False, verbose_name=_("token"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    expires_at = models.DateTimeField(verbose_name=_("expires at"))
    accepted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("accepted at"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("revoked at"))

    class Meta:
        db_table = "alliances_invitation"
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.association}"

    def save(self, *args, **kwargs):
        if not self.token:
            self.token = secrets.token_urlsafe(32)
        if not self.expires_at:
            self.expires_at = timezone.now() + settings.INVITATION_VALIDITY
        super().save(*args, **kwargs)

    @property
    def is_pending(self):
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class Network(models.Model):
    """A tête de réseau: federation, union or regional network of associations."""

    class Scope(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")
        DEPARTMENTAL = "departmental", _("Departmental")

    name = models.CharField(_("name"), max_length=200)
    scope = models.CharField(_("scope"), max_length=15, choices=Scope.choices)
    region = models.CharField(_("region"), max_length=3, choices=REGIONS, blank=True)
    department = models.CharField(
        _("department"), max_length=3, choices=DEPARTMENT_CHOICES, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        db_table = "alliances_network"
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = [FrenchOrder("name")]

    def __str__(self):
        return self.name

    def clean(self):
        if self.scope == self.Scope.REGIONAL and not self.region:
            raise ValidationError({"region": _("A regional network needs its region.")})
        if self.scope == self.Scope.DEPARTMENTAL and not self.department:
            raise ValidationError({"department": _("A departmental network needs its department.")})


class NetworkHead(models.Model):
    """A person who runs a network and reviews its members."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_roles",
        verbose_name=_("user"),
    )
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="heads", verbose_name=_("network")
    )

    class Meta:
        db_table = "alliances_networkhead"
        verbose_name = _("network head")
        verbose_name_plural = _("network heads")
        constraints = [
            models.UniqueConstraint(fields=["user", "network"], name="one_head_row_per_network")
        ]

    def __str__(self):
        return f"{self.user} – {self.network}"


#: The orders of a network's active members, each with its index (the name's serves both ways;
#: a descending figure comes with its empty ones first, as PostgreSQL's DESC sorts them).
MEMBER_ORDERS = {
    "name": [],
    "maturity": ["maturity_level"],
    "maturity_desc": ["-maturity_level"],
    "diagnostic": ["diagnostic_date"],
    "diagnostic_desc": ["-diagnostic_date"],
    "alliances": ["alliances"],
    "alliances_desc": ["-alliances"],
    "attention": ["attention"],
    "attention_desc": ["-attention"],
}


class NetworkMembership(models.Model):
    """An association's place in a network. Only ACTIVE memberships open its data to the network."""

    class State(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACTIVE = "active", _("Active")
        REFUSED = "refused", _("Refused")
        LEFT = "left", _("Left")

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("association"),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    # What the network dashboard sorts its members by, stored here so that an index walks a
    # network's members in each order, a page at a time, whatever their number. Kept by the
    # services that change their sources: the association's name (organisations.services),
    # its latest finished diagnostic (diagnostics.summaries), its alliances' figures
    # (alliances.summaries); and each night.
    name_key = models.CharField(max_length=KEY_LENGTH, blank=True, editable=False)
    maturity_level = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    diagnostic_date = models.DateTimeField(null=True, blank=True, editable=False)
    alliances = models.PositiveIntegerField(default=0, editable=False)
    attention = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        db_table = "alliances_networkmembership"
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        ordering = ["-invited_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "association"], name="one_network_membership"
            )
        ]
        indexes = [
            models.Index(fields=["network", "state"]),
            # The state a column, not a partial index's condition: a prepared statement's
            # generic plan compares it as a parameter, and could not use a partial index.
            *(
                models.Index(
                    fields=["network", "state", *order, "name_key", "association"],
                    name=f"member_order_{name}",
                    # « Needs attention » read in the name's order from the index alone.
                    include=() if order else ["attention"],
                )
                for name, order in MEMBER_ORDERS.items()
            ),
            # The network's news (who answered or left lately): a range of each date, not
            # a scan of every member of a network of thousands.
            models.Index(fields=["network", "responded_at"], name="member_answered"),
            models.Index(fields=["network", "left_at"], name="member_left"),
        ]

    def __str__(self):
        return f"{self.association} ∈ {self.network} ({self.get_state_display()})"
