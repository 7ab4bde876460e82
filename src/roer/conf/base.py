"""Settings shared by every environment. Environment variables are read only through ``config``."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from roer.conf.environment import config

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent.parent

DATA_DIR = Path(
    config(
        "ROER_DATA_DIR",
        str(PROJECT_DIR / "data"),
        "Folder for the embedded SQLite database and other local files.",
        group="Storage",
        shown_default="`data/` in the project folder",
    )
)
NODE_MODULES_DIR = Path(
    config(
        "ROER_NODE_MODULES",
        str(PROJECT_DIR / "node_modules"),
        "Folder where `npm ci` installed the front-end packages that Roer serves itself.",
        group="Storage",
        shown_default="`node_modules/` in the project folder",
    )
)

SECRET_KEY = config(
    "SECRET_KEY",
    "",
    "Django's secret key, used to sign sessions and tokens. Required in production; "
    "the development settings generate one in the data folder.",
    group="Security",
)
DEBUG = config("DEBUG", False, "Show detailed error pages. Never in production.", group="General")
ALLOWED_HOSTS = config(
    "ALLOWED_HOSTS",
    ["127.0.0.1", "localhost"],
    "Comma-separated host names this installation answers to.",
    group="Security",
)
CSRF_TRUSTED_ORIGINS = config(
    "CSRF_TRUSTED_ORIGINS",
    [],
    "Comma-separated origins (scheme and host) trusted for form posts behind a proxy.",
    group="Security",
)

DATABASE_URL = config(
    "DATABASE_URL",
    "",
    "Database to use: `sqlite:///path/to/file.sqlite3` or `postgresql://user:password@host:5432/name`. "
    "Without it, SQLite in the data folder.",
    group="Storage",
)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{DATA_DIR / 'roer.sqlite3'}",
        conn_max_age=config(
            "DATABASE_CONN_MAX_AGE",
            60,
            "Seconds a database connection is kept open between requests (PostgreSQL).",
            group="Storage",
        ),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "csp",
    "roer.core",
    "roer.components",
    "roer.audit",
    "roer.organisation",
    "roer.portfolio",
    "roer.strategy",
    "roer.planning",
    "roer.api",
    "roer.demo",
    "roer.publication",
    "roer.governance",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "roer.core.middleware.SecurityHeadersMiddleware",
    "roer.audit.middleware.AuditContextMiddleware",
    "roer.api.middleware.ApiVersionHeaderMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_USER_MODEL = "organisation.Person"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# SQLite cannot enforce "unique, counting empty as equal" (one contribution per initiative, goal and no KPI);
# the contribution service checks it on every database, and PostgreSQL enforces it as well.
SILENCED_SYSTEM_CHECKS = ["models.W047"]

ROOT_URLCONF = "roer.urls"
WSGI_APPLICATION = "roer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

LANGUAGE_CODE = config(
    "LANGUAGE_CODE",
    "nl",
    "Default interface language for visitors who have not chosen one (`nl` or `en`).",
    group="General",
)
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = config("TIME_ZONE", "Europe/Amsterdam", "Time zone for dates shown to users.", group="General")
USE_I18N = True
FORMAT_MODULE_PATH = ["roer.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT: Path | None = Path(
    config(
        "STATIC_ROOT",
        str(PROJECT_DIR / "data" / "static"),
        "Folder that `roer collectstatic` fills and the server serves static files from.",
        group="Storage",
        shown_default="`data/static/` in the project folder",
    )
)
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("vendor/utrecht", NODE_MODULES_DIR / "@utrecht" / "component-library-css" / "dist"),
    ("vendor/theme", NODE_MODULES_DIR / "@nl-design-system-unstable" / "voorbeeld-design-tokens" / "dist"),
    ("vendor/htmx", NODE_MODULES_DIR / "htmx.org" / "dist"),
    ("vendor/echarts", NODE_MODULES_DIR / "echarts" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Read here so that the configuration reference lists them; applied by the production settings.
PRODUCTION_SSL_REDIRECT = config(
    "SECURE_SSL_REDIRECT",
    True,
    "Production: redirect plain HTTP to HTTPS (switch off when a proxy does it).",
    group="Security",
)
PRODUCTION_HSTS_SECONDS = config(
    "SECURE_HSTS_SECONDS", 31536000, "Production: Strict-Transport-Security max-age in seconds.", group="Security"
)

# Everything is served by Roer itself: no third-party origin is ever allowed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

EMAIL_BACKEND = config(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend",
    "Django e-mail backend; the console backend prints messages instead of sending them.",
    group="E-mail",
)
DEFAULT_FROM_EMAIL = config("DEFAULT_FROM_EMAIL", "roer@localhost", "Sender address of Roer's e-mail.", group="E-mail")
EMAIL_HOST = config("EMAIL_HOST", "localhost", "SMTP server for the SMTP e-mail backend.", group="E-mail")
EMAIL_PORT = config("EMAIL_PORT", 25, "Port of the SMTP server.", group="E-mail")
EMAIL_HOST_USER = config("EMAIL_HOST_USER", "", "User name at the SMTP server; empty: no login.", group="E-mail")
EMAIL_HOST_PASSWORD = config("EMAIL_HOST_PASSWORD", "", "Password at the SMTP server.", group="E-mail")
EMAIL_USE_TLS = config("EMAIL_USE_TLS", False, "Use STARTTLS with the SMTP server (usually port 587).", group="E-mail")
EMAIL_USE_SSL = config(
    "EMAIL_USE_SSL", False, "Use implicit TLS with the SMTP server (usually port 465).", group="E-mail"
)
ROER_BASE_URL = config(
    "ROER_BASE_URL",
    "http://127.0.0.1:8000",
    "Address of this Roer installation, used for the links in notification e-mails.",
    group="E-mail",
)

ROER_ORGANISATION_NAME = config(
    "ROER_INSTANCE_NAME", "Roer", "Name shown in the page header and the API description.", group="General"
)
ROER_API_CONTACT = {
    "name": config("ROER_API_CONTACT_NAME", "Roer beheer", "Contact name published in the OpenAPI file.", group="API"),
    "email": config(
        "ROER_API_CONTACT_EMAIL", "beheer@roer.example", "Contact e-mail published in the OpenAPI file.", group="API"
    ),
    "url": config(
        "ROER_API_CONTACT_URL",
        "https://roer.example/contact",
        "Contact web address published in the OpenAPI file.",
        group="API",
    ),
}
ROER_PAGE_SIZE = 25

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {
        "handlers": ["console"],
        "level": config("LOG_LEVEL", "INFO", "Log level: DEBUG, INFO, WARNING or ERROR.", group="General"),
    },
}

from roer.conf.includes.api import *  # noqa: E402,F403  (REST framework and OpenAPI settings)
from roer.conf.includes.server import *  # noqa: E402,F403  (`roer serve`)
