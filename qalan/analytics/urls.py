from django.urls import path

from qalan.analytics import views

app_name = "analytics"
urlpatterns = [path("analytics/collect", views.collect, name="collect")]
