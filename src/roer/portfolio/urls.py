from django.urls import path

from roer.portfolio.views import baselines, costs, delivery, gates, reports, roadmap, warnings
from roer.portfolio.views import initiatives as views

app_name = "portfolio"

urlpatterns = [
    path("", views.initiative_list, name="initiative-list"),
    path("export.csv", views.initiative_export, name="initiative-export"),
    path("new", views.initiative_create, name="initiative-create"),
    path("<str:code>/", views.initiative_detail, name="initiative-detail"),
    path("<str:code>/edit", views.initiative_edit, name="initiative-edit"),
    path("<str:code>/history", views.initiative_history, name="initiative-history"),
]

# Each area of the initiative file adds its own routes in its own module (views/<area>.py):
# keep one line per area below, so that parallel work does not collide.
urlpatterns += costs.urlpatterns
urlpatterns += delivery.urlpatterns
urlpatterns += gates.urlpatterns
urlpatterns += baselines.urlpatterns
urlpatterns += reports.urlpatterns
urlpatterns += warnings.urlpatterns
urlpatterns += roadmap.urlpatterns
