"""The community app's sections of learning pages (``qalan.core.hooks``): a task's discussion
and the teacher's count of open questions."""

from django.dispatch import receiver

from qalan.community.forms import CommentForm
from qalan.community.selectors import questions_for_teacher, task_comments
from qalan.core import hooks


@receiver(hooks.task_page)
def task_discussion(sender, *, viewer, task, **kwargs) -> dict:
    return {"comments": task_comments(viewer=viewer, task=task), "comment_form": CommentForm()}


@receiver(hooks.teacher_dashboard)
def open_questions(sender, *, viewer, **kwargs) -> dict:
    return {"open_questions": questions_for_teacher(viewer=viewer).count()}
