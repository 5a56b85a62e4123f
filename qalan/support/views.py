"""Support pages: my tickets and a new one (open to everyone), a ticket's thread, the staff queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qalan.core.feedback import apply_service_errors
from qalan.support import selectors, services
from qalan.support.forms import ReplyForm, TicketForm


def tickets(request):
    initial = {}
    if request.user.is_authenticated:
        initial = {"contact": request.user.email or request.user.phone}
    form = TicketForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            ticket = services.ticket_open(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Your ticket #%(number)s reached support. We will answer you as soon as we can.")
                % {"number": ticket.pk},
            )
            if request.user.is_authenticated:
                return redirect("support:ticket", ticket_id=ticket.pk)
            return redirect("support:tickets")
    return render(
        request,
        "support/tickets.html",
        {
            "form": form,
            "tickets": selectors.tickets_for(viewer=request.user).filter(user=request.user.pk)[:100]
            if request.user.is_authenticated
            else [],
        },
    )


@login_required
def ticket(request, ticket_id: int):
    ticket = selectors.ticket_get(viewer=request.user, ticket_id=ticket_id)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.ticket_reply(actor=request.user, ticket=ticket, body=form.cleaned_data["body"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Your reply was sent."))
            return redirect("support:ticket", ticket_id=ticket.pk)
    replies = ticket.replies.select_related("author")
    return render(request, "support/ticket.html", {"ticket": ticket, "replies": replies, "form": form})


@login_required
@require_POST
def ticket_close(request, ticket_id: int):
    ticket = selectors.ticket_get(viewer=request.user, ticket_id=ticket_id)
    services.ticket_close(actor=request.user, ticket=ticket)
    messages.success(request, _("The ticket was closed."))
    return redirect("support:ticket", ticket_id=ticket.pk)


@login_required
def queue(request):
    return render(request, "support/queue.html", {"tickets": selectors.ticket_queue(viewer=request.user)[:200]})
