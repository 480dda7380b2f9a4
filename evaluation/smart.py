"""SMART assistant for operational objectives: pure, query-free checks.

An operational objective is assessed on the five SMART criteria (source 003, section 4: Spécifique,
Mesurable, Atteignable, Réaliste, Temporellement défini). Each criterion gives ``met`` plus a stable
``code`` (what tests, templates and JavaScript key on) and a lazy, translatable ``message``.

Rules, criterion by criterion:

* specific — the user names *who* is concerned and *what* changes, each with some substance.
  A text is *vague* when, once articles and prepositions are dropped, it holds no figure (digit or
  French number word such as « cinq », « doubler ») and no concrete word: only generic verbs
  (« améliorer », « développer », « renforcer », « favoriser », « optimiser »...), generic nouns
  (« la communication », « les choses », « les partenariats », « la visibilité »...) and generic
  qualifiers (« mieux », « interne », « local »...). A *what* also needs two meaningful words unless
  it holds a figure (« Formations » alone says what, not what changes). A *who* made only of generic
  actors (« tout le monde », « le public », « les bénéficiaires ») is vague; « les partenaires » or
  « les membres » is accepted once at least one partner is selected on the objective
  (``partner_count >= 1``), because the selection names them.
* measurable — an indicator with a name, a unit, a numeric baseline and a numeric target that
  differs from the baseline and lies on the side of it the expected direction says (a target
  below the baseline with « Hausse » is a mistake, and the reverse).
* achievable / realistic — the user's own judgement: ``True`` with a justification of at least
  15 characters and 3 distinct words (the means available, the delay...).
* time_bound — a deadline, strictly after the start date when one is given, and within the strategic
  objective's horizon when one is given. The deadline may lie in the past: objectives are also
  entered after the fact (the source's example is dated July 2026). A deadline that the statement
  contradicts (« d'ici juin 2027 » written, 30/06/2032 typed) is flagged: see
  ``contradicted_deadline``.

``hints_from_statement`` reads the free statement to suggest values for the form (see its
docstring).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

INCREASE = "increase"
DECREASE = "decrease"

SPECIFIC = "specific"
MEASURABLE = "measurable"
ACHIEVABLE = "achievable"
REALISTIC = "realistic"
TIME_BOUND = "time_bound"
CRITERIA = (SPECIFIC, MEASURABLE, ACHIEVABLE, REALISTIC, TIME_BOUND)

CRITERION_LABELS = {
    SPECIFIC: _("Specific"),
    MEASURABLE: _("Measurable"),
    ACHIEVABLE: _("Achievable"),
    REALISTIC: _("Realistic"),
    TIME_BOUND: _("Time-bound"),
}

OK = "ok"

MESSAGES = {
    (SPECIFIC, "missing_scope"): _(
        "Name who is concerned (the partners or beneficiaries) and what changes."
    ),
    (SPECIFIC, "missing_who"): _("Name who is concerned: the partners or beneficiaries."),
    (SPECIFIC, "vague_who"): _(
        "Say precisely who is concerned: which partners, which beneficiaries, how many. "
        "“Everyone” or “the public” is too vague."
    ),
    (SPECIFIC, "missing_what"): _(
        "Say what changes: the activity, service or situation concerned."
    ),
    (SPECIFIC, "vague_what"): _(
        "What changes is too vague: a general verb such as “improve” or “develop” needs a precise "
        "object (which service, which activity, how much)."
    ),
    (SPECIFIC, OK): _("Specific: who is concerned and what changes are named."),
    (MEASURABLE, "no_indicator"): _(
        "Choose an indicator that will show whether the objective is met."
    ),
    (MEASURABLE, "no_indicator_name"): _("Give the indicator a name."),
    (MEASURABLE, "no_unit"): _("Give the indicator's unit (€, %, people, hours…)."),
    (MEASURABLE, "no_baseline"): _(
        "Enter the baseline: the indicator's value today, before the action."
    ),
    (MEASURABLE, "no_numeric_target"): _("Enter a numeric target for the indicator."),
    (MEASURABLE, "target_equals_baseline"): _(
        "The target equals the baseline: say how much the indicator should change."
    ),
    (MEASURABLE, "target_below_baseline"): _(
        "The target is below the baseline while the expected direction is « Increase »: raise "
        "the target or choose « Decrease »."
    ),
    (MEASURABLE, "target_above_baseline"): _(
        "The target is above the baseline while the expected direction is « Decrease »: lower "
        "the target or choose « Increase »."
    ),
    (MEASURABLE, OK): _("Measurable: indicator, unit, baseline and target are set."),
    (ACHIEVABLE, "not_judged"): _(
        "Say whether the objective is achievable with the means available."
    ),
    (ACHIEVABLE, "judged_not_achievable"): _(
        "You judged this objective not achievable: revise the target, the means or the deadline."
    ),
    (ACHIEVABLE, "no_justification"): _(
        "Explain in a sentence why it is achievable: which means (people, budget, skills) are "
        "available."
    ),
    (ACHIEVABLE, OK): _("Achievable: your judgement is justified."),
    (REALISTIC, "not_judged"): _(
        "Say whether the objective is realistic given the context and the time allowed."
    ),
    (REALISTIC, "judged_not_realistic"): _(
        "You judged this objective not realistic: revise the target or allow more time."
    ),
    (REALISTIC, "no_justification"): _(
        "Explain in a sentence why it is realistic: the deployment time, the context, the "
        "partners' commitments."
    ),
    (REALISTIC, OK): _("Realistic: your judgement is justified."),
    (TIME_BOUND, "no_deadline"): _("Set a deadline."),
    (TIME_BOUND, "deadline_before_start"): _("The deadline must come after the start date."),
    (TIME_BOUND, "deadline_before_horizon"): _(
        "The deadline falls before the start of the strategic objective's horizon."
    ),
    (TIME_BOUND, "deadline_after_horizon"): _(
        "The deadline falls after the strategic objective's horizon: bring it forward or extend "
        "the horizon."
    ),
    (TIME_BOUND, "deadline_contradicts_statement"): _(
        "The objective says « %(text)s » but the deadline is %(deadline)s: make them agree."
    ),
    (TIME_BOUND, OK): _("Time-bound: the deadline falls within the strategic horizon."),
}

# A message with its values, still translated when shown (not when assessed).
_interpolated = lazy(lambda message, params: str(message) % params, str)

JUSTIFICATION_MIN_CHARS = 15
JUSTIFICATION_MIN_WORDS = 3


# --- input and output ----------------------------------------------------------------------------


@dataclass
class IndicatorDraft:
    name: str = ""
    unit: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    direction: str | None = None  # "increase" / "decrease"; None: not said


@dataclass
class ObjectiveDraft:
    """What the objective form gives, possibly half filled while the user types."""

    statement: str = ""
    scope_who: str = ""
    scope_what: str = ""
    partner_count: int = 0
    indicator: IndicatorDraft | None = None
    start_date: dt.date | None = None
    deadline: dt.date | None = None
    achievable: bool | None = None
    achievable_justification: str = ""
    realistic: bool | None = None
    realistic_justification: str = ""


@dataclass(frozen=True)
class CriterionResult:
    key: str
    met: bool
    code: str
    message: object  # a lazy translatable string
    codes: tuple[str, ...] = ()  # every problem found, the first being ``code``; () when met

    @property
    def label(self):
        return CRITERION_LABELS[self.key]


@dataclass(frozen=True)
class SmartAssessment:
    criteria: tuple[CriterionResult, ...]  # always the five, in SMART order

    @property
    def is_smart(self) -> bool:
        return all(c.met for c in self.criteria)

    @property
    def missing(self) -> list[str]:
        return [c.key for c in self.criteria if not c.met]

    @property
    def met_count(self) -> int:
        return sum(1 for c in self.criteria if c.met)

    def __getitem__(self, key: str) -> CriterionResult:
        for criterion in self.criteria:
            if criterion.key == key:
                return criterion
        raise KeyError(key)


# --- words -------------------------------------------------------------------------------------


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS = _wordset(
    """
    le la les l un une des de du d et ou en a au aux pour par sur avec dans chez vers sans sous
    ce cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes ton ta tes
    qui que qu dont y se s ne pas n afin ainsi mais donc car etc
    """
)

# Generic verbs, matched as word prefixes so that « améliorer », « amélioration », « améliorée »
# are caught alike.
_VAGUE_STEMS = (
    "amelior", "develop", "renforc", "favoris", "optimis", "promouv", "promot", "dynamis",
    "redynamis", "consolid", "valoris", "facilit", "encourag", "soutien", "souten", "accompagn",
    "perfection", "boost", "accroi", "accru", "augment", "diminu", "redui", "reduct", "baiss",
    "amplifi", "intensifi", "elarg", "structur", "mobilis", "mutualis", "perennis",
    "fluidifi", "simplifi", "moderni", "harmonis", "clarifi", "travaill", "contribu", "particip",
)  # fmt: skip

_GENERIC_WORDS = _wordset(
    """
    communication chose partenariat cooperation collaboration relation lien echange visibilite
    qualite efficacite efficience performance fonctionnement organisation dynamique situation
    action activite projet pratique service impact gouvernance travail strategie coordination
    synergie engagement implication reseau territoire alliance association membre partenaire
    acteur structure public monde gens niveau cadre place maniere facon moyen ressource resultat
    objectif mission image notoriete presence vie sujet domaine aspect point question mise oeuvre
    ensemble faire bouger agir mettre aller etre avoir rendre permettre pouvoir
    meilleur meilleure mieux plus davantage bon bonne global globale general generale interne
    externe local locaux locale territorial territoriaux territoriale collectif collective
    commun commune nouveau nouvelle nouveaux divers diverse different differente certain
    possible efficace durable fort forte grand grande beaucoup encore toujours vraiment tout tous
    toute toutes entre notamment
    """
)

_GENERIC_WHO = _wordset(
    """
    tout tous toute toutes monde chacun nous on public gens population personne habitant usager
    beneficiaire cible acteur partenaire membre association structure organisation alliance
    reseau territoire interne externe local locaux locale concerne concernee divers different
    ensemble partie prenante interesse autre
    """
)

# Actors that the partners selected on the objective make precise.
_PARTNER_WORDS = _wordset("partenaire membre association structure organisation alliance")

_NUMBER_WORDS = _wordset(
    """
    deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt
    trente quarante cinquante soixante cent cents mille million millions milliard moitie tiers
    quart double doubler triple tripler
    """
)


def _fold(text: str) -> str:
    """Lowercase, without accents, apostrophes as spaces: « L'Été » -> « l ete »."""
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower()


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _fold(text))


