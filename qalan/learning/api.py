"""Learning API: content, practice, tests, homework, progress, the teacher's board, the parent's view."""

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from qalan.learning import selectors, services
from qalan.learning.grading import answer_display, correct_answer_display
from qalan.learning.models import Assignment, Submission, Task
from qalan.learning.sittings import sitting_ends_at
from qalan.learning.sittings import submission_time_is_up as sitting_time_is_up
from qalan.trainer.presenting import item_data
from qalan.schools import selectors as school_selectors
from qalan.schools.api import PersonOut
from qalan.core.api import ErrorResponse


def _extended_locked() -> ErrorResponse:
    return ErrorResponse(
        _("This task is part of the extended content. Ask your school about extended access."), status_code=403
    )


# --- Content ------------------------------------------------------------------------------


class RefOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ChoiceOut(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()


class TaskOut(serializers.Serializer):
    id = serializers.IntegerField()
    topic = RefOut()
    kind = serializers.ChoiceField(choices=Task.Kind.values)
    text = serializers.CharField()
    choices = ChoiceOut(many=True)
    difficulty = serializers.IntegerField()
    is_extended = serializers.BooleanField()


def task_data(task: Task) -> dict:
    return {
        "id": task.pk,
        "topic": {"id": task.topic_id, "name": task.topic.name},
        "kind": task.kind,
        "text": task.text,
        "choices": [{"id": c.pk, "text": c.text} for c in task.choices.all()]
        if task.kind in (Task.Kind.SINGLE, Task.Kind.MULTIPLE)
        else [],
        "difficulty": task.difficulty,
        "is_extended": task.is_extended,
    }


class TopicOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    grade = serializers.IntegerField()
    free_count = serializers.IntegerField()
    extended_count = serializers.IntegerField()


class SubjectOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    topics = TopicOut(many=True)


class SubjectListView(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("grade", int, description="Only topics of this grade (default: my profile's grade; 0 for all)")],
        responses={200: SubjectOut(many=True)},
        summary="Subjects and topics, personalised to my grade",
    )
    def get(self, request):
        grade = request.query_params.get("grade")
        grade = int(grade) if grade and grade.isdigit() else request.user.profile.grade
        return Response(
            [
                {
                    "id": s.pk,
                    "name": s.name,
                    "topics": [
                        {"id": t.pk, "name": t.name, "grade": t.grade, "free_count": t.free_count, "extended_count": t.extended_count}
                        for t in s.topics.all()
                    ],
                }
                for s in selectors.subjects_with_topics(grade=grade or None)
            ]
        )


