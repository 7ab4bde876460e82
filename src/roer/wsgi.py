"""WSGI entry point for gunicorn (``roer serve``) or any other WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "roer.conf.dev")
application = get_wsgi_application()
