#!/bin/sh
# Rebuilds all-instructions.wasm from all-instructions.wat with wabt's wat2wasm (1.0.32 or later;
# its default features are the WebAssembly 2.0 set). Run after editing the .wat; commit both files.
#   apt-get install -y wabt    # if wat2wasm is missing
set -eu
cd "$(dirname "$0")"
wat2wasm all-instructions.wat -o all-instructions.wasm
echo "wrote $(pwd)/all-instructions.wasm ($(wc -c < all-instructions.wasm) bytes)"
