"""Site-wide pages: home, language switch, development outbox (the probes are in probes.py)."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import check_for_language
from django.views.decorators.http import require_POST

from qalan.accounts.services import profile_update
from qalan.core.redirects import safe_next
from qalan.notify.models import OutboxMessage
from qalan.privacy.cookies import choice_read


def home(request):
    return render(request, "web/home.html")


@require_POST
def set_language(request):
    """Switch the interface language; for a signed-in user it is also saved in the profile."""
    language = request.POST.get("language", "")
    response = HttpResponseRedirect(safe_next(request, "/"))
    if language and check_for_language(language) and language in dict(settings.LANGUAGES):
        language_cookie_set(request, response, language)
        if request.user.is_authenticated:
            profile_update(actor=request.user, user=request.user, data={"language": language})
    return response


def language_cookie_set(request, response, language: str) -> None:
    """Remember an explicitly chosen language: for a year with consent to preference cookies,
    otherwise only until the browser closes (a user-requested, strictly necessary cookie)."""
    choice = choice_read(request)
    remember = choice is not None and choice.preferences
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE if remember else None,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )


def language_chosen(sender, *, request, response, language, **kwargs) -> None:
    """``core.hooks.language_chosen``: a person chose a language on their profile."""
    language_cookie_set(request, response, language)


def dev_outbox(request):
    """Development only (DEBUG): what the platform sent by e-mail and SMS, codes included, so
    that recovery can be tried without a phone. Served from 127.0.0.1 only."""
    if not settings.DEBUG or request.META.get("REMOTE_ADDR") not in {"127.0.0.1", "::1"}:
        raise Http404
    messages_sent = OutboxMessage.objects.exclude(channel=OutboxMessage.Channel.INAPP)[:100]
    return render(request, "web/dev_outbox.html", {"messages_sent": messages_sent})
