#!/usr/bin/env bash
# Builds target/khobor.jar and checks it starts, exactly as the Dockerfile's build stage does (it RUNs this script).
# .ci/run runs it too, so the image's build steps are exercised on every CI run although no Docker engine runs there.
#   docker/build.sh            package (tests are run separately by ./mvnw -B test) and check the jar
#   OFFLINE=1 docker/build.sh  the same with Maven offline (dependencies already in ~/.m2)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q ${OFFLINE:+-o} -DskipTests package
jar=target/khobor.jar
test -s "$jar" || { echo "docker/build.sh: $jar was not built" >&2; exit 1; }
# The jar must start on its own (shaded dependencies, manifest, logback config): --help prints the usage and exits 0.
usage=$(java -jar "$jar" --help)
case "$usage" in
  *"usage: java -jar khobor.jar"*"backup FILE"*) ;;
  *) echo "docker/build.sh: unexpected --help output from $jar:" >&2; echo "$usage" >&2; exit 1 ;;
esac
# The shaded jar carries the endpoint's dependency and the JSON log encoder.
entries=$(jar tf "$jar")
for entry in io/micrometer/prometheusmetrics/PrometheusMeterRegistry.class ch/qos/logback/classic/encoder/JsonEncoder.class \
             app/khobor/ops/Operations.class logback.xml; do
  grep -qxF "$entry" <<<"$entries" || { echo "docker/build.sh: $entry missing from $jar" >&2; exit 1; }
done
echo "docker/build.sh: $jar ok ($(du -h "$jar" | cut -f1))"
