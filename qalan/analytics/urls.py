from django.urls import path

from qalan.analytics import views

app_name = "analytics"
urlpatterns = [
    path("analytics/collect", views.collect, name="collect"),
    path("staff/analytics/", views.staff_aggregates, name="staff_aggregates"),
    path("staff/analytics/aggregates.csv", views.staff_aggregates_csv, name="staff_aggregates_csv"),
]
