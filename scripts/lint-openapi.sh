#!/bin/sh
# Lint the committed OpenAPI file with the Logius API Design Rules ruleset (Spectral).
# Fails on any error or warning. The ruleset lives in the shared data folder beside the
# checkout (../shared/...), as in CI; RULESET overrides its location.
set -eu
cd "$(dirname "$0")/.."
ruleset="${RULESET:-../shared/data/nl_api_design_rules/media/linter.yaml}"
if [ ! -f "$ruleset" ]; then
    echo "lint-openapi: ruleset not found at $ruleset (set RULESET to its path)" >&2
    exit 2
fi
exec npx --no-install spectral lint --ruleset "$ruleset" --fail-severity=warn docs/api/openapi.json
