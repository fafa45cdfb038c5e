from django.urls import path

from . import views

app_name = "trajects"
urlpatterns = [
    path("caseload/", views.caseload, name="caseload"),
    path("mijn-trajecten/", views.mine, name="mine"),
    path("regie/", views.regie, name="regie"),
    path("kandidaten/nieuw/", views.register, name="register"),
    path("kandidaten/<int:kid>/gegevens/", views.kandidaat_edit, name="kandidaat_edit"),
    path("trajecten/<int:pk>/mijlpalen/", views.milestones, name="milestones"),
    path("trajecten/<int:pk>/mijlpalen/<int:mid>/", views.milestone_edit, name="milestone_edit"),
    path(
        "trajecten/<int:pk>/mijlpalen/<int:mid>/status/",
        views.milestone_status,
        name="milestone_status",
    ),
    path("trajecten/<int:pk>/afsluiten/", views.close, name="close"),
    path("trajecten/<int:pk>/betrokkenen/nieuw/", views.betrokkene_add, name="betrokkene_add"),
    path("trajecten/<int:pk>/afspraken/nieuw/", views.afspraak_add, name="afspraak_add"),
    path("trajecten/<int:pk>/afspraken/<int:aid>/", views.afspraak_edit, name="afspraak_edit"),
    path("trajecten/<int:pk>/journaal/nieuw/", views.notitie_add, name="notitie_add"),
    path("trajecten/<int:pk>/tijdlijn/", views.timeline, name="timeline"),
]
