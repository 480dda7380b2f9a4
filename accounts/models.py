from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.collation import FrenchOrder


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person. Logs in with an e-mail address; what they may see comes from memberships."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    # The language of their pages and e-mails, chosen in the header or « Mon compte »; never
    # guessed from the browser (accounts/language.py).
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    # Derived: whether the person holds an active guest access to an alliance's partners'
    # space. Kept by partnerspace's services in the same transaction as the access (created,
    # revoked, end date changed), so the main menu shows « Espaces partenaires » without a
    # query. An access that ends by its date leaves it set: the space then says it ended.
    has_guest_access = models.BooleanField(
        _("has a partners' space"), default=False, editable=False
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = [FrenchOrder("last_name"), FrenchOrder("first_name"), "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def is_platform_admin(self) -> bool:
        return self.is_active and self.is_superuser