def _singular(token: str) -> str:
    if len(token) > 3 and token.endswith(("s", "x")) and not token.endswith("ss"):
        return token[:-1]
    return token


def _has_figure(tokens: list[str]) -> bool:
    return any(t.isdigit() or t in _NUMBER_WORDS for t in tokens)


def _content_tokens(tokens: list[str]) -> list[str]:
    return [t for t in tokens if t not in _STOPWORDS and (len(t) > 1 or t.isdigit())]


def _is_generic(token: str) -> bool:
    word = _singular(token)
    return word in _GENERIC_WORDS or token in _GENERIC_WORDS or token.startswith(_VAGUE_STEMS)


def is_vague_what(text: str) -> bool:
    """True when « what changes » names no figure and no concrete object (see module docstring)."""
    tokens = _tokens(text)
    if _has_figure(tokens):
        return False
    content = _content_tokens(tokens)
    concrete = [t for t in content if not _is_generic(t)]
    return not concrete or len(content) < 2


def is_vague_who(text: str, partner_count: int = 0) -> bool:
    """True when « who is concerned » only names generic actors (see module docstring)."""
    tokens = _tokens(text)
    if _has_figure(tokens):
        return False
    for token in _content_tokens(tokens):
        word = _singular(token)
        if word in _PARTNER_WORDS and partner_count >= 1:
            return False
        if word not in _GENERIC_WHO and token not in _GENERIC_WHO:
            return False
    return True


