"""One-time login links for residents (like Django's password-reset tokens).

The hash covers the last login time, so a link stops working once it has been used.
"""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator


class MagicLinkTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "samen.accounts.MagicLinkTokenGenerator"

    def __init__(self) -> None:
        super().__init__()
        self.timeout = settings.MAGIC_LINK_TIMEOUT  # type: ignore[assignment]

    def _make_hash_value(self, user, timestamp):  # type: ignore[no-untyped-def]
        login_timestamp = (
            "" if user.last_login is None else user.last_login.replace(microsecond=0, tzinfo=None)
        )
        return f"{user.pk}{user.is_active}{login_timestamp}{timestamp}"


magic_link_tokens = MagicLinkTokenGenerator()
