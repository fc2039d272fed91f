#!/usr/bin/env bash
# Configures a WildFly server for the MDMS with the CLI scripts beside this file, offline
# (embedded server): JDBC driver module, datasource, JMS queues, security realm.
#
#   configure.sh [--ha] JBOSS_HOME DATABASE [DRIVER_DIR]
#
# DATABASE is h2 (embedded, file-based, the default), postgresql or oracle. DRIVER_DIR holds
# postgresql.jar / ojdbc11.jar (the build copies them to mdms-ear/target/drivers).
# The result is JBOSS_HOME/standalone/configuration/standalone-mdms.xml, made afresh from
# standalone-full.xml on every run. Database address and credentials are not written into it: the
# datasource reads them at boot from the environment (MDMS_DB_URL, MDMS_DB_USER, MDMS_DB_PASSWORD)
# or system properties (mdms.db.url, mdms.db.user, mdms.db.password); see docs/configuration.md.
#
# --ha configures a cluster node instead: standalone-mdms-ha.xml, made from standalone-full-ha.xml
# with the same scripts and cluster.cli (JGroups over TCP, shared-store Artemis backup, mod_cluster),
# and the load balancer in front of the nodes, standalone-mdms-lb.xml from standalone-load-balancer.xml
# with load-balancer.cli. standalone-mdms.xml is left as it is. docs/operations.md, "Cluster".
set -euo pipefail

ha=false
if [ "${1:-}" = --ha ]; then
  ha=true
  shift
fi
jboss_home=$(cd "$1" && pwd)
database=${2:-h2}
here=$(cd "$(dirname "$0")" && pwd)
driver_dir=${3:-$here/../../../target/drivers}

case "$database" in
  h2|postgresql|oracle) ;;
  *) echo "unknown database '$database': use h2, postgresql or oracle" >&2; exit 2 ;;
esac

config_dir=$jboss_home/standalone/configuration
if [ "$ha" = true ]; then
  base=standalone-full-ha.xml config=standalone-mdms-ha.xml
else
  base=standalone-full.xml config=standalone-mdms.xml
fi
cp "$config_dir/$base" "$config_dir/$config"

scripts=()
case "$database" in
  postgresql)
    rm -rf "$jboss_home/modules/org/postgresql"
    cp "$driver_dir/postgresql.jar" "$jboss_home/postgresql.jar"
    scripts+=("$here/driver-postgresql.cli") ;;
  oracle)
    rm -rf "$jboss_home/modules/com/oracle/ojdbc"
    cp "$driver_dir/ojdbc11.jar" "$jboss_home/ojdbc11.jar"
    scripts+=("$here/driver-oracle.cli") ;;
esac
scripts+=("$here/datasource-$database.cli" "$here/messaging.cli" "$here/security.cli" "$here/server.cli")
if [ "$ha" = true ]; then
  scripts+=("$here/cluster.cli")
fi

batch=$(mktemp)
trap 'rm -f "$batch"' EXIT
{
  echo "embed-server --server-config=$config --std-out=discard"
  for script in "${scripts[@]}"; do
    echo "# --- $(basename "$script")"
    cat "$script"
    echo
  done
  echo "stop-embedded-server"
  if [ "$ha" = true ]; then
    cp "$config_dir/standalone-load-balancer.xml" "$config_dir/standalone-mdms-lb.xml"
    echo "embed-server --server-config=standalone-mdms-lb.xml --std-out=discard"
    cat "$here/load-balancer.cli"
    echo
    echo "stop-embedded-server"
  fi
} > "$batch"

# module add resolves --resources against the working directory.
cd "$jboss_home"
JAVA_OPTS="${JAVA_OPTS:-} -Djava.awt.headless=true" "$jboss_home/bin/jboss-cli.sh" --file="$batch"
if [ "$ha" = true ]; then
  echo "MDMS: configured $jboss_home for $database as a cluster node (standalone-mdms-ha.xml) and load balancer (standalone-mdms-lb.xml)"
else
  echo "MDMS: configured $jboss_home for $database (standalone-mdms.xml)"
fi
