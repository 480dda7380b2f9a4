"""The partner directory (private to each association) and the partners of an alliance."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.collation import FrenchOrder
from core.history import HistoricalRecords
from organisations.identifiers import (
    normalise_rna,
    normalise_siren,
    normalise_siret,
    validate_rna,
    validate_siren,
    validate_siret,
)
from organisations.models import Association

from .alliance import Alliance


class ActorType(models.TextChoices):
    """The nine kinds of actors of an association's ecosystem (domain brief, section 2)."""

    ASSOCIATION = "association", _("Association")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    COMPANY = "company", _("Company")
    FOUNDATION = "foundation", _("Foundation")
    NETWORK = "network", _("Associative network")
    CATALYST = "catalyst", _("Territorial catalyst")
    CITIZENS = "citizens", _("Citizens")
    ACADEMIC = "academic", _("Academic actor")
    STATE = "state", _("State")


class ActorFamily(models.TextChoices):
    PEERS = "peers", _("Peers")
    PUBLIC = "public", _("Public actors")
    PRIVATE = "private", _("Private actors")


# Peers are the associative world and civil society; public actors the State, local
# authorities and (mostly public) research; private actors companies and foundations.
FAMILY_OF = {
    ActorType.ASSOCIATION: ActorFamily.PEERS,
    ActorType.NETWORK: ActorFamily.PEERS,
    ActorType.CATALYST: ActorFamily.PEERS,
    ActorType.CITIZENS: ActorFamily.PEERS,
    ActorType.LOCAL_AUTHORITY: ActorFamily.PUBLIC,
    ActorType.STATE: ActorFamily.PUBLIC,
    ActorType.ACADEMIC: ActorFamily.PUBLIC,
    ActorType.COMPANY: ActorFamily.PRIVATE,
    ActorType.FOUNDATION: ActorFamily.PRIVATE,
}


class PartnershipForm(models.TextChoices):
    FINANCIAL_PATRONAGE = "patronage_financial", _("Financial patronage")
    IN_KIND_PATRONAGE = "patronage_in_kind", _("In-kind patronage")
    SKILLS_PATRONAGE = "patronage_skills", _("Skills-based patronage")
    RESPONSIBLE_PRACTICES = "responsible_practices", _("Responsible practices")
    ECONOMIC_COOPERATION = "economic_cooperation", _("Economic cooperation")
    SOCIETAL_INNOVATION = "societal_innovation", _("Societal innovation")
    PEER_COOPERATION = "peer_cooperation", _("Cooperation between peers")
    PUBLIC_POLICY = "public_policy", _("Co-construction of public policy")


class PartnerQuerySet(models.QuerySet):
    def of_association(self, association):
        return self.filter(association=association)


class Partner(models.Model):
    """An organisation in an association's directory. Only that association sees it."""

    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="partners",
        verbose_name=_("association"),
    )
    name = models.CharField(_("name"), max_length=200)
    actor_type = models.CharField(_("type of actor"), max_length=20, choices=ActorType.choices)
    siren = models.CharField(
        _("SIREN number"), max_length=9, blank=True, validators=[validate_siren]
    )
    siret = models.CharField(
        _("SIRET number"), max_length=14, blank=True, validators=[validate_siret]
    )
    territory = models.CharField(_("territory"), max_length=200, blank=True)
    # The identity, typed or filled from the SIREN/SIRET/RNA (organisations/identity_lookup.py).
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    rna = models.CharField(_("RNA number"), max_length=10, blank=True, validators=[validate_rna])
    address = models.CharField(_("address"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    legal_form = models.CharField(_("legal form"), max_length=120, blank=True)
    main_activity = models.CharField(_("main activity (NAF)"), max_length=10, blank=True)
    creation_date = models.DateField(_("creation date"), null=True, blank=True)
    is_closed = models.BooleanField(
        _("closed"), default=False, help_text=_("Ceased activity according to INSEE.")
    )
    identity_checked_on = models.DateField(
        _("identity checked on"),
        null=True,
        blank=True,
        help_text=_("When the identity was last filled from the API Recherche d'entreprises."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("what it brings"), blank=True)
    tags = models.ManyToManyField(
        "PartnerTag", blank=True, related_name="partners", verbose_name=_("tags")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = [FrenchOrder("name")]

    def __str__(self):
        return self.name

    @property
    def family(self):
        return FAMILY_OF[ActorType(self.actor_type)]

    def get_family_display(self):
        return ActorFamily(self.family).label

    def clean(self):
        self.siren = normalise_siren(self.siren)
        self.siret = normalise_siret(self.siret)
        self.rna = normalise_rna(self.rna)
        if self.siren and self.siret and not self.siret.startswith(self.siren):
            raise ValidationError(
                {"siret": _("A SIRET number starts with the SIREN number of the organisation.")}
            )


class PartnerTag(models.Model):
    association = models.ForeignKey(
        Association,
        on_delete=models.CASCADE,
        related_name="partner_tags",
        verbose_name=_("association"),
    )
    name = models.CharField(_("tag"), max_length=50)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = [FrenchOrder("name")]
        constraints = [models.UniqueConstraint(fields=["association", "name"], name="one_tag_name")]

    def __str__(self):
        return self.name


class Contact(models.Model):
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("partner")
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = [FrenchOrder("name")]

    def __str__(self):
        return self.name


class RelationshipEvent(models.Model):
    """The history of the relationship with a partner: meetings, calls, agreements."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="events", verbose_name=_("partner")
    )
    date = models.DateField(_("date"))
    summary = models.TextField(_("what happened"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("relationship event")
        verbose_name_plural = _("relationship events")
        ordering = ["-date", "-created_at"]

    def __str__(self):
        return f"{self.partner} – {self.date}"


class AlliancePartner(models.Model):
    """A partner from the lead's directory taking part in an alliance, with its role."""

    alliance = models.ForeignKey(
        Alliance, on_delete=models.CASCADE, related_name="partners", verbose_name=_("alliance")
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="alliances", verbose_name=_("partner")
    )
    role = models.CharField(_("role in the alliance"), max_length=200, blank=True)
    partnership_form = models.CharField(
        _("form of partnership"), max_length=30, choices=PartnershipForm.choices
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partner of the alliance")
        verbose_name_plural = _("partners of the alliance")
        ordering = [FrenchOrder("partner__name")]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "partner"], name="one_row_per_partner")
        ]

    def __str__(self):
        return f"{self.partner} ({self.alliance})"
