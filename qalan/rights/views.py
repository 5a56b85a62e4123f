"""Web pages of the privacy centre (every signed-in user) and of the public request form."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from qalan.core.consent import ConsentPurpose
from qalan.core.feedback import apply_service_errors, error_messages
from qalan.core.inventory import Category, Erasure
from qalan.rights import selectors, services
from qalan.rights.export import export_filename, export_zip_stream
from qalan.rights.forms import (
    CodeForm,
    ComplaintForm,
    CorrectionForm,
    DeleteAccountForm,
    ObjectionForm,
    PublicRequestForm,
    RequestForm,
)
from qalan.rights.models import DataRequest, RequestKind
from qalan.rights.report import data_sections, information_report_document

PUBLIC_REQUEST_SESSION_KEY = "qalan_public_request"


def _duplicate_link(request, error: ValidationError) -> None:
    """A second open request of the same kind: show where the first one is."""
    for item in error.error_dict.get("kind", []) if hasattr(error, "error_dict") else []:
        if item.code == "duplicate":
            url = reverse("rights:request_detail", args=[item.params["number"]])
            messages.info(request, format_html('<a href="{}">{}</a>', url, _("Open request #%(number)s") % item.params))


def _submit(request, form, **fields) -> DataRequest | None:
    """Send the request; errors go onto the form (or, without one, into the messages)."""
    try:
        return services.request_submit(actor=request.user, language=get_language() or "", **fields)
    except ValidationError as exc:
        if form is None:
            error_messages(request, exc)
        else:
            apply_service_errors(form, exc)
        _duplicate_link(request, exc)
        return None


# --- Overview and My data -----------------------------------------------------------------


@login_required
def centre(request):
    return render(
        request,
        "rights/centre.html",
        {
            "pending_deletion": selectors.account_deletion_pending(viewer=request.user),
            "requests": selectors.requests_for_owner(viewer=request.user)[:10],
        },
    )


@login_required
def my_data(request):
    return render(request, "rights/my_data.html", {"sections": data_sections(request.user)})


@login_required
def my_data_document(request):
    """The same list as a document to keep (self-contained HTML)."""
    response = HttpResponse(information_report_document(request.user), content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="qalan-my-data.html"'
    return response


@login_required
def information(request):
    """P6.1: ask for the information report; it is answered at once."""
    if request.method == "POST":
        created = _submit(request, None, kind=RequestKind.INFORMATION)
        if created is not None:
            messages.success(request, _("Your information report is ready."))
            return redirect("rights:request_detail", created.pk)
    return render(request, "rights/information.html")


# --- Download -----------------------------------------------------------------------------


@login_required
def download(request):
    return render(
        request,
        "rights/download.html",
        {"exports": selectors.exports_for(viewer=request.user)[:10], "minutes": settings.QALAN_EXPORT_LINK_MINUTES},
    )


@login_required
@require_POST
def download_link(request):
    """A new link for the viewer's own data, followed at once: the ZIP is built as it streams.
    The raw token appears only in this redirect."""
    _export, raw = services.export_create(actor=request.user, user=request.user)
    return redirect("rights:download_file", raw)


@never_cache
@login_required
def download_file(request, token: str):
    export = services.export_open(viewer=request.user, token=token)
    if not export.is_live:
        return render(request, "rights/download_expired.html", status=410)
    response = StreamingHttpResponse(export_zip_stream(request.user), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{export_filename(request.user)}"'
    response["Cache-Control"] = "no-store"
    return response


# --- Correct ------------------------------------------------------------------------------


@login_required
def correct(request):
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = _submit(request, form, kind=RequestKind.CORRECTION, **form.cleaned_data)
        if created is not None:
            messages.success(
                request,
                _("Request #%(number)s is sent. We will answer by %(due)s.")
                % {"number": created.pk, "due": created.due_on.strftime("%d.%m.%Y")},
            )
            return redirect("rights:request_detail", created.pk)
    return render(request, "rights/correct.html", {"form": form})


# --- Consents and objections --------------------------------------------------------------


def _purpose_or_404(purpose: str) -> str:
    if purpose not in ConsentPurpose.values:
        raise Http404
    return purpose


@login_required
def consents(request):
    return render(
        request,
        "rights/consents.html",
        {"consents": selectors.consents_for(viewer=request.user), "objection_form": ObjectionForm()},
    )


@login_required
def consent_withdraw(request, purpose: str):
    """The consequence first, then the confirmation (P2.2.a)."""
    purpose = _purpose_or_404(purpose)
    if purpose == ConsentPurpose.PLATFORM:
        return redirect("rights:delete_account")
    if purpose in selectors.COOKIE_PURPOSES:
        return redirect("privacy:cookies")
    line = next(c for c in selectors.consents_for(viewer=request.user) if c.purpose == purpose)
    if request.method == "POST":
        try:
            services.consent_withdraw_by_user(actor=request.user, purpose=purpose)
        except ValidationError as exc:
            error_messages(request, exc)
        else:
            messages.success(request, _("Consent withdrawn: %(purpose)s.") % {"purpose": line.label})
        return redirect("rights:consents")
    return render(request, "rights/consent_withdraw.html", {"line": line})


@login_required
@require_POST
def consent_give(request, purpose: str):
    purpose = _purpose_or_404(purpose)
    if purpose in selectors.COOKIE_PURPOSES:
        return redirect("privacy:cookies")
    try:
        services.consent_give_by_user(actor=request.user, purpose=purpose)
    except ValidationError as exc:
        error_messages(request, exc)
    else:
        messages.success(request, _("Consent given. You can withdraw it here at any time."))
    return redirect("rights:consents")


@login_required
def objection(request):
    """An objection to processing not needed for the service (P6.3): the DPO decides."""
    form = ObjectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = _submit(request, form, kind=RequestKind.OBJECTION, description=form.cleaned_data["description"])
        if created is not None:
            messages.success(request, _("Your objection is request #%(number)s.") % {"number": created.pk})
            return redirect("rights:request_detail", created.pk)
    return render(
        request,
        "rights/consents.html",
        {"consents": selectors.consents_for(viewer=request.user), "objection_form": form},
    )


# --- Restriction --------------------------------------------------------------------------


@login_required
def restrict(request):
    if request.method == "POST":
        restricted = request.POST.get("restricted") == "on"
        services.dissemination_restrict(actor=request.user, user=request.user, restricted=restricted)
        messages.success(
            request,
            _("Other users no longer see your data.") if restricted else _("Your name is shown to other users again."),
        )
        return redirect("rights:restrict")
    return render(request, "rights/restrict.html", {"restricted": request.user.profile.restrict_dissemination})


# --- Who sees my data ---------------------------------------------------------------------


def _processors(sections) -> list[tuple[object, list[str]]]:
    """Each recipient named by the inventory for the user's data, with which data it gets."""
    grouped: dict[str, tuple[object, list[str]]] = {}
    for section in sections:
        for recipient in section.recipients:
            grouped.setdefault(getattr(recipient, "slug", recipient), (recipient, []))[1].append(section.title)
    return list(grouped.values())


