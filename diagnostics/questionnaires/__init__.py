"""Questionnaire versions as data files (one JSON file per version), and their loader."""

import json
from pathlib import Path

from django.utils import timezone

DIRECTORY = Path(__file__).resolve().parent


def read(code: str) -> dict:
    return json.loads((DIRECTORY / f"{code}.json").read_text(encoding="utf-8"))


def load(data: dict, *, models=None, publish=True):
    """Create the version described by `data` unless it exists already (idempotent).

    `models` lets a data migration pass its historical models: (Version, Axis, Statement,
    Recommendation). Returns the version.
    """
    if models is None:
        from diagnostics.models import Axis, QuestionnaireVersion, Recommendation, Statement

        models = (QuestionnaireVersion, Axis, Statement, Recommendation)
    Version, Axis, Statement, Recommendation = models
    existing = Version.objects.filter(code=data["version"]).first()
    if existing is not None:
        return existing
    version = Version.objects.create(
        code=data["version"],
        title=data["title"],
        introduction=data.get("introduction", ""),
        data={key: data[key] for key in ("answer_scale", "bands", "maturity_levels")},
        published_at=timezone.now() if publish else None,
    )
    for axis_position, axis_data in enumerate(data["axes"], start=1):
        axis = Axis.objects.create(
            version=version,
            code=axis_data["code"],
            position=axis_position,
            title=axis_data["title"],
            description=axis_data.get("description", ""),
            help_link=axis_data.get("help_link", ""),
        )
        Statement.objects.bulk_create(
            Statement(axis=axis, code=s["code"], position=position, text=s["text"])
            for position, s in enumerate(axis_data["statements"], start=1)
        )
        Recommendation.objects.bulk_create(
            Recommendation(axis=axis, band=band, text=text)
            for band, text in axis_data["recommendations"].items()
        )
    return version
