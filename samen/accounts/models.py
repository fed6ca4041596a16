"""Accounts: staff log in with e-mail and password, residents with a join code or magic link."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str | None = None, password: str | None = None, **extra):  # type: ignore[no-untyped-def]
        """Create a user; without a password the account cannot log in with one."""
        email = self.normalize_email(email) if email else None
        user = self.model(email=email, **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str, **extra):  # type: ignore[no-untyped-def]
        """Create a Django-admin superuser."""
        extra.setdefault("display_name", email.split("@")[0])
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None):  # type: ignore[no-untyped-def]
        """Find a user by e-mail, ignoring case."""
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who can log in: a staff member (password) or a resident (no password)."""

    email = models.EmailField(_("e-mail address"), unique=True, null=True, blank=True)
    display_name = models.CharField(_("name"), max_length=80)
    language = models.CharField(_("language"), max_length=8, default="nl")
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("may use the Django admin"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.email or f"#{self.pk}"

    def get_full_name(self) -> str:
        """Return the name shown to others."""
        return self.display_name

    def get_short_name(self) -> str:
        """Return the name shown to others."""
        return self.display_name
