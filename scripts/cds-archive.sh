#!/usr/bin/env bash
# Extracts Formaflow's packaged jar into DIR and makes its class-data sharing archive, DIR/formaflow.jsa, with a training
# run (Spring Boot's "Class Data Sharing"): start with
#   java -XX:SharedArchiveFile=DIR/formaflow.jsa -Xshare:auto -jar DIR/<jar name>
# JDK 17's dynamic archive (-XX:ArchiveClassesAtExit) crashes on Formaflow's lambdas, so the archive is a static one made
# from the training run's class list, lambda proxies left out. The Dockerfile and the HTTP benchmark (bench/CdsArchive)
# both run this script.
#   usage: scripts/cds-archive.sh JAR DIR
set -euo pipefail
jar=$(readlink -f "$1")
dir=$(mkdir -p "$2" && cd "$2" && pwd)
java=${JAVA:-java}

"$java" -Djarmode=tools -jar "$jar" extract --force --destination "$dir"
app="$dir/$(basename "$jar")"
# the training run: the application up to its context's refresh, on a throw-away H2 database, without the demo data
(cd "$dir" && "$java" -XX:DumpLoadedClassList="$dir/classes.lst" -Dspring.context.exit=onRefresh -jar "$app" \
    --spring.datasource.url="jdbc:h2:mem:cds-training;NON_KEYWORDS=VALUE,YEAR,MONTH" --formaflow.demo-data=false \
    --camunda.bpm.job-execution.enabled=false --spring.main.banner-mode=off)
grep -v '^@lambda-proxy' "$dir/classes.lst" > "$dir/classes-without-lambdas.lst"
"$java" -Xshare:dump -XX:SharedClassListFile="$dir/classes-without-lambdas.lst" -XX:SharedArchiveFile="$dir/formaflow.jsa" -jar "$app"
rm -rf "$dir/classes.lst" "$dir/classes-without-lambdas.lst" "$dir/data"