class TopicTaskOut(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    difficulty = serializers.IntegerField()
    is_extended = serializers.BooleanField()
    solved = serializers.BooleanField()
    tried = serializers.BooleanField()


class TopicTasksView(APIView):
    @extend_schema(responses={200: TopicTaskOut(many=True)}, summary="The tasks of a topic, with what I solved")
    def get(self, request, topic_id: int):
        topic = selectors.topic_get(topic_id=topic_id)
        return Response(
            [
                {"id": t.pk, "kind": t.kind, "difficulty": t.difficulty, "is_extended": t.is_extended, "solved": t.solved, "tried": t.tried}
                for t in selectors.topic_tasks(viewer=request.user, topic=topic)
            ]
        )


class TaskDetailView(APIView):
    @extend_schema(responses={200: TaskOut}, summary="A task in my content language (403 for extended content without access)")
    def get(self, request, task_id: int):
        task = selectors.task_get(task_id=task_id)
        if not selectors.task_can_open(viewer=request.user, task=task):
            return _extended_locked()
        return Response(task_data(task))


class AnswerIn(serializers.Serializer):
    answer = serializers.JSONField(
        help_text="single: a choice id; multiple: a list of choice ids; numeric: a number or text such as '2,5' or '3/4'; text: a string."
    )


class FeedbackOut(serializers.Serializer):
    attempt_id = serializers.IntegerField()
    correct = serializers.BooleanField()
    your_answer = serializers.CharField()
    correct_answer = serializers.CharField()
    explanation = serializers.CharField()


def feedback_data(attempt) -> dict:
    task = attempt.task
    return {
        "attempt_id": attempt.pk,
        "correct": attempt.is_correct,
        "your_answer": answer_display(task, attempt.answer),
        "correct_answer": correct_answer_display(task),
        "explanation": task.explanation,
    }


class TaskAttemptView(APIView):
    @extend_schema(request=AnswerIn, responses={201: FeedbackOut}, summary="Answer a practice task: instant feedback and explanation")
    def post(self, request, task_id: int):
        task = selectors.task_get(task_id=task_id)
        if not selectors.task_can_open(viewer=request.user, task=task):
            return _extended_locked()
        data = AnswerIn(data=request.data)
        data.is_valid(raise_exception=True)
        attempt = services.attempt_practise(actor=request.user, task=task, answer=data.validated_data["answer"])
        return Response(feedback_data(attempt), status=status.HTTP_201_CREATED)


# --- Tests and submissions ----------------------------------------------------------------


class QuizOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    topic = RefOut(allow_null=True)
    time_limit_minutes = serializers.IntegerField(allow_null=True)
    task_count = serializers.IntegerField()
    is_extended = serializers.BooleanField()


class QuizListView(APIView):
    @extend_schema(responses={200: QuizOut(many=True)}, summary="Tests I can take")
    def get(self, request):
        return Response(
            [
                {
                    "id": q.pk,
                    "title": q.title,
                    "topic": {"id": q.topic_id, "name": q.topic.name} if q.topic else None,
                    "time_limit_minutes": q.time_limit_minutes,
                    "task_count": q.task_count,
                    "is_extended": q.is_extended,
                }
                for q in selectors.quizzes_list()
            ]
        )


class ResultOut(serializers.Serializer):
    task_id = serializers.IntegerField()
    correct = serializers.BooleanField()
    your_answer = serializers.CharField(allow_blank=True)
    correct_answer = serializers.CharField()
    explanation = serializers.CharField(allow_blank=True)


class SittingChoiceOut(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()


class SittingItemOut(serializers.Serializer):
    id = serializers.CharField(help_text="Answer it under this id in `answers` (saving or submitting).")
    skill = serializers.CharField()
    prompt = serializers.CharField()
    prompt_html = serializers.CharField(help_text="The prompt with its TeX rendered as MathML.")
    format = serializers.CharField(help_text="How `prompt` is written: tex (TeX between $...$).")
    answer_form = serializers.CharField()
    unit = serializers.CharField(allow_blank=True)
    choices = SittingChoiceOut(many=True)
    figure = serializers.CharField(allow_blank=True)
    saved_answer = serializers.CharField(allow_blank=True)


class SittingItemResultOut(serializers.Serializer):
    id = serializers.CharField()
    correct = serializers.BooleanField()
    your_answer = serializers.CharField(allow_blank=True)
    correct_answer = serializers.CharField(allow_blank=True)
    solution = serializers.ListField(child=serializers.CharField())


class SubmissionOut(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=["homework", "test"])
    title = serializers.CharField()
    started_at = serializers.DateTimeField()
    deadline_at = serializers.DateTimeField(allow_null=True)
    due_at = serializers.DateTimeField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)
    score = serializers.IntegerField(allow_null=True)
    max_score = serializers.IntegerField()
    tasks = TaskOut(many=True)
    items = SittingItemOut(many=True, help_text="Trainer items drawn for this sitting (fresh numbers for each student).")
    ends_at = serializers.DateTimeField(allow_null=True, help_text="When answers stop being accepted (time limit or due date).")
    attempt_no = serializers.IntegerField()
    saved_answers = serializers.DictField(child=serializers.JSONField(), help_text="Answers saved so far, by field.")
    drafts_saved_at = serializers.DateTimeField(allow_null=True)
    closed_automatically = serializers.BooleanField(help_text="Time ran out and the saved answers were submitted.")
    results = ResultOut(many=True, help_text="After submission: each task's result.")
    item_results = SittingItemResultOut(many=True, help_text="After submission: each item's result and worked solution.")


def submission_title(submission: Submission) -> str:
    return submission.assignment.title if submission.assignment_id else submission.quiz.title


def submission_data(submission: Submission) -> dict:
    if submission.submitted_at is None and sitting_time_is_up(submission):
        services.submission_close(submission=submission)
        submission.refresh_from_db()
    tasks = selectors.submission_tasks(submission=submission)
    items = selectors.submission_items(submission=submission)
    drafts = submission.drafts or {}
    results = []
    if submission.submitted_at:
        attempts = selectors.submission_attempts(submission=submission)
        for task in tasks:
            attempt = attempts.get(task.pk)
            results.append(
                {
                    "task_id": task.pk,
                    "correct": bool(attempt and attempt.is_correct),
                    "your_answer": answer_display(task, attempt.answer) if attempt else "",
                    "correct_answer": correct_answer_display(task),
                    "explanation": task.explanation,
                }
            )
    return {
        "id": submission.pk,
        "kind": "homework" if submission.assignment_id else "test",
        "title": submission_title(submission),
        "started_at": submission.started_at,
        "deadline_at": submission.deadline_at,
        "due_at": submission.assignment.due_at if submission.assignment_id else None,
        "submitted_at": submission.submitted_at,
        "score": submission.score,
        "max_score": submission.max_score,
        "tasks": [task_data(t) for t in tasks],
        "items": [_sitting_item(item, drafts) for item in items] if not submission.submitted_at else [],
        "ends_at": sitting_ends_at(submission),
        "attempt_no": submission.attempt_no,
        "saved_answers": drafts if not submission.submitted_at else {},
        "drafts_saved_at": submission.drafts_saved_at,
        "closed_automatically": submission.closed_automatically,
        "results": results,
        "item_results": [_sitting_result(item) for item in items] if submission.submitted_at else [],
    }


def _sitting_item(item, drafts: dict) -> dict:
    shown = item_data(item.instance)
    saved = drafts.get(item.field_name, "")
    return {
        "id": str(item.instance_id), "skill": shown["skill"], "prompt": shown["prompt"], "prompt_html": shown["prompt_html"],
        "format": shown["format"], "answer_form": shown["answer_form"], "unit": shown["unit"], "choices": shown["choices"],
        "figure": shown["figure"], "saved_answer": ",".join(saved) if isinstance(saved, list) else str(saved),
    }


def _sitting_result(item) -> dict:
    shown = item_data(item.instance)
    answered = item.instance.attempts.order_by("-created_at").first()
    return {
        "id": str(item.instance_id), "correct": item.instance.result == "right",
        "your_answer": answered.answer if answered else "", "correct_answer": shown["answer"] or "",
        "solution": shown["solution"],
    }


class QuizStartView(APIView):
    @extend_schema(request=None, responses={201: SubmissionOut}, summary="Start a test (the time limit starts now)")
    def post(self, request, quiz_id: int):
        quiz = selectors.quiz_get(quiz_id=quiz_id)
        submission = services.submission_start(actor=request.user, quiz=quiz)
        return Response(submission_data(submission), status=status.HTTP_201_CREATED)


class SubmissionDetailView(APIView):
    @extend_schema(responses={200: SubmissionOut}, summary="One of my tests or homework: tasks, and results once submitted")
    def get(self, request, submission_id: int):
        return Response(submission_data(selectors.submission_get(viewer=request.user, submission_id=submission_id)))


class SubmitIn(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.JSONField(),
        help_text="Task id or item id -> answer (see the practice endpoint; an item's answer is text, a choice item's "
        "the choice id). Answers saved before are used for what is missing; what is still missing counts as wrong.",
    )


class SaveIn(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.JSONField(), help_text="Task id or item id -> answer as typed so far; an empty answer clears it."
    )


class SaveOut(serializers.Serializer):
    saved_at = serializers.DateTimeField()
    saved_answers = serializers.DictField(child=serializers.JSONField())


class SubmissionSaveView(APIView):
    @extend_schema(request=SaveIn, responses={200: SaveOut}, summary="Save answers as they are typed (submitted if time runs out)")
    def post(self, request, submission_id: int):
        submission = selectors.submission_get(viewer=request.user, submission_id=submission_id)
        data = SaveIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.submission_drafts_save(actor=request.user, submission=submission, answers=data.validated_data["answers"])
        return Response({"saved_at": submission.drafts_saved_at, "saved_answers": submission.drafts})


class SubmissionSubmitView(APIView):
    @extend_schema(request=SubmitIn, responses={200: SubmissionOut}, summary="Submit all answers: graded at once")
    def post(self, request, submission_id: int):
        submission = selectors.submission_get(viewer=request.user, submission_id=submission_id)
        data = SubmitIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.submission_submit(actor=request.user, submission=submission, answers=data.validated_data["answers"])
        return Response(submission_data(submission))


# --- Homework -----------------------------------------------------------------------------


class HomeworkOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    school_class = RefOut()
    due_at = serializers.DateTimeField()
    time_limit_minutes = serializers.IntegerField(allow_null=True)
    task_count = serializers.IntegerField()
    status = serializers.ChoiceField(choices=["open", "started", "submitted", "missed", "set"], help_text="'set' for the teacher.")
    score = serializers.IntegerField(allow_null=True)
    max_score = serializers.IntegerField(allow_null=True)
    submission_id = serializers.IntegerField(allow_null=True)


def homework_student_data(assignment) -> dict:
    if assignment.my_submitted_at:
        state = "submitted"
    elif assignment.due_at < timezone.now():
        state = "missed"
    else:
        state = "started" if assignment.my_submission_id else "open"
    return {
        "id": assignment.pk,
        "title": assignment.title,
        "school_class": {"id": assignment.school_class_id, "name": assignment.school_class.name},
        "due_at": assignment.due_at,
        "time_limit_minutes": assignment.time_limit_minutes,
        "task_count": assignment.task_count,
        "status": state,
        "score": assignment.my_score,
        "max_score": assignment.my_max_score,
        "submission_id": assignment.my_submission_id,
    }


def homework_teacher_data(assignment, school_class) -> dict:
    return {
        "id": assignment.pk,
        "title": assignment.title,
        "school_class": {"id": school_class.pk, "name": school_class.name},
        "due_at": assignment.due_at,
        "time_limit_minutes": assignment.time_limit_minutes,
        "task_count": assignment.task_count,
        "status": "set",
        "score": None,
        "max_score": None,
        "submission_id": None,
    }


class HomeworkListView(APIView):
    @extend_schema(responses={200: HomeworkOut(many=True)}, summary="My homework: open, started, submitted or missed")
    def get(self, request):
        return Response([homework_student_data(a) for a in selectors.homework_for_student(student=request.user)])


class HomeworkIn(serializers.Serializer):
    title = serializers.CharField(max_length=200, allow_blank=True)
    due_at = serializers.DateTimeField()
    tasks = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    quiz = serializers.IntegerField(required=False, allow_null=True, default=None, help_text="Set a test instead of tasks.")
    time_limit_minutes = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1, max_value=300)
    skills = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list, max_length=10,
        help_text="Trainer skill codes: every student gets fresh items of each.",
    )
    items_per_skill = serializers.IntegerField(required=False, default=3, min_value=1, max_value=10)
    difficulty = serializers.IntegerField(required=False, default=1, min_value=1, max_value=3)
    max_attempts = serializers.IntegerField(required=False, default=1, min_value=1, max_value=5)
    result_rule = serializers.ChoiceField(choices=["best", "last"], required=False, default="best")


