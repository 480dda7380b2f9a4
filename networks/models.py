"""Reviews left by a network head on a member's alliance (or one of its steps), and the thread
of replies between the association's staff and the network.

They lived in `alliances` before; their tables kept their names.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords


class Verdict(models.TextChoices):
    REWORK = "rework", _("Needs rework")
    VALIDATED = "validated", _("Validated")


class Review(models.Model):
    alliance = models.ForeignKey(
        "alliances.Alliance",
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("alliance"),
    )
    # None: the alliance as a whole; 1..5: one of its steps.
    step = models.PositiveSmallIntegerField(
        _("step"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    network = models.ForeignKey(
        "organisations.Network",
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("network"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict.choices)
    comment = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords(table_name="alliances_historicalreview")

    class Meta:
        db_table = "alliances_review"
        verbose_name = _("network review")
        verbose_name_plural = _("network reviews")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["alliance", "-created_at"])]

    def __str__(self):
        return f"{self.network} → {self.alliance} ({self.get_verdict_display()})"


class ReviewReply(models.Model):
    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="replies", verbose_name=_("review")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    # Written on behalf of the network (True) or of the association's staff (False).
    from_network = models.BooleanField(_("from the network"), default=False)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords(table_name="alliances_historicalreviewreply")

    class Meta:
        db_table = "alliances_reviewreply"
        verbose_name = _("reply to a review")
        verbose_name_plural = _("replies to reviews")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} · {self.created_at:%d/%m/%Y}"
