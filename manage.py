#!/usr/bin/env python
"""Django's command-line utility for Werkpad."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpad.settings")
    # A checkout without a configured secret key is a development machine: run in debug mode
    # there. Production sets DJANGO_SECRET_KEY (and leaves DJANGO_DEBUG off); see
    # docs/production.md. The WSGI entry point never falls back like this.
    if not os.environ.get("DJANGO_SECRET_KEY"):
        os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
