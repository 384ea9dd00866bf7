#!/usr/bin/env bash
# Sets up (first run) and runs the main job on the bundled corpus/ → out/corpus.jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/vnfacts extract corpus -o out/corpus.jsonl "$@"
echo "wrote out/corpus.jsonl" >&2