def is_substantial_justification(text: str) -> bool:
    """At least 15 characters and 3 distinct words: enough to say which means or which delay."""
    cleaned = (text or "").strip()
    words = {t for t in _tokens(cleaned) if len(t) > 1 or t.isdigit()}
    return len(cleaned) >= JUSTIFICATION_MIN_CHARS and len(words) >= JUSTIFICATION_MIN_WORDS


# --- assessment --------------------------------------------------------------------------------


def _as_decimal(value) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        raise TypeError("use Decimal, not float, for indicator values")
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _result(
    key: str, codes: list[str], message_code: str | None = None, params: dict | None = None
) -> CriterionResult:
    if not codes:
        return CriterionResult(key, True, OK, MESSAGES[(key, OK)], ())
    message = MESSAGES[(key, message_code or codes[0])]
    if params:
        message = _interpolated(message, params)
    return CriterionResult(key, False, codes[0], message, tuple(codes))


def _assess_specific(draft: ObjectiveDraft) -> CriterionResult:
    codes = []
    if not (draft.scope_who or "").strip():
        codes.append("missing_who")
    elif is_vague_who(draft.scope_who, draft.partner_count or 0):
        codes.append("vague_who")
    if not (draft.scope_what or "").strip():
        codes.append("missing_what")
    elif is_vague_what(draft.scope_what):
        codes.append("vague_what")
    # Nothing named yet: one message asks for both (the code stays "missing_who").
    both_missing = codes == ["missing_who", "missing_what"]
    return _result(SPECIFIC, codes, "missing_scope" if both_missing else None)


