# Sourced by the benchmarks before they measure: warns when the machine is already busy, since
# every number then reads slower and ratios noisier. Found the hard way: a forgotten loop of curl
# calls took a quarter of the CPU and made starts 300 ms slower, and nothing said so
# (docs/BENCHMARKS.md, change 26). A warning, not a stop: on a shared host some load is normal.

cpu_ticks_busy_and_total() {
  awk '/^cpu / {idle = $5 + $6; total = 0; for (i = 2; i <= NF; i++) total += $i; print total - idle, total}' /proc/stat
}

busy_check() {
  local before after
  before=$(cpu_ticks_busy_and_total)
  sleep 2
  after=$(cpu_ticks_busy_and_total)
  local percent
  percent=$(awk -v b="$before" -v a="$after" 'BEGIN {
    split(b, x, " "); split(a, y, " ");
    total = y[2] - x[2]; printf "%d", (total > 0 ? 100 * (y[1] - x[1]) / total : 0) }')
  if [ "$percent" -ge 10 ]; then
    echo "warning: the machine was ${percent}% busy before the run; the busiest processes (CPU share since each started):" >&2
    ps -eo pid,pcpu,etime,args --sort=-pcpu | head -n 4 | cut -c1-120 >&2
  fi
}
