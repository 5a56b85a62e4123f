from django.urls import path

from qalan.notify import views

app_name = "notify"
urlpatterns = [
    path("notifications/", views.inbox, name="inbox"),
    path("notifications/preferences/", views.preferences, name="preferences"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
