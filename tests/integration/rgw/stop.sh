#!/usr/bin/env bash
# Stops the daemons start.sh started, by the pids it recorded in $CEPH_DIR/pids, one at a time in
# reverse start order (rgw, osd, mon: the osd wants the mon alive to acknowledge its shutdown).
# SIGTERM, then SIGKILL after 10 s.  "stop.sh --kill": SIGKILL at once (memstore data is RAM anyway).
# A pid is only signalled if /proc/<pid>/cmdline still names the daemon start.sh ran with this
# CEPH_DIR's ceph.conf (guards against pid reuse). A zombie counts as gone.
# Usage: CEPH_DIR=/tmp/s3xa-rgw.XXXX stop.sh [--kill] [--rm]    (--rm: delete CEPH_DIR afterwards)
set -u
if [ -z "${CEPH_DIR:-}" ]; then echo "stop.sh: set CEPH_DIR (start.sh printed it)" >&2; exit 2; fi
PIDS=$CEPH_DIR/pids
SIG=TERM; RM=0
for a in "$@"; do case $a in --kill) SIG=KILL ;; --rm) RM=1 ;; esac; done
ours() {  # pid name -> true if the process is alive, not a zombie, and is our daemon
  local pid=$1 name=$2 bin
  case $name in mon.*) bin=ceph-mon ;; osd.*) bin=ceph-osd ;; rgw.*) bin=radosgw ;; *) return 1 ;; esac
  [ -r "/proc/$pid/stat" ] || return 1
  [ "$(sed -E 's/^[0-9]+ \(.*\) (.).*/\1/' "/proc/$pid/stat" 2>/dev/null)" != Z ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-c $CEPH_DIR/ceph.conf" \
    && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$bin"
}
if [ -f "$PIDS" ]; then
  tac "$PIDS" | while read -r name pid; do
    ours "$pid" "$name" || continue
    t0=$(date +%s%N); kill -$SIG "$pid" 2>/dev/null && echo -n "stop.sh: $SIG $name ($pid)"
    for _ in $(seq 1 100); do ours "$pid" "$name" || break; sleep 0.1; done
    if ours "$pid" "$name"; then kill -KILL "$pid" 2>/dev/null; echo -n " - KILL"; fi
    echo " - gone after $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  done
  rm -f "$PIDS"
else
  echo "stop.sh: no $PIDS - nothing to stop"
fi
if [ $RM = 1 ]; then rm -rf "$CEPH_DIR"; fi
