"""API routes of the learning app (mounted under /api/v1/ by qalan/urls.py; names in the "api" namespace)."""

from django.urls import path

from qalan.core.gating import consent_required
from qalan.learning import api

urlpatterns = consent_required(
    [
        path("subjects", api.SubjectListView.as_view(), name="subject_list"),
        path("topics/<int:topic_id>/tasks", api.TopicTasksView.as_view(), name="topic_tasks"),
        path("tasks/<int:task_id>", api.TaskDetailView.as_view(), name="task_detail"),
        path("tasks/<int:task_id>/attempts", api.TaskAttemptView.as_view(), name="task_attempt"),
        path("quizzes", api.QuizListView.as_view(), name="quiz_list"),
        path("quizzes/<int:quiz_id>/start", api.QuizStartView.as_view(), name="quiz_start"),
        path("submissions/<int:submission_id>", api.SubmissionDetailView.as_view(), name="submission_detail"),
        path("submissions/<int:submission_id>/submit", api.SubmissionSubmitView.as_view(), name="submission_submit"),
        path("submissions/<int:submission_id>/save", api.SubmissionSaveView.as_view(), name="submission_save"),
        path("homework", api.HomeworkListView.as_view(), name="homework_list"),
        path("homework/<int:assignment_id>", api.HomeworkDetailView.as_view(), name="homework_detail"),
        path("homework/<int:assignment_id>/start", api.HomeworkStartView.as_view(), name="homework_start"),
        path("classes/<int:class_id>/homework", api.ClassHomeworkView.as_view(), name="class_homework"),
        path("classes/<int:class_id>/board", api.ClassBoardView.as_view(), name="class_board"),
        path("classes/<int:class_id>/leaderboard", api.ClassLeaderboardView.as_view(), name="class_leaderboard"),
        path(
            "classes/<int:class_id>/students/<int:student_id>/report",
            api.StudentReportView.as_view(),
            name="student_report",
        ),
        path("progress", api.ProgressView.as_view(), name="progress"),
        path("recommendations", api.RecommendationsView.as_view(), name="recommendations"),
        path("history", api.HistoryView.as_view(), name="history"),
        path("children", api.ChildrenView.as_view(), name="children"),
        path("children/<int:child_id>", api.ChildReportView.as_view(), name="child_report"),
        path("me/entitlements", api.EntitlementListView.as_view(), name="entitlements"),
    ]
)
