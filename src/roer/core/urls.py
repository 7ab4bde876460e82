from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.i18n import set_language

from roer.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("health", views.health, name="health"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", set_language, name="set_language"),
]
