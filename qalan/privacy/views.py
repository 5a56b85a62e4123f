"""Privacy pages: the policy and its versions, the operator's contact page, the DPO inbox."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_POST
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from qalan.privacy import selectors, services
from qalan.privacy.cookies import NECESSARY_DESCRIPTION, OPTIONAL, CookieChoice, choice_read, choice_write
from qalan.privacy.forms import InquiryForm


def _policy_page(request, policy):
    return render(
        request,
        "privacy/policy.html",
        {
            "policy": policy,
            "current": selectors.policy_current(),
            "versions": selectors.policy_versions(),
            "previous": selectors.policy_previous(policy),
        },
    )


def policy(request):
    current = selectors.policy_current()
    if current is None:
        raise Http404
    return _policy_page(request, current)


def policy_version(request, version: str):
    return _policy_page(request, selectors.policy_get(version=version))


def policy_changes(request, version: str):
    """What changed between a version and the one before it, line by line."""
    policy = selectors.policy_get(version=version)
    previous = selectors.policy_previous(policy)
    if previous is None:
        raise Http404
    return render(
        request,
        "privacy/policy_changes.html",
        {"policy": policy, "previous": previous, "changes": selectors.policy_diff(previous, policy)},
    )


@login_required
@require_POST
def policy_accept(request):
    pending = selectors.policy_notice_pending(user=request.user)
    if pending is None or request.POST.get("version") != pending.version:
        messages.info(request, _("There is no policy change waiting for your answer."))
    else:
        services.policy_accept(user=request.user, policy=pending, channel="web")
        messages.success(request, _("Thank you. You accepted the Privacy Policy version %(version)s.") % {"version": pending.version})
    return redirect(_safe_next(request, "/"))


@login_required
def policy_disagree(request):
    """A user who disagrees tells us why (P9.3) and is shown how to delete the account."""
    pending = selectors.policy_notice_pending(user=request.user) or selectors.policy_current()
    form = InquiryForm(
        request.POST or None,
        initial={"name": request.user.profile.full_name or request.user.username, "contact": request.user.email or request.user.phone, "topic": "policy"},
    )
    if request.method == "POST" and form.is_valid():
        services.inquiry_submit(user=request.user, language=get_language() or "", **form.cleaned_data)
        messages.success(request, _("Your objection reached the person responsible for personal data."))
        return redirect("privacy:policy_disagree")
    return render(request, "privacy/policy_disagree.html", {"form": form, "policy": pending, "delete_url": _delete_account_url()})


def _delete_account_url() -> str | None:
    for name in ("rights:delete_account", "rights:account_delete", "rights:deletion"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def contact(request):
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.profile.full_name, "contact": request.user.email or request.user.phone}
    form = InquiryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        inquiry = services.inquiry_submit(user=request.user, language=get_language() or "", **form.cleaned_data)
        messages.success(
            request,
            _("Your message #%(number)s reached the person responsible for personal data. "
              "You will get an answer within 20 business days at most.") % {"number": inquiry.pk},
        )
        return redirect("privacy:contact")
    return render(request, "privacy/contact.html", {"form": form})


@login_required
def dpo_inbox(request):
    inquiries = selectors.inquiries_for(viewer=request.user).select_related("user")[:200]
    return render(request, "privacy/dpo_inbox.html", {"inquiries": inquiries})


def cookie_settings(request):
    """The cookie banner posts here; the footer link opens it to change the choice at any time."""
    current = choice_read(request)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "accept":
            choice = CookieChoice.all(True)
        elif action == "reject":
            choice = CookieChoice.all(False)
        else:
            choice = CookieChoice(**{name: request.POST.get(name) == "on" for name in OPTIONAL})
        services.cookie_choice_record(user=request.user, choice=choice)
        target = request.POST.get("next") or ""
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
            target = reverse("privacy:cookies")
        response = redirect(target)
        choice_write(response, choice)
        messages.success(request, _("Your cookie settings are saved. You can change them at any time from the page footer."))
        return response
    categories = [
        {"name": name, "description": description, "checked": bool(current and getattr(current, name))}
        for name, description in OPTIONAL.items()
    ]
    return render(
        request,
        "privacy/cookies.html",
        {"categories": categories, "necessary": NECESSARY_DESCRIPTION, "current": current, "next": request.GET.get("next", "")},
    )
