#!/usr/bin/env bash
# Makes HAProxy (the load balancer of the tests that run several server instances) available, and prints
# the path of its binary as the last line.
#
# - With HAPROXY set to an executable, it only checks that it runs and prints that path.
# - Otherwise it installs HAProxy from Debian's packages if missing (needs root, as on CI). The package's
#   own service is not started: each test starts its balancer with its own configuration and stops it.
# Idempotent and safe to call from several processes at once (they queue on a lock).
set -euo pipefail

log() { echo "ensure-haproxy: $*" >&2; }

if [ -n "${HAPROXY:-}" ]; then
  "$HAPROXY" -v >/dev/null || { log "HAPROXY is set but $HAPROXY does not run"; exit 1; }
  echo "$HAPROXY"
  exit 0
fi

exec 9>/tmp/sessions-api-ensure-haproxy.lock
flock 9

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "needs root to run: $*  (or set HAPROXY to an haproxy binary you installed yourself)"
    exit 1
  fi
}

binary=$(command -v haproxy || true)
if [ -z "$binary" ] && [ -x /usr/sbin/haproxy ]; then binary=/usr/sbin/haproxy; fi
if [ -z "$binary" ]; then
  log "installing HAProxy from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  if ! as_root apt-get install -y -q --no-install-recommends haproxy >/dev/null 2>&1; then
    as_root apt-get update -q >/dev/null
    as_root apt-get install -y -q --no-install-recommends haproxy >/dev/null
  fi
  binary=$(command -v haproxy || echo /usr/sbin/haproxy)
fi
"$binary" -v >/dev/null || { log "$binary does not run"; exit 1; }
echo "$binary"
