#!/usr/bin/env bash
# Runs the same fio workloads side by side on tmpfs (the ceiling), a minimal C libfuse 2
# memfs (the baseline a user could pick instead; cmemfs-st is it with -s, cmemfs with libfuse's
# multithreaded loop), and pagerlab's FUSE mount in single-threaded
# and multithreaded mode, then prints MiB/s, ops/s and the ratios. A fifth target,
# libfuse-loop, serves the same filesystem the way jnr-fuse does by default (libfuse's own
# multithreaded loop on native threads) to show what pagerlab's Java-owned workers avoid. A
# sixth, pagerlab-wb, is pagerlab multithreaded with --writeback-cache: writes land in the
# kernel's page cache and reach the daemon on writeback (close, fsync, dirty limits).
#
# Usage: bench/fuse/run.sh [SECONDS_PER_WORKLOAD]   (default 3; needs root or /dev/fuse access,
#        fio, gcc, pkg-config and libfuse-dev: scripts/setup installs them)
# Env:   ROUNDS (default 3) runs per workload and target (the median is reported);
#        PAGERLAB_THREADS (default 4) workers in multithreaded mode; KEEP=1 keeps fio's JSON;
#        WB_STRICTLIMIT=0 (root, Linux 6.2+) lifts the kernel's per-mount dirty limit for
#        pagerlab-wb (strict_limit 0, max_ratio 100); the default leaves FUSE's 1% in place.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
secs="${1:-3}"
rounds="${ROUNDS:-3}"
mt="${PAGERLAB_THREADS:-4}"
work="$(mktemp -d /tmp/pagerlab-bench.XXXXXX)"
pids=()
mounts=()

cleanup() {
  for m in "${mounts[@]:-}"; do
    [ -n "$m" ] && grep -q " $m " /proc/self/mountinfo && fusermount -u -z "$m" 2>/dev/null || true
  done
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  rm -rf "$work" /dev/shm/pagerlab-bench.$$ 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# shellcheck source=bench/fuse/common.sh
. "$here/common.sh"
require_tools run.sh fio gcc pkg-config fusermount python3

echo "building the C memfs and pagerlab's fusefs module..." >&2
gcc -O2 -Wall -o "$work/memfs" "$here/memfs.c" $(pkg-config fuse --cflags --libs)
cp="$(fusefs_classpath)"

unmount_and_wait() {
  fusermount -u "$1" 2>/dev/null || fusermount -u -z "$1"
  for _ in $(seq 1 200); do grep -q " $1 " /proc/self/mountinfo || return 0; sleep 0.05; done
}

opts="big_writes,max_write=131072,max_read=131072"
workloads=(seqwrite-128k seqread-128k seqwrite-4k seqread-4k randwrite-4k randread-4k writers4-128k)

fio_args() {
  case "$1" in
    seqwrite-128k) echo "--rw=write --bs=128k --size=256m" ;;
    seqread-128k)  echo "--rw=read --bs=128k --size=256m" ;;
    seqwrite-4k)   echo "--rw=write --bs=4k --size=64m" ;;
    seqread-4k)    echo "--rw=read --bs=4k --size=64m" ;;
    randwrite-4k)  echo "--rw=randwrite --bs=4k --size=64m" ;;
    randread-4k)   echo "--rw=randread --bs=4k --size=64m" ;;
    writers4-128k) echo "--rw=write --bs=128k --size=64m --numjobs=4" ;;
  esac
}

# run_one NAME DIR WORKLOAD ROUND: one fio run, result in $work/NAME.WORKLOAD.ROUND.json
run_one() {
  local name="$1" dir="$2" w="$3" r="$4"
  # shellcheck disable=SC2046
  fio --name="$w" --directory="$dir" $(fio_args "$w") --ioengine=psync --fallocate=none \
      --time_based --runtime="$secs" --group_reporting --output-format=json \
      --output="$work/$name.$w.$r.json" >/dev/null
}

shm=/dev/shm/pagerlab-bench.$$; mkdir -p "$shm"
mkdir -p "$work/c"; mounts+=("$work/c")
"$work/memfs" "$work/c" -f -o "$opts" & pids+=($!)
wait_mounted "$work/c"
declare -A dirs=([tmpfs]="$shm" [cmemfs]="$work/c")
# the C baseline single-threaded too (-s), the fair match for pagerlab with one worker
mkdir -p "$work/cs"; mounts+=("$work/cs")
"$work/memfs" "$work/cs" -f -s -o "$opts" & pids+=($!)
wait_mounted "$work/cs"; dirs[cmemfs-st]="$work/cs"
for t in 1 "$mt"; do
  d="$work/p$t"; mkdir -p "$d"; mounts+=("$d")
  java -cp "$cp" dev.pagerlab.fusefs.MountCommand "$d" --threads "$t" --memory-size 4g \
      >"$work/pagerlab$t.log" 2>&1 & pids+=($!)
  wait_mounted "$d"; dirs[pagerlab-${t}t]="$d"
