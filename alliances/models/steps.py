"""The five steps of building an alliance (domain brief section 4, source 003 section 3).

The written parts of the steps (needs, expectations, the social need, the shared vision…) live
on one `AllianceDossier` row per alliance: it is the « dossier de présentation » the method asks
for. The repeated parts (SWOT items, figures, candidates, criteria, exchanges, instances,
meetings, communication) each have their own model.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core.collation import FrenchOrder
from core.history import HistoricalRecords

from .alliance import Alliance
from .partners import Partner

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class AllianceDossier(models.Model):
    alliance = models.OneToOneField(
        Alliance, on_delete=models.CASCADE, related_name="dossier", verbose_name=_("alliance")
    )
    # Step 1: needs and expectations, complementarities sought.
    strategic_priorities = models.TextField(_("strategic priorities"), blank=True)
    expectations = models.TextField(_("what we expect from the alliance"), blank=True)
    participation_mode = models.TextField(_("how we want to take part"), blank=True)
    complementarities = models.TextField(_("complementarities and synergies sought"), blank=True)
    # Step 2: the project file.
    social_need = models.TextField(_("the social need, qualified"), blank=True)
    collective_need = models.TextField(_("why a collective answer is needed"), blank=True)
    argument = models.TextField(_("the argument, from analysed data"), blank=True)
    key_actors = models.TextField(_("key actors to mobilise"), blank=True)
    beneficiaries = models.TextField(_("how beneficiaries take part from the start"), blank=True)
    # Step 5: conditions of the collaboration.
    shared_vision = models.TextField(_("shared vision of the problem"), blank=True)
    proximity = models.TextField(_("how we foster proximity and ties"), blank=True)
    decision_process = models.TextField(_("commitments, roles and decision process"), blank=True)
    communication_identity = models.TextField(
        _("collective identity and each member's visibility"), blank=True
    )
    # Economic model: what the alliance organises in common.
    treasury = models.TextField(_("allocation of resources and shared cash management"), blank=True)
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("alliance file")
        verbose_name_plural = _("alliance files")

    def __str__(self):
        return str(self.alliance)


class SwotQuadrant(models.TextChoices):
    STRENGTH = "strength", _("Strengths (internal)")
    WEAKNESS = "weakness", _("Weaknesses (internal)")
    OPPORTUNITY = "opportunity", _("Opportunities (external)")
    THREAT = "threat", _("Threats (external)")


class SwotItem(models.Model):
    """One line of the SWOT / matrice MOFF of step 1."""

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="swot_items", verbose_name=_("alliance")
    )
    quadrant = models.CharField(_("quadrant"), max_length=12, choices=SwotQuadrant.choices)
    text = models.CharField(_("item"), max_length=300)
    importance = models.PositiveSmallIntegerField(
        _("importance (1 to 5)"), default=3, validators=ONE_TO_FIVE
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("SWOT item")
        verbose_name_plural = _("SWOT items")
        ordering = ["quadrant", "-importance", "pk"]

    def __str__(self):
        return self.text


class NeedFigure(models.Model):
    """A figure quantifying the social need (step 2): value, unit, date and source."""

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="need_figures", verbose_name=_("alliance")
    )
    label = models.CharField(_("what is measured"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    measured_on = models.DateField(_("date"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = ["pk"]

    def __str__(self):
        return self.label


class MappingCategory(models.TextChoices):
    """The categories of the territory's actor map (source 003, step 3)."""

    STATE = "state", _("State")
    LOCAL_AUTHORITIES = "local_authorities", _("Local authorities")
    PROFESSIONAL_BODIES = "professional_bodies", _("Professional bodies")
    RESEARCH = "research", _("Research actors")
    COMPANIES = "companies", _("Companies")
    SOCIAL_ECONOMY = "social_economy", _("Social and solidarity economy actors")
    BENEFICIARIES = "beneficiaries", _("Target beneficiaries")
    CIVIL_SOCIETY = "civil_society", _("Other civil society actors")
    MEDIA = "media", _("Media")


class Decision(models.TextChoices):
    PENDING = "pending", _("Not decided yet")
    SELECTED = "selected", _("Selected")
    RESERVE = "reserve", _("Kept in reserve")
    SET_ASIDE = "set_aside", _("Set aside")


#: Categories of the map whose actors need no entry in the partner directory (which holds the
#: nine kinds of partners): target beneficiaries and media are placed by their name alone.
NAMED_CATEGORIES = (MappingCategory.BENEFICIARIES, MappingCategory.MEDIA)


