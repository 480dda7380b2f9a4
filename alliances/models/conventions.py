"""Step 4: the conventions that seal the alliance, their parties, amendments and signed PDF."""

import datetime as dt
import os
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.collation import FrenchOrder
from core.history import HistoricalRecords
from organisations.models import Association

from .alliance import Alliance
from .partners import AlliancePartner

ENDING_SOON_DAYS = 60


def private_storage():
    """Signed conventions never sit under a public URL: a folder no web server serves,
    or the private S3 bucket when one is configured. They are read through a view that
    checks access."""
    if settings.STORAGES["default"]["BACKEND"].endswith("S3Storage"):
        return default_storage
    return FileSystemStorage(location=os.path.join(str(settings.MEDIA_ROOT), "private"))


def convention_upload_to(instance, filename):
    # A random name: the user's file name is kept in `document_name`, never on disk.
    return f"conventions/{secrets.token_hex(16)}.pdf"


class ConventionType(models.TextChoices):
    PARTNERSHIP = "partnership", _("Partnership agreement")
    CHARTER = "charter", _("Partnership charter")
    CONSORTIUM = "consortium", _("Consortium agreement")
    CPO = "cpo", _("Multi-year objectives agreement (CPO)")
    CPOM = "cpom", _("Multi-year objectives and means agreement (CPOM)")
    OTHER = "other", _("Other")


class ConventionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    NEGOTIATION = "negotiation", _("Under negotiation")
    # Every party accepted the same version of its text (agreements): the text is frozen as a
    # PDF, and the signed copy may follow.
    ACCEPTED = "accepted", _("Accepted by all parties")
    SIGNED = "signed", _("Signed")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


class Clause(models.TextChoices):
    """The clauses a sound convention has."""

    PURPOSE = "purpose", _("Purpose")
    DURATION = "duration", _("Duration")
    COMMITMENTS = "commitments", _("Reciprocal commitments")
    FINANCIAL = "financial", _("Financial terms")
    GOVERNANCE = "governance", _("Governance")
    COMMUNICATION = "communication", _("Communication and use of brands")
    INTELLECTUAL_PROPERTY = "intellectual_property", _("Intellectual property")
    PERSONAL_DATA = "personal_data", _("Personal data")
    EVALUATION = "evaluation", _("Evaluation")
    TERMINATION = "termination", _("Termination")


class ConventionQuerySet(models.QuerySet):
    def ending_soon(self, today=None, until=None):
        """Signed conventions whose end date falls within the next 60 days (from `today` to
        `until`, when a prepared read passes both)."""
        today = today or timezone.localdate()
        return self.filter(
            status=ConventionStatus.SIGNED,
            end_date__gte=today,
            end_date__lte=until or today + dt.timedelta(days=ENDING_SOON_DAYS),
        )