@login_required
def who_sees(request):
    return render(
        request,
        "rights/who_sees.html",
        {
            "who": selectors.who_sees(viewer=request.user),
            "processors": _processors(data_sections(request.user)),
            "disclosures": selectors.disclosures_for(viewer=request.user)[:200],
        },
    )


# --- Complain -----------------------------------------------------------------------------

# What happens if a person does not give some data (P6.6), by category of the inventory.
REFUSAL_CONSEQUENCES = [
    (Category.IDENTITY, "identity"),
    (Category.CONTACT, "contact"),
    (Category.CREDENTIALS, "credentials"),
    (Category.PROFILE, "profile"),
    (Category.LEARNING, "learning"),
    (Category.FINANCIAL, "financial"),
    (Category.TECHNICAL, "technical"),
]


def refusal_consequences() -> list[tuple[str, str]]:
    texts = {
        "identity": _("Without a username there is no account: the platform cannot be used."),
        "contact": _(
            "Without a phone number we cannot create the account or recover a lost password. "
            "An e-mail address is optional: without it, codes and notices come by SMS."
        ),
        "credentials": _("Without a password nobody can sign in, so the account cannot be used."),
        "profile": _(
            "Your name, grade, school, date of birth and photo are optional: without them the service is less personal, nothing more."
        ),
        "learning": _("Results are what practice produces: without them we cannot show progress or recommend tasks."),
        "financial": _("Without payment details extended access cannot be bought; free learning stays open."),
        "technical": _(
            "Some technical data is sent by every browser and app; without it the platform cannot work securely."
        ),
    }
    return [(str(category.label), texts[key]) for category, key in REFUSAL_CONSEQUENCES]


@login_required
def complain(request):
    form = ComplaintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = _submit(request, form, kind=RequestKind.COMPLAINT, description=form.cleaned_data["description"])
        if created is not None:
            messages.success(
                request,
                _("Your complaint is request #%(number)s. We will answer by %(due)s.")
                % {"number": created.pk, "due": created.due_on.strftime("%d.%m.%Y")},
            )
            return redirect("rights:request_detail", created.pk)
    return render(request, "rights/complain.html", {"form": form, "refusal_consequences": refusal_consequences()})


# --- Requests -----------------------------------------------------------------------------


@login_required
def requests_list(request):
    return render(request, "rights/requests.html", {"requests": selectors.requests_for_owner(viewer=request.user)})


@login_required
def request_new(request):
    form = RequestForm(request.POST or None, initial={"kind": request.GET.get("kind", "")})
    if request.method == "POST" and form.is_valid():
        created = _submit(request, form, **form.cleaned_data)
        if created is not None:
            messages.success(
                request,
                _("Request #%(number)s is sent. We will answer by %(due)s.")
                % {"number": created.pk, "due": created.due_on.strftime("%d.%m.%Y")},
            )
            return redirect("rights:request_detail", created.pk)
    return render(request, "rights/request_new.html", {"form": form})


