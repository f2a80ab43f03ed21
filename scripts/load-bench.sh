# Sourced by the load benchmarks (bench/run, bench/budget): the load tool and the servers they start.

# wrk, from the Debian package when it is missing.
ensure_wrk() {
  command -v wrk >/dev/null && return 0
  echo "installing wrk"
  apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null)
}

# A port nobody listens on now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
# wait_for LOG: until the server writing LOG says it listens (60 s at most).
wait_for() { for _ in $(seq 1 600); do grep -q "listening on" "$1" && return 0; sleep 0.1; done; echo "did not start: $1" >&2; cat "$1" >&2; exit 1; }
# cpu_ticks PID: the process's user and system CPU time so far, in clock ticks (SC_CLK_TCK a second).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