class ClassHomeworkView(APIView):
    @extend_schema(responses={200: HomeworkOut(many=True)}, summary="A class's homework (its teacher or students)")
    def get(self, request, class_id: int):
        school_class = school_selectors.class_get(viewer=request.user, class_id=class_id)
        if school_selectors.is_teacher_of(teacher=request.user, school_class=school_class):
            return Response(
                [homework_teacher_data(a, school_class) for a in selectors.assignments_for_class(viewer=request.user, school_class=school_class)]
            )
        return Response(
            [homework_student_data(a) for a in selectors.homework_for_student(student=request.user) if a.school_class_id == class_id]
        )

    @extend_schema(request=HomeworkIn, responses={201: HomeworkOut}, summary="Set homework for my class (teacher)")
    def post(self, request, class_id: int):
        school_class = school_selectors.class_get_for_teacher(viewer=request.user, class_id=class_id)
        data = HomeworkIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        quiz = selectors.quiz_get(quiz_id=values["quiz"]) if values["quiz"] else None
        assignment = services.assignment_create(
            actor=request.user,
            school_class=school_class,
            title=values["title"],
            due_at=values["due_at"],
            task_ids=values["tasks"],
            quiz=quiz,
            time_limit_minutes=values["time_limit_minutes"],
            skill_codes=values["skills"],
            items_per_skill=values["items_per_skill"],
            difficulty=values["difficulty"],
            max_attempts=values["max_attempts"],
            result_rule=values["result_rule"],
        )
        assignment.task_count = assignment.items.count() + sum(slot.count for slot in assignment.slots.all())
        return Response(homework_teacher_data(assignment, school_class), status=status.HTTP_201_CREATED)


