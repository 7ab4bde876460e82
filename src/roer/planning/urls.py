"""Planning pages: each area adds its routes from its own module (views/<area>.py), one line each."""

from django.urls import URLPattern

from roer.planning.views import links, runs, scenarios, scoring

app_name = "planning"

urlpatterns: list[URLPattern] = []
urlpatterns += scenarios.urlpatterns
urlpatterns += links.urlpatterns
urlpatterns += runs.urlpatterns
urlpatterns += scoring.urlpatterns
