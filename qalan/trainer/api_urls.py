"""API routes of the trainer (mounted under /api/v1/ by qalan/urls.py; names in the "api" namespace)."""

from django.urls import path

from qalan.core.gating import consent_required
from qalan.trainer.api import items, maps

urlpatterns = consent_required(
    [
        path("skills", items.SkillListView.as_view(), name="trainer_skills"),
        path("skills/<str:code>/items", items.SkillItemsView.as_view(), name="trainer_skill_items"),
        path("items/<uuid:instance_id>", items.ItemDetailView.as_view(), name="trainer_item"),
        path("items/<uuid:instance_id>/answer", items.ItemAnswerView.as_view(), name="trainer_item_answer"),
        path("items/<uuid:instance_id>/hint", items.ItemHintView.as_view(), name="trainer_item_hint"),
        path("items/<uuid:instance_id>/solution", items.ItemSolutionView.as_view(), name="trainer_item_solution"),
        path("focus", items.FocusView.as_view(), name="trainer_focus"),
        path("focus/items", items.FocusItemsView.as_view(), name="trainer_focus_items"),
        path("review", items.ReviewView.as_view(), name="trainer_review"),
        path("diagnostics", items.DiagnosticListView.as_view(), name="trainer_diagnostics"),
        path("diagnostics/<int:diagnostic_id>", items.DiagnosticDetailView.as_view(), name="trainer_diagnostic"),
        path(
            "diagnostics/<int:diagnostic_id>/items",
            items.DiagnosticItemsView.as_view(),
            name="trainer_diagnostic_items",
        ),
        path("trainer/answers", items.AnswerHistoryView.as_view(), name="trainer_answers"),
        path("map", maps.MyMapView.as_view(), name="trainer_map"),
        path("children/<int:child_id>/map", maps.ChildMapView.as_view(), name="trainer_child_map"),
        path("classes/<int:class_id>/map", maps.ClassMapView.as_view(), name="trainer_class_map"),
        path(
            "classes/<int:class_id>/mastery-leaderboard",
            maps.ClassMasteryLeaderboardView.as_view(),
            name="trainer_class_leaderboard",
        ),
    ]
)
