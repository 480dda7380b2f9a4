"""Where an alliance stands in the five steps: pure functions over facts, no queries.

`alliances.selectors.step_facts` gathers the facts for many alliances in a constant number of
queries; `steps_for(facts)` turns them into five `StepState`s, each with the checklist of what
is still missing. Nothing blocks the user: the stepper guides, it never forbids.
"""

from dataclasses import asdict, dataclass, field, fields

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETE = "complete"

STATE_LABELS = {
    NOT_STARTED: _("Not started"),
    IN_PROGRESS: _("In progress"),
    COMPLETE: _("Complete"),
}

STEP_TITLES = {
    1: _("Internal diagnostic"),
    2: _("Formalise the project"),
    3: _("Choose the right partners"),
    4: _("Formalise by contract"),
    5: _("Conditions for collaboration"),
}


@dataclass
class StepFacts:
    """What exists for one alliance, as counts and filled texts."""

    filled: set = field(default_factory=set)  # names of the dossier's non-empty text fields
    swot_quadrants: set = field(default_factory=set)
    figures: int = 0
    candidates: int = 0
    criteria: int = 0
    unscored_candidates: int = 0
    exchanges: int = 0
    selected: int = 0
    # Selected candidates that no exchange has tested yet (one with a verdict on the
    # relationship's solidity): the proximity test is complete when there is none.
    selected_untested: int = 0
    undecided: int = 0
    conventions: int = 0
    signed_conventions: int = 0
    signed_with_document: int = 0
    signed_with_all_clauses: int = 0
    governance_bodies: int = 0
    meetings: int = 0
    internal_communication: int = 0
    external_communication: int = 0
    # Health checks closed within a year (healthchecks fills it through the
    # `step_facts.add_facts` hook: this app cannot read them).
    recent_health_checks: int = 0

    def as_json(self) -> dict:
        """Plain JSON values (the sets as sorted lists), as AllianceSummary stores them."""
        data = asdict(self)
        data["filled"] = sorted(self.filled)
        data["swot_quadrants"] = sorted(self.swot_quadrants)
        return data

    @classmethod
    def from_json(cls, data) -> "StepFacts":
        """Back from `as_json`; a missing or unknown key reads as nothing there yet."""
        data = data or {}
        known = {f.name for f in fields(cls)}
        values = {name: value for name, value in data.items() if name in known}
        for name in ("filled", "swot_quadrants"):
            values[name] = set(values.get(name) or ())
        # Stored before the proximity test was asked for: every selected partner untested,
        # until the next refresh counts them (never a step 3 complete by default).
        values.setdefault("selected_untested", values.get("selected", 0))
        return cls(**values)


@dataclass
class StepState:
    number: int
    title: str
    state: str
    done: list
    missing: list

    url: str = ""  # its page, when the stepper links to it

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def complete(self):
        return self.state == COMPLETE

    @property
    def heading(self):
        """« Étape 3 · Choisir les bons partenaires »."""
        return gettext("Step %(n)s") % {"n": self.number} + f" · {self.title}"

    @property
    def summary(self):
        """Its state, and how many things are missing once it has started."""
        if not self.missing or self.state == NOT_STARTED:
            return str(self.state_label)
        missing = ngettext("%(n)s thing missing", "%(n)s things missing", len(self.missing))
        return f"{self.state_label} · {missing % {'n': len(self.missing)}}"


# Each step's checklist: (label, test on the facts). Built once: thousands of lazy labels per
# page (25 members x 5 alliances x 5 steps) used to cost the network dashboard ~100 ms.
CHECKS = {
    1: [
        (_("Strategic priorities written"), lambda f: "strategic_priorities" in f.filled),
        (_("Expectations from the alliance written"), lambda f: "expectations" in f.filled),
        (_("Way of taking part described"), lambda f: "participation_mode" in f.filled),
        (_("Strengths listed in the SWOT"), lambda f: "strength" in f.swot_quadrants),
        (_("Weaknesses listed in the SWOT"), lambda f: "weakness" in f.swot_quadrants),
        (_("Opportunities listed in the SWOT"), lambda f: "opportunity" in f.swot_quadrants),
        (_("Threats listed in the SWOT"), lambda f: "threat" in f.swot_quadrants),
        (_("Complementarities sought written"), lambda f: "complementarities" in f.filled),
    ],
    2: [
        (_("Social need qualified"), lambda f: "social_need" in f.filled),
        (_("Social need quantified with at least one figure"), lambda f: f.figures > 0),
        (_("Need for a collective answer shown"), lambda f: "collective_need" in f.filled),
        (_("Argument from analysed data written"), lambda f: "argument" in f.filled),
        (_("Key actors to mobilise named"), lambda f: "key_actors" in f.filled),
        (_("Beneficiaries' involvement described"), lambda f: "beneficiaries" in f.filled),
    ],
    3: [
        (_("At least one actor placed on the map"), lambda f: f.candidates > 0),
        (_("Selection criteria defined"), lambda f: f.criteria > 0),
        (
            _("Every candidate scored on every criterion"),
            lambda f: f.candidates > 0 and f.criteria > 0 and f.unscored_candidates == 0,
        ),
        (
            _("Proximity tested: an exchange with each selected partner, with its verdict"),
            lambda f: f.selected > 0 and f.selected_untested == 0,
        ),
        (
            _("A decision taken on every candidate"),
            lambda f: f.candidates > 0 and f.undecided == 0,
        ),
        (_("At least one partner selected"), lambda f: f.selected > 0),
    ],
    4: [
        (_("At least one convention drafted"), lambda f: f.conventions > 0),
        (_("A convention signed"), lambda f: f.signed_conventions > 0),
        (_("The signed document uploaded"), lambda f: f.signed_with_document > 0),
        (_("Every essential clause present"), lambda f: f.signed_with_all_clauses > 0),
    ],
    5: [
        (_("Shared vision written"), lambda f: "shared_vision" in f.filled),
        (
            _("Commitments, roles and decision process described"),
            lambda f: "decision_process" in f.filled,
        ),
        (_("At least one governance body"), lambda f: f.governance_bodies > 0),
        (_("At least one meeting recorded"), lambda f: f.meetings > 0),
        (_("Internal communication planned"), lambda f: f.internal_communication > 0),
        (_("External communication planned"), lambda f: f.external_communication > 0),
        (_("A health check less than a year old"), lambda f: f.recent_health_checks > 0),
    ],
}


def _checks(number, f: StepFacts):
    """(label, satisfied) pairs for one step: the checklist shown to the user."""
    if number not in CHECKS:
        raise ValueError(number)
    return [(label, bool(test(f))) for label, test in CHECKS[number]]


def step_state(number: int, facts: StepFacts) -> StepState:
    checks = _checks(number, facts)
    done = [label for label, ok in checks if ok]
    missing = [label for label, ok in checks if not ok]
    if not done:
        state = NOT_STARTED
    elif not missing:
        state = COMPLETE
    else:
        state = IN_PROGRESS
    return StepState(number, STEP_TITLES[number], state, done, missing)


def steps_for(facts: StepFacts) -> list[StepState]:
    return [step_state(number, facts) for number in STEP_TITLES]


def current_step_of(facts: StepFacts) -> int | None:
    """current_step(steps_for(facts)) without building the checklists: a network page asks it
    of ~250 alliances."""
    for number in STEP_TITLES:
        checks = CHECKS[number]
        if not checks or not all(test(facts) for _label, test in checks):
            return number
    return None


def current_step(steps: list[StepState]) -> int | None:
    """The first step not complete (None once all five are)."""
    for step in steps:
        if not step.complete:
            return step.number
    return None
