#!/usr/bin/env bash
# VEE micro-benchmarks (JMH; run by hand, never in CI): the default electric residential rule set,
# the estimation chain and each rule alone over one channel-month of half-hours in memory. Scores are
# judged intervals per second. About 4 minutes with the settings below.
#
#   bench/vee/run.sh [JMH options...]     (default: -f 1 -wi 3 -w 2s -i 5 -r 2s; e.g. "RuleBenchmark" for one class)
#
# Needs the project installed in the local Maven repository first (mvn install -DskipTests at the
# root): this standalone project benchmarks the mdms-ejb and mdms-persistence artifacts found there.
# Writes nothing outside bench/vee/target (removed afterwards except the results file it names).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
free_kb=$(df -Pk "$here" | awk 'NR==2 {print $4}')
if [ "$free_kb" -lt $((200 * 1024)) ]; then
  echo "not enough free disk: need 200 MB for the build" >&2
  exit 1
fi
if [ ! -d "$HOME/.m2/repository/org/openmdms/mdms-ejb" ]; then
  echo "install the project first: mvn install -DskipTests (at the root)" >&2
  exit 1
fi

mvn -q -f "$here/pom.xml" package
results=$(mktemp /tmp/mdms-vee-jmh.XXXXXX.txt)
if [ $# -eq 0 ]; then
  set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
fi
java -jar "$here/target/benchmarks.jar" -rf text -rff "$results" "$@"
rm -rf "$here/target"
echo "results: $results"
