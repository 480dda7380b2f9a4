"""The read-only API, /api/v1/. Every list is filtered by what the token's user sees
(`scope.py`), every object reached by its id is checked as its page checks it, and every
list is paginated (`page`, `page_size` up to 100) in a constant number of queries."""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from ninja import NinjaAPI, Query, Router, Schema
from ninja.openapi.docs import Swagger
from pydantic import Field

from alliances.access import get_alliance_for_user
from alliances.models import OPEN_STATUSES, Action, ActionStatus, AllianceMember
from core.collation import FrenchOrder
from diagnostics.models import Campaign
from evaluation.models import Indicator, Measurement
from organisations.access import get_association_for_user
from organisations.models import Association, NetworkMembership

from . import scope
from .auth import TokenAuth
from .schemas import ActionOut, AllianceOut, AssociationOut, IndicatorOut, Page

MAX_PAGE_SIZE = 100


class Paging(Schema):
    page: int = Field(1, ge=1)
    page_size: int = Field(25, ge=1, le=MAX_PAGE_SIZE)


def _page(queryset, paging: Paging, serialise):
    count = queryset.count()
    start = (paging.page - 1) * paging.page_size
    rows = list(queryset[start : start + paging.page_size])
    return {
        "count": count,
        "page": paging.page,
        "page_size": paging.page_size,
        "items": serialise(rows),
    }


def _diagnostics_of(association_ids):
    return {
        campaign.association_id: {
            "campaign_id": campaign.pk,
            "closed_at": campaign.closed_at,
            "maturity_level": campaign.maturity_level,
            "scores": campaign.scores,
        }
        for campaign in Campaign.objects.filter(
            association_id__in=association_ids, is_latest=True
        ).only("pk", "association_id", "closed_at", "maturity_level", "scores")
    }


ASSOCIATION_FIELDS = [
    field for field in AssociationOut.model_fields if field != "latest_diagnostic"
]


def _associations_out(associations):
    diagnostics = _diagnostics_of([association.pk for association in associations])
    return [
        {
            **{field: getattr(association, field) for field in ASSOCIATION_FIELDS},
            "latest_diagnostic": diagnostics.get(association.pk),
        }
        for association in associations
    ]


def _alliances_out(alliances):
    out = []
    for alliance in alliances:
        summary = getattr(alliance, "summary", None)
        out.append(
            {
                "id": alliance.pk,
                "title": alliance.title,
                "territory": alliance.territory,
                "lead_id": alliance.lead_id,
                "lead_name": alliance.lead.name,
                "current_step": summary.current_step if summary else None,
                "late_actions": summary.late_actions if summary else 0,
                "ending_conventions": summary.ending_conventions if summary else 0,
                "off_track_indicators": summary.off_track_indicators if summary else 0,
                "created_at": alliance.created_at,
                "updated_at": alliance.updated_at,
            }
        )
    return out


def _indicators_out(indicators):
    latest = Measurement.objects.latest_per_indicator(
        [indicator.pk for indicator in indicators], timezone.localdate()
    )
    out = []
    for indicator in indicators:
        measurement = latest.get(indicator.pk)
        out.append(
            {
                "id": indicator.pk,
                "alliance_id": indicator.alliance_id,
                "name": indicator.name,
                "kind": indicator.kind,
                "unit": indicator.unit,
                "direction": indicator.direction,
                "baseline": indicator.baseline,
                "target": indicator.target,
                "target_date": indicator.target_date,
                "frequency": indicator.frequency,
                "latest_measurement": (
                    {"date": measurement.date, "value": measurement.value} if measurement else None
                ),
            }
        )
    return out


def _actions_out(actions):
    today = timezone.localdate()
    return [
        {
            "id": action.pk,
            "alliance_id": action.alliance_id,
            "title": action.title,
            "status": action.status,
            "progress": action.progress,
            "start_date": action.start_date,
            "due_date": action.due_date,
            "late": action.status in OPEN_STATUSES
            and action.due_date is not None
            and action.due_date < today,
        }
        for action in actions
    ]


router = Router(tags=["data"])


class AssociationFilters(Schema):
    q: str | None = Field(None, description="Part of the name.")
    department: str | None = Field(None, description="Department code, e.g. 69 or 2A.")
    sector: str | None = None
    network: int | None = Field(
        None, description="Only the active members of this network (one you head)."
    )
    maturity_level: int | None = Field(None, ge=1, le=4)


