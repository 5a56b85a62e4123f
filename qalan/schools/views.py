"""Web pages of the schools app: my classes, a class, class lists with hand-off, family links."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from qalan.accounts.models import Role
from qalan.core import hooks
from qalan.core.consent import ConsentChannel
from qalan.core.feedback import apply_service_errors
from qalan.privacy.selectors import policy_current
from qalan.schools import selectors, services
from qalan.schools.forms import ClassForm, HandoffForm, InviteForm, JoinForm, LinkCodeForm, LinkConfirmForm, RosterForm


def _flash_errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def classes(request):
    user = request.user
    return render(
        request,
        "schools/classes.html",
        {
            "classes": selectors.classes_for(viewer=user),
            "invitations": selectors.invitations_for(viewer=user) if user.has_role(Role.STUDENT) else [],
            "join_form": JoinForm(),
        },
    )


@login_required
def class_create(request):
    form = ClassForm(
        request.POST or None,
        initial={"school_year": services.current_school_year(), "school": request.user.profile.school},
    )
    if not request.user.has_role(Role.TEACHER):
        messages.error(request, _("Only teachers can create classes."))
        return redirect("schools:classes")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            school_class = services.class_create(
                actor=request.user,
                name=data["name"],
                grade=data["grade"],
                school_year=data["school_year"],
                school_name=data["school"],
                city=data["city"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Class created. Give your students its join code."))
            return redirect("schools:class_detail", class_id=school_class.pk)
    return render(request, "schools/class_form.html", {"form": form})


@login_required
@require_POST
def class_join(request):
    form = JoinForm(request.POST)
    if form.is_valid():
        try:
            membership = services.class_join(actor=request.user, code=form.cleaned_data["code"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("You joined the class."))
            return redirect("schools:class_detail", class_id=membership.school_class_id)
    user = request.user
    return render(
        request,
        "schools/classes.html",
        {
            "classes": selectors.classes_for(viewer=user),
            "invitations": selectors.invitations_for(viewer=user) if user.has_role(Role.STUDENT) else [],
            "join_form": form,
        },
        status=400,
    )


@login_required
def class_detail(request, class_id: int):
    school_class = selectors.class_get(viewer=request.user, class_id=class_id)
    is_teacher = selectors.is_teacher_of(teacher=request.user, school_class=school_class)
    context = {
        "school_class": school_class,
        "is_teacher": is_teacher,
        "students": selectors.class_students(viewer=request.user, school_class=school_class),
    }
    if is_teacher:
        context.update(
            invite_form=InviteForm(),
            pending=selectors.class_pending_invitations(viewer=request.user, school_class=school_class),
        )
    # The leaderboard and the homework are the learning app's sections of this page.
    context.update(
        hooks.gather(
            hooks.class_page, sender="schools", viewer=request.user, school_class=school_class, is_teacher=is_teacher
        )
    )
    return render(request, "schools/class_detail.html", context)


@login_required
@require_POST
def class_leave(request, class_id: int):
    membership = selectors.membership_get(viewer=request.user, class_id=class_id)
    services.class_leave(actor=request.user, membership=membership)
    messages.success(request, _("You left the class. Its teacher no longer sees your results."))
    return redirect("schools:classes")


@login_required
@require_POST
def class_join_code(request, class_id: int):
    school_class = selectors.class_get_for_teacher(viewer=request.user, class_id=class_id)
    services.class_join_code_renew(actor=request.user, school_class=school_class)
    messages.success(request, _("The class has a new join code. The old one no longer works."))
    return redirect("schools:class_detail", class_id=class_id)


@login_required
@require_POST
def class_invite(request, class_id: int):
    school_class = selectors.class_get_for_teacher(viewer=request.user, class_id=class_id)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.class_invite(actor=request.user, school_class=school_class, username=form.cleaned_data["username"])
        except ValidationError as exc:
            _flash_errors(request, exc)
        else:
            messages.success(request, _("Invitation sent. The student sees it under My classes."))
    else:
        messages.error(request, _("Enter the student's username."))
    return redirect("schools:class_detail", class_id=class_id)


@login_required
@require_POST
def class_member_remove(request, class_id: int, student_id: int):
    school_class, student = selectors.student_get_for_teacher(
        viewer=request.user, class_id=class_id, student_id=student_id
    )
    services.class_member_remove(actor=request.user, school_class=school_class, student=student)
    messages.success(request, _("The student was removed from the class."))
    return redirect("schools:class_detail", class_id=class_id)


@never_cache
@login_required
def class_roster(request, class_id: int):
    school_class = selectors.class_get_for_teacher(viewer=request.user, class_id=class_id)
    form = RosterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.roster_enrol(
                actor=request.user,
                school_class=school_class,
                names=form.cleaned_data["names"],
                consent_confirmed=form.cleaned_data["consent_confirmed"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            # Shown once, never stored in clear: the teacher prints this page and hands out the slips.
            return render(request, "schools/roster_codes.html", {"school_class": school_class, "created": created})
    return render(request, "schools/roster_form.html", {"school_class": school_class, "form": form})


@never_cache
@login_required
@require_POST
def class_handoff(request, class_id: int, student_id: int):
    school_class, student = selectors.student_get_for_teacher(
        viewer=request.user, class_id=class_id, student_id=student_id
    )
    try:
        code = services.handoff_reissue(actor=request.user, school_class=school_class, student=student)
    except ValidationError as exc:
        _flash_errors(request, exc)
        return redirect("schools:class_detail", class_id=class_id)
    return render(request, "schools/roster_codes.html", {"school_class": school_class, "created": [(student, code)]})


@login_required
@require_POST
def invitation_answer(request, invitation_id: int):
    invitation = selectors.invitation_get(viewer=request.user, invitation_id=invitation_id)
    accept = request.POST.get("answer") == "accept"
    try:
        services.class_invitation_answer(actor=request.user, invitation=invitation, accept=accept)
    except ValidationError as exc:
        _flash_errors(request, exc)
        return redirect("schools:classes")
    if accept:
        messages.success(request, _("You joined the class."))
        return redirect("schools:class_detail", class_id=invitation.school_class_id)
    messages.info(request, _("Invitation declined."))
    return redirect("schools:classes")


@never_cache
def handoff(request):
    """A student or parent takes over an account created from a class list."""
    if request.user.is_authenticated:
        return redirect("learning:dashboard")
    form = HandoffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.handoff_claim(
                username=data["username"],
                code=data["code"],
                phone=data["phone"],
                password=data["password"],
                consent=data["consent"],
                acting_as=data["acting_as"],
                channel=ConsentChannel.WEB,
                evidence={"user_agent": request.META.get("HTTP_USER_AGENT", "")[:300]},
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            login(request, user, backend="qalan.accounts.backends.ProfileModelBackend")
            messages.success(request, _("The account is yours now. Welcome to Qalan!"))
            return redirect("learning:dashboard")
    return render(request, "schools/handoff.html", {"form": form, "policy": policy_current()})


# --- Family links -------------------------------------------------------------------------


def _links_page(request, *, code_form=None, confirm_form=None, new_code=None, status=200):
    return render(
        request,
        "schools/links.html",
        {
            "links": selectors.links_for(viewer=request.user),
            "code_form": code_form or LinkCodeForm(),
            "confirm_form": confirm_form or LinkConfirmForm(),
            "new_code": new_code,
            "can_link": request.user.has_role(Role.PARENT, Role.STUDENT),
        },
        status=status,
    )


@login_required
def links(request):
    return _links_page(request)


@never_cache
@login_required
@require_POST
def link_code(request):
    form = LinkCodeForm(request.POST)
    if form.is_valid():
        try:
            invitation, code = services.link_invitation_create(
                actor=request.user,
                contact=form.cleaned_data["contact"],
                contact_consent=form.cleaned_data["contact_consent"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            return _links_page(
                request,
                new_code={"code": code, "expires_at": invitation.expires_at, "sent": invitation.sent_to_contact},
            )
    return _links_page(request, code_form=form, status=400)


@login_required
@require_POST
def link_confirm(request):
    form = LinkConfirmForm(request.POST)
    if form.is_valid():
        try:
            services.link_confirm(actor=request.user, code=form.cleaned_data["code"])
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Your accounts are linked."))
            return redirect("schools:links")
    return _links_page(request, confirm_form=form, status=400)


@login_required
@require_POST
def link_remove(request, link_id: int):
    link = selectors.link_get(viewer=request.user, link_id=link_id)
    services.link_end(actor=request.user, link=link)
    messages.success(request, _("The link was removed."))
    return redirect("schools:links")