def _assess_measurable(draft: ObjectiveDraft) -> CriterionResult:
    indicator = draft.indicator
    if indicator is None:
        return _result(MEASURABLE, ["no_indicator"])
    codes = []
    if not (indicator.name or "").strip():
        codes.append("no_indicator_name")
    if not (indicator.unit or "").strip():
        codes.append("no_unit")
    baseline = _as_decimal(indicator.baseline)
    target = _as_decimal(indicator.target)
    if baseline is None:
        codes.append("no_baseline")
    if target is None:
        codes.append("no_numeric_target")
    if baseline is not None and target is not None:
        if baseline == target:
            codes.append("target_equals_baseline")
        elif indicator.direction == INCREASE and target < baseline:
            codes.append("target_below_baseline")
        elif indicator.direction == DECREASE and target > baseline:
            codes.append("target_above_baseline")
    return _result(MEASURABLE, codes)


def _assess_judgement(key: str, judged: bool | None, justification: str) -> CriterionResult:
    if judged is None:
        return _result(key, ["not_judged"])
    if judged is False:
        return _result(key, [f"judged_not_{key}"])
    if not is_substantial_justification(justification):
        return _result(key, ["no_justification"])
    return _result(key, [])


def _assess_time_bound(
    draft: ObjectiveDraft, horizon_start: dt.date | None, horizon_end: dt.date | None
) -> CriterionResult:
    deadline = draft.deadline
    if deadline is None:
        return _result(TIME_BOUND, ["no_deadline"])
    codes = []
    if draft.start_date is not None and deadline <= draft.start_date:
        codes.append("deadline_before_start")
    if horizon_start is not None and deadline < horizon_start:
        codes.append("deadline_before_horizon")
    if horizon_end is not None and deadline > horizon_end:
        codes.append("deadline_after_horizon")
    params = None
    contradicted = contradicted_deadline(draft.statement, deadline)
    if contradicted is not None:
        codes.append("deadline_contradicts_statement")
        params = {"text": contradicted.text, "deadline": deadline.strftime("%d/%m/%Y")}
    message_code = codes[0] if codes else None
    if message_code != "deadline_contradicts_statement":
        params = None
    return _result(TIME_BOUND, codes, message_code, params)


