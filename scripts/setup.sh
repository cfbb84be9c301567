#!/usr/bin/env bash
# Prepares this machine for the project and skips whatever is already there:
# Debian packages (scripts/apt-packages.txt), PostgreSQL and Redis (installed and
# started if missing or stopped), and npm packages (npm ci when the lockfile changed).
# Used by `npm start`, `npm test` and .ci/run. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  log "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
while read -r pkg; do
  [ -z "$pkg" ] && continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' scripts/apt-packages.txt)
[ "${#missing[@]}" -eq 0 ] || apt_install "${missing[@]}"

# PostgreSQL: use a running server on 127.0.0.1:5432, else start (or install) one.
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  command -v pg_ctlcluster >/dev/null || apt_install postgresql postgresql-client
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || { log 'PostgreSQL did not start'; exit 1; }
fi

# Redis: same, on 127.0.0.1:6379, keeping nothing on disk.
if ! (command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG); then
  command -v redis-server >/dev/null || apt_install redis-server
  log 'starting Redis'
  mkdir -p /tmp/redis-career-tools
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no \
    --dir /tmp/redis-career-tools --logfile /tmp/redis-career-tools/redis.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG && break; sleep 0.5; done
fi

# npm packages: reinstall only when package-lock.json changed since the last install.
export PUPPETEER_SKIP_DOWNLOAD=1
# A node_modules symlink (a git worktree sharing another checkout's packages) is left alone:
# npm ci would empty the directory it points to.
if [ ! -L node_modules ] && { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  log 'installing npm packages'
  npm ci --no-audit --no-fund
fi

# ClamAV: use a clamd answering on 127.0.0.1:3310, else start one with a project config.
# Without internet its database is our EICAR test signature (plus Debian's *.cvd if present).
clamd_answers() {
  timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/3310 && printf "zPING\0" >&3 && IFS= read -r -d "" reply <&3 && [ "$reply" = PONG ]' 2>/dev/null
}
if ! clamd_answers; then
  command -v clamd >/dev/null || apt_install clamav-daemon
  clam_dir="$PWD/.data/clamav"
  mkdir -p "$clam_dir/db"
  # MD5 and size of the 68-byte EICAR test file; clamd reports it as Eicar-Test-Signature.UNOFFICIAL.
  echo '44d88612fea8a8f36de82e1278abb02f:68:Eicar-Test-Signature' > "$clam_dir/db/eicar.hdb"
  for cvd in /var/lib/clamav/*.cvd /var/lib/clamav/*.cld; do
    [ -f "$cvd" ] && ln -sf "$cvd" "$clam_dir/db/"
  done
  cat > "$clam_dir/clamd.conf" <<CONF
DatabaseDirectory $clam_dir/db
TCPSocket 3310
TCPAddr 127.0.0.1
Foreground yes
PidFile $clam_dir/clamd.pid
LogFile $clam_dir/clamd.log
# No freshclam here: the signatures never change, so no reloads (the directory may even go away).
SelfCheck 0
# Room for the largest upload (social videos, 50 MB).
StreamMaxLength 64M
MaxFileSize 64M
MaxScanSize 128M
CONF
  log 'starting clamd'
  setsid clamd -c "$clam_dir/clamd.conf" >/dev/null 2>&1 < /dev/null &
  for _ in $(seq 1 120); do clamd_answers && break; sleep 0.5; done
  clamd_answers || { log "clamd did not start (see $clam_dir/clamd.log)"; exit 1; }
fi
