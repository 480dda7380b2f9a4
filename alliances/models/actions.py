"""The alliance's action plan: actions with steps, an owner, dates, resources and progress."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.collation import FrenchOrder
from core.history import HistoricalRecords

from .alliance import Alliance
from .partners import AlliancePartner


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    BLOCKED = "blocked", _("Blocked")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED)


class ActionQuerySet(models.QuerySet):
    def late(self, today=None):
        """Open actions whose due date has passed."""
        today = today or timezone.localdate()
        return self.filter(status__in=OPEN_STATUSES, due_date__lt=today)


class Action(models.Model):
    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="actions", verbose_name=_("alliance")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_actions",
        verbose_name=_("owner (person)"),
    )
    owner_partner = models.ForeignKey(
        AlliancePartner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_actions",
        verbose_name=_("owner (partner)"),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    human_resources = models.CharField(_("human resources"), max_length=255, blank=True)
    financial_resources = models.DecimalField(
        _("financial resources (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), message=_("A budget cannot be negative."))],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_date", FrenchOrder("title")]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(due_date__gte=models.F("start_date")),
                name="action_due_after_start",
            ),
            models.CheckConstraint(
                condition=Q(financial_resources__isnull=True) | Q(financial_resources__gte=0),
                name="action_budget_not_negative",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.start_date and self.due_date and self.due_date < self.start_date:
            raise ValidationError({"due_date": _("The due date must come after the start date.")})
        if self.owner_partner_id and self.owner_partner.alliance_id != self.alliance_id:
            raise ValidationError({"owner_partner": _("This partner is not in the alliance.")})

    @property
    def is_late(self):
        return (
            self.status in OPEN_STATUSES
            and self.due_date is not None
            and self.due_date < timezone.localdate()
        )

    @property
    def owner_label(self):
        if self.owner_user_id:
            return str(self.owner_user)
        if self.owner_partner_id:
            return str(self.owner_partner.partner)
        return ""


class ActionStep(models.Model):
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="steps", verbose_name=_("action")
    )
    title = models.CharField(_("step"), max_length=200)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    order = models.PositiveSmallIntegerField(default=0, verbose_name=_("order"))

    class Meta:
        verbose_name = _("action step")
        verbose_name_plural = _("action steps")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title
