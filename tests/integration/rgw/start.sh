#!/usr/bin/env bash
# Starts a throwaway single-node Ceph cluster (1 mon, 1 memstore OSD, no mgr, no cephx, data in RAM)
# with radosgw (S3 + IAM roles + STS) on 127.0.0.1 only, for the integration tests.
#
# Usage:  start.sh        then   stop.sh   (same CEPH_DIR)
# Env:    CEPH_DIR   state dir, wiped first (default: a new mktemp -d; the repo's run/ is gitignored)
#         RGW_PORT, MON_PORT   default: free ports picked at random (parallel runs must not collide)
#         TENANTS    default "111122223333 222233334444 333344445555" (accounts A, B, C)
#         S3XA_NO_INSTALL=1    never apt-get install (fail instead when the packages are missing)
#         S3XA_OWNER_PID       pid of the test process: a watchdog stops the cluster when that process is
#                              gone, and owner.pid lets a later run reap it if even the watchdog died
# Output: $CEPH_DIR/accounts.env (sourceable KEY=VALUE lines):
#         RGW_ENDPOINT, CEPH_DIR, TENANTS,
#         ACCESS_KEY_<tenant> / SECRET_KEY_<tenant>            user "admin" (caps roles=*;user-policy=*)
#         ACCESS_KEY_<tenant>_user / SECRET_KEY_<tenant>_user  user "user" (no caps, no policies)
#         The last line is "READY=1". Prints "CEPH_DIR=..." on stdout at the end.
# Exit:   0 ready; 3 cannot install (not root / apt failed); other: start failed (daemons already
#         started are stopped again by stop.sh --kill before exiting).
set -euo pipefail

T0=$(date +%s%N)
log() { echo "[start.sh +$(( ($(date +%s%N) - T0) / 1000000 )) ms] $*" >&2; }

HERE=$(cd "$(dirname "$0")" && pwd)
TENANTS=${TENANTS:-"111122223333 222233334444 333344445555"}
STS_KEY=${STS_KEY:-abcdefghijklmnop}   # rgw sts key: exactly 16 chars

# --- packages ------------------------------------------------------------------------------------
if ! command -v radosgw >/dev/null 2>&1 || ! command -v ceph-mon >/dev/null 2>&1 \
   || ! command -v ceph-osd >/dev/null 2>&1 || ! command -v radosgw-admin >/dev/null 2>&1; then
  if [ "${S3XA_NO_INSTALL:-}" = 1 ]; then
    echo "start.sh: ceph packages missing and S3XA_NO_INSTALL=1" >&2; exit 3
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "start.sh: ceph-mon/ceph-osd/radosgw are not installed and this is not root: cannot apt-get install" >&2; exit 3
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "start.sh: ceph packages missing and no apt-get on this machine" >&2; exit 3
  fi
  log "installing ceph-mon ceph-osd radosgw ceph-common (apt-get)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      ceph-mon ceph-osd radosgw ceph-common >/dev/null; } >&2 \
    || { echo "start.sh: apt-get install of the ceph packages failed" >&2; exit 3; }
  log "installed"
fi

# --- ports -----------------------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if ! port_in_use "$p"; then echo "$p"; return 0; fi
  done
  echo "start.sh: no free port found" >&2; return 1
}
RGW_PORT=${RGW_PORT:-$(free_port)}
MON_PORT=${MON_PORT:-$(free_port)}
[ "$RGW_PORT" != "$MON_PORT" ] || MON_PORT=$(free_port)

# --- state dir -------------------------------------------------------------------------------------
if [ -z "${CEPH_DIR:-}" ]; then CEPH_DIR=$(mktemp -d "${TMPDIR:-/tmp}/s3xa-rgw.XXXXXX"); fi
if [ -f "$CEPH_DIR/pids" ]; then
  echo "start.sh: $CEPH_DIR/pids exists - run stop.sh first" >&2; exit 1
