"""ENT writes: start a mock or a practice set, save answers as they are chosen, submit (by the
student, by the page when time runs out, or by the periodic close), and score.

Questions are trainer items drawn for each position of the blueprint and sealed while the mock
is open (no hint, solution or practice of their skills meanwhile). On submission each item is
closed through the trainer's sitting service with the same checker as everywhere (asked as a
choice over the mock's options), so a readable answer counts for mastery like a test answer.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from qalan.accounts.models import Role
from qalan.audit.services import audit_record
from qalan.ent.blueprint import MULTI_POINTS_BY_MISTAKES, QuestionType, Section, section_get
from qalan.ent.models import EntMock, EntMockItem
from qalan.ent.options import options_for
from qalan.trainer import answers
from qalan.trainer.access import may_open
from qalan.trainer.models import ItemInstance, Purpose, Skill
from qalan.trainer.services.sittings import AskedAs, sitting_item_close, sitting_items_issue

ANSWER_MAX_LENGTH = 20


def grace() -> timedelta:
    return timedelta(seconds=settings.QALAN_TEST_GRACE_SECONDS)


def time_is_up(mock: EntMock, now: datetime | None = None) -> bool:
    return mock.deadline_at + grace() < (now or timezone.now())


def _language() -> str:
    return (translation.get_language() or "kk").split("-")[0]


# --- Scoring --------------------------------------------------------------------------------


def question_score(*, question_type: str, key: str, answer: str, choices) -> tuple[int, int | None]:
    """(points, mistakes) of one answer by the NTC's rules (``blueprint``): one point for the one
    right option; for a multiple-choice task 2 points with no mistake, 1 with one, else 0.
    An empty or unreadable answer scores 0 (mistakes None)."""
    if not answer:
        return 0, None
    if question_type == QuestionType.MULTI:
        mistakes = answers.choice_mistakes(key=key, raw=answer, choices=choices)
        if mistakes is None:
            return 0, None
        return MULTI_POINTS_BY_MISTAKES.get(mistakes, 0), mistakes
    verdict = answers.check(form="choice", key=key, raw=answer, choices=choices)
    if verdict.status == "invalid":
        return 0, None
    right = verdict.status == "right"
    return (1 if right else 0), (0 if right else 1)


# --- Start ----------------------------------------------------------------------------------


def _require_student(actor) -> None:
    if not (actor.is_authenticated and actor.has_role(Role.STUDENT)):
        raise ValidationError({"__all__": [_("Only students take ENT mocks. Sign in with a student account.")]})


def _skills_by_code(section: Section) -> dict[str, Skill]:
    codes = {code for p in section.positions for code in p.skills}
    return {
        s.code: s for s in Skill.objects.filter(code__in=codes, is_active=True, templates__is_active=True).distinct()
    }


def _draw(mock: EntMock, positions, skills: dict[str, Skill]) -> list[EntMockItem]:
    items = []
    for position in positions:
        pool = [skills[c] for c in position.skills if c in skills and may_open(mock.student, skills[c])]
        if not pool:
            raise ValidationError(
                {"section": [_("The ENT questions are not loaded yet. Ask the site's staff to load the content.")]}
            )
        skill = pool[secrets.randbelow(len(pool))]
        (instance,) = sitting_items_issue(
            student=mock.student, skill=skill, count=1, difficulty=position.difficulty, purpose=Purpose.TEST
        )
        made = options_for(
            form=instance.template.answer_form,
            key=instance.key,
            unit=instance.unit,
            seed=instance.seed,
            count=position.rule.options,
            multi=position.rule.multi,
        )
        items.append(
            EntMockItem(
                mock=mock,
                position=position.number,
                question_type=position.type,
                instance=instance,
                skill=skill,
                options=made.options,
                key=made.key,
                max_points=position.points,
            )
        )
    return EntMockItem.objects.bulk_create(items)


def mock_start(*, actor, section: str, kind: str = EntMock.Kind.MOCK) -> EntMock:
    """Open a mock (or a practice set) of a section with fresh items. Idempotent while one is
    open; one whose time ran out is submitted first, and a new one has new items."""
    _require_student(actor)
    try:
        spec = section_get(section)
    except LookupError:
        raise ValidationError({"section": [_("Choose mathematical literacy or mathematics.")]}) from None
    if kind not in EntMock.Kind.values:
        raise ValidationError({"kind": [_("Choose a mock test or a practice set.")]})
    current = EntMock.objects.filter(student=actor, section=section, kind=kind, status=EntMock.Status.OPEN).first()
    if current is not None:
        if not time_is_up(current):
            return current
        mock_submit(actor=actor, mock=current, timed_out=True)
    practice = kind == EntMock.Kind.PRACTICE
    positions = spec.practice_positions() if practice else spec.positions
    minutes = spec.practice_minutes() if practice else spec.minutes
    now = timezone.now()
    try:
        with transaction.atomic():
            mock = EntMock.objects.create(
                student=actor,
                section=section,
                kind=kind,
                started_at=now,
                deadline_at=now + timedelta(minutes=minutes),
                max_points=sum(p.points for p in positions),
            )
            _draw(mock, positions, _skills_by_code(spec))
            audit_record(
                actor=actor,
                subject=actor,
                event_type="ent.mock_started",
                extra={"mock": mock.pk, "section": section, "kind": kind},
            )
    except IntegrityError:
        # Two starts at once: the other one won; return it.
        return EntMock.objects.get(student=actor, section=section, kind=kind, status=EntMock.Status.OPEN)
    return mock


# --- Saving and submitting ------------------------------------------------------------------


def _clean(raw, item: EntMockItem) -> str:
    """The chosen option ids as ``"b"`` or ``"a,d"`` (a list or a string); ids not shown are refused."""
    if raw is None:
        return ""
    parts = raw if isinstance(raw, list | tuple) else str(raw).replace(" ", ",").split(",")
    ids = {o["id"] for o in item.options}
    chosen = []
    for part in parts:
        part = str(part).strip().casefold()
        if not part:
            continue
        if part not in ids:
            raise ValidationError(
                {f"q{item.position}": [_("Choose one of the options shown for question %(n)s.") % {"n": item.position}]}
            )
        if part not in chosen:
            chosen.append(part)
    if item.question_type != QuestionType.MULTI and len(chosen) > 1:
        raise ValidationError(
            {f"q{item.position}": [_("Question %(n)s has one right answer: choose one option.") % {"n": item.position}]}
        )
    order = [o["id"] for o in item.options]
    return ",".join(sorted(chosen, key=order.index))[:ANSWER_MAX_LENGTH]


def _locked(actor, mock: EntMock) -> EntMock:
    locked = EntMock.objects.select_for_update().filter(pk=mock.pk, student=actor).first()
    if locked is None:
        raise ValidationError({"__all__": [_("This mock is not yours.")]})
    return locked


def _apply(mock: EntMock, given: dict | None) -> list[EntMockItem]:
    """Write the answers given (``{position: ids}``) onto the mock's items; the others stay."""
    items = list(mock.items.all())
    if not given:
        return items
    by_position = {str(i.position): i for i in items}
    changed = []
    for position, raw in given.items():
        item = by_position.get(str(position).lstrip("q"))
        if item is None:
            continue
        answer = _clean(raw, item)
        if answer != item.answer:
            item.answer = answer
            changed.append(item)
    if changed:
        EntMockItem.objects.bulk_update(changed, ["answer"])
    return items


