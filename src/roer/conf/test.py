"""The test suite: fast password hashing, mail kept in memory, static files without a manifest."""

from roer.conf.base import *  # noqa: F403
from roer.conf.base import SECRET_KEY, STORAGES

SECRET_KEY = SECRET_KEY or "test-only-secret-key-not-for-production-use-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
LANGUAGE_CODE = "en"
# Static files come straight from the finders (app folders and node_modules): no collectstatic in tests.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
