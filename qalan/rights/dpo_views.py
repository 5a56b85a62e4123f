"""The DPO workspace: the request queue with its SLA board, one request and its actions, and
the recipients register with the disclosure log. Everyone but the DPO gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from qalan.core.feedback import apply_service_errors, error_messages
from qalan.rights import selectors, services
from qalan.rights.breaches import incident_alarms
from qalan.rights.forms import (
    AnswerForm,
    AssignForm,
    DisclosureForm,
    EnterRequestForm,
    ExtendForm,
    LinkAccountForm,
    NoteForm,
    PowerOfAttorneyForm,
    RefuseForm,
    VerifyForm,
)
from qalan.rights.models import DataRequest, RequestKind
from qalan.rights.security import security_selftest_latest


@login_required
def queue(request):
    show = request.GET.get("show", "open")
    if show not in selectors.QUEUE_FILTERS:
        show = "open"
    kind = request.GET.get("kind", "")
    query = request.GET.get("q", "")
    if query:
        requests = selectors.request_search(viewer=request.user, query=query)
    else:
        requests = selectors.requests_for_dpo(viewer=request.user, show=show, kind=kind)
    return render(
        request,
        "rights/dpo/queue.html",
        {
            "board": selectors.sla_board(viewer=request.user),
            "alarms": incident_alarms(viewer=request.user),
            "selftest": security_selftest_latest(),
            "requests": requests[:300],
            "show": show,
            "kind": kind,
            "query": query,
            "filters": selectors.QUEUE_FILTERS,
            "kinds": RequestKind.choices,
        },
    )


def _forms(viewer, data_request: DataRequest, bound: dict | None = None) -> dict:
    forms = {
        "assign_form": AssignForm(
            dpos=selectors.dpo_users(viewer=viewer), initial={"assignee": data_request.assigned_to}
        ),
        "note_form": NoteForm(),
        "verify_form": VerifyForm(),
        "link_form": LinkAccountForm(),
        "answer_form": AnswerForm(),
        "refuse_form": RefuseForm(),
        "extend_form": ExtendForm(initial={"until": services.request_latest_due(data_request)}),
        "poa_form": PowerOfAttorneyForm(),
    }
    forms.update(bound or {})
    return forms


def _detail(request, data_request: DataRequest, bound: dict | None = None, status: int = 200):
    context = {
        "data_request": data_request,
        "events": data_request.events.select_related("actor").order_by("created_at", "id"),
        "has_poa": hasattr(data_request, "power_of_attorney"),
        "max_due": services.request_latest_due(data_request),
        **_forms(request.user, data_request, bound),
    }
    return render(request, "rights/dpo/request.html", context, status=status)


@never_cache
@login_required
def request_view(request, request_id: int):
    return _detail(request, selectors.request_for_dpo(viewer=request.user, request_id=request_id))


# Each action: its form, and how the service is called with the cleaned data.
ACTIONS = {
    "assign": (
        "assign_form",
        lambda actor, r, d: services.request_assign(actor=actor, request=r, assignee=d["assignee"]),
    ),
    "comment": ("note_form", lambda actor, r, d: services.request_comment(actor=actor, request=r, note=d["note"])),
    "verify": ("verify_form", lambda actor, r, d: services.request_verify(actor=actor, request=r, note=d["note"])),
    "link": (
        "link_form",
        lambda actor, r, d: services.request_link_account(
            actor=actor, request=r, account_identifier=d["account_identifier"]
        ),
    ),
    "answer": ("answer_form", lambda actor, r, d: services.request_answer(actor=actor, request=r, answer=d["answer"])),
    "refuse": (
        "refuse_form",
        lambda actor, r, d: services.request_refuse(
            actor=actor, request=r, reason=d["reason"], legal_ground=d["legal_ground"]
        ),
    ),
    "extend": (
        "extend_form",
        lambda actor, r, d: services.request_extend(actor=actor, request=r, until=d["until"], reason=d["reason"]),
    ),
    "poa": (
        "poa_form",
        lambda actor, r, d: services.power_of_attorney_attach(actor=actor, request=r, upload=d["power_of_attorney"]),
    ),
}
DONE = {
    "assign": gettext_lazy("Assigned."),
    "comment": gettext_lazy("Comment added."),
    "verify": gettext_lazy("Identity confirmed; the request is in progress."),
    "link": gettext_lazy("The request is linked to the account."),
    "answer": gettext_lazy("Answer sent."),
    "refuse": gettext_lazy("Refusal sent."),
    "extend": gettext_lazy("The due date is moved and the requester is told why."),
    "poa": gettext_lazy("The power of attorney is stored encrypted."),
}


def _form_for(name: str, request):
    classes = {
        "assign_form": lambda: AssignForm(request.POST, dpos=selectors.dpo_users(viewer=request.user)),
        "note_form": lambda: NoteForm(request.POST),
        "verify_form": lambda: VerifyForm(request.POST),
        "link_form": lambda: LinkAccountForm(request.POST),
        "answer_form": lambda: AnswerForm(request.POST),
        "refuse_form": lambda: RefuseForm(request.POST),
        "extend_form": lambda: ExtendForm(request.POST),
        "poa_form": lambda: PowerOfAttorneyForm(request.POST, request.FILES),
    }
    return classes[name]()


@login_required
@require_POST
def request_action(request, request_id: int, action: str):
    data_request = selectors.request_for_dpo(viewer=request.user, request_id=request_id)
    if action == "code":
        services.request_code_send(actor=request.user, request=data_request, channel=request.POST.get("channel", "sms"))
        messages.success(request, _("A code was sent to the account's own phone or e-mail."))
        return redirect("rights:dpo_request", data_request.pk)
    if action == "withdraw":
        try:
            services.request_withdraw(actor=request.user, request=data_request)
        except ValidationError as exc:
            error_messages(request, exc)
        return redirect("rights:dpo_request", data_request.pk)
    if action not in ACTIONS:
        return redirect("rights:dpo_request", data_request.pk)
    form_name, run = ACTIONS[action]
    form = _form_for(form_name, request)
    if form.is_valid():
        try:
            run(request.user, data_request, form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, DONE[action])
            return redirect("rights:dpo_request", data_request.pk)
    data_request.refresh_from_db()
    return _detail(request, data_request, bound={form_name: form}, status=400)


@never_cache
@login_required
def power_of_attorney(request, request_id: int):
    data_request = selectors.request_for_dpo(viewer=request.user, request_id=request_id)
    document, content = services.power_of_attorney_open(viewer=request.user, request=data_request)
    response = HttpResponse(content, content_type=document.content_type)
    response["Content-Disposition"] = f'inline; filename="power-of-attorney-{data_request.pk}"'
    response["Cache-Control"] = "no-store"
    return response


INQUIRY_KIND = {"complaint": RequestKind.COMPLAINT, "request": RequestKind.OTHER, "question": RequestKind.INFORMATION}


def _inquiry(request):
    """The message to the DPO a request is made from (``?inquiry=N``), if any."""
    from qalan.privacy.selectors import inquiries_for

    number = request.POST.get("inquiry") or request.GET.get("inquiry") or ""
    if not number.isdigit():
        return None
    return inquiries_for(viewer=request.user).filter(pk=int(number)).first()


@login_required
def enter(request):
    selectors.dpo_users(viewer=request.user)  # 404 for anyone but the DPO
    inquiry = _inquiry(request)
    initial = {"received_on": timezone.localdate(), "channel": "email"}
    if inquiry is not None:
        initial.update(
            received_on=timezone.localdate(inquiry.created_at),
            requester_name=inquiry.name,
            requester_contact=inquiry.contact,
            account_identifier=inquiry.user.username if inquiry.user else "",
            description=inquiry.message,
            kind=INQUIRY_KIND.get(inquiry.topic, RequestKind.OTHER),
        )
    form = EnterRequestForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.request_enter(
                actor=request.user,
                kind=data["kind"],
                channel=data["channel"],
                requester_name=data["requester_name"],
                requester_contact=data["requester_contact"],
                account_identifier=data["account_identifier"],
                description=data["description"],
                data_concerned=data["data_concerned"],
                by_representative=data["by_representative"],
                power_of_attorney=data["power_of_attorney"],
                consent_purpose=data["consent_purpose"],
                received_on=data["received_on"],
                inquiry=inquiry,
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Request #%(number)s is entered.") % {"number": created.pk})
            return redirect("rights:dpo_request", created.pk)
    return render(request, "rights/dpo/enter.html", {"form": form, "inquiry": inquiry})


@login_required
def disclosures(request):
    selectors.dpo_users(viewer=request.user)
    form = DisclosureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = selectors.account_find(viewer=request.user, identifier=data["account_identifier"])
        if person is None:
            form.add_error("account_identifier", _("No single active account has this username or phone. Check it."))
        else:
            try:
                services.disclosure_record(
                    actor=request.user,
                    recipient=data["recipient"],
                    user=person,
                    categories=data["categories"],
                    description=data["description"],
                    legal_basis=data["legal_basis"],
                    basis_detail=data["basis_detail"],
                    inform_user=data["inform_user"],
                    not_informed_reason=data["not_informed_reason"],
                )
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                messages.success(request, _("The disclosure is recorded."))
                return redirect("rights:dpo_disclosures")
    return render(
        request,
        "rights/dpo/disclosures.html",
        {
            "form": form,
            "recipients": selectors.recipients_register(),
            "disclosures": selectors.disclosure_log(viewer=request.user)[:200],
        },
    )
