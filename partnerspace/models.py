"""The partners' space: the contacts of an alliance's partner organisations working in it as
guests, with an access of their own that ends by itself.

A guest is a person with no association: what they see comes from a `GuestAccess` to one
alliance, never from a membership, so `organisations.access` gives them nothing (every
association page is a 404 for them) and `partnerspace.access` gives them the alliance's shared
side only, while the access lasts.
"""

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.models import Alliance, AlliancePartner
from core.history import HistoricalRecords

INVITATION_DAYS = 14
#: The version of the terms and data-processing text a guest consents to: bump it when
#: templates/partnerspace/_terms.html changes, so that the consent says which text was read.
TERMS_VERSION = "2026-12-v1"


class GuestRole(models.TextChoices):
    CONTRIBUTOR = "contributor", _("Contributor")
    READER = "reader", _("Reader")


class GuestAccessQuerySet(models.QuerySet):
    def active(self, today=None):
        """Not revoked, begun and not ended: the only accesses that open anything."""
        today = today or timezone.localdate()
        return self.filter(revoked_at__isnull=True, starts_on__lte=today, ends_on__gte=today)


class GuestAccess(models.Model):
    """A partner organisation's contact, guest of one alliance, with a role and an end date."""

    alliance = models.ForeignKey(
        Alliance,
        on_delete=models.CASCADE,
        related_name="guest_accesses",
        verbose_name=_("alliance"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="guest_accesses",
        verbose_name=_("person"),
    )
    partner = models.ForeignKey(
        AlliancePartner,
        on_delete=models.CASCADE,
        related_name="guest_accesses",
        verbose_name=_("partner organisation"),
    )
    role = models.CharField(_("role"), max_length=12, choices=GuestRole.choices)
    starts_on = models.DateField(_("since"), default=timezone.localdate)
    ends_on = models.DateField(_("end of access"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    last_visit_at = models.DateTimeField(_("last visit"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    # The guest's consent to the terms and to the processing of their data.
    consented_at = models.DateTimeField(_("consent given at"))
    consent_version = models.CharField(_("version of the text consented to"), max_length=20)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = GuestAccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("guest access")
        verbose_name_plural = _("guest accesses")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "user"], name="one_guest_access_a_person")
        ]

    def __str__(self):
        return f"{self.user} – {self.alliance}"

    def is_active(self, today=None):
        today = today or timezone.localdate()
        return self.revoked_at is None and self.starts_on <= today <= self.ends_on

    @property
    def can_contribute(self):
        return self.role == GuestRole.CONTRIBUTOR


def _token():
    return secrets.token_urlsafe(32)


def _expiry():
    return timezone.now() + dt.timedelta(days=INVITATION_DAYS)


class GuestInvitation(models.Model):
    """An invitation by e-mail: single use, valid 14 days."""

    alliance = models.ForeignKey(
        Alliance,
        on_delete=models.CASCADE,
        related_name="guest_invitations",
        verbose_name=_("alliance"),
    )
    partner = models.ForeignKey(
        AlliancePartner,
        on_delete=models.CASCADE,
        related_name="guest_invitations",
        verbose_name=_("partner organisation"),
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=12, choices=GuestRole.choices)
    ends_on = models.DateField(_("end of access"))
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), default=_expiry)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("guest invitation")
        verbose_name_plural = _("guest invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} – {self.alliance}"

    @property
    def is_pending(self):
        return (
            self.accepted_at is None
            and self.cancelled_at is None
            and self.expires_at > timezone.now()
        )


class ItemKind(models.TextChoices):
    """The shared items a comment thread hangs from."""

    ACTION = "action", _("Action")
    MEETING = "meeting", _("Meeting")
    INDICATOR = "indicator", _("Indicator")
    DOSSIER = "dossier", _("Project file")


class Comment(models.Model):
    """A message of the thread of a shared item. The item is (kind, item_id) of the alliance;
    the project file's thread has item_id = the alliance's id."""

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="comments", verbose_name=_("alliance")
    )
    kind = models.CharField(_("item"), max_length=10, choices=ItemKind.choices)
    item_id = models.PositiveIntegerField(_("item id"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    # The guest's organisation when a guest wrote it; empty for the associations' staff.
    partner = models.ForeignKey(
        AlliancePartner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("partner organisation"),
    )
    text = models.TextField(_("message"), max_length=4000)
    mentioned = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("mentioned")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["alliance", "kind", "item_id"], name="comment_thread")]

    def __str__(self):
        return self.text[:50]


class ActivityVerb(models.TextChoices):
    JOINED = "joined", _("joined the partners' space")
    UPDATED_ACTION = "action", _("updated an action")
    MEASURED = "measurement", _("entered a measurement")
    COMMENTED = "comment", _("commented")


class GuestActivity(models.Model):
    """What a guest did in the space, with the person and the organisation: the partners'
    activity on the association's side, and the alliance's history."""

    alliance = models.ForeignKey(
        Alliance,
        on_delete=models.CASCADE,
        related_name="guest_activities",
        verbose_name=_("alliance"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        AlliancePartner,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("partner organisation"),
    )
    # Kept as typed at the time: the person and the organisation may later go.
    person_name = models.CharField(_("person"), max_length=300)
    organisation_name = models.CharField(_("organisation"), max_length=200)
    verb = models.CharField(_("what"), max_length=12, choices=ActivityVerb.choices)
    item = models.CharField(_("on"), max_length=300, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    # Its records are this app's part of the alliance's history page (partnerspace/history.py).
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("guest activity")
        verbose_name_plural = _("guest activities")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["alliance", "-at"], name="guest_activity_recent")]

    def __str__(self):
        what = f"{self.person_name} ({self.organisation_name}) {self.get_verb_display()}"
        return f"{what} « {self.item} »" if self.item else what


class NotificationPreference(models.Model):
    """A person's choice about the e-mails of the comment threads (on by default)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="comment_preference",
        verbose_name=_("person"),
    )
    comment_emails = models.BooleanField(_("e-mails about comments and mentions"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return str(self.user)


class AnalysisPublication(models.Model):
    """The lead's decision to show the evaluation analysis to the partners' space."""

    alliance = models.OneToOneField(
        Alliance,
        on_delete=models.CASCADE,
        related_name="analysis_publication",
        verbose_name=_("alliance"),
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("publication of the analysis")
        verbose_name_plural = _("publications of the analysis")

    def __str__(self):
        return str(self.alliance)