@login_required
def request_detail(request, request_id: int):
    data_request = selectors.request_for_owner(viewer=request.user, request_id=request_id)
    return render(
        request,
        "rights/request_detail.html",
        {"data_request": data_request, "events": selectors.request_public_events(request=data_request)},
    )


@login_required
def request_document(request, request_id: int):
    """The written answer as a document to download and keep (P7.4)."""
    data_request = selectors.request_for_owner(viewer=request.user, request_id=request_id)
    if data_request.is_open:
        raise Http404
    html = render_to_string(
        "rights/answer_document.html", {"data_request": data_request, "generated_at": timezone.now()}, request=request
    )
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="qalan-answer-{data_request.pk}.html"'
    return response


@login_required
@require_POST
def request_withdraw(request, request_id: int):
    data_request = selectors.request_for_owner(viewer=request.user, request_id=request_id)
    try:
        services.request_withdraw(actor=request.user, request=data_request)
    except ValidationError as exc:
        error_messages(request, exc)
    else:
        messages.success(request, _("Request #%(number)s is withdrawn.") % {"number": data_request.pk})
    return redirect("rights:request_detail", data_request.pk)


# --- Delete my account --------------------------------------------------------------------


def _erasure_groups() -> dict[str, list[str]]:
    """What erasure does to each kind of record, from the inventory."""
    from qalan.core.inventory import declarations

    groups: dict[str, list[str]] = {value: [] for value in Erasure.values}
    for declaration in declarations():
        if declaration.subjects:
            groups[declaration.erasure].append(str(declaration.description))
    return groups


@never_cache
@login_required
def delete_account(request):
    pending = selectors.account_deletion_pending(viewer=request.user)
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and pending is None and form.is_valid():
        try:
            created = services.account_deletion_request(
                actor=request.user, password=form.cleaned_data["password"], confirm=form.cleaned_data["confirm"]
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Your account will be deleted on %(date)s. Until then you can cancel here.")
                % {"date": timezone.localtime(created.erasure_after).strftime("%d.%m.%Y %H:%M")},
            )
            return redirect("rights:delete_account")
    groups = _erasure_groups()
    return render(
        request,
        "rights/delete_account.html",
        {
            "form": form,
            "pending": pending,
            "deleted": groups[Erasure.DELETE],
            "anonymised": groups[Erasure.ANONYMISE],
            "scrubbed": groups[Erasure.SCRUB],
            "archived": groups[Erasure.ARCHIVE],
            "cooloff_days": settings.QALAN_DELETION_COOLOFF_DAYS,
        },
    )


@login_required
@require_POST
def delete_account_cancel(request):
    pending = selectors.account_deletion_pending(viewer=request.user)
    if pending is None:
        raise Http404
    try:
        services.account_deletion_cancel(actor=request.user, request=pending)
    except ValidationError as exc:
        error_messages(request, exc)
    else:
        messages.success(request, _("The deletion is cancelled. Your account stays."))
    return redirect("rights:delete_account")


# --- A request from someone who is not signed in ------------------------------------------


@never_cache
def public_request(request):
    if request.user.is_authenticated:
        return redirect("rights:request_new")
    form = PublicRequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.request_submit_public(
                kind=data["kind"],
                requester_name=data["requester_name"],
                requester_contact=data["requester_contact"],
                account_identifier=data["account_identifier"],
                description=data["description"],
                data_concerned=data["data_concerned"],
                by_representative=data["by_representative"],
                power_of_attorney=data["power_of_attorney"],
                consent_purpose=data["consent_purpose"],
                code_channel=data["code_channel"],
                language=get_language() or "",
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            request.session[PUBLIC_REQUEST_SESSION_KEY] = services.public_token(created)
            return redirect("rights:public_confirm")
    return render(request, "rights/public_request.html", {"form": form})


@never_cache
def public_confirm(request):
    token = request.session.get(PUBLIC_REQUEST_SESSION_KEY)
    if not token:
        return redirect("rights:public_request")
    try:
        data_request = services.request_from_public_token(token)
    except BadSignature:
        del request.session[PUBLIC_REQUEST_SESSION_KEY]
        return redirect("rights:public_request")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "resend":
        services.request_code_send(actor=None, request=data_request)
        messages.info(request, _("If the account exists, a new code is on its way."))
        return redirect("rights:public_confirm")
    if request.method == "POST" and form.is_valid():
        try:
            services.request_verify_code(request=data_request, code=form.cleaned_data["code"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            del request.session[PUBLIC_REQUEST_SESSION_KEY]
            return render(request, "rights/public_done.html", {"number": data_request.pk})
    return render(
        request,
        "rights/public_confirm.html",
        {"form": form, "number": data_request.pk, "representative": data_request.by_representative},
    )
