"""Root URL configuration: each app brings its own ``urls.py``."""

from django.urls import include, path

from roer.core.admin_site import protect_admin

urlpatterns = [
    path("", include("roer.core.urls")),
    path("initiatives/", include("roer.portfolio.urls")),
    path("", include("roer.strategy.urls")),
    path("", include("roer.organisation.urls")),
    path("audit/", include("roer.audit.urls")),
    path("", include("roer.publication.urls")),
    path("governance/", include("roer.governance.urls")),
    path("", include("roer.planning.urls")),
    path("api/v1/", include("roer.api.urls")),
    path("admin/", protect_admin()),
]
