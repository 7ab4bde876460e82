from django.urls import path

from roer.organisation import views
from roer.portfolio.views import costs as portfolio_costs

app_name = "organisation"

urlpatterns = [
    path("org-units/", views.unit_list, name="unit-list"),
    path("org-units/<int:pk>/", views.unit_detail, name="unit-detail"),
    path("org-units/<int:pk>/history", views.unit_history, name="unit-history"),
    path("org-units/<int:pk>/costs", portfolio_costs.unit_costs, name="unit-costs"),
    path("org-units/<int:pk>/role-assignments/new", views.assignment_add, name="unit-role-add"),
    path("org-units/<int:pk>/role-assignments/<int:assignment_pk>/end", views.assignment_end, name="unit-role-end"),
    path("people/", views.person_list, name="person-list"),
    path("people/<int:pk>/", views.person_detail, name="person-detail"),
    path("people/<int:pk>/history", views.person_history, name="person-history"),
]
