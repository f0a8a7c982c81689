#!/usr/bin/env bash
# Starts the local PostgreSQL and Redis the integration tests use, when they
# are installed but stopped, and waits until they answer. It never fails the
# run itself: without them, the test suites decide (skipped with a notice
# locally, failed under CI=true).
set -u

note() { echo "services: $*"; }

wait_until() { # wait_until <label> <command...>: up to 30 s
  local label=$1
  shift
  for _ in $(seq 1 60); do
    if "$@" >/dev/null 2>&1; then
      note "$label is answering"
      return 0
    fi
    sleep 0.5
  done
  note "$label did not answer within 30 s"
  return 1
}

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q; }
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }

if command -v pg_isready >/dev/null 2>&1 && [ -d /etc/postgresql ] && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; then
  if pg_up; then
    note "PostgreSQL already running"
  else
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    note "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || note "could not start PostgreSQL"
  fi
  if wait_until PostgreSQL pg_up; then
    if ! psql -h 127.0.0.1 -U postgres -d test -tAc "select 1" >/dev/null 2>&1; then
      createdb -h 127.0.0.1 -U postgres test 2>/dev/null && note "created database test"
    fi
  fi
else
  note "PostgreSQL is not installed"
fi

if command -v redis-server >/dev/null 2>&1; then
  if redis_up; then
    note "Redis already running"
  else
    note "starting Redis"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || note "could not start Redis"
  fi
  wait_until Redis redis_up
else
  note "Redis is not installed"
fi

# Pictures posted in the chats are drawn by resvg with the system's fonts: Chinese needs one.
if ! fc-list 2>/dev/null | grep -qi "wqy\|cjk"; then
  if command -v apt-get >/dev/null 2>&1; then
    note "installing a Chinese font for pictures"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei; } >/dev/null 2>&1 \
      || note "could not install fonts-wqy-microhei"
  fi
fi

# The dashboard's browser tests drive Debian's Chromium through playwright-core.
if command -v chromium >/dev/null 2>&1; then
  note "Chromium already installed"
elif command -v apt-get >/dev/null 2>&1; then
  note "installing Chromium"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 \
    || note "could not install Chromium"
else
  note "Chromium is not installed and apt-get is missing"
fi

exit 0
