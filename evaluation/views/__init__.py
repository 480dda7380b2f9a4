from .analysis import analysis, decision_create
from .imports import import_confirm, import_measurements, import_template
from .indicators import (
    contribution_create,
    evidence,
    indicator_create,
    indicator_detail,
    indicator_edit,
    indicator_target,
    indicators,
    measurement_create,
)
from .plan import plan, question_create, question_delete
from .strategy import (
    gap_edit,
    impact_create,
    impact_delete,
    objectives,
    operational_create,
    operational_edit,
    smart_check,
    strategic_create,
    strategic_edit,
    vision_edit,
)

__all__ = [
    "analysis",
    "contribution_create",
    "decision_create",
    "evidence",
    "gap_edit",
    "impact_create",
    "impact_delete",
    "import_confirm",
    "import_measurements",
    "import_template",
    "indicator_create",
    "indicator_detail",
    "indicator_edit",
    "indicator_target",
    "indicators",
    "measurement_create",
    "objectives",
    "operational_create",
    "operational_edit",
    "plan",
    "question_create",
    "question_delete",
    "smart_check",
    "strategic_create",
    "strategic_edit",
    "vision_edit",
]
