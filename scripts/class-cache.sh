# Sourced with the service's jar as $1, after find-jdk.sh (which it sources itself when that has
# not been): sets CLASS_CACHE_FLAGS, the JVM flags that start the service from a cache of its
# classes, already parsed and linked (start-to-ready falls from 2 to 3 s to about 1 s on a 2-core
# machine; see docs/BENCHMARKS.md).
#   JDK 25+:    an AOT cache (JEP 483/514), made once per build by a training start of the service
#               on a throwaway H2 file; a cache older than the jar is made again.
#   JDK 21-24:  a CDS archive that the JVM writes when it first exits, and rewrites when stale.
# Nothing here can stop the service from starting: without a cache the JVM simply loads classes.

declare -F java_major >/dev/null || source "$(dirname "${BASH_SOURCE[0]}")/find-jdk.sh"
class_cache_jar=$1
CLASS_CACHE_FLAGS=()

train_class_cache() {
  local cache=$1 dir log pid
  dir=$(mktemp -d)
  log="$dir/training.log"
  PORT=0 DATABASE_URL="jdbc:h2:file:$dir/training" \
    "$JAVA_HOME/bin/java" -XX:AOTCacheOutput="$cache" -Xlog:aot*=error,cds*=error \
    -jar "$class_cache_jar" >"$log" 2>&1 &
  pid=$!
  local port=""
  for _ in $(seq 1 300); do
    port=$(sed -n 's|^license-keys listening on http://localhost:\([0-9]*\).*|\1|p' "$log")
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 || true
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}

if [ "$(java_major "$JAVA_HOME")" -ge 25 ]; then
  class_cache="${class_cache_jar%.jar}.aot"
  if [ ! -f "$class_cache" ] || [ "$class_cache_jar" -nt "$class_cache" ]; then
    rm -f "$class_cache"
    echo "Making the start-up class cache (once per build)..."
    train_class_cache "$class_cache"
  fi
  # The cache also holds what the JIT saw in the training start (JEP 515), and by default the
  # JVM replays it: before ready, C1 then compiled about 1,800 methods instead of 1,400, and the
  # C2 thread used 0.50 s of CPU instead of 0.36 to 0.40, on the 2 cores the main thread needs.
  # Without the replay starts were about 100 to 200 ms faster (docs/BENCHMARKS.md, change 37); a
  # cache made without the training data was slower than either. The flag is diagnostic, so a
  # later JDK may drop it; it must not stop the service from starting there.
  if [ -f "$class_cache" ]; then
    CLASS_CACHE_FLAGS=(-XX:AOTCache="$class_cache" -Xlog:aot*=error,cds*=error
      -XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining)
  fi
else
  CLASS_CACHE_FLAGS=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="${class_cache_jar%.jar}.jsa"
    -Xlog:cds*=error)
fi
