"""Three-party meetings (included in `werkpad.monitoring.urls`, namespace `monitoring`)."""

from django.urls import path

from . import views

urlpatterns = [
    path("plaatsing/<int:pk>/driegesprekken/nieuw/", views.new, name="driegesprek_new"),
    path("driegesprekken/<int:pk>/", views.detail, name="driegesprek_detail"),
    path("driegesprekken/<int:pk>/wijzigen/", views.edit, name="driegesprek_edit"),
    path("driegesprekken/<int:pk>/afzeggen/", views.cancel, name="driegesprek_cancel"),
    path("driegesprekken/<int:pk>/uitnodiging.ics", views.ics, name="driegesprek_ics"),
    path("driegesprekken/<int:pk>/mail/", views.mail, name="driegesprek_mail"),
    path("driegesprekken/<int:pk>/verslag/", views.verslag, name="driegesprek_verslag"),
]
