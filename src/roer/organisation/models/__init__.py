from roer.organisation.models.org_unit import OrgUnit, OrgUnitKind
from roer.organisation.models.person import Person
from roer.organisation.models.role_assignment import RoleAssignment

__all__ = ["OrgUnit", "OrgUnitKind", "Person", "RoleAssignment"]
