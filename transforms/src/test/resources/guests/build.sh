#!/usr/bin/env bash
# Rebuilds the test-only guest transforms of the transforms module's tests:
#   <name>.wat -> <name>.wasm   (wat2wasm from wabt; Debian 12: apt-get install -y wabt)
# and validates each result with wasm-validate. The built .wasm files are committed, so the
# tests need no wabt. Each guest's purpose is at the top of its .wat file.
# Usage: build.sh [name...]   (default: every .wat here)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

WAT2WASM="${WAT2WASM:-wat2wasm}"
WASM_VALIDATE="${WASM_VALIDATE:-wasm-validate}"
echo "wat2wasm:      $("$WAT2WASM" --version)"

if [ "$#" -gt 0 ]; then
  names=("$@")
else
  names=()
  for f in *.wat; do names+=("${f%.wat}"); done
fi

for name in "${names[@]}"; do
  "$WAT2WASM" "$name.wat" -o "$name.wasm"
  "$WASM_VALIDATE" "$name.wasm"
  echo "built $name.wasm ($(wc -c < "$name.wasm") bytes)"
done
