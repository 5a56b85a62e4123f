"""Web pages of the community app: task discussions, questions, messages, moderation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qalan.community import selectors, services
from qalan.community.forms import MessageForm, ReportForm
from qalan.core.feedback import apply_service_errors
from qalan.learning import selectors as learning_selectors
from qalan.schools.selectors import related_user_ids


def _flash_errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def comment_post(request, task_id: int):
    task = learning_selectors.task_get(task_id=task_id)
    reply_id = request.POST.get("reply_to", "")
    reply_to = selectors.comment_get(viewer=request.user, comment_id=int(reply_id)) if reply_id.isdigit() else None
    try:
        services.comment_post(
            actor=request.user,
            task=task,
            body=request.POST.get("body", ""),
            kind=request.POST.get("kind") or "comment",
            reply_to=reply_to,
        )
    except ValidationError as exc:
        _flash_errors(request, exc)
    else:
        messages.success(request, _("Posted."))
    return redirect(f"{task_url(task.pk)}#discussion")


def task_url(task_id: int) -> str:
    return reverse("learning:task", args=[task_id])


@login_required
@require_POST
def comment_delete(request, comment_id: int):
    comment = selectors.own_comment_get(viewer=request.user, comment_id=comment_id)
    task_id = comment.task_id
    services.comment_delete(actor=request.user, comment=comment)
    messages.success(request, _("Your comment was deleted."))
    return redirect(f"{task_url(task_id)}#discussion")


@login_required
@require_POST
def comment_report(request, comment_id: int):
    comment = selectors.comment_get(viewer=request.user, comment_id=comment_id)
    form = ReportForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError({"reason": [_("Choose why you report this.")]})
        services.report_create(actor=request.user, comment=comment, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        _flash_errors(request, exc)
    else:
        messages.success(request, _("Thank you. A moderator will look at it."))
    return redirect(f"{task_url(comment.task_id)}#discussion")


@login_required
def questions(request):
    return render(
        request, "community/questions.html", {"questions": selectors.questions_for_teacher(viewer=request.user)[:200]}
    )


@login_required
def inbox(request):
    return render(
        request,
        "community/inbox.html",
        {
            "conversations": selectors.conversations_for(viewer=request.user),
            "contacts": selectors.contacts_for(viewer=request.user),
        },
    )


@login_required
def conversation(request, user_id: int):
    other = selectors.conversation_partner_get(viewer=request.user, other_id=user_id)
    form = MessageForm(request.POST or None)
    status = 200
    if request.method == "POST":
        try:
            services.message_send(actor=request.user, recipient_id=other.pk, body=request.POST.get("body", ""))
        except ValidationError as exc:
            form.is_valid()
            apply_service_errors(form, exc)
            status = 400
        else:
            return redirect("community:conversation", user_id=other.pk)
    services.conversation_mark_read(actor=request.user, other_id=other.pk)
    related = related_user_ids(viewer=request.user)
    return render(
        request,
        "community/conversation.html",
        {
            "other": other,
            "other_name": selectors.name_for(viewer=request.user, user=other, role=other.role, related=related),
            "chat": selectors.conversation_messages(viewer=request.user, other_id=other.pk),
            "form": form,
            "report_form": ReportForm(),
            "can_write": selectors.can_message(viewer=request.user, other_id=other.pk),
        },
        status=status,
    )


@login_required
@require_POST
def message_report(request, message_id: int):
    message = selectors.received_message_get(viewer=request.user, message_id=message_id)
    form = ReportForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError({"reason": [_("Choose why you report this.")]})
        services.report_create(actor=request.user, message=message, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        _flash_errors(request, exc)
    else:
        messages.success(request, _("Thank you. A moderator will read the message and decide."))
    return (
        redirect("community:conversation", user_id=message.sender_id)
        if message.sender_id
        else redirect("community:inbox")
    )


@login_required
def moderation(request):
    return render(request, "community/moderation.html", {"reports": selectors.reports_open(viewer=request.user)[:200]})


@login_required
@require_POST
def report_resolve(request, report_id: int):
    report = selectors.report_get(viewer=request.user, report_id=report_id)
    hide = request.POST.get("action") == "hide"
    services.report_resolve(actor=request.user, report=report, hide=hide)
    messages.success(request, _("Hidden.") if hide else _("The report was dismissed; the text stays visible."))
    return redirect("community:moderation")