def assess(
    draft: ObjectiveDraft,
    horizon_start: dt.date | None = None,
    horizon_end: dt.date | None = None,
) -> SmartAssessment:
    """Assess the five SMART criteria of a (possibly incomplete) objective draft.

    ``horizon_start`` / ``horizon_end`` are the strategic objective's horizon; ``None`` means open.
    """
    return SmartAssessment(
        criteria=(
            _assess_specific(draft),
            _assess_measurable(draft),
            _assess_judgement(ACHIEVABLE, draft.achievable, draft.achievable_justification),
            _assess_judgement(REALISTIC, draft.realistic, draft.realistic_justification),
            _assess_time_bound(draft, horizon_start, horizon_end),
        )
    )


# --- hints from the free statement -------------------------------------------------------------

START = "start"
DEADLINE = "deadline"
DATE = "date"  # a date with no start or deadline marker


@dataclass(frozen=True)
class CountHint:
    value: Decimal
    noun: str  # « associations »
    phrase: str  # « associations membres »: the noun and the word after it when it qualifies it


@dataclass(frozen=True)
class DateHint:
    role: str  # START, DEADLINE or DATE
    value: dt.date
    text: str  # as written, e.g. « juillet 2026 »
    # The days the words allow for a deadline: « juin 2027 » 01/06–30/06/2027, « fin 2026 » the
    # year 2026, « avant juillet 2026 » up to 30/06/2026 (``earliest`` None: no lower limit).
    earliest: dt.date | None = None
    latest: dt.date | None = None

    def allows(self, day: dt.date) -> bool:
        if self.earliest is not None and day < self.earliest:
            return False
        return self.latest is None or day <= self.latest


@dataclass(frozen=True)
class StatementHints:
    action_verb: str | None  # « réduire », when the statement starts with an infinitive
    vague_verb: bool  # the action verb is a generic one (« améliorer », « développer »...)
    direction: str | None  # "increase" / "decrease" when the verb says so
    percentages: tuple[Decimal, ...]
    counts: tuple[CountHint, ...]
    amounts: tuple[Decimal, ...]  # euros: « 340 000 € », « 15 k€ »
    dates: tuple[DateHint, ...]
    start: dt.date | None
    deadline: dt.date | None


_SPACE = "[ \u00a0\u202f\u2009]"
_NUMBER = rf"(?<![\d.,])(\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?!\d)"
_MONTH = (
    r"(janv(?:ier|\.)?|f[ée]v(?:rier|r\.|\.)?|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?"
    r"|ao[uû]t|sept(?:embre|\.)?|oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?)"
)
_MONTH_PREFIXES = (
    ("janv", 1), ("fev", 2), ("mars", 3), ("avr", 4), ("mai", 5), ("juin", 6), ("juil", 7),
    ("aou", 8), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
)  # fmt: skip
_QUALIFIER = r"(?:(fin|d[ée]but|mi)(?:\s+d[eu]|-|\s)\s*)"
_ORDINALS = {
    "1er": 1, "premier": 1, "1e": 1, "2e": 2, "2eme": 2, "second": 2, "deuxieme": 2,
    "3e": 3, "3eme": 3, "troisieme": 3, "4e": 4, "4eme": 4, "quatrieme": 4,
}  # fmt: skip

_PERCENT_RE = re.compile(rf"{_NUMBER}{_SPACE}*(?:%|pour{_SPACE}*cent\b|pourcents?\b)", re.I)
_AMOUNT_RE = re.compile(rf"{_NUMBER}{_SPACE}*(k{_SPACE}?€|k?euros?\b|€)", re.I)
_COUNT_RE = re.compile(rf"{_NUMBER}{_SPACE}+([^\W\d_][\w-]*)(?:{_SPACE}+([^\W\d_][\w-]*))?", re.I)
_NUMERIC_DATE_RE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/])")
_DAY_MONTH_YEAR_RE = re.compile(rf"\b(1er|\d{{1,2}})\s+{_MONTH}\s+(\d{{4}})\b", re.I)
_MONTH_YEAR_RE = re.compile(rf"(?<!\w){_QUALIFIER}?{_MONTH}\s+(\d{{4}})\b", re.I)
_PERIOD_RE = re.compile(
    rf"(?<!\w){_QUALIFIER}?(?:(?:du|le|la)\s+)?(?:(1er|premier|1e|2e|2[èe]me|second|deuxi[èe]me"
    r"|3e|3[èe]me|troisi[èe]me|4e|4[èe]me|quatri[èe]me)\s+(semestre|trimestre)|\b([ST])([1-4]))"
    r"(?:\s+de\s+l'ann[ée]e)?\s+(\d{4})\b",
    re.I,
)
_QUALIFIED_YEAR_RE = re.compile(rf"(?<!\w){_QUALIFIER}(?:l'ann[ée]e\s+)?(\d{{4}})\b", re.I)
_MARKED_YEAR_RE = re.compile(
    r"(?<!\w)(?:d'ici(?:\s+(?:à|a|l'ann[ée]e|fin))?|avant|jusqu'en|en|à\s+partir\s+de|dès"
    r"|à\s+l'horizon(?:\s+de)?|à\s+compter\s+de)\s+(\d{4})\b",
    re.I,
)

