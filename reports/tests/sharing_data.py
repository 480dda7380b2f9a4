"""Ready reports with their files, made without rendering, for the share link tests."""

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from reports.models import Report

PAGE = (
    '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
    "<style>main {{ color: #1b1b1b; }}</style></head><body><!--report-web-bar-->"
    '<main id="report-content"><h1>{title}</h1><p>{text}</p></main></body></html>'
)


def ready_report(subject, *, kind="dossier", text="Version du 1er mars", pdf=b"%PDF-1.7 A"):
    name = default_storage.save("reports/test/share.pdf", ContentFile(pdf))
    html = default_storage.save(
        "reports/test/share.html",
        ContentFile(PAGE.format(title="Dossier de présentation", text=text).encode()),
    )
    return Report.objects.create(
        kind=kind,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        status=Report.Status.READY,
        title="Dossier de présentation",
        file=name,
        html_file=html,
        data_as_of=timezone.now(),
        finished_at=timezone.now(),
    )
