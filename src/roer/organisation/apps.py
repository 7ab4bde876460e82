from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "roer.organisation"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from roer.audit.registry import register
        from roer.organisation.models import OrgUnit, Person, RoleAssignment

        register(OrgUnit)
        register(Person, masked={"password"}, ignored={"last_login"})
        register(RoleAssignment)