_START_MARKER_RE = re.compile(
    r"(?<!\w)(?:à\s+partir|à\s+compter|dès|depuis|débutant|commençant|démarrant|lancée?s?"
    r"|opérationnel(?:le)?s?|ouverte?s?|effecti(?:f|ve)s?|en\s+place|en\s+service|actif|active)"
    r"(?:\s+(?:du|de\s+la|de\s+l'|de|d'|le|la|l'|au|en|à|dès))*\s*$",
    re.I,
)
_DEADLINE_MARKER_RE = re.compile(
    r"(?<!\w)(?:avant|d'ici|au\s+plus\s+tard|jusqu'|pour|à\s+l'horizon|échéance|au|en|fin)"
    r"(?:\s+(?:le|la|l'|à|a|au|de|du|en|fin|de\s+l'année))*\s*:?\s*$",
    re.I,
)
_BEFORE_RE = re.compile(r"(?<!\w)avant(?:\s+(?:le|la|l'))?\s*$", re.I)

_DECREASE_STEMS = ("redui", "diminu", "baiss", "limit", "abaiss", "divis", "supprim", "reduc")
_INCREASE_STEMS = (
    "augment", "accroi", "doubl", "tripl", "multipli", "attein", "recrut", "former",
    "accueill", "gagn", "elarg", "etend", "porter",
)  # fmt: skip
_NOT_VERBS = _wordset(
    """
    notre votre leur pour entre autre contre premier dernier hier quatre centre titre offre ordre
    lettre cadre membre nombre octobre novembre decembre septembre fevrier plusieurs meilleur
    atelier chantier dossier foyer metier quartier
    """
)
_COUNT_STOP = _STOPWORDS | _wordset(
    "avant apres d ici fin debut mi pour cent pourcent pourcents euro euros an ans"
)


def _parse_number(text: str) -> Decimal:
    return Decimal(re.sub(_SPACE, "", text).replace(",", "."))


def _month_number(text: str) -> int:
    folded = _fold(text).rstrip(".")
    for prefix, number in _MONTH_PREFIXES:
        if folded.startswith(prefix):
            return number
    raise ValueError(text)


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _apply_qualifier(qualifier: str | None, first: dt.date, last: dt.date):
    """« fin » / « début » / « mi » turn a period into one day."""
    if not qualifier:
        return first, last, False
    q = _fold(qualifier)
    if q == "fin":
        day = last
    elif q == "debut":
        day = first
    elif first.month == last.month:  # « mi-juillet »: the 15th
        day = first.replace(day=15)
    elif first.month == 1 and last.month == 12:  # « mi-2026 »: end of June
        day = dt.date(first.year, 6, 30)
    else:  # « mi » of a quarter or a half-year: its middle day
        day = first + (last - first) // 2
    return day, day, True


@dataclass
class _Mention:
    start: int
    end: int
    first: dt.date
    last: dt.date
    exact: bool  # one precise day
    period: tuple[dt.date, dt.date]  # the period named, before « fin », « début », « mi »