def mock_save(*, actor, mock: EntMock, given: dict) -> EntMock:
    """Save the answers chosen so far. After the time (and a short grace), the saved answers are
    submitted instead and the student is told why."""
    _require_student(actor)
    with transaction.atomic():
        mock = _locked(actor, mock)
        if mock.status != EntMock.Status.OPEN:
            raise ValidationError({"__all__": [_("This mock is already submitted; your answers are kept.")]})
        late = time_is_up(mock)
        if late:
            # Committed before the error is raised: the submission stands.
            _close(mock, actor=actor, timed_out=True)
        else:
            _apply(mock, given)
            mock.drafts_saved_at = timezone.now()
            mock.save(update_fields=["drafts_saved_at"])
    if late:
        raise ValidationError(
            {"__all__": [_("Time ran out, so the answers saved by then were submitted. See your report.")]}
        )
    return mock


def _close(mock: EntMock, *, actor, timed_out: bool, now: datetime | None = None) -> EntMock:
    """Score every item and close its trainer item (inside the caller's transaction)."""
    now = now or timezone.now()
    language = _language()
    items = list(mock.items.select_related("instance__template", "instance__skill"))
    total = 0
    for item in items:
        ids = tuple(o["id"] for o in item.options)
        item.points, item.mistakes = question_score(
            question_type=item.question_type, key=item.key, answer=item.answer, choices=ids
        )
        total += item.points
        if item.instance is not None and item.instance.status == ItemInstance.Status.OPEN:
            form = "multi" if item.question_type == QuestionType.MULTI else "choice"
            sitting_item_close(
                student=mock.student,
                instance=item.instance,
                raw=item.answer,
                language=language,
                at=now,
                asked_as=AskedAs(form=form, key=item.key, choices=ids),
            )
    EntMockItem.objects.bulk_update(items, ["points", "mistakes"])
    mock.status, mock.submitted_at, mock.timed_out, mock.points = EntMock.Status.SUBMITTED, now, timed_out, total
    mock.save(update_fields=["status", "submitted_at", "timed_out", "points"])
    audit_record(
        actor=actor,
        subject=mock.student,
        event_type="ent.mock_submitted",
        extra={"mock": mock.pk, "points": total, "max": mock.max_points, "timed_out": timed_out},
    )
    return mock


def mock_submit(*, actor, mock: EntMock, given: dict | None = None, timed_out: bool = False) -> EntMock:
    """Submit: the answers given now (if still in time) and those saved before; empty ones score 0.
    Submitting twice changes nothing."""
    _require_student(actor)
    with transaction.atomic():
        mock = _locked(actor, mock)
        if mock.status != EntMock.Status.OPEN:
            return mock
        late = time_is_up(mock)
        if not late:
            _apply(mock, given)
        return _close(mock, actor=actor, timed_out=timed_out or late)


def mocks_close_expired(*, now: datetime | None = None) -> int:
    """Submit the saved answers of every mock whose time ran out (run every minute)."""
    now = now or timezone.now()
    closed = 0
    for mock_id in EntMock.objects.filter(status=EntMock.Status.OPEN, deadline_at__lt=now - grace()).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            mock = EntMock.objects.select_for_update().select_related("student").filter(pk=mock_id).first()
            if mock is None or mock.status != EntMock.Status.OPEN:
                continue
            _close(mock, actor=None, timed_out=True, now=now)
            closed += 1
    return closed
