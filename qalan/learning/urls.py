"""Web routes of the learning app (mounted at the site root by qalan/urls.py)."""

from django.urls import path

from qalan.core.gating import consent_required
from qalan.learning import views

app_name = "learning"
urlpatterns = consent_required(
    [
        path("learn/", views.dashboard, name="dashboard"),
        path("practice/", views.catalogue, name="catalogue"),
        path("practice/topics/<int:topic_id>/", views.topic, name="topic"),
        path("practice/tasks/<int:task_id>/", views.task, name="task"),
        path("tests/", views.quizzes, name="quizzes"),
        path("tests/<int:quiz_id>/start/", views.quiz_start, name="quiz_start"),
        path("homework/<int:assignment_id>/", views.homework, name="homework"),
        path("homework/<int:assignment_id>/start/", views.homework_start, name="homework_start"),
        path("homework/<int:assignment_id>/due/", views.homework_due, name="homework_due"),
        path("homework/<int:assignment_id>/delete/", views.homework_delete, name="homework_delete"),
        path("submissions/<int:submission_id>/", views.submission, name="submission"),
        path("submissions/<int:submission_id>/save/", views.submission_save, name="submission_save"),
        path("progress/", views.progress, name="progress"),
        path("teach/", views.teacher_dashboard, name="teacher_dashboard"),
        path("classes/<int:class_id>/homework/new/", views.homework_create, name="homework_create"),
        path("classes/<int:class_id>/board/", views.board, name="board"),
        path("classes/<int:class_id>/students/<int:student_id>/", views.student_report, name="student_report"),
        path("children/", views.children, name="children"),
        path("children/<int:child_id>/", views.child, name="child"),
    ]
)