class DueIn(serializers.Serializer):
    due_at = serializers.DateTimeField()


class HomeworkDetailView(APIView):
    @extend_schema(responses={200: HomeworkOut}, summary="One homework (its class's teacher or students)")
    def get(self, request, assignment_id: int):
        assignment = selectors.assignment_get(viewer=request.user, assignment_id=assignment_id)
        assignment.task_count = assignment.items.count()
        if school_selectors.is_teacher_of(teacher=request.user, school_class=assignment.school_class):
            return Response(homework_teacher_data(assignment, assignment.school_class))
        # A student who left the class, or homework past the window: not theirs to see (404).
        mine = next((a for a in selectors.homework_for_student(student=request.user, include_past_days=3650) if a.pk == assignment.pk), None)
        if mine is None:
            raise Http404
        return Response(homework_student_data(mine))

    @extend_schema(request=DueIn, responses={200: HomeworkOut}, summary="Change the due date (teacher)")
    def patch(self, request, assignment_id: int):
        assignment = self._teachers(request, assignment_id)
        data = DueIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.assignment_due_change(actor=request.user, assignment=assignment, due_at=data.validated_data["due_at"])
        assignment.task_count = assignment.items.count()
        return Response(homework_teacher_data(assignment, assignment.school_class))

    @extend_schema(responses={204: None}, summary="Delete homework nobody started (teacher)")
    def delete(self, request, assignment_id: int):
        services.assignment_delete(actor=request.user, assignment=self._teachers(request, assignment_id))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @staticmethod
    def _teachers(request, assignment_id: int) -> Assignment:
        assignment = selectors.assignment_get(viewer=request.user, assignment_id=assignment_id)
        if not school_selectors.is_teacher_of(teacher=request.user, school_class=assignment.school_class):
            raise Http404
        return assignment


