"""Reviews left by a network head on a member's alliance (or one of its steps), and the thread
of replies between the association's staff and the network (they lived in `alliances` before;
their tables kept their names); invitations by e-mail of associations not registered yet.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
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


class SignupInvitation(models.Model):
    """A network head's invitation, by e-mail, of an association that is not on the platform
    yet. Its link opens the sign-up, which registers the association with its membership of the
    network INVITED: the network sees nothing of it until its new administrator accepts."""

    network = models.ForeignKey(
        "organisations.Network",
        on_delete=models.CASCADE,
        related_name="signup_invitations",
        verbose_name=_("network"),
    )
    email = models.EmailField(_("e-mail address"))
    # As the head typed it: it pre-fills the sign-up form.
    association_name = models.CharField(_("name of the association"), max_length=200, blank=True)
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    # The association registered from it, and when.
    association = models.ForeignKey(
        "organisations.Association",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("association registered"),
    )
    signed_up_at = models.DateTimeField(_("signed up at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation to sign up")
        verbose_name_plural = _("invitations to sign up")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "signed_up_at", "-created_at"])]

    def __str__(self):
        return f"{self.email} → {self.network}"

    @property
    def is_pending(self):
        return self.signed_up_at is None and self.expires_at > timezone.now()
