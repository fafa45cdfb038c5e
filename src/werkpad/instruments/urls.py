from django.urls import path

from . import pdf, views

app_name = "instruments"
urlpatterns = [
    path("<int:kid>/instrumenten/", views.overview, name="overview"),
    path("<int:kid>/instrumenten/<slug:kind>/", views.detail, name="detail"),
    path("<int:kid>/instrumenten/<slug:kind>/bewerken/", views.edit, name="edit"),
    path("<int:kid>/instrumenten/<slug:kind>/versies/", views.history, name="history"),
    path("<int:kid>/instrumenten/<slug:kind>/versies/<int:number>/", views.detail, name="version"),
    path("<int:kid>/crisiskaart.pdf", pdf.crisiskaart_pdf, name="crisiskaart_pdf"),
    path("<int:kid>/wie-ziet-wat/", views.sharing, name="sharing"),
    path("<int:kid>/wie-heeft-gekeken/", views.access_log, name="access_log"),
]
