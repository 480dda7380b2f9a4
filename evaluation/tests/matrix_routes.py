"""Every evaluation URL × every persona. The world gains an alliance led by the association, with
a vision, a partner, objectives, an indicator with measurements and attached evidence."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from alliances.tests.factories import AllianceFactory, AlliancePartnerFactory
from core.tests.matrix import READ, WRITE_GET, WRITE_POST, Route, expect
from evaluation.models import EvaluativeQuestion, ExpectedImpact, ImpactType, Measurement
from reports.models import Report

from .factories import (
    IndicatorFactory,
    MeasurementFactory,
    OperationalObjectiveFactory,
    StrategicObjectiveFactory,
    VisionFactory,
)

# A write endpoint that answers a fragment (200) rather than a redirect.
WRITE_FRAGMENT = expect(
    404,
    anonymous=302,
    reader=403,
    editor=200,
    assoc_admin=200,
    network_head=403,
    platform_admin=403,
)


def extend_world(world):
    alliance = AllianceFactory(lead=world.association, title="Alliance Témoin")
    world.objects["eval_alliance"] = alliance
    world.objects["eval_partner"] = AlliancePartnerFactory(alliance=alliance)
    VisionFactory(alliance=alliance)
    strategic = StrategicObjectiveFactory(alliance=alliance)
    world.objects["eval_strategic"] = strategic
    world.objects["eval_impact"] = ExpectedImpact.objects.create(
        objective=strategic, impact_type=ImpactType.PERFORMANCE, description="Des économies."
    )
    operational = OperationalObjectiveFactory(strategic_objective=strategic)
    world.objects["eval_operational"] = operational
    indicator = IndicatorFactory(alliance=alliance)
    indicator.objectives.add(operational)
    world.objects["eval_indicator"] = indicator
    MeasurementFactory(indicator=indicator)
    evidence = Measurement(indicator=indicator, date=dt.date(2026, 2, 28), evidence_text="Bilan")
    evidence.evidence_file.save("bilan.pdf", ContentFile(b"%PDF-1.4 preuve"), save=False)
    evidence.save()
    world.objects["eval_evidence"] = evidence
    world.objects["eval_question"] = EvaluativeQuestion.objects.create(
        alliance=alliance, text="L'alliance atteint-elle ses objectifs ?"
    )
    name = default_storage.save("reports/test/evaluation.pdf", ContentFile(b"%PDF-1.4 test"))
    world.objects["eval_report"] = Report.objects.create(
        kind="evaluation",
        content_type=ContentType.objects.get_for_model(alliance),
        object_id=alliance.pk,
        status=Report.Status.READY,
        file=name,
    )


def _a(w):
    return {"pk": w.eval_alliance.pk}


def _strategic(w):
    return {"pk": w.eval_alliance.pk, "objective_pk": w.eval_strategic.pk}


def _operational(w):
    return {"pk": w.eval_alliance.pk, "objective_pk": w.eval_operational.pk}


def _indicator(w):
    return {"pk": w.eval_alliance.pk, "indicator_pk": w.eval_indicator.pk}


def _post(name, kwargs, data, expectation=WRITE_POST, label=""):
    return Route(
        f"evaluation:{name}", expectation, kwargs=kwargs, method="post", data=data, label=label
    )


ROUTES = [
    Route("evaluation:objectives", READ, kwargs=_a),
    Route("evaluation:vision_edit", WRITE_GET, kwargs=_a),
    _post(
        "vision_edit",
        _a,
        lambda w: {
            "statement": "Une vision partagée.",
            "horizon_start": "2025-09-01",
            "horizon_end": "2029-08-31",
        },
    ),
    Route(
        "evaluation:gap_edit",
        WRITE_GET,
        kwargs=lambda w: {"pk": w.eval_alliance.pk, "partner_pk": w.eval_partner.pk},
    ),
    _post(
        "gap_edit",
        lambda w: {"pk": w.eval_alliance.pk, "partner_pk": w.eval_partner.pk},
        lambda w: {"expectations": "Des économies.", "differences": ""},
    ),
    Route("evaluation:strategic_create", WRITE_GET, kwargs=_a),
    _post("strategic_create", _a, lambda w: {"title": "Nouvel objectif", "priority": "2"}),
    Route("evaluation:strategic_edit", WRITE_GET, kwargs=_strategic),
    _post("strategic_edit", _strategic, lambda w: {"title": "Objectif revu", "priority": "1"}),
    Route("evaluation:impact_create", WRITE_GET, kwargs=_strategic),
    _post(
        "impact_create",
        _strategic,
        lambda w: {"impact_type": "innovation", "description": "Un modèle essaimable."},
    ),
    _post(
        "impact_delete",
        lambda w: {"pk": w.eval_alliance.pk, "impact_pk": w.eval_impact.pk},
        lambda w: {},
    ),
    Route("evaluation:operational_create", WRITE_GET, kwargs=_strategic),
    _post(
        "operational_create",
        _strategic,
        lambda w: {
            "strategic_objective": w.eval_strategic.pk,
            "dimension": "means",
            "statement": "Former 40 bénévoles d'ici fin 2026.",
            "new_indicator_direction": "increase",
            "save_anyway": "1",  # not SMART: saved on the confirmation
        },
    ),
    Route("evaluation:operational_edit", WRITE_GET, kwargs=_operational),
    _post(
        "operational_edit",
        _operational,
        lambda w: {
            "strategic_objective": w.eval_strategic.pk,
            "dimension": "means",
            "statement": "Objectif revu.",
            "new_indicator_direction": "increase",
            "save_anyway": "1",
        },
    ),
    _post(
        "smart_check",
        _a,
        lambda w: {"statement": "Améliorer la communication"},
        expectation=WRITE_FRAGMENT,
    ),
    Route("evaluation:plan", READ, kwargs=_a),
    _post("plan", _a, lambda w: {"purpose_track": "on", "notes": ""}),
    Route("evaluation:question_create", WRITE_GET, kwargs=_a),
    _post("question_create", _a, lambda w: {"text": "Les activités produisent-elles des effets ?"}),
    _post(
        "question_delete",
        lambda w: {"pk": w.eval_alliance.pk, "question_pk": w.eval_question.pk},
        lambda w: {},
    ),
    Route("evaluation:indicators", READ, kwargs=_a),
    Route("evaluation:indicator_create", WRITE_GET, kwargs=_a),
    _post(
        "indicator_create",
        _a,
        lambda w: {
            "name": "Bénévoles formés",
            "kind": "activities",
            "unit": "personnes",
            "direction": "increase",
            "baseline": "0",
            "target": "40",
            "frequency": "quarterly",
            "data_source": "member_systems",
            "method": "quantitative",
        },
    ),
    Route("evaluation:indicator_detail", READ, kwargs=_indicator),
    Route("evaluation:indicator_edit", WRITE_GET, kwargs=_indicator),
    _post(
        "indicator_edit",
        _indicator,
        lambda w: {
            "name": "Coûts administratifs",
            "kind": "results",
            "unit": "€",
            "direction": "decrease",
            "baseline": "400000",
            "frequency": "monthly",
            "data_source": "member_systems",
            "method": "quantitative",
        },
    ),
    Route("evaluation:indicator_target", WRITE_GET, kwargs=_indicator),
    _post(
        "indicator_target",
        _indicator,
        lambda w: {
            "target": "350000",
            "target_date": "2026-09-30",
            "reason": "Un membre a quitté l'alliance en cours d'année.",
        },
    ),
    Route("evaluation:measurement_create", WRITE_GET, kwargs=_indicator),
    _post(
        "measurement_create",
        _indicator,
        lambda w: {"date": "2026-03-31", "value": "385 000", "source": "Comptabilité"},
    ),
    Route("evaluation:contribution_create", WRITE_GET, kwargs=_indicator),
    _post(
        "contribution_create",
        _indicator,
        lambda w: {
            "contributor": f"partner-{w.eval_partner.pk}",
            "date": "2026-03-31",
            "value": "12000",
        },
    ),
    Route(
        "evaluation:evidence",
        READ,
        kwargs=lambda w: {"pk": w.eval_alliance.pk, "measurement_pk": w.eval_evidence.pk},
    ),
    _post(
        "measurement_delete",
        lambda w: {"pk": w.eval_alliance.pk, "measurement_pk": w.eval_evidence.pk},
        lambda w: {},
    ),
    _post("operational_delete", _operational, lambda w: {}),
    Route("evaluation:import_measurements", WRITE_GET, kwargs=_a),
    _post("import_confirm", _a, lambda w: {"token": "expired"}),
    Route("evaluation:import_template", READ, kwargs=_a),
    Route("evaluation:analysis", READ, kwargs=_a),
    _post("analysis", _a, lambda w: {"strengths": "Un comité régulier."}),
    _post(
        "decision_create",
        _a,
        lambda w: {
            "text": "Ouvrir une permanence.",
            "decided_on": "2026-11-18",
            "create_action": "on",
            "action_title": "Ouvrir une permanence",
        },
    ),
    # The impact evaluation report, through the generic report pages.
    Route(
        "reports:list",
        READ,
        kwargs=lambda w: {"kind": "evaluation", "object_id": w.eval_alliance.pk},
        label="evaluation",
    ),
    Route(
        "reports:request",
        WRITE_POST,
        kwargs=lambda w: {"kind": "evaluation", "object_id": w.eval_alliance.pk},
        method="post",
        label="evaluation",
    ),
    Route("reports:download", READ, kwargs=lambda w: {"pk": w.eval_report.pk}, label="evaluation"),
]
