"""Health check questionnaire versions as data files (one JSON file per version), and their
loader. A version's axes and statements are read from its stored `data`."""

import json
from pathlib import Path

from django.utils import timezone

DIRECTORY = Path(__file__).resolve().parent


def read(code: str) -> dict:
    return json.loads((DIRECTORY / f"{code}.json").read_text(encoding="utf-8"))


def load(data: dict, *, model=None, publish=True):
    """Create the version described by `data` unless it exists already (idempotent). `model`
    lets a data migration pass its historical model."""
    if model is None:
        from healthchecks.models import HealthQuestionnaire as model
    existing = model.objects.filter(code=data["version"]).first()
    if existing is not None:
        return existing
    return model.objects.create(
        code=data["version"],
        title=data["title"],
        introduction=data.get("introduction", ""),
        data={key: data[key] for key in ("answer_scale", "axes")},
        published_at=timezone.now() if publish else None,
    )
