# Sourced by run.sh and ab.sh: tool checks, the fusefs classpath, and waiting for a mount.
# Needs $here (this directory), $repo (the checkout) and $work (a scratch directory).

# require_tools NAME TOOL...: exits 2 naming the first missing tool
require_tools() {
  local name="$1"; shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$name: $tool is missing (scripts/setup installs it)" >&2; exit 2; }
  done
}

# fusefs_classpath: compiles fusefs and prints its runtime classpath. One reactor run, so
# vmcore resolves to its target/classes (the last module, fusefs, writes cp.txt).
fusefs_classpath() {
  (cd "$repo" && ./mvnw -q -B -pl fusefs -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
         -Dmdep.outputFile="$work/cp.txt" >&2) || exit 1
  echo "$repo/fusefs/target/classes:$(cat "$work/cp.txt")"
}

# wait_mounted DIR: returns once DIR is a mount that answers, exits 1 after 10 s
wait_mounted() {
  for _ in $(seq 1 200); do
    grep -q " $1 " /proc/self/mountinfo && stat "$1" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "$(basename "$0"): $1 did not mount" >&2; exit 1
}
