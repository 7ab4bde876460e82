from django.urls import path

from roer.strategy import views

app_name = "strategy"

urlpatterns = [
    path("goals/", views.goal_list, name="goal-list"),
    path("goals/orphans", views.orphan_lists, name="orphans"),
    path("goals/network", views.network_view, name="network"),
    path("goals/effects", views.effects, name="effects"),
    path("goals/<int:pk>/", views.goal_detail, name="goal-detail"),
    path("goals/<int:pk>/history", views.goal_history, name="goal-history"),
    path("kpis/", views.kpi_list, name="kpi-list"),
    path("kpis/<int:pk>/", views.kpi_detail, name="kpi-detail"),
    path("kpis/<int:pk>/history", views.kpi_history, name="kpi-history"),
]