fi
rm -rf "$CEPH_DIR"
mkdir -p "$CEPH_DIR"/{mon/ceph-a,osd/ceph-0,run,log,crash,rgw}
CONF=$CEPH_DIR/ceph.conf
PIDS=$CEPH_DIR/pids
: > "$PIDS"
# The test process that owns this cluster: a later run reaps clusters whose owner died without stopping them.
if [ -n "${S3XA_OWNER_PID:-}" ]; then echo "$S3XA_OWNER_PID" > "$CEPH_DIR/owner.pid"; fi
export CEPH_DIR
trap 'rc=$?; if [ $rc != 0 ]; then log "FAILED (exit $rc); logs in $CEPH_DIR/log; stopping what started"; tail -n 20 "$CEPH_DIR"/log/*.out >&2 2>/dev/null || true; "$HERE/stop.sh" --kill >&2 || true; fi' EXIT
FSID=$(cat /proc/sys/kernel/random/uuid)

cat > "$CONF" <<CONF
[global]
fsid = $FSID
mon host = v2:127.0.0.1:$MON_PORT
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv4 = true
ms bind ipv6 = false
auth cluster required = none
auth service required = none
auth client required = none
keyring = $CEPH_DIR/keyring
run dir = $CEPH_DIR/run
admin socket = $CEPH_DIR/run/\$name.asok
pid file = $CEPH_DIR/run/\$name.pid
log file = $CEPH_DIR/log/\$name.log
crash dir = $CEPH_DIR/crash
mon cluster log file = $CEPH_DIR/log/cluster.log
mon data = $CEPH_DIR/mon/\$cluster-\$id
osd data = $CEPH_DIR/osd/\$cluster-\$id
osd objectstore = memstore
memstore device bytes = 2147483648
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
osd crush initial weight = 1
mon allow pool size one = true
mon allow pool delete = true
mon max pg per osd = 1000
mon warn on pool no redundancy = false
mon data avail warn = 2
mon data avail crit = 1
osd op num shards = 1
osd op num threads per shard = 2
debug ms = 0/0
# faster map changes (radosgw creates ~7 pools at first start): 4 s to ready instead of 14 s
paxos propose interval = 0.05
paxos min wait = 0.01

[client.rgw.gw]
# radosgw defaults to ms_mon_client_mode=secure, impossible without cephx
ms mon client mode = crc
# tcp_nodelay: without it a response written as headers then body (GetObjectAcl, ListObjects) waits for
# the client's delayed ACK, ~40 ms per request on loopback (measured: GetObjectAcl 47 ms, PutObjectAcl 5 ms)
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT tcp_nodelay=1
rgw dns name = localhost
rgw thread pool size = 32
rgw dynamic resharding = false
rgw sts key = $STS_KEY
rgw s3 auth use sts = true
CONF

CEPH="ceph -c $CONF"
start_daemon() {  # name, cmd...   (foreground mode, backgrounded here, in its own session)
  local name=$1; shift
  setsid "$@" -f -c "$CONF" </dev/null >>"$CEPH_DIR/log/$name.out" 2>&1 &
  echo "$name $!" >> "$PIDS"
}
http_up() {
  if command -v curl >/dev/null 2>&1; then curl -s -o /dev/null "http://127.0.0.1:$RGW_PORT/"
  else port_in_use "$RGW_PORT"; fi
}

log "mon mkfs (state in $CEPH_DIR, mon :$MON_PORT, rgw :$RGW_PORT)"
ceph-authtool --create-keyring "$CEPH_DIR/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
monmaptool --create --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON_PORT]" "$CEPH_DIR/monmap" >/dev/null
ceph-mon -c "$CONF" --mkfs -i a --monmap "$CEPH_DIR/monmap" --keyring "$CEPH_DIR/keyring"
start_daemon mon.a ceph-mon -i a
$CEPH --connect-timeout 30 mon stat >/dev/null
log "mon up"

