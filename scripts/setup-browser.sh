#!/usr/bin/env bash
# Tools for the browser tests: Debian's Chromium and ChromeDriver, and axe-core from npm
# (package-lock.json). Does nothing when both are in place.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  echo "==> Installing Debian's chromium for the browser tests"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ERROR: chromium is missing and this user cannot install packages." >&2
    echo "Install it with: apt-get install chromium chromium-driver (or set CHROMIUM=/path/to/chromium)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null \
    || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null; }
fi

if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  command -v npm >/dev/null 2>&1 || { echo "ERROR: npm is needed for axe-core (apt-get install npm)" >&2; exit 1; }
  echo "==> Installing axe-core (npm ci)"
  npm ci --no-audit --no-fund --silent
fi
