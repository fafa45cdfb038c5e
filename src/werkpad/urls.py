"""The URLs of the whole site. Each app brings its own URLconf under its prefix; the composed
pages of `werkpad.pages` join the namespaces of the apps whose data they show, so their names
stay `trajects:detail`, `placements:detail` and `portal:home`."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from werkpad.pages import urls as pages
from werkpad.placements import urls as placements
from werkpad.trajects import urls as trajects

urlpatterns = [
    pages.home,
    path("account/", include("werkpad.accounts.urls")),
    path("route/", include("werkpad.route.urls")),
    path("", include((pages.traject_patterns + trajects.urlpatterns, "trajects"))),
    path("kandidaten/", include("werkpad.instruments.urls")),
    path("mijn/", include((pages.portal_patterns, "portal"))),
    path("werkgevers/", include("werkpad.employers.urls")),
    path("matching/", include("werkpad.matching.urls")),
    path(
        "plaatsingen/", include((pages.placement_patterns + placements.urlpatterns, "placements"))
    ),
    path("monitoring/", include("werkpad.monitoring.urls")),
    path("meldingen/", include("werkpad.notifications.urls")),
    path("uitval/", include("werkpad.dropout.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("beheer/", admin.site.urls),
]
