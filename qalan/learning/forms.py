"""Web forms of the learning app. They only collect input: answers are read and checked by
``grading`` through the services, so the web and the API accept the same answers."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qalan.learning.models import ResultRule, Task
from qalan.trainer.content.render import render_html
from qalan.trainer.models import ItemInstance, pick_language


def answer_field(task: Task, *, required: bool) -> forms.Field:
    """The input for one task: options for choice tasks, a text box otherwise."""
    if task.kind in (Task.Kind.SINGLE, Task.Kind.MULTIPLE):
        choices = [(c.pk, c.text) for c in task.choices.all()]
        if task.kind == Task.Kind.SINGLE:
            return forms.ChoiceField(
                label=_("Your answer"), choices=choices, widget=forms.RadioSelect, required=required
            )
        return forms.MultipleChoiceField(
            label=_("Your answer (choose all that apply)"),
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            required=required,
        )
    attrs = {"autocomplete": "off"}
    if task.kind == Task.Kind.NUMERIC:
        attrs["inputmode"] = "decimal"
        help_text = _("A number, for example 12, 2.5 or 3/4.")
    else:
        help_text = _("A short answer: a word, a number or an expression.")
    return forms.CharField(
        label=_("Your answer"),
        max_length=200,
        required=required,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
    )


class PracticeForm(forms.Form):
    def __init__(self, *args, task: Task, **kwargs):
        super().__init__(*args, **kwargs)
        self.task = task
        self.fields["answer"] = answer_field(task, required=False)

    def raw_answer(self):
        if self.task.kind == Task.Kind.MULTIPLE:
            return self.data.getlist("answer")
        return self.data.get("answer", "")


def item_field(item: ItemInstance, *, language: str) -> forms.Field:
    """The input for one trainer item of a sitting: its shuffled options, or a text box."""
    if item.choices:
        options = [(c["id"], render_html(pick_language(c.get("text"), language), language)) for c in item.choices]
        if item.template.answer_form == "multi":
            return forms.MultipleChoiceField(
                label=_("Your answer (choose all that apply)"),
                choices=options,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        return forms.ChoiceField(label=_("Your answer"), choices=options, widget=forms.RadioSelect, required=False)
    attrs = {"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}
    if item.template.answer_form in ("number", "fraction"):
        attrs["inputmode"] = "text"
    return forms.CharField(label=_("Your answer"), max_length=300, required=False, widget=forms.TextInput(attrs=attrs))


class SubmissionForm(forms.Form):
    """All tasks and trainer items of a test or homework, pre-filled with the answers saved so
    far; an empty answer counts as wrong."""

    def __init__(self, *args, tasks: list[Task], items=(), drafts: dict | None = None, language: str = "kk", **kwargs):
        super().__init__(*args, **kwargs)
        self.tasks, self.items, self.language = tasks, list(items), language
        for task in tasks:
            self.fields[f"task_{task.pk}"] = answer_field(task, required=False)
        for item in self.items:
            self.fields[item.field_name] = item_field(item.instance, language=language)
        if not self.is_bound:
            self.initial.update(drafts or {})

    def _value(self, name: str, many: bool):
        values = self.data.getlist(name) if hasattr(self.data, "getlist") else [self.data.get(name)]
        values = [v for v in values if v not in (None, "")]
        return values if many else (values[0] if values else "")

    def raw_answers(self) -> dict:
        """{"task_<id>": ..., "item_<uuid>": ...} as typed (only the fields that were sent)."""
        answers = {}
        for task in self.tasks:
            name = f"task_{task.pk}"
            if name in self.data:
                answers[name] = self._value(name, task.kind == Task.Kind.MULTIPLE)
        for item in self.items:
            if item.field_name in self.data:
                value = self._value(item.field_name, item.instance.template.answer_form == "multi")
                answers[item.field_name] = ",".join(value) if isinstance(value, list) else value
        return answers

    def task_fields(self):
        return [(task, self[f"task_{task.pk}"]) for task in self.tasks]

    def item_fields(self):
        return [(item, self[item.field_name]) for item in self.items]


class HomeworkForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("For example: Fractions, exercise 3"))
    due_at = forms.DateTimeField(
        label=_("Due"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    quiz = forms.TypedChoiceField(label=_("Set a ready test"), required=False, coerce=int, empty_value=None)
    tasks = forms.TypedMultipleChoiceField(
        label=_("Or choose tasks"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    time_limit_minutes = forms.IntegerField(
        label=_("Time limit, minutes (optional)"),
        required=False,
        min_value=1,
        max_value=300,
        help_text=_("Leave empty for homework without a time limit."),
    )
    skills = forms.MultipleChoiceField(
        label=_("Skills from the trainer"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every student gets fresh items of each skill: the same work, other numbers."),
    )
    items_per_skill = forms.IntegerField(
        label=_("Items per skill"), min_value=1, max_value=10, initial=3, required=False
    )
    difficulty = forms.TypedChoiceField(
        label=_("Difficulty"),
        coerce=int,
        initial=1,
        required=False,
        empty_value=1,
        choices=[(1, _("1: basic")), (2, _("2: standard")), (3, _("3: challenging"))],
    )
    max_attempts = forms.IntegerField(
        label=_("Attempts allowed"),
        min_value=1,
        max_value=5,
        initial=1,
        required=False,
        help_text=_("More than one lets a student try again after submitting, until the due date."),
    )
    result_rule = forms.ChoiceField(
        label=_("Result that counts"), choices=ResultRule.choices, initial=ResultRule.BEST, required=False
    )

    def __init__(self, *args, quizzes, tasks, skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quiz"].choices = [("", "—"), *[(q.pk, q.title) for q in quizzes]]
        self.fields["tasks"].choices = [(t.pk, f"{t.topic.name} · {t.text[:80]}") for t in tasks]
        # Grouped by chapter, as a teacher looks for them: "5 · Fractions" -> its skills.
        groups: dict[str, list] = {}
        for skill in skills:
            groups.setdefault(f"{skill.grade} · {skill.chapter.title_in()}", []).append((skill.code, skill.title_in()))
        self.fields["skills"].choices = list(groups.items())
        if not self.is_bound:
            self.initial.setdefault(
                "due_at", (timezone.localtime() + timedelta(days=7)).replace(hour=18, minute=0, second=0, microsecond=0)
            )


class DueForm(forms.Form):
    due_at = forms.DateTimeField(
        label=_("New due date"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
