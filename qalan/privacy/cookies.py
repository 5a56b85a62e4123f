"""Cookie consent (P8.2, P8.3): the visitor's choice per category, kept in one first-party cookie.

Before a choice only strictly necessary cookies exist (session, CSRF, and the language the
visitor explicitly picked, for the browser session only). The choice cookie itself is strictly
necessary: without it the banner would return on every page.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COOKIE_NAME = "qalan_cookies"
CHOICE_VERSION = "1"
# Optional categories and the consent-ledger purpose each one maps to.
OPTIONAL = {
    "preferences": _("Preferences: remember your language and video sound settings for a year."),
    "analytics": _("Analytics: anonymous statistics of visits that help us improve lessons."),
    "advertising": _("Advertising and referrals: show relevant offers and count referral visits."),
}
NECESSARY_DESCRIPTION = _("Strictly necessary: signing in, security of forms, and remembering this choice. Always on.")


@dataclass(frozen=True)
class CookieChoice:
    preferences: bool = False
    analytics: bool = False
    advertising: bool = False

    def encode(self) -> str:
        flags = "".join("1" if getattr(self, name) else "0" for name in OPTIONAL)
        return f"{CHOICE_VERSION}.{flags}.{timezone.now():%Y%m%d}"

    @classmethod
    def decode(cls, raw: str | None) -> "CookieChoice | None":
        """The stored choice, or None when there is none (or it is unreadable: ask again)."""
        if not raw:
            return None
        parts = raw.split(".")
        if (
            len(parts) != 3
            or parts[0] != CHOICE_VERSION
            or len(parts[1]) != len(OPTIONAL)
            or set(parts[1]) - {"0", "1"}
        ):
            return None
        return cls(**{name: flag == "1" for name, flag in zip(OPTIONAL, parts[1])})

    @classmethod
    def all(cls, value: bool) -> "CookieChoice":
        return cls(**dict.fromkeys(OPTIONAL, value))

    def as_dict(self) -> dict[str, bool]:
        return {name: getattr(self, name) for name in OPTIONAL}


def choice_read(request) -> CookieChoice | None:
    return CookieChoice.decode(request.COOKIES.get(COOKIE_NAME))


def choice_write(response, choice: CookieChoice) -> None:
    response.set_cookie(
        COOKIE_NAME,
        choice.encode(),
        max_age=180 * 24 * 3600,  # ask again after six months
        samesite="Lax",
        secure=settings.SECURE_COOKIES,
        httponly=True,
    )
