#!/usr/bin/env bash
# Configures a WildFly server for the MDMS with the CLI scripts beside this file, offline
# (embedded server): JDBC driver module, datasource, JMS queues, security realm.
#
#   configure.sh JBOSS_HOME DATABASE [DRIVER_DIR]
#
# DATABASE is h2 (embedded, file-based, the default), postgresql or oracle. DRIVER_DIR holds
# postgresql.jar / ojdbc11.jar (the build copies them to mdms-ear/target/drivers).
# The result is JBOSS_HOME/standalone/configuration/standalone-mdms.xml, made afresh from
# standalone-full.xml on every run. Database address and credentials are not written into it: the
# datasource reads them at boot from the environment (MDMS_DB_URL, MDMS_DB_USER, MDMS_DB_PASSWORD)
# or system properties (mdms.db.url, mdms.db.user, mdms.db.password); see docs/configuration.md.
set -euo pipefail

jboss_home=$(cd "$1" && pwd)
database=${2:-h2}
here=$(cd "$(dirname "$0")" && pwd)
driver_dir=${3:-$here/../../../target/drivers}

case "$database" in
  h2|postgresql|oracle) ;;
  *) echo "unknown database '$database': use h2, postgresql or oracle" >&2; exit 2 ;;
esac

config_dir=$jboss_home/standalone/configuration
cp "$config_dir/standalone-full.xml" "$config_dir/standalone-mdms.xml"

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

batch=$(mktemp)
trap 'rm -f "$batch"' EXIT
{
  echo "embed-server --server-config=standalone-mdms.xml --std-out=discard"
  for script in "${scripts[@]}"; do
    echo "# --- $(basename "$script")"
    cat "$script"
    echo
  done
  echo "stop-embedded-server"
} > "$batch"

# module add resolves --resources against the working directory.
cd "$jboss_home"
JAVA_OPTS="${JAVA_OPTS:-} -Djava.awt.headless=true" "$jboss_home/bin/jboss-cli.sh" --file="$batch"
echo "MDMS: configured $jboss_home for $database (standalone-mdms.xml)"
