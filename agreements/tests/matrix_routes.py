"""Every URL of the conventions' versions × every persona. The world gains a convention of the
matrix's alliance whose parties are the lead and the partner of the partners' space guests
(version 1 sent), and another accepted by both with its frozen PDF ready."""

from django.core.files.base import ContentFile

from agreements import services
from agreements.models import Decision
from alliances.demo import simple_pdf
from alliances.tests.factories import ConventionFactory
from core.tests.matrix import LOGIN, READ, WRITE_GET, WRITE_POST, Route, expect
from partnerspace.tests.matrix_routes import GUEST_READ, GUEST_WRITE_GET, GUEST_WRITE_POST
from reports.models import Report

from .factories import ConventionPartyFactory

# Answering for the lead's party: the lead's admins only; for anyone else it is not there.
LEAD_ANSWER_GET = expect(404, anonymous=LOGIN, assoc_admin=200)
LEAD_ANSWER_POST = expect(404, anonymous=LOGIN, assoc_admin=302)


def _negotiated(world, title):
    convention = ConventionFactory(alliance=world.alliance, title=title)
    lead = ConventionPartyFactory(convention=convention, association=world.association)
    partner = ConventionPartyFactory(convention=convention, partner=world.alliance_partner)
    services.save_draft(
        convention=convention,
        articles=[
            dict(a, text=a["text"] or "Texte") for a in services.starting_articles(convention)
        ],
        by=world.assoc_admin,
    )
    version = services.send_version(convention=convention, by=world.assoc_admin)
    return convention, version, lead, partner


def extend_world(world):
    convention, _version, lead, _partner = _negotiated(world, "Convention en négociation")
    world.objects["agreement"] = convention
    world.objects["agreement_lead_party"] = lead
    accepted, version, lead, partner = _negotiated(world, "Convention acceptée")
    for party, user in ((lead, world.assoc_admin), (partner, world.guest_contributor)):
        services.answer_version(version=version, party=party, decision=Decision.ACCEPTED, by=user)
    version.refresh_from_db()
    report = version.report
    report.file.save(f"matrix-{report.pk}.pdf", ContentFile(simple_pdf(["Acceptée"])), save=False)
    report.status = Report.Status.READY
    report.save()
    world.objects["accepted_agreement"] = accepted


def _args(name="agreement"):
    return lambda w: {"pk": w.alliance.pk, "convention_pk": w.objects[name].pk}


def _version(name="agreement"):
    return lambda w: {**_args(name)(w), "number": 1}


def _draft_data(w):
    articles = services.starting_articles(w.agreement)
    data = {f"title-{i}": a["title"] for i, a in enumerate(articles)}
    data |= {f"text-{i}": "Texte revu" for i in range(len(articles))}
    return data


def _answer_data(w):
    return {"version": 1, "decision": "changes", "request-0": "Préciser l'objet"}


ROUTES = [
    Route("agreements:convention", READ, kwargs=_args()),
    Route("agreements:draft", WRITE_GET, kwargs=_args()),
    Route("agreements:draft", WRITE_POST, kwargs=_args(), method="post", data=_draft_data),
    Route("agreements:send", WRITE_POST, kwargs=_args(), method="post"),
    Route("agreements:remind", WRITE_POST, kwargs=_args(), method="post"),
    Route("agreements:version", READ, kwargs=_version()),
    Route("agreements:pdf", READ, kwargs=_version("accepted_agreement")),
    Route(
        "agreements:answer",
        LEAD_ANSWER_GET,
        kwargs=lambda w: {**_version()(w), "party_pk": w.agreement_lead_party.pk},
    ),
    Route(
        "agreements:answer",
        LEAD_ANSWER_POST,
        kwargs=lambda w: {**_version()(w), "party_pk": w.agreement_lead_party.pk},
        method="post",
        data=_answer_data,
    ),
    Route("agreements:guest_convention", GUEST_READ, kwargs=_args()),
    Route("agreements:guest_answer", GUEST_WRITE_GET, kwargs=_args()),
    Route(
        "agreements:guest_answer",
        GUEST_WRITE_POST,
        kwargs=_args(),
        method="post",
        data=_answer_data,
    ),
    Route("agreements:guest_pdf", GUEST_READ, kwargs=_args("accepted_agreement")),
]
