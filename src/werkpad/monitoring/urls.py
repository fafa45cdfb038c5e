"""The monitoring pages under /monitoring/ (namespace `monitoring`): the check-ins, the
three-party meetings and the development steps, each from its own sub-package."""

from django.urls import include, path

app_name = "monitoring"
urlpatterns = [
    path("", include("werkpad.monitoring.checkins.urls")),
    path("", include("werkpad.monitoring.development.urls")),
    path("", include("werkpad.monitoring.meetings.urls")),
]
