#!/usr/bin/env bash
# Brings up a private PostgreSQL 15 cluster for the storage tests and prints the
# connection string as a shell export, so callers can `eval "$(bash .ci/postgres.sh)"`.
# Everything except that final line goes to stderr, otherwise eval would run it.
# Safe to run any number of times: each step checks before it acts.
set -euo pipefail

PG_VERSION=15
CLUSTER=apgrid
PORT=55432
ROLE=apgrid
PASSWORD=apgrid
DATABASE=apgrid_test
BIN=/usr/lib/postgresql/${PG_VERSION}/bin

log() { printf '[postgres.sh] %s\n' "$*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
    log "must run as root (it installs packages and manages a cluster)"
    exit 1
fi

if [[ ! -x ${BIN}/postgres ]]; then
    log "installing postgresql-${PG_VERSION}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "postgresql-${PG_VERSION}" >&2
fi

# The socket directory lives on tmpfs in many images, so a fresh boot loses it
# and the server then refuses to start.
install -d -o postgres -g postgres -m 2775 /var/run/postgresql

if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
    log "creating cluster ${PG_VERSION}/${CLUSTER} on port ${PORT}"
    pg_createcluster "$PG_VERSION" "$CLUSTER" -p "$PORT" >&2
fi

status=$(pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $4 }')
if [[ $status != online* ]]; then
    log "starting cluster ${PG_VERSION}/${CLUSTER}"
    # Containers and CI have no systemd; the redirect would fail there. The port lies in the
    # ephemeral range, so a client socket of an earlier run can hold it for a while: try again.
    for attempt in 1 2 3 4 5; do
        pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$CLUSTER" start >&2 && break
        [[ $attempt == 5 ]] && exit 1
        log "start failed (attempt ${attempt}); retrying in 5 s"
        sleep 5
    done
fi

for _ in $(seq 1 60); do
    if "${BIN}/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
        break
    fi
    sleep 1
done
if ! "${BIN}/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    log "server did not accept connections on port ${PORT} within 60 s"
    exit 1
fi

psql_admin() {
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -h /var/run/postgresql -p "$PORT" -d postgres "$@" >&2
}

# ALTER on every run keeps the password and rights right even if someone changed them.
psql_admin <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}') THEN
        CREATE ROLE ${ROLE};
    END IF;
END
\$\$;
ALTER ROLE ${ROLE} WITH LOGIN CREATEDB PASSWORD '${PASSWORD}';
SQL

# CREATE DATABASE cannot run inside DO, hence \gexec.
psql_admin <<SQL
SELECT 'CREATE DATABASE ${DATABASE} OWNER ${ROLE}'
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${DATABASE}')
\gexec
SQL

log "ready on 127.0.0.1:${PORT}"
echo "export APGRID_TEST_POSTGRES='Host=127.0.0.1;Port=${PORT};Username=${ROLE};Password=${PASSWORD};Database=${DATABASE}'"
