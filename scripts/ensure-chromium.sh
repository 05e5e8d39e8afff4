#!/usr/bin/env bash
# Makes Debian's headless Chromium available for browser tests, with a CJK font (fonts-noto-cjk) so the
# Chinese API reference renders as glyphs, and prints Chromium's path as the last line.
# Never downloads a browser build of its own: CHROMIUM_PATH, an installed chromium, or apt (as root).
set -euo pipefail

log() { echo "ensure-chromium: $*" >&2; }

exec 9>/tmp/sessions-api-ensure-chromium.lock
flock 9

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "needs root to run: $*  (or install chromium and fonts-noto-cjk, and set CHROMIUM_PATH)"
    exit 1
  fi
}

apt_install() {
  log "installing $* from Debian's packages (a minute or two)"
  export DEBIAN_FRONTEND=noninteractive
  if ! as_root apt-get install -y -q "$@" >/dev/null 2>&1; then
    as_root apt-get update -q >/dev/null
    as_root apt-get install -y -q "$@" >/dev/null
  fi
}

# the Chinese reference needs a font with CJK glyphs; without one Chromium draws empty boxes
if ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then apt_install fonts-noto-cjk; fi

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; exit 0; fi

for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done

apt_install chromium
[ -x /usr/bin/chromium ] || { log "chromium did not install"; exit 1; }
echo /usr/bin/chromium
