"""WSGI entry point (gunicorn werkpad.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpad.settings")
application = get_wsgi_application()
