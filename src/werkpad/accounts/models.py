"""People who log in, the organisations they work for, and invitations to log in."""

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    class Kind(models.TextChoices):
        GGZ = "ggz", _("GGZ-instelling")
        REINTEGRATIE = "reintegratie", _("Re-integratiebedrijf")
        GEMEENTE = "gemeente", _("Gemeente")
        UWV = "uwv", _("UWV")
        WERKGEVER = "werkgever", _("Werkgever")
        ARBODIENST = "arbodienst", _("Arbodienst")
        CLIENTORGANISATIE = "clientorganisatie", _("Cliëntorganisatie")
        OVERIG = "overig", _("Overig")

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices)
    city = models.CharField(_("plaats"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("Een e-mailadres is verplicht.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("role", User.Role.BEHEERDER)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person with a login. The role says what kind of work they do in Werkpad;
    what they may see of a traject is decided by `werkpad.access`."""

    class Role(models.TextChoices):
        TRAJECTBEGELEIDER = "trajectbegeleider", _("Trajectbegeleider / jobcoach")
        TEAMLEIDER = "teamleider", _("Teamleider")
        REGIEHOUDER = "regiehouder", _("Regiehouder")
        KANDIDAAT = "kandidaat", _("Kandidaat")
        WERKGEVER = "werkgever", _("Werkgever")
        LEIDINGGEVENDE = "leidinggevende", _("Leidinggevende")
        COLLEGA = "collega", _("Collega / buddy")
        BEHANDELAAR = "behandelaar", _("Behandelaar")
        PUBLIEKE_PARTIJ = "publieke_partij", _("Gemeente / UWV")
        ARBO = "arbo", _("Arbodienst")
        BEHEERDER = "beheerder", _("Beheerder")

    username = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Uitnodiging(models.Model):
    """An invitation for a candidate to the portal: a one-time link to set a password.

    Only the sha256 hash of the token is stored; the token itself exists only in the e-mail.
    The logic (sending, checking, accepting) lives in `werkpad.accounts.invites`. The candidate
    is referred to by its label string, so that accounts does not import trajects."""

    VALID_FOR = datetime.timedelta(days=7)

    class Status(models.TextChoices):
        OK = "ok", _("Geldig")
        UNKNOWN = "unknown", _("Onbekend")
        USED = "used", _("Gebruikt")
        EXPIRED = "expired", _("Verlopen")

    kandidaat = models.ForeignKey(
        "trajects.Kandidaat",
        verbose_name=_("kandidaat"),
        on_delete=models.CASCADE,
        related_name="uitnodigingen",
    )
    email = models.EmailField(_("e-mailadres"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("verstuurd op"), default=timezone.now)
    expires_at = models.DateTimeField(_("geldig tot"))
    used_at = models.DateTimeField(_("gebruikt op"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("vervangen op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitgenodigd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"{self.email} ({self.created_at:%d-%m-%Y})"

    def save(self, *args, **kwargs) -> None:
        if self.expires_at is None:
            self.expires_at = self.created_at + self.VALID_FOR
        super().save(*args, **kwargs)

    def status(self, now: datetime.datetime | None = None) -> str:
        """ok, used (this link, or the candidate has an account by now) or expired (too old,
        or replaced by a newer invitation)."""
        if self.used_at is not None or self.kandidaat.user_id is not None:
            return self.Status.USED
        if self.revoked_at is not None or self.expires_at <= (now or timezone.now()):
            return self.Status.EXPIRED
        return self.Status.OK
