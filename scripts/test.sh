#!/usr/bin/env bash
# Sets up (first run) and runs the linter and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/ruff check pipeline patterns tests bench notebooks scripts
.venv/bin/python -m pytest "$@"
