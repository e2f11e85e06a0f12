#!/usr/bin/env bash
# Runs the load harness against a freshly started Release server in the `all` role, then stops it.
#   bench/load.sh [harness options...]       e.g. bench/load.sh --seconds 10 --out /tmp/load.md
# Storage is a new SQLite file in a temporary folder, or PostgreSQL when APGRID_LOAD_POSTGRES holds
# a connection string (use an empty database). Extra server options go in APGRID_LOAD_SERVER_ARGS, extra
# environment variables of the server alone (NAME=value ...) in APGRID_LOAD_SERVER_ENV.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build -c Release ApGrid.sln -v q -nologo > /dev/null
data=$(mktemp -d)
storage=(--Storage:SqlitePath "$data/apgrid.db")
if [ -n "${APGRID_LOAD_POSTGRES:-}" ]; then
  storage=(--Storage:Provider postgres --Storage:ConnectionString "$APGRID_LOAD_POSTGRES")
fi

# Development for /dev/token; the per-tenant rate limit is lifted so the harness measures the server, not the limiter.
read -ra server_env <<< "${APGRID_LOAD_SERVER_ENV:-}"
for assignment in "${server_env[@]}"; do
  [[ $assignment == *=* ]] || { echo "APGRID_LOAD_SERVER_ENV: '$assignment' is not NAME=value" >&2; exit 2; }
done
# shellcheck disable=SC2086
env ASPNETCORE_ENVIRONMENT=Development "${server_env[@]}" dotnet src/ApGrid.Server/bin/Release/net10.0/ApGrid.Server.dll \
  "${storage[@]}" --RateLimits:PerTenant:PermitLimit 100000000 ${APGRID_LOAD_SERVER_ARGS:-} > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf http://127.0.0.1:5000/health/ready > /dev/null && break
  kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 0.5
done

echo "server pid $server, log $data/server.log, $(uptime)"
dotnet bench/ApGrid.LoadTest/bin/Release/net10.0/ApGrid.LoadTest.dll --server-pid $server "$@"
