#!/usr/bin/env bash
# Creates .venv on Python 3.10 and installs requirements.lock exactly.
# Does nothing when the environment already matches the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
UV_VERSION=0.13.9
STAMP="$VENV/.lock-hash"
want_hash=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)

if [ -x "$VENV/bin/python" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want_hash" ]; then
  exit 0
fi

runs_310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; }

find_python310() {
  local candidate
  if [ -n "${PYTHON310:-}" ] && runs_310 "$PYTHON310"; then echo "$PYTHON310"; return; fi
  if command -v python3.10 >/dev/null 2>&1 && runs_310 python3.10; then command -v python3.10; return; fi
  if command -v pyenv >/dev/null 2>&1; then
    for candidate in "$(pyenv root)"/versions/3.10*/bin/python3.10; do
      if [ -x "$candidate" ] && runs_310 "$candidate"; then echo "$candidate"; return; fi
    done
  fi
  for candidate in /usr/bin/python3.10 /usr/local/bin/python3.10; do
    if [ -x "$candidate" ] && runs_310 "$candidate"; then echo "$candidate"; return; fi
  done
}

PY=$(find_python310)
if [ -z "$PY" ]; then
  cat >&2 <<'MSG'
ERROR: Python 3.10 was not found.
Rasa 3.6 runs only on Python 3.10. Install it, for example with
  pyenv install 3.10.13
or point PYTHON310 at a python3.10 binary, then run the command again.
MSG
  exit 1
fi

echo "==> Creating $VENV with $PY"
rm -rf "$VENV"
"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
echo "==> Installing locked dependencies (requirements.lock)"
start=$(date +%s)
"$VENV/bin/uv" pip sync --quiet --python "$VENV/bin/python" requirements.lock
"$VENV/bin/uv" pip install --quiet --python "$VENV/bin/python" --no-deps -e .
echo "==> Environment ready in $(( $(date +%s) - start )) s"
echo "$want_hash" > "$STAMP"
