# Sourced after find-jdk.sh, with the service's jar as $1: sets SERVICE_FLAGS, the JVM flags that
# ./run serves with (bench/run times its starts with the same ones):
#   - the class cache (scripts/class-cache.sh);
#   - transparent huge pages for the heap where the kernel gives them to a process that asks
#     ("madvise"). A start first touches some 20 MB of heap, and on a virtual machine the first
#     touch of each 4 KiB page is dear: in ten alternating pairs of starts, every start with huge
#     pages was faster, by 19 to 169 ms (docs/BENCHMARKS.md, change 30). Where the kernel gives
#     them to every process ("always"), the heap has them already; where it gives none ("never"),
#     the flag would only make the JVM warn.

source scripts/class-cache.sh "$1"
SERVICE_FLAGS=("${CLASS_CACHE_FLAGS[@]}")
if grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  SERVICE_FLAGS+=(-XX:+UseTransparentHugePages)
fi
