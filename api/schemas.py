"""What the API returns. Field names in English; texts as people wrote them."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

from ninja import Schema
from pydantic import Field

Item = TypeVar("Item")


class Page(Schema, Generic[Item]):
    count: int = Field(description="Number of items matching the filters, all pages together.")
    page: int
    page_size: int
    items: list[Item]


class Diagnostic(Schema):
    campaign_id: int
    closed_at: datetime | None
    maturity_level: int | None = Field(description="1 to 4, from the overall score.")
    scores: dict[str, Any] | None = Field(
        description="`overall` (0–100), `axes` as [code, score] pairs, `respondents`."
    )


class AssociationOut(Schema):
    id: int
    name: str
    rna: str
    siren: str
    postal_code: str
    city: str
    department: str
    sector: str
    employees: int
    volunteers: int
    budget_band: str
    latest_diagnostic: Diagnostic | None


class AllianceOut(Schema):
    id: int
    title: str
    territory: str
    lead_id: int
    lead_name: str
    current_step: int | None = Field(description="1 to 5; none before the first step starts.")
    late_actions: int
    ending_conventions: int
    off_track_indicators: int
    created_at: datetime
    updated_at: datetime


class MeasurementOut(Schema):
    date: date
    value: Decimal | None


class IndicatorOut(Schema):
    id: int
    alliance_id: int
    name: str
    kind: str
    unit: str
    direction: str
    baseline: Decimal | None
    target: Decimal | None
    target_date: date | None
    frequency: str
    latest_measurement: MeasurementOut | None


class ActionOut(Schema):
    id: int
    alliance_id: int
    title: str
    status: str
    progress: int
    start_date: date | None
    due_date: date | None
    late: bool