done
# jnr-fuse's default: libfuse's own multithreaded loop on native threads (diagnostic)
d="$work/j$mt"; mkdir -p "$d"; mounts+=("$d")
java -cp "$cp" dev.pagerlab.fusefs.MountCommand "$d" --threads "$mt" --memory-size 4g --libfuse-loop \
    >"$work/libfuse-loop.log" 2>&1 & pids+=($!)
wait_mounted "$d"; dirs[libfuse-loop]="$d"
d="$work/w$mt"; mkdir -p "$d"; mounts+=("$d")
java -cp "$cp" dev.pagerlab.fusefs.MountCommand "$d" --threads "$mt" --memory-size 4g --writeback-cache \
    >"$work/pagerlab-wb.log" 2>&1 & pids+=($!)
wait_mounted "$d"; dirs[pagerlab-wb]="$d"
if [ "${WB_STRICTLIMIT:-1}" = 0 ]; then
  bdi="/sys/class/bdi/$(awk -v m="$d" '$5 == m {print $3}' /proc/self/mountinfo)"
  echo 0 >"$bdi/strict_limit" && echo 100 >"$bdi/max_ratio" && echo "pagerlab-wb: strict_limit lifted on $bdi" >&2
fi
targets=(tmpfs cmemfs-st cmemfs pagerlab-1t "pagerlab-${mt}t" libfuse-loop pagerlab-wb)
echo "warming up..." >&2
for t in "${targets[@]}"; do
  fio --name=warmup --directory="${dirs[$t]}" --rw=randrw --bs=4k --size=64m --ioengine=psync \
      --fallocate=none --time_based --runtime=2 --output=/dev/null
  rm -f "${dirs[$t]}"/warmup*
done
# Targets take turns within every workload and round, so the machine's drift hits them alike.
for r in $(seq 1 "$rounds"); do
  echo "round $r of $rounds..." >&2
  for w in "${workloads[@]}"; do
    for t in "${targets[@]}"; do run_one "$t" "${dirs[$t]}" "$w" "$r"; done
  done
done
for t in cmemfs-st cmemfs pagerlab-1t "pagerlab-${mt}t" libfuse-loop pagerlab-wb; do
  unmount_and_wait "${dirs[$t]}"
done

python3 - "$work" "$mt" <<'PY'
import json, sys
work, mt = sys.argv[1], sys.argv[2]
targets = ["tmpfs", "cmemfs-st", "cmemfs", "pagerlab-1t", f"pagerlab-{mt}t", "libfuse-loop", "pagerlab-wb"]
workloads = ["seqwrite-128k", "seqread-128k", "seqwrite-4k", "seqread-4k", "randwrite-4k", "randread-4k", "writers4-128k"]
import glob, statistics
def result(t, w):
    runs = []
    for f in glob.glob(f"{work}/{t}.{w}.*.json"):
        job = json.load(open(f))["jobs"][0]
        side = job["read"] if "read" in w else job["write"]
        runs.append((side["bw"] / 1024.0, side["iops"]))
    runs.sort()
    return runs[len(runs) // 2]
rows = {(t, w): result(t, w) for t in targets for w in workloads}
hdr = f"| workload | " + " | ".join(f"{t}" for t in targets) + \
      f" | pl-1t/C-st | pl-1t/C | pl-1t/tmpfs | pl-{mt}t/C | pl-{mt}t/pl-1t | libfuse-loop/pl-{mt}t" \
      f" | wb/C | wb/tmpfs |"
print(f"median of {len(glob.glob(f'{work}/tmpfs.seqread-4k.*.json'))} rounds; MiB/s (ops/s)")
print(hdr)
print("|" + "---|" * (hdr.count("|") - 1))
for w in workloads:
    cells = [f"{rows[(t, w)][0]:.0f} ({rows[(t, w)][1]:.0f})" for t in targets]
    tm, cs, c, p1, pm, jl, wb = (rows[(t, w)][0] for t in targets)
    print(f"| {w} | " + " | ".join(cells) +
          f" | {p1 / cs:.2f} | {p1 / c:.2f} | {p1 / tm:.2f} | {pm / c:.2f} | {pm / p1:.2f} | {jl / pm:.2f}" +
          f" | {wb / c:.2f} | {wb / tm:.2f} |")
PY
if [ "${KEEP:-0}" = 1 ]; then cp -r "$work" /tmp/pagerlab-bench-results && echo "json kept in /tmp/pagerlab-bench-results" >&2; fi
