"""Privacy pages: the policy and its versions, the operator's contact page, the DPO inbox."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qalan.core import hooks
from qalan.core.feedback import apply_service_errors
from qalan.core.redirects import safe_next
from qalan.privacy import selectors, services
from qalan.privacy.cookies import NECESSARY_DESCRIPTION, OPTIONAL, CookieChoice, choice_read, choice_write
from qalan.privacy.forms import GuardianCodeForm, GuardianConsentForm, GuardianResendForm, InquiryForm
from qalan.privacy.gate import consent_missing
from qalan.privacy.models import GuardianConsentRequest
from qalan.privacy.selectors import guardian_child


def _policy_page(request, policy):
    return render(
        request,
        "privacy/policy.html",
        {
            "policy": policy,
            "current": selectors.policy_current(),
            "versions": selectors.policy_versions(),
            "previous": selectors.policy_previous(policy),
            "separate_operators": hooks.ask(
                hooks.separate_operators, sender="privacy", default=[], viewer=request.user
            ),
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
        messages.success(
            request, _("Thank you. You accepted the Privacy Policy version %(version)s.") % {"version": pending.version}
        )
    return redirect(safe_next(request, "/"))


@login_required
def policy_disagree(request):
    """A user who disagrees tells us why (P9.3) and is shown how to delete the account."""
    pending = selectors.policy_notice_pending(user=request.user) or selectors.policy_current()
    form = InquiryForm(
        request.POST or None,
        initial={
            "name": request.user.profile.full_name or request.user.username,
            "contact": request.user.email or request.user.phone,
            "topic": "policy",
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.inquiry_submit(user=request.user, language=get_language() or "", **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Your objection reached the person responsible for personal data."))
            return redirect("privacy:policy_disagree")
    return render(
        request, "privacy/policy_disagree.html", {"form": form, "policy": pending, "delete_url": _delete_account_url()}
    )


def _delete_account_url() -> str | None:
    for name in ("rights:delete_account", "rights:account_delete", "rights:deletion"):
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def contact(request):
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.profile.full_name, "contact": request.user.email or request.user.phone}
    form = InquiryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            inquiry = services.inquiry_submit(user=request.user, language=get_language() or "", **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
            return render(request, "privacy/contact.html", {"form": form})
        messages.success(
            request,
            _(
                "Your message #%(number)s reached the person responsible for personal data. "
                "You will get an answer within 20 business days at most."
            )
            % {"number": inquiry.pk},
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
        response = redirect(safe_next(request, reverse("privacy:cookies")))
        choice_write(response, choice)
        messages.success(
            request, _("Your cookie settings are saved. You can change them at any time from the page footer.")
        )
        return response
    categories = [
        {"name": name, "description": description, "checked": bool(current and getattr(current, name))}
        for name, description in OPTIONAL.items()
    ]
    return render(
        request,
        "privacy/cookies.html",
        {
            "categories": categories,
            "necessary": NECESSARY_DESCRIPTION,
            "current": current,
            "next": request.GET.get("next", ""),
        },
    )


GUARDIAN_SESSION_KEY = "qalan_guardian_request"


def guardian_confirm(request, token: str):
    """The link from the message to the parent: no sign-in needed, the signed link is the proof."""
    try:
        consent_request = services.guardian_request_from_token(token)
    except ValidationError as exc:
        return render(request, "privacy/guardian_invalid.html", {"message": exc.messages[0]}, status=400)
    return _guardian_form(request, consent_request)


def guardian_code(request):
    """For a parent who got the code: the child's username and the code open the same form."""
    form = GuardianCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consent_request = services.guardian_request_from_code(**form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            request.session[GUARDIAN_SESSION_KEY] = consent_request.pk
            return redirect("privacy:guardian_answer")
    return render(request, "privacy/guardian_code.html", {"form": form})


def guardian_answer(request):
    request_id = request.session.get(GUARDIAN_SESSION_KEY)
    consent_request = (
        GuardianConsentRequest.objects.select_related("child")
        .filter(pk=request_id, confirmed_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if consent_request is None:
        return redirect("privacy:guardian_code")
    return _guardian_form(request, consent_request)


def _guardian_form(request, consent_request):
    form = GuardianConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.guardian_consent_confirm(request=consent_request, guardian=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            request.session.pop(GUARDIAN_SESSION_KEY, None)
            return render(request, "privacy/guardian_done.html", {"child": consent_request.child})
    elif request.method == "POST" and not form.cleaned_data.get("consent"):
        form.add_error("consent", _("To let your child use Qalan, tick the box to give your consent."))
    return render(
        request,
        "privacy/guardian_confirm.html",
        {"form": form, "child": consent_request.child, "policy": selectors.policy_current()},
    )


@login_required
def consent_required(request):
    """Where a user without platform consent lands: why, and what they can do."""
    pending = request.user.guardian_requests.filter(confirmed_at__isnull=True).order_by("-created_at").first()
    if not consent_missing(request.user):
        return redirect("web:home")
    resend_form = GuardianResendForm(request.POST or None) if pending else None
    if request.method == "POST" and pending and resend_form.is_valid():
        try:
            services.guardian_request_resend(child=request.user, contact=resend_form.cleaned_data["guardian_contact"])
        except ValidationError as exc:
            apply_service_errors(resend_form, exc)
        else:
            messages.success(request, _("We sent the request to your parent again."))
            return redirect("privacy:consent_required")
    if request.method == "POST" and not pending and request.POST.get("action") == "consent":
        services.consent_give(
            user=request.user,
            actor=request.user,
            purpose="platform",
            channel="web",
            evidence={
                "form": "consent required page",
                "text": "I consent to the processing of my personal data again.",
            },
        )
        messages.success(request, _("Thank you. Your consent is recorded and learning is open again."))
        return redirect("web:home")
    return render(
        request,
        "privacy/consent_required.html",
        {"pending": pending, "resend_form": resend_form, "delete_url": _delete_account_url()},
    )


@login_required
def child_consents(request, child_id: int):
    """A linked parent sees their child's consents and their history (the child consents alone
    from the consent age; under it the parent did)."""
    child = guardian_child(viewer=request.user, child_id=child_id)
    return render(
        request,
        "privacy/child_consents.html",
        {
            "child": child,
            "states": selectors.consent_states(user=child),
            "history": selectors.consent_history(user=child)[:50],
        },
    )
