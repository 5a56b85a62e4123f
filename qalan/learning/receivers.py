"""The learning app's sections of the class page (``qalan.core.hooks.class_page``)."""

from django.dispatch import receiver

from qalan.core import hooks
from qalan.learning.selectors import assignments_for_class, class_leaderboard, homework_for_student


@receiver(hooks.class_page)
def class_learning(sender, *, viewer, school_class, is_teacher, **kwargs) -> dict:
    context = {"leaderboard": class_leaderboard(viewer=viewer, class_id=school_class.pk)}
    if is_teacher:
        context["homework"] = assignments_for_class(viewer=viewer, school_class=school_class)[:20]
    else:
        context["homework"] = [h for h in homework_for_student(student=viewer) if h.school_class_id == school_class.pk]
    return context
