"""A network's figures made of its members' latest finished diagnostics, stored.

Scoring the latest diagnostic of each of thousands of members at each visit of the network's
picture (or of a member's results, which show the network's medians) took seconds. The figures
change only when a member finishes (or reopens) a campaign, or joins or leaves the network:
the services doing that store them again (`diagnostics/benchmarks.py`) in the same
transaction, and the nightly job checks them.
"""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Network


class NetworkBenchmark(models.Model):
    network = models.OneToOneField(
        Network,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="benchmark",
        verbose_name=_("network"),
    )
    # scoring.network_benchmark(): members, contributors, axes, levels, with_level, evolution.
    figures = models.JSONField(default=dict, verbose_name=_("figures"))
    computed_at = models.DateTimeField(verbose_name=_("computed at"))

    class Meta:
        verbose_name = _("network benchmark")
        verbose_name_plural = _("network benchmarks")

    def __str__(self):
        return str(self.network_id)

    @property
    def contributors(self) -> int:
        return self.figures.get("contributors", 0)

    def medians(self) -> dict[str, Decimal | None]:
        """{axis code: the members' median}, None where fewer than five are scored."""
        return {
            axis["code"]: Decimal(axis["quartiles"]["median"]) if axis["quartiles"] else None
            for axis in self.figures.get("axes", [])
        }
