"""REST framework and OpenAPI settings, kept apart from the general settings."""

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "roer.api.authentication.TokenAuthentication",
        "roer.api.authentication.SessionAuthentication",
    ],
    # Signed in, plus each view's declared ``rules`` permissions: see roer/api/permissions.py.
    "DEFAULT_PERMISSION_CLASSES": ["roer.api.permissions.ScopedPermission"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "roer.api.pagination.PageNumberPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "roer.api.schema.AutoSchema",
    # OPTIONS would describe fields outside the OpenAPI file; the file is the description.
    "DEFAULT_METADATA_CLASS": None,
    "EXCEPTION_HANDLER": "roer.api.problems.exception_handler",
    "NON_FIELD_ERRORS_KEY": "nonFieldErrors",
    "ORDERING_PARAM": "ordering",
    "SEARCH_PARAM": "search",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "URL_FORMAT_OVERRIDE": None,
}

API_VERSION = "1.0.0"

SPECTACULAR_SETTINGS = {
    "TITLE": "Roer API",
    "DESCRIPTION": (
        "Read and change Roer's organisation, people, roles and initiatives, the goal–effort network "
        "(goals, KPIs, measurements, contributions), and read the audit trail. "
        "The same permission rules apply as in the web interface: you see the org units where you hold "
        "a role and every unit below them.\n\n"
        "Authenticate with `Authorization: Token <token>` (`roer token USERNAME` issues one) or with a "
        "signed-in session plus its CSRF token. Errors are `application/problem+json` (RFC 9457). "
        "Changes to an initiative must send its `ETag` in `If-Match`."
    ),
    "VERSION": API_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVERS": [{"url": "/api/v1", "description": "This installation"}],
    "COMPONENT_SPLIT_REQUEST": True,
    "CAMELIZE_NAMES": True,
    "ENUM_NAME_OVERRIDES": {
        "ProposalStateEnum": "roer.governance.models.ProposalState",
        "AdviceStateEnum": "roer.governance.models.AdviceState",
        "ComplianceStateEnum": "roer.governance.models.ComplianceState",
        "MeetingStateEnum": "roer.governance.models.MeetingState",
        "AdvicePositionEnum": "roer.governance.models.AdvicePosition",
        "VotePositionEnum": "roer.governance.models.Position",
        "BodyKindEnum": "roer.governance.models.BodyKind",
        "AgendaKindEnum": "roer.governance.models.AgendaKind",
        "DecisionOutcomeEnum": "roer.governance.models.Outcome",
        "OutcomeEnum": "roer.portfolio.models.GateOutcome",
    },
    "POSTPROCESSING_HOOKS": [
        "roer.governance.api.schema.name_proposal_scope",
        "drf_spectacular.hooks.postprocess_schema_enums",
        "roer.api.schema.add_nl_api_rules",
    ],
}
