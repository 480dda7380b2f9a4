"""Thin tasks: the work is in export.py and retention.py."""

from celery import shared_task


@shared_task(acks_late=True)
def build_association_export(export_id: int):
    from .export import build

    build(export_id)


@shared_task
def apply_retention():
    from .retention import apply_retention as apply

    return apply()
