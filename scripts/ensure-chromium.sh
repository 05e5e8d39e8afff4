#!/usr/bin/env bash
# Makes Debian's headless Chromium available for browser tests and prints its path as the last line.
# Never downloads a browser build of its own: CHROMIUM_PATH, an installed chromium, or apt (as root).
set -euo pipefail

log() { echo "ensure-chromium: $*" >&2; }

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; exit 0; fi

exec 9>/tmp/sessions-api-ensure-chromium.lock
flock 9

for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "needs root to run: $*  (or install chromium and set CHROMIUM_PATH)"
    exit 1
  fi
}

log "installing chromium from Debian's packages (a minute or two)"
export DEBIAN_FRONTEND=noninteractive
if ! as_root apt-get install -y -q chromium >/dev/null 2>&1; then
  as_root apt-get update -q >/dev/null
  as_root apt-get install -y -q chromium >/dev/null
fi
[ -x /usr/bin/chromium ] || { log "chromium did not install"; exit 1; }
echo /usr/bin/chromium
