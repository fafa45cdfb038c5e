from django.urls import path

from . import views
from .models import Functie

app_name = "employers"
urlpatterns = [
    path("", views.werkgever_list, name="list"),
    path("nieuw/", views.werkgever_create, name="create"),
    path("<int:pk>/", views.werkgever_detail, name="detail"),
    path("<int:pk>/bewerken/", views.werkgever_edit, name="edit"),
    path("<int:pk>/locaties/nieuw/", views.locatie_add, name="locatie_add"),
    path("<int:pk>/contactpersonen/nieuw/", views.contact_add, name="contact_add"),
    path("<int:pk>/mijlpalen/<int:mid>/", views.milestone_edit, name="milestone_edit"),
    path("<int:pk>/mijlpalen/<int:mid>/status/", views.milestone_status, name="milestone_status"),
    path("<int:pk>/taken/nieuw/", views.taak_form, name="taak_add"),
    path("<int:pk>/taken/<int:tid>/", views.taak_form, name="taak_edit"),
    path(
        "<int:pk>/functies/maatwerk/nieuw/",
        views.functie_add,
        {"soort": Functie.Soort.MAATWERK},
        name="maatwerk_add",
    ),
    path(
        "<int:pk>/functies/vacature/nieuw/",
        views.functie_add,
        {"soort": Functie.Soort.VACATURE},
        name="vacature_add",
    ),
    path("<int:pk>/functies/<int:fid>/", views.functie_detail, name="functie_detail"),
    path("<int:pk>/functies/<int:fid>/bewerken/", views.functie_edit, name="functie_edit"),
    path("<int:pk>/functies/<int:fid>/open/", views.functie_toggle, name="functie_toggle"),
]
