from django.urls import path

from . import views

app_name = "route"
urlpatterns = [
    path("", views.route_map, name="map"),
    path("mijlpaal/<slug:key>/", views.milestone_guidance, name="milestone"),
    path("handreiking/<int:number>/", views.handreiking, name="handreiking"),
]