@router.get(
    "/associations",
    response=Page[AssociationOut],
    url_name="associations",
    summary="Associations you see, with their latest diagnostic",
)
def list_associations(request, filters: Query[AssociationFilters], paging: Query[Paging]):
    """Your associations; for a network head, the active members of their networks."""
    associations = scope.visible_associations(request.user, Association.objects.all())
    if filters.q:
        associations = associations.filter(name__icontains=filters.q)
    if filters.department:
        associations = associations.filter(department=filters.department)
    if filters.sector:
        associations = associations.filter(sector=filters.sector)
    if filters.network is not None:
        associations = associations.filter(
            network_memberships__network_id=filters.network,
            network_memberships__state=NetworkMembership.State.ACTIVE,
        )
    if filters.maturity_level is not None:
        associations = associations.filter(
            diagnostic_campaigns__is_latest=True,
            diagnostic_campaigns__maturity_level=filters.maturity_level,
        )
    return _page(associations.order_by(FrenchOrder("name"), "pk"), paging, _associations_out)


@router.get(
    "/associations/{association_id}",
    response=AssociationOut,
    url_name="association",
    summary="One association, with its latest diagnostic",
)
def get_association(request, association_id: int):
    association, _capability = get_association_for_user(request, association_id)
    return _associations_out([association])[0]


class AllianceFilters(Schema):
    q: str | None = Field(None, description="Part of the title.")
    association: int | None = Field(None, description="Led or joined by this association.")
    step: int | None = Field(None, ge=1, le=5, description="The current step.")


def _alliances(request):
    return scope.visible_alliances(request.user).select_related("lead", "summary")


@router.get(
    "/alliances",
    response=Page[AllianceOut],
    url_name="alliances",
    summary="Alliances you see, with their current step",
)
def list_alliances(request, filters: Query[AllianceFilters], paging: Query[Paging]):
    alliances = _alliances(request)
    if filters.q:
        alliances = alliances.filter(title__icontains=filters.q)
    if filters.association is not None:
        alliances = alliances.filter(
            Q(lead_id=filters.association)
            | Q(
                members__association_id=filters.association,
                members__state=AllianceMember.State.ACTIVE,
            )
        ).distinct()
    if filters.step is not None:
        alliances = alliances.filter(summary__current_step=filters.step)
    return _page(alliances.order_by("-updated_at", "pk"), paging, _alliances_out)


@router.get(
    "/alliances/{alliance_id}",
    response=AllianceOut,
    url_name="alliance",
    summary="One alliance, with its current step",
)
def get_alliance(request, alliance_id: int):
    alliance, _capability = get_alliance_for_user(request, alliance_id)
    return _alliances_out([alliance])[0]


class AllianceItemFilters(Schema):
    alliance: int | None = None


class IndicatorFilters(AllianceItemFilters):
    off_track: bool | None = Field(None, description="Only indicators off their schedule.")


@router.get(
    "/indicators",
    response=Page[IndicatorOut],
    url_name="indicators",
    summary="Indicators of the alliances you see, with their latest measurement",
)
def list_indicators(request, filters: Query[IndicatorFilters], paging: Query[Paging]):
    indicators = Indicator.objects.filter(alliance__in=_alliances(request).values("pk"))
    if filters.alliance is not None:
        indicators = indicators.filter(alliance_id=filters.alliance)
    if filters.off_track is not None:
        indicators = indicators.filter(status__off_track=filters.off_track)
    return _page(
        indicators.order_by("alliance_id", FrenchOrder("name"), "pk"), paging, _indicators_out
    )


class ActionFilters(AllianceItemFilters):
    status: ActionStatus | None = None
    late: bool | None = Field(None, description="Open actions past their due date.")


@router.get(
    "/actions",
    response=Page[ActionOut],
    url_name="actions",
    summary="Actions of the alliances you see",
)
def list_actions(request, filters: Query[ActionFilters], paging: Query[Paging]):
    actions = Action.objects.filter(alliance__in=_alliances(request).values("pk"))
    if filters.alliance is not None:
        actions = actions.filter(alliance_id=filters.alliance)
    if filters.status is not None:
        actions = actions.filter(status=filters.status)
    if filters.late is not None:
        late = Action.objects.late().values("pk")
        actions = actions.filter(pk__in=late) if filters.late else actions.exclude(pk__in=late)
    return _page(actions.order_by("due_date", "pk"), paging, _actions_out)


api = NinjaAPI(
    title="Faire Alliance",
    version="1",
    description=(
        "Read-only data of the associations, alliances, indicators and actions your account "
        "sees. Authenticate with a personal token created in « Mon compte »: "
        "`Authorization: Bearer fa_…`. At most API_REQUESTS_PER_MINUTE requests a minute per "
        "token (429 beyond)."
    ).replace("API_REQUESTS_PER_MINUTE", str(settings.API_REQUESTS_PER_MINUTE)),
    auth=TokenAuth(),
    urls_namespace="api",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("/", router)