class StartIn(serializers.Serializer):
    retake = serializers.BooleanField(required=False, default=False, help_text="Start the next attempt the teacher allows.")


class HomeworkStartView(APIView):
    @extend_schema(request=StartIn, responses={201: SubmissionOut}, summary="Start homework (a timed one's clock starts now)")
    def post(self, request, assignment_id: int):
        assignment = selectors.assignment_get(viewer=request.user, assignment_id=assignment_id)
        data = StartIn(data=request.data or {})
        data.is_valid(raise_exception=True)
        submission = services.submission_start(actor=request.user, assignment=assignment, retake=data.validated_data["retake"])
        return Response(submission_data(submission), status=status.HTTP_201_CREATED)


# --- Progress -----------------------------------------------------------------------------


class TopicProgressOut(serializers.Serializer):
    topic = RefOut()
    grade = serializers.IntegerField()
    attempts = serializers.IntegerField()
    accuracy_percent = serializers.IntegerField()
    mastery_percent = serializers.IntegerField()
    solved = serializers.IntegerField()
    total = serializers.IntegerField()
    weak = serializers.BooleanField()


class DayOut(serializers.Serializer):
    day = serializers.DateField()
    answers = serializers.IntegerField()


class ProgressOut(serializers.Serializer):
    attempts = serializers.IntegerField()
    accuracy_percent = serializers.IntegerField()
    streak = serializers.IntegerField()
    last_active = serializers.DateTimeField(allow_null=True)
    topics = TopicProgressOut(many=True)
    activity = DayOut(many=True)


def progress_data(progress) -> dict:
    return {
        "attempts": progress.attempts,
        "accuracy_percent": progress.accuracy_percent,
        "streak": progress.streak,
        "last_active": progress.last_active,
        "topics": [
            {
                "topic": {"id": t.topic.pk, "name": t.topic.name},
                "grade": t.topic.grade,
                "attempts": t.attempts,
                "accuracy_percent": t.accuracy_percent,
                "mastery_percent": t.mastery_percent,
                "solved": t.solved,
                "total": t.total,
                "weak": t.is_weak,
            }
            for t in progress.topics
        ],
        "activity": [{"day": day, "answers": n} for day, n in progress.activity],
    }


