from django.urls import path

from roer.strategy import views

app_name = "strategy"

urlpatterns = [
    path("goals/", views.goal_list, name="goal-list"),
    path("goals/new", views.goal_create, name="goal-create"),
    path("goals/orphans", views.orphan_lists, name="orphans"),
    path("goals/network", views.network_view, name="network"),
    path("goals/effects", views.effects, name="effects"),
    path("goals/<int:pk>/", views.goal_detail, name="goal-detail"),
    path("goals/<int:pk>/edit", views.goal_edit, name="goal-edit"),
    path("goals/<int:pk>/history", views.goal_history, name="goal-history"),
    path("kpis/", views.kpi_list, name="kpi-list"),
    path("kpis/new", views.kpi_create, name="kpi-create"),
    path("kpis/import", views.measurement_import, name="measurement-import"),
    path("kpis/<int:pk>/", views.kpi_detail, name="kpi-detail"),
    path("kpis/<int:pk>/edit", views.kpi_edit, name="kpi-edit"),
    path("kpis/<int:pk>/history", views.kpi_history, name="kpi-history"),
    path("kpis/<int:pk>/measurements/new", views.measurement_create, name="kpi-measurement-create"),
    path("initiatives/<str:code>/contributions/new", views.contribution_create, name="contribution-create"),
    path("initiatives/<str:code>/contributions/<int:pk>/edit", views.contribution_edit, name="contribution-edit"),
    path("initiatives/<str:code>/contributions/<int:pk>/delete", views.contribution_delete, name="contribution-delete"),
]
