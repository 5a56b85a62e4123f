"""Lifecycle pages: the blocked account's notice, staff blocks, legal holds and erasure runs
for the DPO, and the archive for the accountant."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qalan.accounts.models import User
from qalan.core.feedback import apply_service_errors
from qalan.lifecycle import selectors, services
from qalan.lifecycle.forms import ArchiveReadForm, ArchiveSearchForm, BlockForm, LegalHoldForm


def _user_by_username(form, username: str, field: str = "username"):
    user = User.objects.filter(username__iexact=(username or "").strip()).first()
    if user is None:
        form.add_error(field, _("There is no account with this username. Check the spelling."))
    return user


@login_required
def blocked(request):
    block = selectors.active_block(request.user)
    if block is None:
        return redirect("accounts:profile")
    return render(request, "lifecycle/blocked.html", {"account_block": block})


@login_required
def blocks(request):
    all_blocks = selectors.account_blocks_for(viewer=request.user)
    form = BlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = _user_by_username(form, form.cleaned_data["username"])
        if user is not None:
            try:
                block = services.account_block(
                    actor=request.user,
                    user=user,
                    reason=form.cleaned_data["reason"],
                    explanation=form.cleaned_data["explanation"],
                )
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                messages.success(
                    request, _("Account blocked (block #%(number)s). The person was told why.") % {"number": block.pk}
                )
                return redirect("lifecycle:blocks")
    return render(request, "lifecycle/blocks.html", {"form": form, "blocks": all_blocks[:200]})


@login_required
@require_POST
def block_lift(request, block_id: int):
    block = selectors.account_block_get(viewer=request.user, block_id=block_id)
    services.account_unblock(actor=request.user, block=block)
    messages.success(request, _("Block #%(number)s lifted: the person can sign in again.") % {"number": block.pk})
    return redirect("lifecycle:blocks")


@login_required
def holds(request):
    all_holds = selectors.legal_holds_for(viewer=request.user)
    form = LegalHoldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = _user_by_username(form, data["username"]) if data["username"] else None
        if not form.errors:
            try:
                hold = services.legal_hold_place(
                    actor=request.user,
                    user=user,
                    dataset=data["dataset"],
                    reason=data["reason"],
                    ends_on=data["ends_on"],
                )
            except ValidationError as exc:
                apply_service_errors(form, exc)
            else:
                messages.success(request, _("Legal hold #%(number)s placed.") % {"number": hold.pk})
                return redirect("lifecycle:holds")
    waiting = selectors.erasure_runs_for(viewer=request.user).filter(status="held")
    return render(request, "lifecycle/holds.html", {"form": form, "holds": all_holds[:200], "waiting": waiting})


@login_required
@require_POST
def hold_release(request, hold_id: int):
    hold = selectors.legal_hold_get(viewer=request.user, hold_id=hold_id)
    services.legal_hold_release(actor=request.user, hold=hold)
    messages.success(
        request, _("Legal hold #%(number)s released. Suspended deletions resume on the next run.") % {"number": hold.pk}
    )
    return redirect("lifecycle:holds")


@login_required
def erasures(request):
    runs = selectors.erasure_runs_for(viewer=request.user)[:100]
    return render(request, "lifecycle/erasures.html", {"runs": runs})


@login_required
def archive(request):
    search = ArchiveSearchForm(request.GET or None)
    person = search.cleaned_data["person"] if search.is_valid() else ""
    records = selectors.archive_records_for(viewer=request.user, person=person)[:200]
    return render(request, "lifecycle/archive.html", {"search": search, "records": records, "person": person})


@login_required
def archive_record(request, record_id: int):
    record = selectors.archive_record_get(viewer=request.user, record_id=record_id)
    form = ArchiveReadForm(request.POST or None)
    content = None
    if request.method == "POST" and form.is_valid():
        content = services.archive_record_read(viewer=request.user, record=record, purpose=form.cleaned_data["purpose"])
    return render(request, "lifecycle/archive_record.html", {"record": record, "form": form, "content": content})
