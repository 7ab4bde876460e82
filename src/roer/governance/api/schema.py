"""The OpenAPI document: a proposal's ``scope`` (local or cross-cutting) under its own name.

drf-spectacular names enums after their field; a status report's ``scope`` (a RAG rating)
already owns ``ScopeEnum``. This hook runs before drf-spectacular's enum naming and points
every property with the proposal's scope choices at ``ProposalScopeEnum``, so the status
report's enum keeps its name.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.plumbing import ResolvedComponent

from roer.governance.models import Scope

NAME = "ProposalScopeEnum"


def name_proposal_scope(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    schemas: dict[str, Any] = result.get("components", {}).get("schemas", {})
    labels = "\n".join(f"* `{choice.value}` - {choice.label}" for choice in Scope)
    component = ResolvedComponent(  # type: ignore[no-untyped-call]
        name=NAME,
        type=ResolvedComponent.SCHEMA,
        schema={"type": "string", "enum": list(Scope.values), "description": labels},
        object=NAME,
    )
    found = False
    for schema in schemas.values():
        properties: dict[str, Any] = schema.get("properties", {})
        for name, prop in properties.items():
            if sorted(prop.get("enum", [])) != sorted(Scope.values):
                continue
            rest = {key: value for key, value in prop.items() if key not in ("enum", "type")}
            if rest.get("description") == labels:
                del rest["description"]
            properties[name] = {"allOf": [component.ref], **rest} if rest else dict(component.ref)
            found = True
    if found:
        # drf-spectacular's enum hook rebuilds the components from the registry.
        generator.registry.register_on_missing(component)
        schemas[NAME] = component.schema
    return result
