from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from werkpad.trajects import views as traject_views

urlpatterns = [
    path("", traject_views.home, name="home"),
    path("account/", include("werkpad.accounts.urls")),
    path("route/", include("werkpad.route.urls")),
    path("", include("werkpad.trajects.urls")),
    path("kandidaten/", include("werkpad.instruments.urls")),
    path("mijn/", include("werkpad.portal.urls")),
    path("werkgevers/", include("werkpad.employers.urls")),
    path("matching/", include("werkpad.matching.urls")),
    path("plaatsingen/", include("werkpad.placements.urls")),
    path("monitoring/", include("werkpad.monitoring.urls")),
    path("meldingen/", include("werkpad.notifications.urls")),
    path("uitval/", include("werkpad.dropout.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("beheer/", admin.site.urls),
]
