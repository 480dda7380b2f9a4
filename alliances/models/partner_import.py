"""A partner directory import between its steps: the uploaded file, then its column mapping.

The file is kept in the database, on a row of the association that uploaded it, rather than in
the session (10,000 rows would make every request carry a large session) or on disk (a second
place to clean and to secure). Only the association's staff reach it (alliances/access.py);
rows older than a day are deleted by the next upload of the association.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.models import Association


class PartnerImport(models.Model):
    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="partner_imports",
        verbose_name=_("association"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    file_name = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("content"))
    # {field of the partner: index of the column}, chosen at the mapping step.
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    default_actor_type = models.CharField(_("type of actor by default"), max_length=20, blank=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner import")
        verbose_name_plural = _("partner imports")

    def __str__(self):
        return self.file_name
