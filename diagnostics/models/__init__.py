from .benchmark import NetworkBenchmark
from .campaign import Answer, Campaign, CampaignQuerySet, Respondent
from .questionnaire import (
    Axis,
    QuestionnaireLocked,
    QuestionnaireVersion,
    Recommendation,
    Statement,
)

__all__ = [
    "Answer",
    "Axis",
    "Campaign",
    "CampaignQuerySet",
    "NetworkBenchmark",
    "QuestionnaireLocked",
    "QuestionnaireVersion",
    "Recommendation",
    "Respondent",
    "Statement",
]
