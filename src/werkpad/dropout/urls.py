from django.urls import path

from . import views

app_name = "uitval"
urlpatterns = [
    path("traject/<int:pk>/melden/", views.melden, name="melden"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/checklist/<slug:key>/", views.checklist, name="checklist"),
    path("<int:pk>/hulplijnen/", views.hulplijnen, name="hulplijnen"),
    path("<int:pk>/contact/", views.contact, name="contact"),
    path("<int:pk>/terug/", views.terug, name="terug"),
]
