# Shared by the bench scripts (sourced). Refuses to start when /tmp or PostgreSQL's data directory
# has less than NEED_KB kilobytes free.
require_free_disk() {
  local need_kb=$1 free_kb pg_free_kb
  free_kb=$(df -Pk /tmp | awk 'NR==2 {print $4}')
  pg_free_kb=$(df -Pk "$(psql -h 127.0.0.1 -U postgres -Atc 'SHOW data_directory' 2>/dev/null || echo /)" | awk 'NR==2 {print $4}')
  if [ "$free_kb" -lt "$need_kb" ] || [ "$pg_free_kb" -lt "$need_kb" ]; then
    echo "not enough free disk: need $((need_kb / 1024)) MB in /tmp and for PostgreSQL" >&2
    exit 1
  fi
}
