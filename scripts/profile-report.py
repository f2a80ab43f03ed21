"""bench/profile's report: each subject's CPU per request, split by where it went.

Arguments: the clock ticks a second, then per subject six values: its name, its collapsed stacks
(async-profiler's `collapsed,threads`: one line a stack, the thread first, the sample count last),
the requests wrk counted, wrk's rate, the subject's CPU ticks over the profiled run, and the
profiler's event. A stack's share of the samples times the CPU per request is its microseconds.
"""

import sys
from collections import Counter
from typing import NamedTuple

# The service's own code, piece by piece: the first pattern a stack holds names its piece. The
# database's pieces come first, so that a save the domain calls counts as the database's.
SERVICE_PIECES = [
    ("org/h2/mvstore/MVStore.store", "H2: the commit's chunk, written"),
    ("dev/licensekeys/persistence/GroupedReads", "database: the keys' grouped read"),
    ("dev/licensekeys/persistence/JdbcApiKeys", "database: the API key's lookup"),
    ("dev/licensekeys/persistence/AuditEventRows", "database: the audit events' insert"),
    ("dev/licensekeys/persistence/GroupedSaves", "database: update, rest of the commit"),
    ("dev/licensekeys/persistence/", "database: other statements"),
    ("Json.object", "decode: Jackson's tree"),
    ("org/hibernate/validator", "decode: Hibernate Validator"),
    ("RequestDecoder", "decode: field checks"),
    ("LicenseKeyService.get", "domain: the key's lookup"),
    # Before the domain's pattern: the secret's hash is the domain's ApiKey, called by Authenticator.
    ("dev/licensekeys/http/Authenticator", "bearer secret: hash and lookup"),
    ("dev/licensekeys/domain", "domain: rules, audit event, save"),
    ("dev/licensekeys/http/Responses", "encode"),
    ("dev/licensekeys/app/Metrics", "meters"),
    ("dev/licensekeys/app/AccessLogWriter", "access-log line queued"),
    ("dev/licensekeys/http/RouteTemplates", "route's label"),
    ("dev/licensekeys/http/DeadlinedConnection", "connection deadlines"),
    ("dev/licensekeys/http/HttpApi", "handler: id, headers, If-Match, answer"),
    ("dev/licensekeys/http/AccessLog", "filter: request id, access-log line"),
]

CARRIER_ORDER = [
    "the response's write",
    "the next request's read",
    "Helidon and the JDK, on the carriers",
    "the route's own code",
]
THREAD_ORDER = [
    "JIT compilers",
    "collector and safepoints",
    "poller",
    "access-log writer",
    "H2 file's compaction",
    "other threads",
]


def thread_group(thread):
    name = thread.strip("[]").rsplit(" tid=", 1)[0]
    if name.startswith("ForkJoinPool-"):
        return "carrier"
    if "CompilerThre" in name:
        return "JIT compilers"
    if name.startswith(("G1 ", "GC ", "VM Thread", "VM Periodic")):
        return "collector and safepoints"
    if "Poller" in name:
        return "poller"
    if name == "access-log":
        return "access-log writer"
    if name == "h2-file-compaction":
        return "H2 file's compaction"
    return "other threads"


def own_frame(frame):
    return frame.startswith("dev/licensekeys/")


def carrier_part(frames):
    """Where a carrier's sample went. Own code is a stack whose deepest frame of the project's own
    calls no Helidon code: so Helidon's routing under the service's filter, or its sending of a
    response, counts as Helidon's for both subjects alike."""
    joined = ";".join(frames)
    # A database's file is read and written through the same IOUtil as a socket.
    on_socket = "FileChannelImpl" not in joined
    if on_socket and ("IOUtil.write" in joined or "SocketDispatcher.write" in joined):
        return "the response's write"
    if on_socket and ("IOUtil.read" in joined or "SocketDispatcher.read" in joined):
        return "the next request's read"
    deepest = max((i for i, frame in enumerate(frames) if own_frame(frame)), default=None)
    if deepest is None or any(frame.startswith("io/helidon/") for frame in frames[deepest + 1 :]):
        return "Helidon and the JDK, on the carriers"
    return "the route's own code"


def service_piece(frames):
    joined = ";".join(frames)
    for pattern, piece in SERVICE_PIECES:
        if pattern in joined:
            return piece
    return "other"


def read_subject(path):
    parts, pieces, total = Counter(), Counter(), 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            stack, count = line.rstrip("\n").rsplit(" ", 1)
            count = int(count)
            total += count
            thread, *frames = stack.split(";")
            group = thread_group(thread)
            if group != "carrier":
                parts[group] += count
                continue
            part = carrier_part(frames)
            parts[part] += count
            if part == "the route's own code":
                pieces[service_piece(frames)] += count
    return parts, pieces, total


class Subject(NamedTuple):
    name: str
    parts: Counter
    pieces: Counter
    samples: int
    cpu_us: float
    rate: float
    event: str

    def us(self, count):
        """A count of samples as microseconds of CPU per request."""
        return count / self.samples * self.cpu_us if self.samples else 0.0


def main(argv):
    ticks_a_second = int(argv[1])
    subjects = []
    for i in range(2, len(argv), 6):
        name, path, requests, rate, ticks, event = argv[i : i + 6]
        parts, pieces, samples = read_subject(path)
        cpu_us = int(ticks) / ticks_a_second * 1e6 / int(requests)
        subjects.append(Subject(name, parts, pieces, samples, cpu_us, float(rate), event))

    def row(label, cells):
        print(f"{label:40}" + "".join(f"{cell:>12}" for cell in cells))

    print()
    row("CPU per request, µs", [subject.name for subject in subjects])
    row("  PATCH/s under the profiler", [f"{subject.rate:.0f}" for subject in subjects])
    row("  samples (event)", [f"{subject.samples} ({subject.event})" for subject in subjects])
    row("  all of it", [f"{subject.cpu_us:.1f}" for subject in subjects])
    for part in CARRIER_ORDER + THREAD_ORDER:
        row("  " + part, [f"{subject.us(subject.parts[part]):.2f}" for subject in subjects])

    for subject in subjects:
        if subject.name in ("in-memory", "h2") and subject.samples:
            print()
            print(
                f"{subject.name}: the service's own code, µs per request"
                f" (of its {subject.cpu_us:.1f})"
            )
            for piece, count in subject.pieces.most_common():
                row("  " + piece, [f"{subject.us(count):.2f}"])
    print()
    print("Shares of samples times each subject's CPU per request under the profiler, which slows")
    print("the subjects by different amounts: compare parts, not rates. Stacks: target/profiles/.")


if __name__ == "__main__":
    main(sys.argv)
