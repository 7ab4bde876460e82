"""Governance pages under /governance/: each area adds its routes from its own views module.

Keep one ``urlpatterns +=`` line per area, so that parallel work does not collide.
"""

from django.urls import URLPattern, URLResolver

from roer.governance.views import bodies, compliance, decisions, frameworks, home, inbox, matrix, meetings, proposals

app_name = "governance"

urlpatterns: list[URLPattern | URLResolver] = []
urlpatterns += home.urlpatterns
urlpatterns += proposals.urlpatterns
urlpatterns += decisions.urlpatterns
urlpatterns += inbox.urlpatterns
urlpatterns += bodies.urlpatterns
urlpatterns += matrix.urlpatterns
urlpatterns += meetings.urlpatterns
urlpatterns += frameworks.urlpatterns
urlpatterns += compliance.urlpatterns
