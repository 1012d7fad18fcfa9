#!/usr/bin/env bash
# A/B comparison of pagerlab mount settings: mounts one pagerlab filesystem per setting (and,
# with C=1, the C memfs single-threaded as a reference), then runs one fio workload on them in
# turn, ROUNDS times, and prints each setting's rounds and median. Taking turns within every
# round spreads the machine's drift over all settings alike.
#
# Usage: bench/fuse/ab.sh "FIO ARGS" "MOUNT ARGS" ["MOUNT ARGS" ...]
#   e.g. bench/fuse/ab.sh "--rw=randread --bs=4k --size=64m" "--spin 0" "--spin 50"
#        bench/fuse/ab.sh "--rw=write --bs=1m --size=256m" "" "--max-write 1m"
#   Words of MOUNT ARGS that start with -D are given to the JVM (system properties).
# Env:   ROUNDS (default 5), SECS per fio run (default 2), C=1 adds the C memfs (-s).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
[ $# -ge 2 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
fio_args="$1"; shift
rounds="${ROUNDS:-5}"; secs="${SECS:-2}"
work="$(mktemp -d /tmp/pagerlab-ab.XXXXXX)"
pids=(); dirs=(); names=()

cleanup() {
  for d in "${dirs[@]:-}"; do
    [ -n "$d" ] && grep -q " $d " /proc/self/mountinfo && fusermount -u -z "$d" 2>/dev/null || true
  done
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# shellcheck source=bench/fuse/common.sh
. "$here/common.sh"
require_tools ab.sh fio fusermount python3
cp="$(fusefs_classpath)"

i=0
for a in "$@"; do
  d="$work/m$i"; mkdir -p "$d"; dirs+=("$d"); names+=("pagerlab ${a:-(defaults)}")
  jvm=(); margs=()
  for w in $a; do case "$w" in -D*) jvm+=("$w") ;; *) margs+=("$w") ;; esac; done
  java "${jvm[@]}" -cp "$cp" dev.pagerlab.fusefs.MountCommand "$d" --memory-size 4g "${margs[@]}" \
      >"$work/m$i.log" 2>&1 & pids+=($!)
  wait_mounted "$d"; i=$((i + 1))
done
if [ "${C:-0}" = 1 ]; then
  require_tools ab.sh gcc pkg-config
  gcc -O2 -Wall -o "$work/memfs" "$here/memfs.c" $(pkg-config fuse --cflags --libs)
  d="$work/c"; mkdir -p "$d"; dirs+=("$d"); names+=("C memfs -s")
  "$work/memfs" "$d" -f -s -o big_writes,max_write=131072,max_read=131072 & pids+=($!)
  wait_mounted "$d"
fi
for r in $(seq 1 "$rounds"); do
  for j in "${!dirs[@]}"; do
    # shellcheck disable=SC2086
    fio --name=ab --directory="${dirs[$j]}" $fio_args --ioengine=psync --fallocate=none --time_based \
        --runtime="$secs" --output-format=json --output="$work/r$j.$r.json" >/dev/null
  done
done
python3 - "$work" "$rounds" "${names[@]}" <<'PY'
import json, statistics, sys
work, rounds, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
print(f"median of {rounds} rounds; MiB/s (ops/s)")
for j, name in enumerate(names):
    runs = []
    for r in range(1, rounds + 1):
        job = json.load(open(f"{work}/r{j}.{r}.json"))["jobs"][0]
        side = job["read"] if job["read"]["io_bytes"] else job["write"]
        runs.append((side["bw"] / 1024.0, side["iops"]))
    mib = statistics.median(x[0] for x in runs)
    ops = statistics.median(x[1] for x in runs)
    spread = ", ".join(f"{x[0]:.0f}" for x in runs)
    print(f"{name:40s} {mib:8.0f} ({ops:.0f})   rounds: {spread}")
PY
