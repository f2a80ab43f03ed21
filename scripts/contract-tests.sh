#!/usr/bin/env bash
# Starts the service exactly as the README says (./run), on a free port with a fresh data
# directory, and drives it with the official Dodo client (contract-tests/, node's test runner).
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log="$work/service.log"

PORT=$port DATABASE_URL="jdbc:h2:file:$work/license-keys" ./run > "$log" 2>&1 &
service=$!
stop_service() {
  kill -TERM "$service" 2>/dev/null || true
  wait "$service" 2>/dev/null || true
  rm -rf "$work"
}
trap stop_service EXIT

for _ in $(seq 1 120); do
  grep -q "listening on" "$log" && break
  if ! kill -0 "$service" 2>/dev/null; then
    echo "The service did not start:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.5
done
grep -q "listening on" "$log" || { echo "The service did not say where it listens:" >&2; cat "$log" >&2; exit 1; }
api_key=$(grep -o 'lk_[0-9A-Za-z]\{40\}' "$log" | head -n 1)
[ -n "$api_key" ] || { echo "The service printed no demo API key:" >&2; cat "$log" >&2; exit 1; }

# Operators run the CLI beside the running service, on the same embedded file (H2 auto-server).
DATABASE_URL="jdbc:h2:file:$work/license-keys" ./run api-key create --business bus_demo --name "contract tests" > "$work/api-key.txt"
cli_key=$(tail -n 1 "$work/api-key.txt")
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $cli_key" "http://127.0.0.1:$port/license_keys/lic_demo00000000000000001")
if [ "$status" != 200 ]; then
  echo "An API key made by the CLI while the service ran was refused ($status)." >&2
  exit 1
fi
echo "The CLI shared the service's embedded database, and its new API key works."

cd contract-tests
npm install --no-save --no-audit --no-fund >/dev/null
LICENSE_KEYS_BASE_URL="http://127.0.0.1:$port" LICENSE_KEYS_API_KEY="$api_key" npm test
