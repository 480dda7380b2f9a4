"""The registry of report kinds: what each PDF is about, how it is built and who may see it.

An app adds a kind by registering it when it starts (in its AppConfig.ready), e.g.:

    from reports.kinds import ReportKind, register

    register(ReportKind(
        code="evaluation",
        label=_("Impact evaluation report"),
        model="alliances.Alliance",              # the subject's model
        template="reports/evaluation.html",      # extends reports/base_print.html
        build_context=build_evaluation_context,  # subject -> dict (all queries happen here)
        title=lambda subject: _("Evaluation of %(name)s") % {"name": subject.title},
        filename=lambda subject, report: f"evaluation-{slugify(subject.title)}.pdf",
        check_access=alliance_report_access,     # (request, subject, write) -> raises 404/403
        select_related=("lead",),                # optional
        subject_url=lambda subject: reverse("alliances:alliance_detail", args=[subject.pk]),
        changed_at=evaluation_changed_at,         # optional, subject -> datetime
        bulk_subjects=alliances_of_associations,  # optional, for bulk exports
        check_share=lead_admins_only,             # optional, who makes share links
    ))

The pipeline (reports.tasks.render_report) only knows this interface.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps


@dataclass(frozen=True)
class ReportKind:
    code: str
    label: str
    model: str  # "app_label.ModelName" of the subject
    template: str
    build_context: Callable[[Any], dict]
    title: Callable[[Any], str]
    filename: Callable[[Any, Any], str]
    # check_access(request, subject, write=False): raise Http404 (unseen) / PermissionDenied.
    check_access: Callable[..., Any]
    # select_related for fetching the subject in views and in the task.
    select_related: tuple[str, ...] = ()
    # The subject's page, for links back from the reports list (optional).
    subject_url: Callable[[Any], str] | None = None
    # When the data of the subject last changed (optional): a READY report whose data were read
    # after that moment is still current and is reused by bulk exports. Without it, never reused.
    changed_at: Callable[[Any], Any] | None = None
    # For bulk exports (optional): association ids -> [(association id, subject)], what to
    # export for each association. Without it, the kind cannot be exported in bulk.
    bulk_subjects: Callable[[list[int]], list[tuple[int, Any]]] | None = None
    # Who may hand a ready report over with a share link (optional): check_share(request,
    # subject) raises Http404 / PermissionDenied. Without it, whoever may ask for the report.
    check_share: Callable[..., Any] | None = None
    # A record, not a copy made again on demand (a convention's accepted text): the retention
    # of report files never deletes it.
    kept_for_good: bool = False

    def check_share_access(self, request, subject):
        if self.check_share is None:
            return self.check_access(request, subject, write=True)
        return self.check_share(request, subject)

    def model_class(self):
        return apps.get_model(self.model)

    def get_subject(self, object_id):
        model = self.model_class()
        return model.objects.select_related(*self.select_related).get(pk=object_id)


_REGISTRY: dict[str, ReportKind] = {}


def register(kind: ReportKind) -> ReportKind:
    existing = _REGISTRY.get(kind.code)
    if existing is not None and existing != kind:
        raise ValueError(f"Report kind {kind.code!r} is registered twice.")
    _REGISTRY[kind.code] = kind
    return kind


def bulk_kinds() -> list[str]:
    return [code for code, kind in _REGISTRY.items() if kind.bulk_subjects is not None]


def kept_kinds() -> list[str]:
    return [code for code, kind in _REGISTRY.items() if kind.kept_for_good]


def get_kind(code: str) -> ReportKind:
    """The kind, or KeyError."""
    return _REGISTRY[code]
