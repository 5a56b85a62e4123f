"""Web pages of the ENT track: the start page, a mock or practice set (countdown, answers saved
as they are chosen, submit), its report, and a student's mocks for a linked parent or teacher.
Pages call the same services and selectors as the API."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qalan.accounts.models import Role
from qalan.ent import selectors, services
from qalan.ent.blueprint import GRADES, SECTIONS
from qalan.ent.models import EntMock
from qalan.ent.presenting import question_data
from qalan.schools import selectors as school_selectors
from qalan.trainer.selectors import student_grade


def _given(request, mock) -> dict:
    return {str(i.position): request.POST.getlist(f"q{i.position}") for i in mock.items.all()}


def _flash(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def home(request):
    user = request.user
    is_student = user.has_role(Role.STUDENT)
    context = {"sections": list(SECTIONS.values()), "is_student": is_student, "grades": GRADES}
    if is_student:
        grade = getattr(getattr(user, "profile", None), "grade", None) or student_grade(user)
        context.update(
            {
                "for_other_grade": grade not in GRADES,
                "mocks": list(EntMock.objects.filter(student=user).order_by("-started_at")[:20]),
            }
        )
    else:
        context["children"] = list(school_selectors.children_for(viewer=user))
    return render(request, "ent/home.html", context)


@login_required
@require_POST
def start(request, section: str):
    kind = request.POST.get("kind", EntMock.Kind.MOCK)
    try:
        mock = services.mock_start(actor=request.user, section=section, kind=kind)
    except ValidationError as error:
        _flash(request, error)
        return redirect("ent:home")
    return redirect("ent:mock", mock_id=mock.pk)


@login_required
def mock(request, mock_id: int):
    """The student's sitting; after submission, the report."""
    mock = selectors.mock_get_own(viewer=request.user, mock_id=mock_id)
    if mock.status == EntMock.Status.OPEN and services.time_is_up(mock):
        services.mock_submit(actor=request.user, mock=mock, timed_out=True)
        messages.info(request, _("Time ran out, so the answers saved by then were submitted."))
        return redirect("ent:report", mock_id=mock.pk)
    if request.method == "POST":
        try:
            services.mock_submit(actor=request.user, mock=mock, given=_given(request, mock))
        except ValidationError as error:
            _flash(request, error)
            return redirect("ent:mock", mock_id=mock.pk)
        return redirect("ent:report", mock_id=mock.pk)
    if mock.status != EntMock.Status.OPEN:
        return redirect("ent:report", mock_id=mock.pk)
    seconds = selectors.time_left_seconds(mock)
    return render(
        request,
        "ent/mock.html",
        {
            "mock": mock,
            "section": SECTIONS[mock.section],
            "questions": [question_data(i, submitted=False) for i in selectors.mock_items(mock)],
            "time_left_seconds": seconds,
            "time_left_text": f"{seconds // 60}:{seconds % 60:02d}",
        },
    )


@login_required
@require_POST
def save(request, mock_id: int):
    """Answers saved as they are chosen (the page calls this; JSON back)."""
    mock = selectors.mock_get_own(viewer=request.user, mock_id=mock_id)
    try:
        mock = services.mock_save(actor=request.user, mock=mock, given=_given(request, mock))
    except ValidationError as error:
        return JsonResponse({"message": " ".join(error.messages), "saved": False}, status=400)
    at = formats.time_format(timezone.localtime(mock.drafts_saved_at), "H:i:s")
    return JsonResponse({"message": _("Saved at %(time)s") % {"time": at}, "saved": True})


@login_required
def report(request, mock_id: int):
    report = selectors.report_of(viewer=request.user, mock_id=mock_id)
    own = report.mock.student_id == request.user.pk
    if report.mock.status == EntMock.Status.OPEN and own:
        return redirect("ent:mock", mock_id=mock_id)
    grade = student_grade(report.mock.student)
    return render(
        request,
        "ent/report.html",
        {
            "report": report,
            "own": own,
            "grade": grade,
            "questions": [question_data(i, submitted=True) for i in report.items],
            "name": school_selectors.display_name(report.mock.student),
            "viewer_is_parent": request.user.has_role(Role.PARENT),
        },
    )


@login_required
def student_mocks(request, student_id: int):
    """A linked parent's or teacher's list of a student's mocks (read-only)."""
    mocks = selectors.mocks_of(viewer=request.user, student_id=student_id)
    student = mocks[0].student if mocks else None
    name = school_selectors.display_name(student) if student else ""
    return render(request, "ent/student_mocks.html", {"mocks": mocks, "name": name, "student_id": student_id})
