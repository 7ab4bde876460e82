"""REST framework and OpenAPI settings, kept apart from the general settings."""

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "roer.api.authentication.TokenAuthentication",
        "roer.api.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "roer.api.pagination.PageNumberPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "roer.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "roer.api.problems.exception_handler",
    "ORDERING_PARAM": "ordering",
    "SEARCH_PARAM": "search",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

API_VERSION = "1.0.0"

SPECTACULAR_SETTINGS = {
    "TITLE": "Roer API",
    "DESCRIPTION": (
        "Read and change Roer's organisation, people, roles and initiatives. "
        "The same permission rules apply as in the web interface."
    ),
    "VERSION": API_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVERS": [{"url": "/api/v1", "description": "This installation"}],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "roer.api.schema.add_nl_api_rules",
    ],
}