class ProgressView(APIView):
    @extend_schema(responses={200: ProgressOut}, summary="My mastery per topic, accuracy, streak and recent activity")
    def get(self, request):
        return Response(progress_data(selectors.progress_for(student=request.user)))


class RecommendationOut(serializers.Serializer):
    task = TaskOut()
    reason = serializers.ChoiceField(choices=["weak_topic", "new_topic"])


class RecommendationsView(APIView):
    @extend_schema(responses={200: RecommendationOut(many=True)}, summary="Tasks recommended for me next")
    def get(self, request):
        recommendations = selectors.recommendations_for(student=request.user)
        prefetch_related_objects([r.task for r in recommendations], "choices")
        return Response([{"task": task_data(r.task), "reason": r.reason} for r in recommendations])


class HistoryOut(serializers.Serializer):
    id = serializers.IntegerField()
    task_id = serializers.IntegerField()
    topic = RefOut()
    correct = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    in_test_or_homework = serializers.BooleanField()


def history_data(attempt) -> dict:
    return {
        "id": attempt.pk,
        "task_id": attempt.task_id,
        "topic": {"id": attempt.task.topic_id, "name": attempt.task.topic.name},
        "correct": attempt.is_correct,
        "created_at": attempt.created_at,
        "in_test_or_homework": attempt.submission_id is not None,
    }


class HistoryView(APIView):
    @extend_schema(responses={200: HistoryOut(many=True)}, summary="My latest answers")
    def get(self, request):
        return Response([history_data(a) for a in selectors.history_for(student=request.user, limit=100)])


class LeaderboardOut(serializers.Serializer):
    student = PersonOut()
    correct = serializers.IntegerField()
    answers = serializers.IntegerField()
    is_me = serializers.BooleanField()


class ClassLeaderboardView(APIView):
    @extend_schema(responses={200: LeaderboardOut(many=True)}, summary="This week's correct answers in my class (without students who restrict dissemination)")
    def get(self, request, class_id: int):
        return Response(
            [
                {"student": {"id": r.student_id, "name": r.name}, "correct": r.correct, "answers": r.answers, "is_me": r.is_viewer}
                for r in selectors.class_leaderboard(viewer=request.user, class_id=class_id)
            ]
        )


# --- The teacher's board and the per-student view (P5.4.b) -------------------------------


class CellOut(serializers.Serializer):
    status = serializers.ChoiceField(choices=["submitted", "started", "missed", "open"])
    percent = serializers.IntegerField(allow_null=True)


class BoardRowOut(serializers.Serializer):
    student = PersonOut()
    disclosed = serializers.BooleanField(help_text="False: the student withdrew consent to show results; cells are null.")
    submitted = serializers.IntegerField()
    cells = CellOut(many=True, allow_null=True)


class BoardColumnOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    due_at = serializers.DateTimeField()
    submitted = serializers.IntegerField()
    average_percent = serializers.IntegerField(allow_null=True)


class BoardOut(serializers.Serializer):
    school_class = RefOut()
    assignments = BoardColumnOut(many=True)
    rows = BoardRowOut(many=True)


def board_data(board) -> dict:
    return {
        "school_class": {"id": board.school_class.pk, "name": board.school_class.name},
        "assignments": [
            {
                "id": c.assignment.pk,
                "title": c.assignment.title,
                "due_at": c.assignment.due_at,
                "submitted": c.submitted,
                "average_percent": c.average_percent,
            }
            for c in board.columns
        ],
        "rows": [
            {
                "student": {"id": r.student_id, "name": r.name},
                "disclosed": r.disclosed,
                "submitted": r.submitted,
                "cells": [{"status": c.status, "percent": c.percent} if c else None for c in r.cells],
            }
            for r in board.rows
        ],
    }


class ClassBoardView(APIView):
    @extend_schema(responses={200: BoardOut}, summary="Class x homework board: completion and results (teacher)")
    def get(self, request, class_id: int):
        return Response(board_data(selectors.class_board(viewer=request.user, class_id=class_id)))


