"""Check-ins, the traffic light, the rhythm, the rules and the signal overview (included in
`werkpad.monitoring.urls`, namespace `monitoring`)."""

from django.urls import path

from . import views

urlpatterns = [
    path("plaatsing/<int:pk>/", views.detail, name="detail"),
    path("plaatsing/<int:pk>/check-in/", views.checkin, name="checkin"),
    path(
        "plaatsing/<int:pk>/check-in-leidinggevende/",
        views.checkin_leidinggevende,
        name="checkin_leidinggevende",
    ),
    path("plaatsing/<int:pk>/ritme/", views.schema_edit, name="schema_edit"),
    path("plaatsing/<int:pk>/contact-afspraak/", views.contact_afspraak, name="contact_afspraak"),
    path("check-in/<str:token>/", views.checkin_link, name="checkin_link"),
    path("regels/", views.regels, name="regels"),
    path("signalen/", views.signalen, name="signalen"),
]
