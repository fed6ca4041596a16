"""E-mails to residents about what became of their input (sent after the commit)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from samen.listening.models import Contribution, Theme


def notify_theme_answered(*, theme_id: int) -> int:
    """Tell every resident with an e-mail address whose input is in the theme; return how many."""
    theme = Theme.objects.select_related("neighbourhood", "response").filter(pk=theme_id).first()
    if theme is None or not hasattr(theme, "response"):
        return 0
    recipients: dict[str, str] = {}
    rows = (
        Contribution.objects.filter(theme=theme, author__isnull=False)
        .exclude(author__email="")
        .values_list("author__email", "author__languages")
    )
    for email, languages in rows:
        language = next(
            (code for code in languages or [] if code in dict(settings.LANGUAGES)), "nl"
        )
        recipients.setdefault(email.lower(), language)
    url = settings.SITE_URL + reverse(
        "listening:you_said", kwargs={"slug": theme.neighbourhood.slug}
    )
    for email, language in recipients.items():
        with translation.override(language):
            body = render_to_string(
                "listening/email/theme_answered.txt", {"theme": theme, "url": url}
            )
            send_mail(_("What happened with your input"), body, None, [email])
    return len(recipients)
