from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("kandidaat/<int:kid>/", views.for_candidate, name="for_candidate"),
    path("functie/<int:fid>/", views.for_job, name="for_job"),
    path("gesprek/<int:kid>/<int:fid>/", views.gesprek, name="gesprek"),
]