OSD_UUID=$(cat /proc/sys/kernel/random/uuid)
OSD_ID=$($CEPH osd new "$OSD_UUID")
ceph-osd -c "$CONF" -i "$OSD_ID" --mkfs --osd-uuid "$OSD_UUID" >/dev/null 2>&1
start_daemon "osd.$OSD_ID" ceph-osd -i "$OSD_ID"
up=0
for _ in $(seq 1 120); do
  if $CEPH osd dump 2>/dev/null | grep -q "^osd.$OSD_ID up"; then up=1; break; fi
  sleep 0.5
done
[ $up = 1 ] || { echo "start.sh: osd.$OSD_ID did not come up" >&2; exit 1; }
log "osd.$OSD_ID up"

start_daemon rgw.gw radosgw -n client.rgw.gw
up=0
for _ in $(seq 1 240); do
  if http_up; then up=1; break; fi
  sleep 0.5
done
[ $up = 1 ] || { echo "start.sh: radosgw did not come up on 127.0.0.1:$RGW_PORT" >&2; exit 1; }
log "radosgw answers on 127.0.0.1:$RGW_PORT"

ENV=$CEPH_DIR/accounts.env
{ echo "RGW_ENDPOINT=http://127.0.0.1:$RGW_PORT"; echo "CEPH_DIR=$CEPH_DIR"; echo "TENANTS=\"$TENANTS\""; } > "$ENV.tmp"
for t in $TENANTS; do
  v=$(echo "$t" | tr -c 'A-Za-z0-9\n' _ )
  # admin: the account's administrator (IAM roles and user policies need these caps on radosgw)
  ak=$(echo "${t}AK000000000000000000" | cut -c1-20 | tr a-z A-Z)
  sk="${t}-secret-key-0000000000000000000000000"; sk=${sk:0:40}
  radosgw-admin -c "$CONF" user create --tenant "$t" --uid admin --display-name "$t admin" \
      --access-key "$ak" --secret "$sk" >/dev/null
  radosgw-admin -c "$CONF" caps add --uid "$t\$admin" --caps "roles=*;user-policy=*" >/dev/null
  echo "ACCESS_KEY_${v}=$ak" >> "$ENV.tmp"
  echo "SECRET_KEY_${v}=$sk" >> "$ENV.tmp"
  # user: a plain IAM user of the account (no caps, no policies), e.g. the principal a bucket
  # policy or an identity policy names (arn:aws:iam::<tenant>:user/user)
  ak=$(echo "${t}UK000000000000000000" | cut -c1-20 | tr a-z A-Z)
  sk="${t}-user-secret-00000000000000000000000000"; sk=${sk:0:40}
  radosgw-admin -c "$CONF" user create --tenant "$t" --uid user --display-name "$t user" \
      --access-key "$ak" --secret "$sk" >/dev/null
  echo "ACCESS_KEY_${v}_user=$ak" >> "$ENV.tmp"
  echo "SECRET_KEY_${v}_user=$sk" >> "$ENV.tmp"
done
if [ -n "${S3XA_OWNER_PID:-}" ]; then
  # Watchdog: when the owning test process is gone (even SIGKILLed, when no exit handler runs),
  # stop the daemons and delete the state. Own session, so it outlives this script and the owner.
  setsid bash -c 'while kill -0 "$0" 2>/dev/null; do sleep 1; done; CEPH_DIR="$1" "$2" --kill --rm' \
    "$S3XA_OWNER_PID" "$CEPH_DIR" "$HERE/stop.sh" </dev/null >/dev/null 2>&1 &
  echo "$!" > "$CEPH_DIR/watchdog.pid"
fi
echo "READY=1" >> "$ENV.tmp"
mv "$ENV.tmp" "$ENV"
log "tenants created: $TENANTS (keys in $ENV)"
echo "CEPH_DIR=$CEPH_DIR"
