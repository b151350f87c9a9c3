#!/usr/bin/env bash
# What `appendfsync always` costs against `everysec`, measured in one run on this machine:
#  1. redis-benchmark: SET of 3 KB values (about one 250 ms 12-lead ECG chunk), 8 clients;
#  2. the smoke drill through one silo on that Redis: ECG acknowledgement and call->decision latency.
# Usage: tools/cluster/aof-cost.sh [rounds]   (each round runs both policies, alternating)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-1}"
dotnet build -c Release Dispatch.Silo >/dev/null
dotnet build -c Release tools/simulator >/dev/null
silo_dll=Dispatch.Silo/bin/Release/net10.0/Dispatch.Silo.dll
sim_dll=tools/simulator/bin/Release/net10.0/dispatch-sim.dll
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
cleanup() { [[ -n "${silo:-}" ]] && kill "$silo" 2>/dev/null || true; [[ -n "${redis:-}" ]] && kill "$redis" 2>/dev/null || true; }
trap cleanup EXIT

printf '%-9s %-5s %14s %12s %12s %14s %14s\n' policy round "SET ops/s" "SET p50 ms" "ECG ack p50" "ECG ack p99" "decision p50"
for round in $(seq 1 "$rounds"); do
  for policy in everysec always; do
    dir="$work/$policy-$round"; mkdir -p "$dir"
    port=$(free_port); api=$(free_port); web=$(free_port); ops=$(free_port)
    redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --appendonly yes --appendfsync "$policy" --save "" >"$dir/redis.log" 2>&1 &
    redis=$!
    until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
    bench=$(redis-benchmark -p "$port" -t set -n 20000 -c 8 -d 3000 --csv | tail -n 1)
    ops_per_s=$(echo "$bench" | cut -d, -f2 | tr -d '"'); set_p50=$(echo "$bench" | cut -d, -f5 | tr -d '"')
    redis-cli -p "$port" flushall >/dev/null
    dotnet "$silo_dll" --redis "127.0.0.1:$port" --cluster-id "aof-$policy-$round" --silo-port "$(free_port)" --gateway-port "$(free_port)" \
      --api-url "http://127.0.0.1:$api" --web-url "http://127.0.0.1:$web" --ops-url "http://127.0.0.1:$ops" --Dispatch:Audit:Directory "$dir/audit" >"$dir/silo.log" 2>&1 &
    silo=$!
    until curl -sf "http://127.0.0.1:$ops/health/ready" >/dev/null; do sleep 0.5; done
    dotnet "$sim_dll" drill --scenario tools/simulator/scenarios/smoke.json --engine "http://127.0.0.1:$api" --out "$dir/report" >"$dir/drill.log"
    read -r ack50 ack99 dec50 < <(jq -r '"\(.ecgAck.p50) \(.ecgAck.p99) \(.callToDecision.p50)"' "$dir/report/report.json")
    printf '%-9s %-5s %14s %12s %12.0f %14.0f %14.0f\n' "$policy" "$round" "$ops_per_s" "$set_p50" "$ack50" "$ack99" "$dec50"
    kill "$silo"; wait "$silo" 2>/dev/null || true; silo=
    kill "$redis"; wait "$redis" 2>/dev/null || true; redis=
  done
done
rm -rf "$work"
