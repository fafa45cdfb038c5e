from django.urls import include, path

app_name = "monitoring"
urlpatterns = [
    path("", include("werkpad.monitoring.urls_checkin")),
    path("", include("werkpad.monitoring.urls_ontwikkeling")),
    path("", include("werkpad.monitoring.urls_driegesprek")),
]
