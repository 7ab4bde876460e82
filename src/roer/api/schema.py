from drf_spectacular.openapi import AutoSchema as _Base


class AutoSchema(_Base):
    pass


def add_nl_api_rules(result, generator, request, public):  # type: ignore[no-untyped-def]
    return result
