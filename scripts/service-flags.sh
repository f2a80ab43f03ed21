# Sourced after find-jdk.sh, with the service's jar as $1: sets SERVICE_FLAGS, the JVM flags that
# ./run serves with (bench/run times its starts with the same ones):
#   - the class cache (scripts/class-cache.sh);
#   - transparent huge pages for the heap where the kernel gives them to a process that asks
#     ("madvise"). A start first touches some 20 MB of heap, and on a virtual machine the first
#     touch of each 4 KiB page is dear: in ten alternating pairs of starts, every start with huge
#     pages was faster, by 19 to 169 ms (docs/BENCHMARKS.md, change 30). Where the kernel gives
#     them to every process ("always"), the heap has them already; where it gives none ("never"),
#     the flag would only make the JVM warn;
#   - C2 compiles a method after three times the calls and loops it waits for by default. A start
#     runs much code a few thousand times and never again, and on 2 cores C2 compiling it took
#     0.36 s of CPU before ready, beside the main thread; with these, 0.17 s, and starts were
#     about 60 ms faster in 16 alternating pairs. The service under load still reaches C2 within
#     its first seconds: fresh H2 services climbed to speed alike (docs/BENCHMARKS.md, change 38).

source scripts/class-cache.sh "$1"
SERVICE_FLAGS=("${CLASS_CACHE_FLAGS[@]}"
  -XX:Tier4InvocationThreshold=15000 -XX:Tier4MinInvocationThreshold=1800
  -XX:Tier4CompileThreshold=45000 -XX:Tier4BackEdgeThreshold=120000)
if grep -q '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  SERVICE_FLAGS+=(-XX:+UseTransparentHugePages)
fi
