#!/usr/bin/env bash
# Rebuilds the warm-up module embedded in the interpreter jar from warmup.wat with Sandpiper's own
# text module (wabt 1.0.32's wat2wasm does not know ref.as_non_null). Needs the decoder and text
# modules compiled: mvn -o -q -pl text -am compile
set -euo pipefail
cd "$(dirname "$0")"
root=..
java -cp "$root/../decoder/target/classes:$root/../text/target/classes" WatBuild.java warmup.wat \
    ../src/main/resources/dev/sandpiper/interpreter/warmup.wasm
