"""Web pages of the learning app: dashboards, practice, tests, homework, progress, the teacher's
board and per-student view, the parent's view of a child."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qalan.accounts.models import Role
from qalan.core import hooks
from qalan.core.feedback import apply_service_errors
from qalan.learning import charts, selectors, services, sittings
from qalan.learning.forms import DueForm, HomeworkForm, PracticeForm, SubmissionForm
from qalan.learning.grading import answer_display, correct_answer_display
from qalan.learning.sittings import sitting_ends_at, submission_time_is_up
from qalan.schools import selectors as school_selectors
from qalan.trainer import selectors as trainer_selectors
from qalan.trainer.content.render import render_html
from qalan.trainer.presenting import figure_svg, item_data, language


def _flash_errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _progress_charts(progress) -> dict:
    return {
        "activity_bars": charts.column_chart([(day.strftime("%d.%m"), n) for day, n in progress.activity]),
        "mastery_bars": charts.percent_bars([(t.topic.name, t.mastery_percent) for t in progress.topics]),
    }


# --- Student ------------------------------------------------------------------------------


@login_required
def dashboard(request):
    """My learning: progress, homework due, what to practise next."""
    user = request.user
    if user.has_role(Role.TEACHER):
        return redirect("learning:teacher_dashboard")
    if user.has_role(Role.PARENT):
        return redirect("learning:children")
    progress = selectors.progress_for(student=user)
    homework = list(selectors.homework_for_student(student=user))
    now = timezone.now()
    return render(
        request,
        "learning/dashboard.html",
        {
            "progress": progress,
            "homework_open": [h for h in homework if not h.my_submitted_at and h.due_at >= now],
            "homework_done": [h for h in homework if h.my_submitted_at][:5],
            "recommendations": selectors.recommendations_for(student=user, progress=progress),
            **_progress_charts(progress),
        },
    )


@login_required
def catalogue(request):
    grade_param = request.GET.get("grade", "")
    if grade_param == "all":
        grade = None
    elif grade_param.isdigit():
        grade = int(grade_param)
    else:
        grade = request.user.profile.grade  # personalised from the profile (P4.1.b)
    return render(
        request,
        "learning/catalogue.html",
        {
            "subjects": selectors.subjects_with_topics(grade=grade),
            "grade": grade,
            "grades": range(1, 12),
            "extended": selectors.extended_access(request.user),
        },
    )


@login_required
def topic(request, topic_id: int):
    topic = selectors.topic_get(topic_id=topic_id)
    return render(
        request,
        "learning/topic.html",
        {
            "topic": topic,
            "tasks": selectors.topic_tasks(viewer=request.user, topic=topic),
            "extended": selectors.extended_access(request.user),
        },
    )


@login_required
def task(request, task_id: int):
    """Practise one task: instant feedback with the explanation; its discussion below."""
    task = selectors.task_get(task_id=task_id)
    if not selectors.task_can_open(viewer=request.user, task=task):
        return render(request, "learning/locked.html", {"task": task}, status=403)
    form = PracticeForm(request.POST or None, task=task)
    feedback, status = None, 200
    if request.method == "POST":
        try:
            attempt = services.attempt_practise(actor=request.user, task=task, answer=form.raw_answer())
        except ValidationError as exc:
            form.is_valid()
            apply_service_errors(form, exc)
            status = 400
        else:
            feedback = {
                "correct": attempt.is_correct,
                "your_answer": answer_display(task, attempt.answer),
                "correct_answer": correct_answer_display(task),
            }
            form = PracticeForm(task=task)
    return render(
        request,
        "learning/task.html",
        {
            "task": task,
            "form": form,
            "feedback": feedback,
            # The discussion below the task (comments, their form) is the community app's.
            **hooks.gather(hooks.task_page, sender="learning", viewer=request.user, task=task),
        },
        status=status,
    )


@login_required
def quizzes(request):
    return render(
        request,
        "learning/quizzes.html",
        {"quizzes": selectors.quizzes_list(), "extended": selectors.extended_access(request.user)},
    )


@login_required
@require_POST
def quiz_start(request, quiz_id: int):
    quiz = selectors.quiz_get(quiz_id=quiz_id)
    try:
        submission = services.submission_start(actor=request.user, quiz=quiz)
    except ValidationError as exc:
        _flash_errors(request, exc)
        return redirect("learning:quizzes")
    return redirect("learning:submission", submission_id=submission.pk)


@login_required
def homework(request, assignment_id: int):
    assignment = selectors.assignment_get(viewer=request.user, assignment_id=assignment_id)
    tasks = selectors.assignment_tasks(assignment=assignment)
    if school_selectors.is_teacher_of(teacher=request.user, school_class=assignment.school_class):
        return render(
            request,
            "learning/homework_teacher.html",
            {
                "assignment": assignment,
                "tasks": tasks,
                "due_form": DueForm(initial={"due_at": timezone.localtime(assignment.due_at)}),
                "submitted": assignment.submissions.filter(submitted_at__isnull=False).count(),
            },
        )
    submission = assignment.submissions.filter(student=request.user).order_by("-attempt_no").first()
    return render(
        request,
        "learning/homework.html",
        {
            "assignment": assignment,
            "task_count": len(tasks) + sum(slot.count for slot in assignment.slots.all()),
            "submission": submission,
            "overdue": assignment.due_at < timezone.now(),
            "retake": _retake_offer(request.user, submission) if submission else None,
        },
    )


@login_required
@require_POST
def homework_start(request, assignment_id: int):
    assignment = selectors.assignment_get(viewer=request.user, assignment_id=assignment_id)
    try:
        submission = services.submission_start(
            actor=request.user, assignment=assignment, retake=request.POST.get("retake") == "1"
        )
    except ValidationError as exc:
        _flash_errors(request, exc)
        return redirect("learning:homework", assignment_id=assignment_id)
    return redirect("learning:submission", submission_id=submission.pk)


def _teachers_assignment(request, assignment_id: int):
    assignment = selectors.assignment_get(viewer=request.user, assignment_id=assignment_id)
    if not school_selectors.is_teacher_of(teacher=request.user, school_class=assignment.school_class):
        raise Http404
    return assignment


@login_required
@require_POST
def homework_due(request, assignment_id: int):
    assignment = _teachers_assignment(request, assignment_id)
    form = DueForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the due date and time."))
    else:
        try:
            services.assignment_due_change(
                actor=request.user, assignment=assignment, due_at=form.cleaned_data["due_at"]
            )
        except ValidationError as exc:
            _flash_errors(request, exc)
        else:
            messages.success(request, _("The due date was changed."))
    return redirect("learning:homework", assignment_id=assignment_id)


@login_required
@require_POST
def homework_delete(request, assignment_id: int):
    assignment = _teachers_assignment(request, assignment_id)
    class_id = assignment.school_class_id
    try:
        services.assignment_delete(actor=request.user, assignment=assignment)
    except ValidationError as exc:
        _flash_errors(request, exc)
        return redirect("learning:homework", assignment_id=assignment_id)
    messages.success(request, _("The homework was deleted."))
    return redirect("schools:class_detail", class_id=class_id)


def _item_results(items) -> list[dict]:
    results = []
    for item in items:
        shown = item_data(item.instance)
        answered = item.instance.attempts.order_by("-created_at").first()
        results.append(
            {
                "prompt_html": render_html(shown["prompt"]),
                "figure": shown["figure"],
                "correct": item.instance.result == "right",
                "your_answer": answered.answer if answered else "",
                "correct_answer": shown["answer"] or "",
                "solution_html": [render_html(step) for step in shown["solution"]],
            }
        )
    return results


@login_required
def submission(request, submission_id: int):
    """Answer all tasks and items of a test or homework (saved as typed), then see the result."""
    submission = selectors.submission_get(viewer=request.user, submission_id=submission_id)
    if submission.submitted_at is None and submission_time_is_up(submission):
        # Time ran out while the page was away: what was saved is submitted now.
        services.submission_close(submission=submission)
        submission.refresh_from_db()
    tasks = selectors.submission_tasks(submission=submission)
    items = selectors.submission_items(submission=submission)
    status = 200
    form = SubmissionForm(request.POST or None, tasks=tasks, items=items, drafts=submission.drafts, language=language())
    if request.method == "POST" and submission.submitted_at is None:
        try:
            services.submission_submit(actor=request.user, submission=submission, answers=form.raw_answers())
        except ValidationError as exc:
            submission.refresh_from_db()
            if submission.submitted_at is not None:
                _flash_errors(request, exc)
                return redirect("learning:submission", submission_id=submission.pk)
            form.is_valid()
            apply_service_errors(form, exc)
            status = 400
        else:
            messages.success(request, _("Submitted. Your result is below."))
            return redirect("learning:submission", submission_id=submission.pk)
    results = []
    if submission.submitted_at:
        attempts = selectors.submission_attempts(submission=submission)
        for task in tasks:
            attempt = attempts.get(task.pk)
            results.append(
                {
                    "task": task,
                    "correct": bool(attempt and attempt.is_correct),
                    "your_answer": answer_display(task, attempt.answer) if attempt else "",
                    "correct_answer": correct_answer_display(task),
                }
            )
    # The countdown is for a time limit (homework without one shows its due date instead).
    ends_at = sitting_ends_at(submission) if submission.deadline_at else None
    left = max(0, int((ends_at - timezone.now()).total_seconds())) if ends_at else None
    assignment = submission.assignment
    return render(
        request,
        "learning/submission.html",
        {
            "submission": submission,
            "title": assignment.title if submission.assignment_id else submission.quiz.title,
            "form": form,
            "results": results,
            "item_results": _item_results(items) if submission.submitted_at else [],
            "item_views": [
                {
                    "field": field,
                    "prompt_html": render_html(item_data(item.instance)["prompt"]),
                    "figure": figure_svg(item.instance, language()),
                    "unit": item.instance.unit,
                }
                for item, field in form.item_fields()
            ],
            "question_count": len(tasks) + len(items),
            "ends_at": ends_at,
            "time_left_seconds": left,
            "time_left_text": f"{left // 60}:{left % 60:02d}" if left is not None else "",
            "retake": _retake_offer(request.user, submission),
        },
        status=status,
    )


def _retake_offer(student, submission) -> dict | None:
    """Another attempt of a submitted homework, when the teacher allows one and it is not due."""
    assignment = submission.assignment
    if submission.submitted_at is None or assignment is None or assignment.due_at <= timezone.now():
        return None
    used = sittings.attempts_used(student=student, assignment=assignment)
    if used >= assignment.max_attempts:
        return None
    return {"next": used + 1, "max": assignment.max_attempts}


@login_required
@require_POST
def submission_save(request, submission_id: int):
    """Autosave: the page sends the answers as they are typed (JSON in, JSON out)."""
    submission = selectors.submission_get(viewer=request.user, submission_id=submission_id)
    form = SubmissionForm(
        request.POST,
        tasks=selectors.submission_tasks(submission=submission),
        items=selectors.submission_items(submission=submission),
        language=language(),
    )
    try:
        services.submission_drafts_save(actor=request.user, submission=submission, answers=form.raw_answers())
    except ValidationError as exc:
        return JsonResponse({"saved": False, "message": " ".join(exc.messages)}, status=400)
    saved = timezone.localtime(submission.drafts_saved_at)
    return JsonResponse(
        {
            "saved": True,
            "saved_at": saved.isoformat(),
            "message": _("Saved at %(time)s") % {"time": saved.strftime("%H:%M:%S")},
        }
    )


@login_required
def progress(request):
    progress = selectors.progress_for(student=request.user, activity_days=28)
    return render(
        request,
        "learning/progress.html",
        {
            "progress": progress,
            "history": selectors.history_for(student=request.user, limit=50),
            "submissions": selectors.submissions_for(student=request.user, limit=20),
            **_progress_charts(progress),
        },
    )


# --- Teacher ------------------------------------------------------------------------------


@login_required
def teacher_dashboard(request):
    if not request.user.has_role(Role.TEACHER):
        raise Http404
    return render(
        request,
        "learning/teacher_dashboard.html",
        {
            "classes": school_selectors.classes_for(viewer=request.user),
            **hooks.gather(hooks.teacher_dashboard, sender="learning", viewer=request.user),
        },
    )


@login_required
def homework_create(request, class_id: int):
    school_class = school_selectors.class_get_for_teacher(viewer=request.user, class_id=class_id)
    tasks = list(
        selectors.tasks_published()
        .filter(topic__grade__in=[school_class.grade - 1, school_class.grade, school_class.grade + 1])
        .select_related("topic")
        .order_by("topic__grade", "topic__order", "difficulty", "key")
    )
    quizzes = list(selectors.quizzes_list())
    skills = [
        s for s in trainer_selectors.skills_with_items() if school_class.grade - 1 <= s.grade <= school_class.grade + 1
    ]
    form = HomeworkForm(request.POST or None, quizzes=quizzes, tasks=tasks, skills=skills)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        quiz = next((q for q in quizzes if q.pk == data["quiz"]), None)
        try:
            assignment = services.assignment_create(
                actor=request.user,
                school_class=school_class,
                title=data["title"],
                due_at=data["due_at"],
                task_ids=data["tasks"],
                quiz=quiz,
                time_limit_minutes=data["time_limit_minutes"],
                skill_codes=data["skills"],
                items_per_skill=data["items_per_skill"] or 3,
                difficulty=data["difficulty"] or 1,
                max_attempts=data["max_attempts"] or 1,
                result_rule=data["result_rule"] or "best",
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, _("Homework set. The students were notified."))
            return redirect("learning:homework", assignment_id=assignment.pk)
    return render(request, "learning/homework_form.html", {"school_class": school_class, "form": form})


@login_required
def board(request, class_id: int):
    return render(
        request, "learning/board.html", {"board": selectors.class_board(viewer=request.user, class_id=class_id)}
    )


@login_required
def student_report(request, class_id: int, student_id: int):
    school_class, report = selectors.student_report_for_teacher(
        viewer=request.user, class_id=class_id, student_id=student_id
    )
    context = {"report": report, "school_class": school_class}
    if report.progress:
        context.update(_progress_charts(report.progress))
    return render(request, "learning/report.html", context)


# --- Parent -------------------------------------------------------------------------------


@login_required
def children(request):
    return render(request, "learning/children.html", {"children": selectors.children_overview(viewer=request.user)})


@login_required
def child(request, child_id: int):
    report = selectors.child_report(viewer=request.user, child_id=child_id)
    context = {"report": report, "is_parent": True}
    if report.progress:
        context.update(_progress_charts(report.progress))
    return render(request, "learning/report.html", context)