class HomeworkStatusOut(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    school_class = serializers.CharField()
    due_at = serializers.DateTimeField()
    status = serializers.CharField()
    percent = serializers.IntegerField(allow_null=True)


class RecentOut(serializers.Serializer):
    topic = serializers.CharField()
    correct = serializers.BooleanField()
    created_at = serializers.DateTimeField()


class StudentReportOut(serializers.Serializer):
    student = PersonOut()
    disclosed = serializers.BooleanField(help_text="False: the student withdrew consent; only the name is shown.")
    message = serializers.CharField(allow_null=True)
    progress = ProgressOut(allow_null=True)
    homework_done = serializers.IntegerField(allow_null=True)
    homework_missed = serializers.IntegerField(allow_null=True)
    homework = HomeworkStatusOut(many=True)
    recent = RecentOut(many=True)


def report_data(report) -> dict:
    """Name, results, completion and progress only: never contacts or date of birth (P5.4.b)."""
    if not report.disclosed:
        return {
            "student": {"id": report.student_id, "name": report.name},
            "disclosed": False,
            "message": _("%(name)s has withdrawn consent to show learning results to teachers and parents.") % {"name": report.name},
            "progress": None,
            "homework_done": None,
            "homework_missed": None,
            "homework": [],
            "recent": [],
        }
    return {
        "student": {"id": report.student_id, "name": report.name},
        "disclosed": True,
        "message": None,
        "progress": progress_data(report.progress),
        "homework_done": report.homework_done,
        "homework_missed": report.homework_missed,
        "homework": [
            {
                "id": h.assignment.pk,
                "title": h.assignment.title,
                "school_class": h.assignment.school_class.name,
                "due_at": h.assignment.due_at,
                "status": h.status,
                "percent": h.percent,
            }
            for h in report.homework
        ],
        "recent": [{"topic": a.task.topic.name, "correct": a.is_correct, "created_at": a.created_at} for a in report.recent],
    }


class StudentReportView(APIView):
    @extend_schema(responses={200: StudentReportOut}, summary="One student of my class: results, completion, progress (teacher)")
    def get(self, request, class_id: int, student_id: int):
        _school_class, report = selectors.student_report_for_teacher(viewer=request.user, class_id=class_id, student_id=student_id)
        return Response(report_data(report))


# --- Parents (P5.4.c) ---------------------------------------------------------------------


class ChildSummaryOut(serializers.Serializer):
    child = PersonOut()
    disclosed = serializers.BooleanField()
    answers_this_week = serializers.IntegerField()
    accuracy_this_week_percent = serializers.IntegerField(allow_null=True)
    last_active = serializers.DateTimeField(allow_null=True)
    homework_open = serializers.IntegerField()


class ChildrenView(APIView):
    @extend_schema(responses={200: ChildSummaryOut(many=True)}, summary="My linked children and their week (parent)")
    def get(self, request):
        return Response(
            [
                {
                    "child": {"id": c.child_id, "name": c.name},
                    "disclosed": c.disclosed,
                    "answers_this_week": c.attempts_week,
                    "accuracy_this_week_percent": c.accuracy_week_percent,
                    "last_active": c.last_active,
                    "homework_open": c.homework_open,
                }
                for c in selectors.children_overview(viewer=request.user)
            ]
        )


class ChildReportView(APIView):
    @extend_schema(responses={200: StudentReportOut}, summary="My child's activity, results and homework (parent)")
    def get(self, request, child_id: int):
        return Response(report_data(selectors.child_report(viewer=request.user, child_id=child_id)))


class EntitlementOut(serializers.Serializer):
    kind = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField(allow_null=True)
    active = serializers.BooleanField()


class EntitlementListView(APIView):
    @extend_schema(responses={200: EntitlementOut(many=True)}, summary="My access to extended content")
    def get(self, request):
        now = timezone.now()
        return Response(
            [
                {
                    "kind": e.kind,
                    "starts_at": e.starts_at,
                    "ends_at": e.ends_at,
                    "active": e.revoked_at is None and e.starts_at <= now and (e.ends_at is None or e.ends_at > now),
                }
                for e in selectors.entitlements_for(viewer=request.user)
            ]
        )
