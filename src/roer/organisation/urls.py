from django.urls import path

app_name = "organisation"

urlpatterns: list = []  # filled below by views once written
