from django.urls import path

from . import views

app_name = "placements"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("nieuw/<int:mid>/", views.create, name="create"),
    path("<int:pk>/plannen/", views.plans_edit, name="plans_edit"),
    path("<int:pk>/opbouw/", views.opbouw_edit, name="opbouw_edit"),
    path("<int:pk>/uren/", views.uren_edit, name="uren_edit"),
]