def _find_date_mentions(text: str) -> list[_Mention]:
    mentions: list[_Mention] = []

    def claim(match, first, last, exact, group=0, period=None):
        start, end = match.span(group)
        if any(start < m.end and m.start < end for m in mentions):
            return
        mentions.append(_Mention(start, end, first, last, exact, period or (first, last)))

    for m in _NUMERIC_DATE_RE.finditer(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        year = year + 2000 if year < 100 else year
        try:
            day_date = dt.date(year, month, day)
        except ValueError:
            continue
        claim(m, day_date, day_date, True)
    for m in _DAY_MONTH_YEAR_RE.finditer(text):
        day = 1 if m[1].lower() == "1er" else int(m[1])
        try:
            day_date = dt.date(int(m[3]), _month_number(m[2]), day)
        except ValueError:
            continue
        claim(m, day_date, day_date, True)
    for m in _MONTH_YEAR_RE.finditer(text):
        first, last = _month_bounds(int(m[3]), _month_number(m[2]))
        claim(m, *_apply_qualifier(m[1], first, last), period=(first, last))
    for m in _PERIOD_RE.finditer(text):
        year = int(m[6])
        if m[3]:
            index, kind = _ORDINALS.get(_fold(m[2]), 1), _fold(m[3])
        else:
            index, kind = int(m[5]), "semestre" if m[4].upper() == "S" else "trimestre"
        months = 6 if kind == "semestre" else 3
        if index * months > 12:
            continue
        first = dt.date(year, (index - 1) * months + 1, 1)
        last = _month_bounds(year, index * months)[1]
        claim(m, *_apply_qualifier(m[1], first, last), period=(first, last))
    for m in _QUALIFIED_YEAR_RE.finditer(text):
        year = int(m[2])
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        claim(m, *_apply_qualifier(m[1], first, last), period=(first, last))
    for m in _MARKED_YEAR_RE.finditer(text):
        year = int(m[1])
        if 1900 <= year <= 2200:
            claim(m, dt.date(year, 1, 1), dt.date(year, 12, 31), False, group=1)
    return sorted(mentions, key=lambda mention: mention.start)


def _date_hint(text: str, mention: _Mention) -> DateHint:
    before = text[max(0, mention.start - 60) : mention.start]
    written = text[mention.start : mention.end]
    earliest, latest = mention.period
    if _START_MARKER_RE.search(before):
        return DateHint(START, mention.first, written, earliest, latest)
    if _BEFORE_RE.search(before) and not mention.exact:
        # « avant juillet 2026 »: the last day before the period starts.
        day = mention.first - dt.timedelta(days=1)
        return DateHint(DEADLINE, day, written, None, day)
    if _DEADLINE_MARKER_RE.search(before) or _fold(written).startswith("fin"):
        return DateHint(DEADLINE, mention.last, written, earliest, latest)
    day = mention.first if mention.exact else mention.last
    return DateHint(DATE, day, written, earliest, latest)


def _action_verb(text: str) -> str | None:
    match = re.match(r"[\W\d_]*(?:se\s+|s')?([^\W\d_]+)", text.strip(), re.I)
    if not match:
        return None
    word = match[1].lower()
    folded = _fold(word)
    if len(folded) < 4 or folded in _NOT_VERBS or not folded.endswith(("er", "ir", "re")):
        return None
    return word


def hints_from_statement(text: str) -> StatementHints:
    """Find in a free statement what can pre-fill the objective form.

    Dates: a day (« 30/06/2026 », « 1er décembre 2025 »), a month (« juillet 2026 »), a quarter or
    half-year (« T2 2026 », « premier semestre 2026 »), a year after a marker (« d'ici 2027 ») or
    qualified (« fin 2026 », « début 2026 », « mi-2026 »). Each gets a role from the words before:
    start (« à partir du », « dès », « à compter de », « opérationnel au ») or deadline (« avant »,
    « d'ici », « au plus tard », « jusqu'à », « au », « en », « fin »). A month or longer period
    resolves, for a deadline, to its last day (« d'ici juillet 2026 », « fin juillet 2026 » →
    2026-07-31) except after « avant », which means the last day *before* it (« avant juillet
    2026 » → 2026-06-30); for a start, to its first day. A precise day is taken as written, even
    after « avant » (« avant le 30 juin » is read as « by 30 June »). ``deadline`` is the latest
    deadline found, else the latest unmarked date after the start; ``start`` the earliest start.
    """
    text = (text or "").replace("\u2019", "'").replace("\u02bc", "'")
    claimed: list[tuple[int, int]] = []

    mentions = _find_date_mentions(text)
    claimed.extend((m.start, m.end) for m in mentions)

    def free(span: tuple[int, int]) -> bool:
        return not any(span[0] < end and start < span[1] for start, end in claimed)

    percentages = []
    for m in _PERCENT_RE.finditer(text):
        if free(m.span()):
            percentages.append(_parse_number(m[1]))
            claimed.append(m.span())
    amounts = []
    for m in _AMOUNT_RE.finditer(text):
        if free(m.span()):
            factor = 1000 if m[2].lower().startswith("k") else 1
            amounts.append(_parse_number(m[1]) * factor)
            claimed.append(m.span())
    counts = []
    for m in _COUNT_RE.finditer(text):
        noun = m[2].lower()
        folded_noun = _fold(noun)
        if not free(m.span(1)) or folded_noun in _COUNT_STOP:
            continue
        if re.fullmatch(_MONTH, noun, re.I) or "€" in noun:
            continue
        phrase = noun
        second = (m[3] or "").lower()
        if (
            second
            and _fold(second) not in _COUNT_STOP
            and not re.fullmatch(_MONTH, second, re.I)
            and (second.endswith(("s", "x")) == noun.endswith(("s", "x")))
        ):
            phrase = f"{noun} {second}"
        counts.append(CountHint(_parse_number(m[1]), noun, phrase))

    dates = [_date_hint(text, mention) for mention in mentions]
    starts = [d.value for d in dates if d.role == START]
    start = min(starts) if starts else None
    deadlines = [d.value for d in dates if d.role == DEADLINE]
    if not deadlines:
        deadlines = [
            d.value for d in dates if d.role == DATE and (start is None or d.value > start)
        ]
    deadline = max(deadlines) if deadlines else None

    verb = _action_verb(text)
    folded_verb = _fold(verb) if verb else ""
    direction = None
    if verb and folded_verb.startswith(_DECREASE_STEMS):
        direction = "decrease"
    elif verb and folded_verb.startswith(_INCREASE_STEMS):
        direction = "increase"
    return StatementHints(
        action_verb=verb,
        vague_verb=bool(verb) and folded_verb.startswith(_VAGUE_STEMS) and direction is None,
        direction=direction,
        percentages=tuple(percentages),
        counts=tuple(counts),
        amounts=tuple(amounts),
        dates=tuple(dates),
        start=start,
        deadline=deadline,
    )


def contradicted_deadline(statement: str, deadline: dt.date | None) -> DateHint | None:
    """The date of the statement that ``deadline`` contradicts, or None.

    The statement's deadlines are its dates marked as such (« d'ici », « avant », « en »,
    « au »…), else its unmarked dates; a start (« à partir de », « dès ») is never one. The
    deadline contradicts the statement when it falls in none of the periods these words name:
    « juin 2027 » allows 01/06–30/06/2027, « fin 2026 » or « mi-2026 » the year 2026, « avant
    juillet 2026 » any day up to 30/06/2026, « le 30/06/2026 » that day only. The latest of them
    is returned, as the one the user most likely meant.
    """
    if deadline is None:
        return None
    dates = hints_from_statement(statement).dates
    candidates = [d for d in dates if d.role == DEADLINE] or [d for d in dates if d.role == DATE]
    if not candidates or any(d.allows(deadline) for d in candidates):
        return None
    return max(candidates, key=lambda d: d.value)


def target_from_percent(baseline: Decimal, percent: Decimal, direction: str) -> Decimal:
    """The target a « réduire de 15 % » statement implies: 400 000 -> 340 000.00 (cents)."""
    change = baseline * percent / Decimal(100)
    target = baseline - change if direction == "decrease" else baseline + change
    return target.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
