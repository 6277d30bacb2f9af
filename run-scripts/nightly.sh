#!/usr/bin/env bash
# nightly.sh: the scheduled refresh. Runs `judgeforge refresh` once and exits with its code, so cron,
# a systemd timer or Airflow sees the outcome:
#   0  a new version was published, or there was nothing new (one line says which)
#   2  a config or usage error (one line names the key or flag)
#   3  another refresh holds the lock (refresh.on-locked: exit)
#   1  the refresh failed (the run folder keeps everything done so far; the next night retries)
# Usage: run-scripts/nightly.sh CONF OUT [--set key=value ...]
#   run-scripts/nightly.sh conf/prod.yaml hdfs:///judgeforge/out
# Environment:
#   JUDGEFORGE        the launcher (default: run-scripts/judgeforge beside this script; on a cluster,
#                     run-scripts/judgeforge-submit with SPARK_SUBMIT_ARGS set)
#   NIGHTLY_LOG_DIR   also append the output to NIGHTLY_LOG_DIR/refresh-<UTC time>.log and delete
#                     logs there older than NIGHTLY_LOG_DAYS (default 30) days; unset = stdout only
#                     (cron mails it, journald keeps it)
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 CONF OUT [--set key=value ...]" >&2
  exit 2
fi
conf="$1"
out="$2"
shift 2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
launcher="${JUDGEFORGE:-$here/judgeforge}"

started="$(date -u +%Y%m%dT%H%M%SZ)"
echo "nightly: refresh of $out with $conf at $started"
set +e
if [[ -n "${NIGHTLY_LOG_DIR:-}" ]]; then
  mkdir -p "$NIGHTLY_LOG_DIR"
  find "$NIGHTLY_LOG_DIR" -name 'refresh-*.log' -mtime +"${NIGHTLY_LOG_DAYS:-30}" -delete 2>/dev/null
  # shellcheck disable=SC2086
  $launcher refresh --conf "$conf" --out "$out" "$@" 2>&1 | tee -a "$NIGHTLY_LOG_DIR/refresh-$started.log"
  code=${PIPESTATUS[0]}
else
  # shellcheck disable=SC2086
  $launcher refresh --conf "$conf" --out "$out" "$@"
  code=$?
fi
set -e
echo "nightly: refresh exited with $code"
exit "$code"
