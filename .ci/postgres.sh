# Sourced by .ci/run: when FAQBOT_TEST_POSTGRES is unset, start a throwaway
# PostgreSQL on a free port of 127.0.0.1 for the store tests, export
# FAQBOT_TEST_POSTGRES, and stop it (and delete it) when the script exits.
# Installs Debian's postgresql package when initdb is missing. initdb will
# not run as root, so the cluster belongs to the "postgres" user (made by
# the package) or, failing that, "nobody".
start_test_postgres() {
  if [ -n "${FAQBOT_TEST_POSTGRES:-}" ]; then
    echo "using FAQBOT_TEST_POSTGRES from the environment"; return 0
  fi
  local bindir=""
  find_pg_bindir() {
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
      bindir=$(dirname "$(command -v initdb)"); return 0
    fi
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
      if [ -x "$d/initdb" ]; then bindir=$d; return 0; fi
    done
    return 1
  }
  if ! find_pg_bindir; then
    echo "installing postgresql (Debian package)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y postgresql
    find_pg_bindir || { echo "postgresql installed but initdb not found"; return 1; }
  fi
  local user=""
  if [ "$(id -u)" = 0 ]; then
    if id postgres >/dev/null 2>&1; then user=postgres; else user=nobody; fi
  fi
  PG_TMP=$(mktemp -d /tmp/faqbot-pg.XXXXXX)
  chmod 755 "$PG_TMP"
  [ -n "$user" ] && chown "$user" "$PG_TMP"
  as_pg() { if [ -n "$user" ]; then su -s /bin/sh "$user" -c "$*"; else sh -c "$*"; fi; }
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000)))
  as_pg "'$bindir/initdb' -D '$PG_TMP/data' -U faqbot --auth=trust -E UTF8 >'$PG_TMP/initdb.log' 2>&1" \
    || { cat "$PG_TMP/initdb.log"; return 1; }
  as_pg "'$bindir/pg_ctl' -D '$PG_TMP/data' -l '$PG_TMP/server.log' -w -t 60 \
    -o \"-c listen_addresses=127.0.0.1 -p $port -k '$PG_TMP' -c fsync=off\" start" \
    || { cat "$PG_TMP/server.log"; return 1; }
  PG_STOP="'$bindir/pg_ctl' -D '$PG_TMP/data' -m fast -w stop"
  PG_USER=$user
  trap stop_test_postgres EXIT
  export FAQBOT_TEST_POSTGRES="postgres://faqbot@127.0.0.1:$port/postgres?sslmode=disable"
  echo "test PostgreSQL on 127.0.0.1:$port"
}

stop_test_postgres() {
  if [ -n "${PG_TMP:-}" ]; then
    if [ -n "${PG_USER:-}" ]; then su -s /bin/sh "$PG_USER" -c "$PG_STOP" >/dev/null 2>&1 || true
    else sh -c "$PG_STOP" >/dev/null 2>&1 || true; fi
    rm -rf "$PG_TMP"
  fi
}
