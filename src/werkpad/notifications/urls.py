from django.urls import path

from . import views

app_name = "meldingen"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("alles-gelezen/", views.alles_gelezen, name="alles_gelezen"),
    path("<int:pk>/gelezen/", views.gelezen, name="gelezen"),
    path("<int:pk>/open/", views.open_melding, name="open"),
    path("berichten/", views.berichten, name="berichten"),
]
