"""Production: PostgreSQL, HTTPS, a secret key from the environment."""

from django.core.exceptions import ImproperlyConfigured

from roer.conf.base import *  # noqa: F403
from roer.conf.base import DATABASE_URL, PRODUCTION_HSTS_SECONDS, PRODUCTION_SSL_REDIRECT, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in production.")
if not DATABASE_URL:
    raise ImproperlyConfigured("Set DATABASE_URL in production (postgresql://…).")

DEBUG = False
SECURE_SSL_REDIRECT = PRODUCTION_SSL_REDIRECT
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = PRODUCTION_HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
