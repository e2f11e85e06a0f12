#!/usr/bin/env bash
# Runs the load harness against freshly started Release servers, then stops them: the `all` role on
# 5000 (what callers meet: the gateway's policies in front of the node's endpoints, --gateway) and a
# `node` role on 5100 (the same endpoints with no gateway in front, --node), the reference for the
# gateway / node ratio. The harness measures them in turns, so one idles while the other works.
#   bench/load.sh [harness options...]       e.g. bench/load.sh --seconds 10 --out /tmp/load.md
# Storage is a new SQLite file per server in a temporary folder, or PostgreSQL when APGRID_LOAD_POSTGRES
# holds a connection string (use an empty database; the node keeps apart under its own Orleans ServiceId).
# Extra options of both servers go in APGRID_LOAD_SERVER_ARGS, extra environment variables of the
# servers alone (NAME=value ...) in APGRID_LOAD_SERVER_ENV.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build -c Release ApGrid.sln -v q -nologo > /dev/null
data=$(mktemp -d)
storage=(--Storage:SqlitePath "$data/apgrid.db")
node_storage=(--Storage:SqlitePath "$data/node.db")
if [ -n "${APGRID_LOAD_POSTGRES:-}" ]; then
  storage=(--Storage:Provider postgres --Storage:ConnectionString "$APGRID_LOAD_POSTGRES")
  node_storage=("${storage[@]}" --Orleans:ClusterId apgrid-load-node --Orleans:ServiceId apgrid-load-node)
fi

# Development for /dev/token; the per-tenant rate limit is lifted so the harness measures the server, not the limiter,
# and so are the socket caps: the fan-out's 5,000 subscribers share one token, where real users each hold their own.
read -ra server_env <<< "${APGRID_LOAD_SERVER_ENV:-}"
for assignment in "${server_env[@]}"; do
  [[ $assignment == *=* ]] || { echo "APGRID_LOAD_SERVER_ENV: '$assignment' is not NAME=value" >&2; exit 2; }
done
start() { # log, then the server's own arguments, which come last so that they win over the shared ones
  local log=$1; shift
  # shellcheck disable=SC2086
  env ASPNETCORE_ENVIRONMENT=Development "${server_env[@]}" dotnet src/ApGrid.Server/bin/Release/net10.0/ApGrid.Server.dll \
    --RateLimits:PerTenant:PermitLimit 100000000 --GraphQL:WebSocket:MaxSocketsPerCaller 100000 --GraphQL:WebSocket:MaxSocketsPerTenant 100000 \
    --GraphQL:WebSocket:MaxSubscriptionsPerCaller 10000000 --GraphQL:WebSocket:MaxSubscriptionsPerTenant 10000000 \
    ${APGRID_LOAD_SERVER_ARGS:-} "$@" > "$log" 2>&1 &
}
start "$data/server.log" "${storage[@]}"
server=$!
start "$data/node.log" "${node_storage[@]}" --role node --urls http://127.0.0.1:5100 --Node:Http2Url http://127.0.0.1:5101 \
  --Orleans:SiloPort 11112 --Orleans:GatewayPort 30001
node=$!
trap 'kill $server $node 2>/dev/null || true; wait $server $node 2>/dev/null || true' EXIT
for url in http://127.0.0.1:5000 http://127.0.0.1:5100; do
  for _ in $(seq 1 120); do
    curl -sf $url/health/ready > /dev/null && break
    kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
    kill -0 $node 2>/dev/null || { cat "$data/node.log"; exit 1; }
    sleep 0.5
  done
done

echo "server pid $server, node pid $node, logs $data/server.log $data/node.log, $(uptime)"
dotnet bench/ApGrid.LoadTest/bin/Release/net10.0/ApGrid.LoadTest.dll --server-pid $server --node-pid $node "$@"
