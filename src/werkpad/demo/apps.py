"""App configuration of the demo app (top layer: it may import every app; no app imports it)."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "werkpad.demo"