class Convention(models.Model):
    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="conventions", verbose_name=_("alliance")
    )
    kind = models.CharField(_("type"), max_length=15, choices=ConventionType.choices)
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=12, choices=ConventionStatus.choices, default=ConventionStatus.DRAFT
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    financial_terms = models.TextField(_("financial terms"), blank=True)
    total_amount = models.DecimalField(
        _("total amount (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), message=_("An amount cannot be negative."))],
    )
    clauses = models.JSONField(_("clauses present"), default=list, blank=True)
    document = models.FileField(
        _("signed document (PDF)"),
        upload_to=convention_upload_to,
        storage=private_storage,
        blank=True,
    )
    document_name = models.CharField(max_length=255, blank=True, verbose_name=_("document name"))
    document_size = models.PositiveIntegerField(
        null=True, blank=True, verbose_name=_("document size")
    )
    # The version of the text every party accepted, stored by agreements' services in the
    # transaction of the last acceptance (this app shows it and cannot import them).
    accepted_version = models.PositiveSmallIntegerField(
        _("version accepted by all parties"), null=True, blank=True
    )
    accepted_at = models.DateTimeField(_("accepted by all parties on"), null=True, blank=True)
    accepted_text_sha256 = models.CharField(
        _("SHA-256 of the accepted text"), max_length=64, blank=True
    )
    # [{"party": name, "on": ISO date, "on_behalf": bool}] in the parties' order.
    acceptances = models.JSONField(_("acceptances"), default=list, blank=True)
    accepted_report = models.ForeignKey(
        "reports.Report",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("frozen PDF of the accepted text"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = ConventionQuerySet.as_manager()

    class Meta:
        verbose_name = _("convention")
        verbose_name_plural = _("conventions")
        ordering = ["-start_date", FrenchOrder("title")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gt=models.F("start_date")),
                name="convention_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(total_amount__isnull=True) | Q(total_amount__gte=0),
                name="convention_amount_not_negative",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            raise ValidationError({"end_date": _("The end date must come after the start date.")})
        if self.status == ConventionStatus.SIGNED and not self.signed_on:
            raise ValidationError({"signed_on": _("Give the date the convention was signed.")})
        if self.status == ConventionStatus.EXPIRED and not self.has_ended():
            # « Échue » says the convention reached its term; one stopped before is « Résiliée ».
            if self.end_date is None:
                message = _(
                    "A convention expires at its end date: give the end date, or choose "
                    "« Terminated » if it was ended early."
                )
            else:
                message = _(
                    "The end date (%(date)s) has not passed yet: the convention cannot be "
                    "expired. Choose « Terminated » if it was ended early."
                ) % {"date": self.end_date.strftime("%d/%m/%Y")}
            raise ValidationError({"status": message})

    def has_ended(self, today=None):
        """Its end date has passed (the day after it, at the earliest)."""
        today = today or timezone.localdate()
        return self.end_date is not None and self.end_date < today

    @property
    def missing_clauses(self):
        return [clause for clause in Clause if clause.value not in (self.clauses or [])]

    def clause_labels(self):
        return [Clause(c).label for c in self.clauses or [] if c in Clause.values]

    def ends_soon(self, today=None):
        today = today or timezone.localdate()
        return (
            self.status == ConventionStatus.SIGNED
            and self.end_date is not None
            and today <= self.end_date <= today + dt.timedelta(days=ENDING_SOON_DAYS)
        )

    def days_left(self, today=None):
        today = today or timezone.localdate()
        return (self.end_date - today).days if self.end_date else None


ALREADY_A_PARTY = _("This organisation is already a party to this convention.")
ONE_WAY = _(
    "A party is one organisation: a member association, a partner of the alliance or a name, "
    "only one of the three."
)
NOT_NEGATIVE = MinValueValidator(Decimal("0"), message=_("An amount cannot be negative."))


class ConventionParty(models.Model):
    """A named party to a convention with its own commitments."""

    convention = models.ForeignKey(
        Convention, on_delete=models.CASCADE, related_name="parties", verbose_name=_("convention")
    )
    association = models.ForeignKey(
        Association,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("member association"),
    )
    partner = models.ForeignKey(
        AlliancePartner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="convention_parties",
        verbose_name=_("partner of the alliance"),
    )
    name = models.CharField(_("name of the party"), max_length=200, blank=True)
    represented_by = models.CharField(_("represented by"), max_length=200, blank=True)
    commitments = models.TextField(_("commitments"))
    financial_contribution = models.DecimalField(
        _("financial contribution (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[NOT_NEGATIVE],
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["pk"]
        constraints = [
            # A party is named one way: a member association, a partner of the alliance, or a
            # typed name. "At most one" here; the form and clean() require one. (A member or
            # partner deleted later sets its column to NULL: the row must stay valid.)
            models.CheckConstraint(
                condition=(
                    Q(association__isnull=True, partner__isnull=True)
                    | Q(association__isnull=True, name="")
                    | Q(partner__isnull=True, name="")
                ),
                name="party_named_one_way",
                violation_error_message=ONE_WAY,
            ),
            models.UniqueConstraint(
                fields=["convention", "association"],
                name="one_party_per_association",
                violation_error_message=ALREADY_A_PARTY,
            ),
            models.UniqueConstraint(
                fields=["convention", "partner"],
                name="one_party_per_partner",
                violation_error_message=ALREADY_A_PARTY,
            ),
            models.CheckConstraint(
                condition=Q(financial_contribution__isnull=True) | Q(financial_contribution__gte=0),
                name="party_contribution_not_negative",
            ),
            models.UniqueConstraint(
                Lower("name"),
                "convention",
                condition=~Q(name=""),
                name="one_party_per_name",
                violation_error_message=ALREADY_A_PARTY,
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.name:
            return self.name
        if self.association_id:
            return str(self.association)
        if self.partner_id:
            return str(self.partner.partner)
        return ""

    def clean(self):
        self.name = (self.name or "").strip()
        chosen = [
            field
            for field, value in (
                ("association", self.association_id),
                ("partner", self.partner_id),
                ("name", self.name),
            )
            if value
        ]
        if not chosen:
            raise ValidationError(
                {"name": _("Choose a member or a partner of the alliance, or type a name.")}
            )
        if len(chosen) > 1:
            message = ONE_WAY
            raise ValidationError(dict.fromkeys(chosen[1:], message))

    def validate_constraints(self, exclude=None):
        """The same organisation twice on a convention is refused next to the field that names
        it (a typed name too, when it is that of a party chosen in a list), before the
        constraints' own, general, message."""
        if self.convention_id and not {"convention", "association", "partner", "name"} & set(
            exclude or ()
        ):
            others = ConventionParty.objects.filter(convention_id=self.convention_id)
            if self.pk:
                others = others.exclude(pk=self.pk)
            taken = None
            if self.association_id:
                field, taken = "association", Q(association_id=self.association_id)
            elif self.partner_id:
                field, taken = "partner", Q(partner_id=self.partner_id)
            elif self.name:
                field = "name"
                taken = Q(name__iexact=self.name) | Q(association__name__iexact=self.name)
                taken |= Q(partner__partner__name__iexact=self.name)
            if taken is not None and others.filter(taken).exists():
                raise ValidationError(
                    {
                        field: _("« %(party)s » is already a party to this convention.")
                        % {"party": self.display_name}
                    }
                )
        super().validate_constraints(exclude=exclude)


class Amendment(models.Model):
    """An avenant. Numbered in order within its convention."""

    convention = models.ForeignKey(
        Convention,
        on_delete=models.CASCADE,
        related_name="amendments",
        verbose_name=_("convention"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    signed_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    changes = models.TextField(_("what it changes"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["convention", "number"], name="one_amendment_number")
        ]

    def __str__(self):
        return f"{self.number} – {self.title}"
