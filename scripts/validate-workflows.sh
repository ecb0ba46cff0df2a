#!/usr/bin/env bash
# Validates every GitHub Actions workflow with action-validator (one file per call).
set -euo pipefail
cd "$(dirname "$0")/.."
for workflow in .github/workflows/*.yml; do
	npx --no-install action-validator "$workflow"
	echo "valid: $workflow"
done
