#!/usr/bin/env bash
# Rebuilds the warm-up module embedded in the interpreter jar from warmup.wat (wabt's wat2wasm,
# with the 3.0 features the module exercises).
set -euo pipefail
cd "$(dirname "$0")"
wat2wasm --version
wat2wasm --enable-tail-call --enable-multi-memory warmup.wat -o ../src/main/resources/dev/sandpiper/interpreter/warmup.wasm
