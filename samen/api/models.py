"""API keys: one organisation's key for integrations, shown once, stored as a hash."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.neighbourhoods.models import Organisation


class ApiKey(models.Model):
    """A secret that lets a program use the API for one organisation's neighbourhoods.

    Only the SHA-256 hash of the whole key is stored; the prefix (the part after
    `samen_`) finds the row and is shown in lists so people can tell keys apart.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="api_keys",
    )
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(_("start of the key"), max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} (samen_{self.prefix}_…)"

    @property
    def is_active(self) -> bool:
        """The key has not been revoked."""
        return self.revoked_at is None

    @property
    def masked(self) -> str:
        """Return the key as shown in lists: its start and an ellipsis."""
        return f"samen_{self.prefix}_…"
