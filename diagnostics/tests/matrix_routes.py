"""Self-diagnostic URLs in the permission matrix (see core/tests/matrix.py).

Extra personas: `respondent` (a colleague chosen to answer the open campaign) and `colleague`
(a member of the association who was not chosen). The network head reads results, never the
answers of a respondent.
"""

from core.tests.matrix import ADMIN_GET, ADMIN_POST, LOGIN, READ, Route, expect
from diagnostics.models import Campaign
from diagnostics.tests.factories import finished_campaign, make_campaign, statements
from organisations.models import Role
from organisations.tests.factories import MembershipFactory


def extend_world(world):
    association = world.association
    world.users["respondent"] = MembershipFactory(association=association, role=Role.EDITOR).user
    world.users["colleague"] = MembershipFactory(association=association, role=Role.EDITOR).user
    world.objects["finished_campaign"] = finished_campaign(
        association, 3, users=[world.users["respondent"], world.users["colleague"]]
    )
    world.objects["open_campaign"] = make_campaign(association, [world.users["respondent"]])
    world.objects["first_statement"] = statements()[0]


def _with(base, **extra):
    return {**base, **extra}


# Association data, read: the staff (respondents or not) too.
READ_ALL = _with(READ, respondent=200, colleague=200)
ADMIN_GET_ALL = _with(ADMIN_GET, respondent=403, colleague=403)
ADMIN_POST_ALL = _with(ADMIN_POST, respondent=403, colleague=403)
# A respondent's own pages: the chosen colleague only. Others who see the association get 403.
RESPONDENT = _with(
    expect(403, anonymous=LOGIN, outsider=404, other_network_head=404),
    respondent=200,
    colleague=403,
)


def _open(w):
    return {"pk": w.open_campaign.pk}


def _close_open_campaign(w):
    Campaign.objects.filter(pk=w.open_campaign.pk).update(status=Campaign.Status.CLOSED)


ROUTES = [
    Route("diagnostics:campaign_list", READ_ALL, kwargs=lambda w: {"pk": w.association.pk}),
    Route("diagnostics:campaign_open", ADMIN_GET_ALL, kwargs=lambda w: {"pk": w.association.pk}),
    Route(
        "diagnostics:campaign_open",
        ADMIN_POST_ALL,
        kwargs=lambda w: {"pk": w.association.pk},
        method="post",
        data=lambda w: {"respondents": [w.users["colleague"].pk]},
        setup=_close_open_campaign,
    ),
    Route(
        "diagnostics:campaign_detail",
        {**READ_ALL, "left_network_head": 404},
        kwargs=lambda w: {"pk": w.finished_campaign.pk},
        label="results",
    ),
    Route(
        "diagnostics:campaign_detail",
        READ_ALL,
        kwargs=_open,
        label="in-progress",
    ),
    Route("diagnostics:add_respondents", ADMIN_GET_ALL, kwargs=_open),
    Route(
        "diagnostics:add_respondents",
        ADMIN_POST_ALL,
        kwargs=_open,
        method="post",
        data=lambda w: {"respondents": [w.users["colleague"].pk]},
    ),
    Route("diagnostics:campaign_close", ADMIN_POST_ALL, kwargs=_open, method="post"),
    Route("diagnostics:answer_resume", _with(RESPONDENT, respondent=302), kwargs=_open),
    Route(
        "diagnostics:answer_axis",
        RESPONDENT,
        kwargs=lambda w: {"pk": w.open_campaign.pk, "position": 2},
    ),
    Route(
        "diagnostics:answer_axis",
        _with(RESPONDENT, respondent=302),
        kwargs=lambda w: {"pk": w.open_campaign.pk, "position": 1},
        method="post",
        data=lambda w: {f"answer-{w.first_statement.pk}": "4", "go": "next"},
    ),
    Route(
        "diagnostics:autosave",
        RESPONDENT,
        kwargs=_open,
        method="post",
        data=lambda w: {f"answer-{w.first_statement.pk}": "4", "position": "1"},
    ),
    Route("diagnostics:answer_review", RESPONDENT, kwargs=_open),
    Route(
        "diagnostics:answer_review",
        _with(RESPONDENT, respondent=302),
        kwargs=_open,
        method="post",
    ),
]
