"""Privacy pages: the policy and its versions, the operator's contact page, the DPO inbox."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from qalan.privacy import selectors, services
from qalan.privacy.cookies import NECESSARY_DESCRIPTION, OPTIONAL, CookieChoice, choice_read, choice_write
from qalan.privacy.forms import InquiryForm


def policy(request):
    current = selectors.policy_current()
    if current is None:
        raise Http404
    return render(request, "privacy/policy.html", {"policy": current, "versions": selectors.policy_versions()})


def policy_version(request, version: str):
    return render(
        request,
        "privacy/policy.html",
        {"policy": selectors.policy_get(version=version), "versions": selectors.policy_versions()},
    )


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
