# Sourced by the load benchmarks (bench/run, bench/ab, bench/budget, bench/profile): the load tool
# and the servers they start.

# wrk, from the Debian package when it is missing.
ensure_wrk() {
  command -v wrk >/dev/null && return 0
  echo "installing wrk"
  apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null)
}

# patch_load PORT SECRET IDS_FILE CONNECTIONS DURATION: the benchmarks' load, wrk's PATCH mix
# (bench/patch.lua) on random ids of IDS_FILE, 2 threads, against a server on 127.0.0.1, with its
# latency percentiles.
patch_load() { IDS_FILE=$3 API_KEY=$2 wrk -t2 -c"$4" -d"$5" --latency -s bench/patch.lua "http://127.0.0.1:$1"; }
# jit_ticks PID: the CPU time so far of the process's JIT compiler threads, in clock ticks, which says
# whether a measured run was still compiling. Read with bash's own `read`, so that it starts no
# process; a thread that ends meanwhile is skipped. A thread's name may hold a space, so its stat is
# read from after the name's closing parenthesis.
jit_ticks() {
  local task name stat total=0
  for task in /proc/"$1"/task/*; do
    read -r name < "$task/comm" 2>/dev/null || continue
    [[ $name == C[12]" CompilerThre"* ]] || continue
    read -r stat < "$task/stat" 2>/dev/null || continue
    read -ra stat <<<"${stat##*) }"
    total=$((total + stat[11] + stat[12]))
  done
  echo "$total"
}
# A port nobody listens on now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
# wait_for LOG: until the server writing LOG says it listens (60 s at most).
wait_for() { for _ in $(seq 1 600); do grep -q "listening on" "$1" && return 0; sleep 0.1; done; echo "did not start: $1" >&2; cat "$1" >&2; exit 1; }
# cpu_ticks PID: the process's user and system CPU time so far, in clock ticks (SC_CLK_TCK a second).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# steal_and_total_ticks: the machine's CPU time the hypervisor gave to other guests (steal) and
# all of its CPU time, in clock ticks since boot. On a shared virtual machine the steal is one
# thing that moves a run's speeds from one day to the next (not the only one: BENCHMARKS.md,
# "Reading the numbers"), so bench/run reports its share.
steal_and_total_ticks() { awk '/^cpu / {total = 0; for (i = 2; i <= 9; i++) total += $i; print $9, total}' /proc/stat; }
# seeded_secret JAR KEYS_FILE NAME=VALUE...: imports KEYS_FILE (scripts/bench-keys.py) for business
# bus_bench into the database that the NAME=VALUE settings name, through the service's CLI in JAR,
# and prints the secret of a new API key of that business.
seeded_secret() {
  local jar=$1 keys=$2; shift 2
  env "$@" "$JAVA_HOME/bin/java" -jar "$jar" import "$keys" --business bus_bench >/dev/null 2>&1
  env "$@" "$JAVA_HOME/bin/java" -jar "$jar" api-key create --business bus_bench 2>/dev/null | tail -n 1
}
