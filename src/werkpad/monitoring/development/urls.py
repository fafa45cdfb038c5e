"""Development steps and the trend (included in `werkpad.monitoring.urls`, namespace
`monitoring`)."""

from django.urls import path

from . import views

urlpatterns = [
    path("plaatsing/<int:pk>/trend/", views.trend_view, name="trend"),
    path(
        "plaatsing/<int:pk>/ontwikkelstap/nieuw/",
        views.ontwikkelstap_new,
        name="ontwikkelstap_new",
    ),
    path("ontwikkelstap/<int:pk>/", views.ontwikkelstap_edit, name="ontwikkelstap_edit"),
    path("ontwikkelstap/<int:pk>/status/", views.ontwikkelstap_status, name="ontwikkelstap_status"),
]
