#!/usr/bin/env bash
# Rebuilds the WebAssembly 3.0 kernels written in the text format
# (jmh/kernels/*.wat: binary_trees uses GC, exceptions uses exception handling)
# into jmh/src/main/resources/kernels/*.wasm with Sandpiper's own text parser
# (`sandpiper wat2wasm`; wabt's wat2wasm reads neither proposal's syntax), then
# validates each with every 3.0 feature on and checks it is refused without
# the feature it exists to measure. Needs the project built:
#   mvn -q -DskipTests package
# Output is deterministic: rerunning reproduces the committed .wasm files.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
out="$here/../src/main/resources/kernels"
sandpiper="$root/sandpiper"

# build NAME FEATURE: assemble, validate, and check that FEATURE is what it needs.
build() {
  local name="$1" feature="$2"
  "$sandpiper" wat2wasm "$here/$name.wat" -o "$out/$name.wasm"
  "$sandpiper" validate "$out/$name.wasm" >/dev/null
  if "$sandpiper" validate --features "all,-$feature" "$out/$name.wasm" >/dev/null 2>&1; then
    echo "$name: still valid without $feature" >&2; exit 1
  fi
  printf '%-18s %5d bytes  needs %s\n' "$name.wasm" "$(stat -c %s "$out/$name.wasm")" "$feature"
}

build binary_trees gc
build exceptions exceptions
(cd "$out" && sha256sum binary_trees.wasm exceptions.wasm)
