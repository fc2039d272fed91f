#!/usr/bin/env bash
# Runs the MDMS on the build's WildFly: configures it for DATABASE (configure.sh), deploys the EAR
# into a base folder of its own (target/run: configuration, deployments, data, logs), starts it,
# waits until the application answers and prints the address and the demo logins. Ctrl-C stops it.
#
#   run.sh JBOSS_HOME [DATABASE] [DRIVER_DIR]
#
# Environment: MDMS_DEMO=false starts without demo data; MDMS_BASE_DIR replaces target/run;
# MDMS_PORT_OFFSET moves every port (the
# web port is 8080 + offset); database address and credentials as in configure.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jboss_home=$(cd "$1" && pwd)
database=${2:-h2}
driver_dir=${3:-$here/../../../target/drivers}
ear=$here/../../../target/mdms.ear
root=$(cd "$here/../../../.." && pwd)
base=${MDMS_BASE_DIR:-$root/target/run}
offset=${MDMS_PORT_OFFSET:-0}
port=$((8080 + offset))
demo=${MDMS_DEMO:-true}

bash "$here/configure.sh" "$jboss_home" "$database" "$driver_dir"
mkdir -p "$base/configuration" "$base/deployments" "$base/data" "$base/log"
cp -r "$jboss_home/standalone/configuration/." "$base/configuration/"
rm -f "$base"/deployments/mdms.ear*
cp "$ear" "$base/deployments/mdms.ear"

"$jboss_home/bin/standalone.sh" -c standalone-mdms.xml -Djboss.server.base.dir="$base" \
  -Djboss.socket.binding.port-offset="$offset" -Dmdms.demo="$demo" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server"; exit 0' INT TERM

url=http://localhost:$port/mdms/
until curl -s -o /dev/null -f "${url}login.xhtml"; do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "MDMS: WildFly stopped; see $base/log/server.log" >&2
    exit 1
  fi
  sleep 2
done

cat <<BANNER

================================================================================
 OpenMDMS is running on $database: $url
 REST API: ${url}api/meters   (BASIC authentication)
BANNER
if [ "$demo" = true ]; then
cat <<BANNER
 Demo logins (demo data only). In the background the registry loads in ~30 s, then the
 100 households' real 2013 half-hours (1.7 million reads) in a few minutes (see Imports):
   admin   / admin-demo     administrator: registry changes, users, imports
   analyst / analyst-demo   billing analyst: reads the registry
   auditor / auditor-demo   auditor: read-only, audit trail
BANNER
fi
cat <<BANNER
 Data and logs: $base   (delete target/run to start afresh)
 Stop with Ctrl-C.
================================================================================

BANNER
wait "$server"
