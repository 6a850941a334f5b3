#!/usr/bin/env bash
# The `citylake` command inside the Airflow image (installed by dags/Dockerfile): runs the CLI
# embedded (local Spark, Derby metastore under the lake) with the JVM options of ./citylake.
# CITYLAKE_JAVA_OPTS adds JVM options, e.g. -Xmx3g; they come after jvm.options and override it.
set -euo pipefail
read -r -a JVM_OPTS < /opt/citylake/jvm.options
# batch work: the parallel collector, as ./citylake uses for every command but serve
GC_OPTS=(-XX:+UseParallelGC)
if [ "${1:-}" = serve ] || [[ "${CITYLAKE_JAVA_OPTS:-}" == *-XX:+Use*GC* ]]; then GC_OPTS=(); fi
exec java "${GC_OPTS[@]}" "${JVM_OPTS[@]}" ${CITYLAKE_JAVA_OPTS:-} -cp "/opt/citylake/lib/*" \
  io.citylake.cli.CityLakeCli "$@"
