from django.urls import path

from roer.publication.views import opendata, portal, staff

app_name = "publication"

urlpatterns = [
    path("public/", portal.portal_list, name="portal-list"),
    path("public/<str:code>/", portal.portal_detail, name="portal-detail"),
    path("open-data/projects.<str:fmt>", opendata.open_data, name="open-data"),
    path("publication/", staff.publication_list, name="staff-list"),
    path("publication/<str:code>/", staff.publication_detail, name="staff-detail"),
    *(
        path(f"publication/<str:code>/{action}", staff.publication_action, {"action": action}, name=f"staff-{action}")
        for action in ("prepare", "publish", "withdraw")
    ),
]
