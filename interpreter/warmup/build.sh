#!/usr/bin/env bash
# Rebuilds the warm-up module embedded in the interpreter jar from warmup.wat (wabt's wat2wasm).
set -euo pipefail
cd "$(dirname "$0")"
wat2wasm --version
wat2wasm warmup.wat -o ../src/main/resources/dev/sandpiper/interpreter/warmup.wasm
