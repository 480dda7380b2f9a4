"""The alliance itself: the anchor that every step, convention, action and objective hangs from.

An alliance is led by one association; other associations of the platform may join it as
co-members and then see and edit it according to their own users' roles.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.history import HistoricalRecords
from core.prepared import Prepared
from organisations.models import Association


class AllianceQuerySet(models.QuerySet):
    def of_association(self, association):
        """Led or joined (as an active co-member). A union of two index scans: an OR across
        the join to members read every alliance and every membership (22 ms at 10,000)."""
        led = Alliance.objects.filter(lead=association).order_by().values("pk")
        joined = (
            AllianceMember.objects.filter(
                association=association, state=AllianceMember.State.ACTIVE
            )
            .order_by()
            .values("alliance_id")
        )
        return self.filter(pk__in=led.union(joined))


class Alliance(models.Model):
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    territory = models.CharField(_("territory"), max_length=200, blank=True)
    lead = models.ForeignKey(
        Association,
        on_delete=models.PROTECT,
        related_name="led_alliances",
        verbose_name=_("lead association"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()
    objects = AllianceQuerySet.as_manager()

    class Meta:
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("alliances:alliance_detail", args=[self.pk])

    def participating_association_ids(self):
        """The lead and the active co-members: the associations whose users work on it."""
        ids = {association for (association,) in ACTIVE_MEMBERS(alliance=self.pk)}
        ids.add(self.lead_id)
        return ids


class AllianceMember(models.Model):
    """A co-member association of the platform, invited into an alliance by its lead."""

    class State(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACTIVE = "active", _("Active")
        DECLINED = "declined", _("Declined")
        LEFT = "left", _("Left")

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="members", verbose_name=_("alliance")
    )
    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="alliance_memberships",
        verbose_name=_("association"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.INVITED
    )
    invited_at = models.DateTimeField(default=timezone.now, verbose_name=_("invited at"))
    responded_at = models.DateTimeField(null=True, blank=True, verbose_name=_("answered at"))

    class Meta:
        verbose_name = _("co-member association")
        verbose_name_plural = _("co-member associations")
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "association"], name="one_alliance_member_row"
            )
        ]

    def __str__(self):
        return f"{self.association} ∈ {self.alliance}"


#: The active co-members of an alliance: every alliance page asks, for its access check.
ACTIVE_MEMBERS = Prepared(
    lambda alliance: AllianceMember.objects.filter(
        alliance=alliance, state=AllianceMember.State.ACTIVE
    ).values_list("association_id"),
    alliance=int,
)
