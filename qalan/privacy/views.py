"""Privacy pages: the policy and its versions, the operator's contact page, the DPO inbox."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from qalan.privacy import selectors, services
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
