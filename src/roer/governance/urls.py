"""Governance pages under /governance/: each area adds its routes from its own views module.

Keep one ``urlpatterns +=`` line per area, so that parallel work does not collide.
"""

from django.urls import URLPattern, URLResolver

app_name = "governance"

urlpatterns: list[URLPattern | URLResolver] = []
