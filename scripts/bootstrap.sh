#!/usr/bin/env bash
# Creates .venv (if missing) and installs vnfacts with its test tools into it.
# Needs only a Python >= 3.11 on PATH (python3, or $PYTHON) and the package registry.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.vnfacts-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e '.[test,spark,learn]'
  touch "$stamp"
fi
# The browser test's Chromium, from the system's packages (skipped when it is there).
bash scripts/install-chromium.sh
