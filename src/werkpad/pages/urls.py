"""The URLs of the composed pages. They keep the names they had in the apps whose data they
show (`trajects:detail`, `trajects:move`, `placements:detail`, `portal:home`):
`werkpad/urls.py` adds these patterns to those apps' namespaces."""

from django.urls import path

from . import portal, views

home = path("", views.home, name="home")

traject_patterns = [
    path("trajecten/<int:pk>/", views.traject, name="detail"),
    path("trajecten/<int:pk>/fase/", views.traject_move, name="move"),
]

placement_patterns = [path("<int:pk>/", views.plaatsing, name="detail")]

portal_patterns = [path("", portal.home, name="home")]