class Candidate(models.Model):
    """An actor placed on the map of step 3: a potential partner from the lead association's
    directory, or target beneficiaries or a medium, by name."""

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="candidates", verbose_name=_("alliance")
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="candidacies",
        null=True,
        blank=True,
        verbose_name=_("partner from the directory"),
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_(
            "Target beneficiaries and media are placed by their name, without an entry in the "
            "partner directory."
        ),
    )
    category = models.CharField(
        _("mapping category"), max_length=20, choices=MappingCategory.choices
    )
    expectations = models.TextField(_("expectations and motivations"), blank=True)
    influence = models.PositiveSmallIntegerField(
        _("influence (1 to 5)"), default=3, validators=ONE_TO_FIVE
    )
    harm = models.PositiveSmallIntegerField(
        _("power to harm (1 to 5)"), default=1, validators=ONE_TO_FIVE
    )
    alignment = models.PositiveSmallIntegerField(
        _("alignment with the project (1 to 5)"), default=3, validators=ONE_TO_FIVE
    )
    scope = models.CharField(_("scope of action"), max_length=300, blank=True)
    interactions = models.TextField(_("interactions with the other members"), blank=True)
    synergies = models.TextField(_("synergies with the project"), blank=True)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("candidate partner")
        verbose_name_plural = _("candidate partners")
        ordering = [FrenchOrder(Coalesce("partner__name", "name")), "pk"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "partner"], name="one_candidacy"),
            models.CheckConstraint(
                condition=Q(partner__isnull=False)
                | (Q(category__in=NAMED_CATEGORIES) & ~Q(name="")),
                name="candidate_from_directory_or_named_beneficiaries_or_media",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.partner.name if self.partner_id else self.name

    @property
    def joins_as_partner(self):
        """Selected, it joins the alliance's partners: only a directory entry can."""
        return self.partner_id is not None

    def clean(self):
        if self.partner_id:
            self.name = ""
        elif self.category not in NAMED_CATEGORIES:
            raise ValidationError(
                {"partner": _("Choose the partner in the directory of the lead association.")}
            )
        elif not self.name.strip():
            raise ValidationError(
                {"name": _("Name these beneficiaries or this medium, or choose a partner.")}
            )


class SelectionCriterion(models.Model):
    """An objective criterion the team defines to narrow the selection, with its weight."""

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("alliance")
    )
    name = models.CharField(_("criterion"), max_length=200)
    description = models.CharField(_("what it looks at"), max_length=300, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight (1 to 10)"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    class Meta:
        verbose_name = _("selection criterion")
        verbose_name_plural = _("selection criteria")
        ordering = ["-weight", FrenchOrder("name")]

    def __str__(self):
        return self.name


class CriterionScore(models.Model):
    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="scores", verbose_name=_("candidate")
    )
    criterion = models.ForeignKey(
        SelectionCriterion,
        on_delete=models.CASCADE,
        related_name="scores",
        verbose_name=_("criterion"),
    )
    score = models.PositiveSmallIntegerField(
        _("score (0 to 5)"), validators=[MinValueValidator(0), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["candidate", "criterion"], name="one_score")]

    def __str__(self):
        return f"{self.criterion}: {self.score}"


class Solidity(models.TextChoices):
    """The verdict of an exchange on the relationship, before contracting."""

    SOLID = "solid", _("Solid: ready to commit together")
    TO_STRENGTHEN = "to_strengthen", _("To strengthen before committing")
    FRAGILE = "fragile", _("Fragile: not ready to commit")


class Exchange(models.Model):
    """An exchange that tests relational proximity with a candidate before contracting."""

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="exchanges", verbose_name=_("alliance")
    )
    candidate = models.ForeignKey(
        Candidate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exchanges",
        verbose_name=_("with"),
    )
    date = models.DateField(_("date"))
    participants = models.CharField(_("participants"), max_length=300)
    notes = models.TextField(_("notes"), blank=True)
    friction_points = models.TextField(_("friction points"), blank=True)
    # What the exchange says of the relationship: the proximity test of a selected partner is
    # done once an exchange with it carries this verdict (blank: logged before it was asked).
    solidity = models.CharField(
        _("solidity of the relationship"), max_length=15, choices=Solidity.choices, blank=True
    )
    conclusion = models.TextField(_("conclusion"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} – {self.participants}"


class GovernanceLevel(models.TextChoices):
    STRATEGIC = "strategic", _("Strategic")
    OPERATIONAL = "operational", _("Operational")
    FUNCTIONAL = "functional", _("Functional")


class GovernanceBody(models.Model):
    """An instance of the alliance's governance (step 5)."""

    alliance = models.ForeignKey(
        Alliance,
        on_delete=models.CASCADE,
        related_name="governance_bodies",
        verbose_name=_("alliance"),
    )
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("steering level"), max_length=12, choices=GovernanceLevel.choices)
    mission = models.CharField(_("role"), max_length=300, blank=True)
    members = models.TextField(_("members"))
    frequency = models.CharField(_("frequency"), max_length=100)

    class Meta:
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")
        ordering = ["level", FrenchOrder("name")]

    def __str__(self):
        return self.name


class Meeting(models.Model):
    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("alliance")
    )
    body = models.ForeignKey(
        GovernanceBody,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("governance body"),
    )
    date = models.DateField(_("date"))
    attendees = models.CharField(_("attendees"), max_length=300, blank=True)
    # Empty for a meeting planned ahead (its agenda is prepared first); the form asks for the
    # decisions once the meeting has taken place.
    decisions = models.TextField(_("decisions taken"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y}"


class MeetingAgendaItem(models.Model):
    """A point on a governance meeting's agenda, prepared before it takes place."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "pk"]

    def __str__(self):
        return self.title


class CommunicationKind(models.TextChoices):
    STRATEGIC = "internal_strategic", _("Internal – strategic")
    OPERATIONAL = "internal_operational", _("Internal – operational")
    INFORMAL = "internal_informal", _("Internal – informal")
    INSTITUTIONAL = "external_institutional", _("External – institutional")
    GENERAL_PUBLIC = "external_public", _("External – general public")
    ADVOCACY = "external_advocacy", _("External – advocacy")


class CommunicationItem(models.Model):
    """A line of the communication plan (step 5 and source 003 section 5)."""

    alliance = models.ForeignKey(
        Alliance,
        on_delete=models.CASCADE,
        related_name="communication_items",
        verbose_name=_("alliance"),
    )
    kind = models.CharField(_("kind"), max_length=25, choices=CommunicationKind.choices)
    audience = models.CharField(_("audience"), max_length=200)
    channel = models.CharField(_("channel"), max_length=200)
    frequency = models.CharField(_("frequency"), max_length=100)
    owner = models.CharField(_("owner"), max_length=200)

    class Meta:
        verbose_name = _("communication item")
        verbose_name_plural = _("communication plan")
        ordering = ["kind", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.audience}"

    @property
    def internal(self):
        return self.kind.startswith("internal")
