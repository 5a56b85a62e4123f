"""Web forms of the learning app. They only collect input: answers are read and checked by
``grading`` through the services, so the web and the API accept the same answers."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qalan.learning.models import Task


def answer_field(task: Task, *, required: bool) -> forms.Field:
    """The input for one task: options for choice tasks, a text box otherwise."""
    if task.kind in (Task.Kind.SINGLE, Task.Kind.MULTIPLE):
        choices = [(c.pk, c.text) for c in task.choices.all()]
        if task.kind == Task.Kind.SINGLE:
            return forms.ChoiceField(label=_("Your answer"), choices=choices, widget=forms.RadioSelect, required=required)
        return forms.MultipleChoiceField(
            label=_("Your answer (choose all that apply)"), choices=choices, widget=forms.CheckboxSelectMultiple, required=required
        )
    attrs = {"autocomplete": "off"}
    if task.kind == Task.Kind.NUMERIC:
        attrs["inputmode"] = "decimal"
        help_text = _("A number, for example 12, 2.5 or 3/4.")
    else:
        help_text = _("A short answer: a word, a number or an expression.")
    return forms.CharField(label=_("Your answer"), max_length=200, required=required, help_text=help_text, widget=forms.TextInput(attrs=attrs))


class PracticeForm(forms.Form):
    def __init__(self, *args, task: Task, **kwargs):
        super().__init__(*args, **kwargs)
        self.task = task
        self.fields["answer"] = answer_field(task, required=False)

    def raw_answer(self):
        if self.task.kind == Task.Kind.MULTIPLE:
            return self.data.getlist("answer")
        return self.data.get("answer", "")


class SubmissionForm(forms.Form):
    """All tasks of a test or homework; an empty answer counts as wrong."""

    def __init__(self, *args, tasks: list[Task], **kwargs):
        super().__init__(*args, **kwargs)
        self.tasks = tasks
        for task in tasks:
            self.fields[f"task_{task.pk}"] = answer_field(task, required=False)

    def raw_answers(self) -> dict:
        answers = {}
        for task in self.tasks:
            name = f"task_{task.pk}"
            values = self.data.getlist(name) if hasattr(self.data, "getlist") else [self.data.get(name)]
            values = [v for v in values if v not in (None, "")]
            if task.kind == Task.Kind.MULTIPLE:
                answers[str(task.pk)] = values
            else:
                answers[str(task.pk)] = values[0] if values else ""
        return answers

    def task_fields(self):
        return [(task, self[f"task_{task.pk}"]) for task in self.tasks]


class HomeworkForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("For example: Fractions, exercise 3"))
    due_at = forms.DateTimeField(
        label=_("Due"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    quiz = forms.TypedChoiceField(label=_("Set a ready test"), required=False, coerce=int, empty_value=None)
    tasks = forms.TypedMultipleChoiceField(label=_("Or choose tasks"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple)
    time_limit_minutes = forms.IntegerField(
        label=_("Time limit, minutes (optional)"), required=False, min_value=1, max_value=300,
        help_text=_("Leave empty for homework without a time limit."),
    )

    def __init__(self, *args, quizzes, tasks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quiz"].choices = [("", "—"), *[(q.pk, q.title) for q in quizzes]]
        self.fields["tasks"].choices = [(t.pk, f"{t.topic.name} · {t.text[:80]}") for t in tasks]
        if not self.is_bound:
            self.initial.setdefault("due_at", (timezone.localtime() + timedelta(days=7)).replace(hour=18, minute=0, second=0, microsecond=0))


class DueForm(forms.Form):
    due_at = forms.DateTimeField(
        label=_("New due date"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
