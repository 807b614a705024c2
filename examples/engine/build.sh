#!/usr/bin/env bash
# Rebuilds the engine examples from their .wat sources with wabt's wat2wasm.
set -euo pipefail
cd "$(dirname "$0")"
wat2wasm --version
for f in *.wat; do
  wat2wasm "$f" -o "${f%.wat}.wasm"
done
