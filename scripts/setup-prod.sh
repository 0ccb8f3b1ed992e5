#!/usr/bin/env bash
# Servers for production mode (make run-prod): Debian's PostgreSQL, Redis and nginx.
# With --check it installs nothing and exits 1 when one is missing.
# Installs only what is missing and never starts the Debian services themselves:
# `overstapcoach run-prod` runs its own instances with their data under var/prod/.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "${1:-}" = "--check" ]; then  # only tell whether everything is there
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "ERROR: production mode needs ${missing[*]}, and this user cannot install packages." >&2
  echo "Install them with: apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "==> Installing Debian packages for production mode: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Keep the packages' own services from starting: run-prod starts its own instances.
policy=/usr/sbin/policy-rc.d
made_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
  $SUDO chmod +x "$policy"
  made_policy=1
fi
cleanup() { if [ "$made_policy" -eq 1 ]; then $SUDO rm -f "$policy"; fi; }
trap cleanup EXIT

install() { $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
install || { $SUDO apt-get update >/dev/null && install; }
echo "==> Installed ${missing[*]}"
