"""A convention's text drafted in numbered versions, and each party's answer to each version.

The lead drafts the articles; « Envoyer aux parties » freezes the draft as a numbered version
sent to every party, and a later edit starts the next draft. Each party answers the version in
force (accepts it, or asks for changes article by article); when every party has accepted the
same version, it is accepted by all: its text is hashed and frozen as a PDF, for good.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.models import Convention, ConventionParty
from core.history import HistoricalRecords


class VersionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent to the parties")
    SUPERSEDED = "superseded", _("Replaced by a later version")
    ACCEPTED = "accepted", _("Accepted by all parties")


class ConventionVersion(models.Model):
    """One version of a convention's text. Only a draft changes; a sent version is frozen."""

    convention = models.ForeignKey(
        Convention, on_delete=models.CASCADE, related_name="versions", verbose_name=_("convention")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    # « Title », version n: what the alliance's history names it by, with no query.
    label = models.CharField(_("version"), max_length=255, blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=VersionState.choices, default=VersionState.DRAFT
    )
    # [{"key": clause code or "free-…", "title": str, "text": str}], in the text's order.
    articles = models.JSONField(_("articles"), default=list)
    # The parties asked to answer, as they were when the version was sent:
    # [{"id": ConventionParty id, "name": str, "way": "association" | "partner" | "name"}].
    parties = models.JSONField(_("parties asked"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last edited at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent by"),
    )
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted by all parties on"), null=True, blank=True)
    text_sha256 = models.CharField(_("SHA-256 of the accepted text"), max_length=64, blank=True)
    report = models.ForeignKey(
        "reports.Report",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("frozen PDF"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("convention version")
        verbose_name_plural = _("convention versions")
        ordering = ["convention", "number"]
        constraints = [
            models.UniqueConstraint(fields=["convention", "number"], name="one_version_number"),
            models.UniqueConstraint(
                fields=["convention"],
                condition=Q(state="draft"),
                name="one_draft_a_convention",
            ),
            models.UniqueConstraint(
                fields=["convention"],
                condition=Q(state="sent"),
                name="one_version_waiting_a_convention",
            ),
        ]

    def __str__(self):
        return f"{self.convention} – v{self.number}"

    @property
    def is_draft(self):
        return self.state == VersionState.DRAFT

    @property
    def is_frozen(self):
        return self.state != VersionState.DRAFT


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepts this version")
    CHANGES = "changes", _("Asks for changes")


class PartyAnswer(models.Model):
    """A party's answer to a sent version; answering again replaces it (the history keeps both)."""

    version = models.ForeignKey(
        ConventionVersion,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("version"),
    )
    party = models.ForeignKey(
        ConventionParty, on_delete=models.CASCADE, related_name="+", verbose_name=_("party")
    )
    # The party and the version, as the alliance's history names the answer.
    label = models.CharField(_("party and version"), max_length=255, blank=True)
    decision = models.CharField(_("answer"), max_length=10, choices=Decision.choices)
    comment = models.TextField(_("comment"), blank=True, max_length=4000)
    # [{"key": article key, "title": article title, "comment": str}]
    requests = models.JSONField(_("changes asked, article by article"), default=list, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("answered by"),
    )
    # A party named by a typed name has no account: the lead's admin records its answer.
    on_behalf = models.BooleanField(_("recorded on the party's behalf"), default=False)
    answered_at = models.DateTimeField(_("answered on"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("party's answer")
        verbose_name_plural = _("parties' answers")
        ordering = ["version", "party_id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "party"], name="one_answer_a_party")
        ]

    def __str__(self):
        return f"{self.version} – {self.get_decision_display()}"

    @property
    def accepted(self):
        return self.decision == Decision.ACCEPTED
