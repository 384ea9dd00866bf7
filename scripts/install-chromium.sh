#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the browser test (tests/test_browser.py),
# only when it is missing. Playwright drives this system browser through its
# executable_path; it never downloads a browser of its own (`playwright install` is not used).
# Skipped without root or apt-get: the browser test then skips with its reason.
set -euo pipefail
CHROMIUM=${VNFACTS_CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: $CHROMIUM is missing and cannot be installed here (needs root and apt-get)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || echo "install-chromium: apt-get update failed; trying the lists at hand" >&2
apt-get install -y -qq --no-install-recommends chromium >/dev/null \
  || echo "install-chromium: apt-get install chromium failed; the browser test will skip" >&2
