"""Web pages of the trainer: today's focus, practice one item at a time, the diagnostic, the
knowledge map (the student's, a parent's view of a child, the teacher's class map).

Every change is a POST that redirects (reloading never answers twice); pages use the same
services and selectors as the API.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qalan.accounts.models import Role
from qalan.trainer import selectors, services
from qalan.trainer.content.render import render_html as text_html
from qalan.trainer.models import Diagnostic, FocusSession, ItemInstance, MasteryLevel, Purpose, Result, Skill
from qalan.trainer.presenting import item_data

LEVELS = [(value, label) for value, label in MasteryLevel.choices]


def student_only(view):
    """Practice pages are for students; others are sent home with a word of why."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_role(Role.STUDENT):
            messages.info(request, _("Only students practise in the trainer. Sign in with a student account."))
            return redirect("web:home")
        return view(request, *args, **kwargs)

    return wrapper


def _flash(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _grade(request, default):
    raw = request.GET.get("grade", "")
    return int(raw) if raw.isdigit() and 1 <= int(raw) <= 11 else default


@student_only
def home(request):
    """Today's focus, the streak, reviews due, the diagnostic and the way to the map."""
    user = request.user
    try:
        focus = services.focus_today(actor=user)
    except ValidationError:
        focus = None
    grade = selectors.student_grade(user)
    return render(
        request,
        "trainer/home.html",
        {
            "focus": focus,
            "focus_active": focus is not None and focus.status == FocusSession.Status.ACTIVE,
            "streak": selectors.streak_count(student=user),
            "reviews": selectors.review_due(student=user),
            "diagnostic": selectors.diagnostic_active(student=user),
            "grade": grade,
            "grades": range(1, 12),
        },
    )


@student_only
def practice(request, code: str):
    """A skill's practice: continue the open item, or (POST) serve a fresh one."""
    skill = selectors.skill_get(code=code)
    if request.method == "POST":
        try:
            instance = services.item_serve(actor=request.user, skill=skill)
        except ValidationError as exc:
            _flash(request, exc)
            return redirect("trainer:map")
        return redirect("trainer:item", instance_id=instance.pk)
    current = (
        ItemInstance.objects.filter(
            student=request.user, skill=skill, purpose=Purpose.PRACTICE, status=ItemInstance.Status.OPEN
        )
        .order_by("-created_at")
        .first()
    )
    if current is not None:
        return redirect("trainer:item", instance_id=current.pk)
    row = next(
        (r for r in selectors.skills_for(viewer=request.user, grade=skill.grade) if r.skill.pk == skill.pk), None
    )
    return render(request, "trainer/practice.html", {"skill": skill, "row": row})


def _next_after(request, item: ItemInstance, outcome):
    """Where the student goes after an answer."""
    if outcome.next == "similar":
        if item.focus_id:
            similar = services.focus_item_serve(actor=request.user)
        else:
            similar = services.item_serve(actor=request.user, skill=item.skill, similar_to=item)
        return redirect("trainer:item", instance_id=similar.pk)
    return redirect("trainer:item", instance_id=item.pk)


@student_only
def item(request, instance_id):
    """One item per screen: the prompt, the answer box, lives, hints, the solution, feedback."""
    instance = selectors.instance_get(viewer=request.user, instance_id=instance_id)
    if request.method == "POST":
        action = request.POST.get("action", "answer")
        try:
            if action == "hint":
                services.hint_reveal(actor=request.user, instance=instance)
            elif action == "solution":
                services.solution_reveal(actor=request.user, instance=instance)
            else:
                outcome = services.item_answer(
                    actor=request.user, instance=instance, answer=request.POST.get("answer", "")
                )
                level = messages.SUCCESS if outcome.result == Result.RIGHT else messages.ERROR
                messages.add_message(request, level, outcome.message)
                if outcome.hint:
                    messages.info(request, outcome.hint)
                return _next_after(request, outcome.instance, outcome)
        except ValidationError as exc:
            _flash(request, exc)
        return redirect("trainer:item", instance_id=instance.pk)
    shown = item_data(instance)
    return render(
        request,
        "trainer/item.html",
        {
            "instance": instance,
            "item": shown,
            "prompt_html": text_html(shown["prompt"]),
            "solution_html": [text_html(step) for step in shown["solution"]],
            "hints_html": [text_html(h) for h in shown["hints"]],
            "carried_hint_html": text_html(shown["hint"]) if shown["hint"] else "",
            "hearts": range(instance.lives_left),
            "lost": range(max(0, 3 - instance.lives_left)),
            "is_open": instance.status == ItemInstance.Status.OPEN,
            "praise": instance.result == Result.RIGHT,
        },
    )


@require_POST
@student_only
def focus_next(request):
    try:
        instance = services.focus_item_serve(actor=request.user)
    except ValidationError as exc:
        _flash(request, exc)
        return redirect("trainer:home")
    return redirect("trainer:item", instance_id=instance.pk)


@require_POST
@student_only
def diagnostic_start(request):
    raw = request.POST.get("grade", "")
    try:
        diagnostic = services.diagnostic_start(actor=request.user, grade=int(raw) if raw.isdigit() else None)
    except ValidationError as exc:
        _flash(request, exc)
        return redirect("trainer:home")
    return redirect("trainer:diagnostic", diagnostic_id=diagnostic.pk)


@student_only
def diagnostic(request, diagnostic_id: int):
    """The diagnostic's page: the next probe (POST) or, once finished, what it found."""
    diagnostic = selectors.diagnostic_get(viewer=request.user, diagnostic_id=diagnostic_id)
    if request.method == "POST":
        instance = services.diagnostic_next(actor=request.user, diagnostic=diagnostic)
        if instance is not None:
            return redirect("trainer:item", instance_id=instance.pk)
        return redirect("trainer:diagnostic", diagnostic_id=diagnostic.pk)
    codes = [*diagnostic.state.get("known", []), *diagnostic.state.get("gaps", [])]
    titles = {s.code: s.title_in() for s in Skill.objects.filter(code__in=codes)}
    return render(
        request,
        "trainer/diagnostic.html",
        {
            "diagnostic": diagnostic,
            "finished": diagnostic.status == Diagnostic.Status.FINISHED,
            "known": [titles.get(c, c) for c in diagnostic.state.get("known", [])],
            "gaps": [titles.get(c, c) for c in diagnostic.state.get("gaps", [])],
        },
    )


def _map_context(knowledge) -> dict:
    return {"map": knowledge, "grades": range(1, 12), "levels": LEVELS}


@student_only
def my_map(request):
    grade = _grade(request, selectors.student_grade(request.user) or 1)
    knowledge = selectors.knowledge_map(student=request.user, grade=grade)
    return render(request, "trainer/map.html", {**_map_context(knowledge), "own": True})


@login_required
def child_map(request, child_id: int):
    knowledge = selectors.child_map(viewer=request.user, child_id=child_id, grade=_grade(request, None))
    return render(request, "trainer/map.html", {**_map_context(knowledge), "own": False})


@login_required
def class_map(request, class_id: int):
    board = selectors.class_map(viewer=request.user, class_id=class_id, grade=_grade(request, None))
    return render(
        request,
        "trainer/class_map.html",
        {
            "board": board,
            "grades": range(1, 12),
            "leaderboard": selectors.class_mastery_leaderboard(viewer=request.user, class_id=class_id),
            "levels": LEVELS,
        },
    )
