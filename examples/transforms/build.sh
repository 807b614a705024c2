#!/usr/bin/env bash
# Rebuild every guest transform in this folder from source:
#   <name>/<name>.rs  -> <name>/<name>.wasm   (rustc, wasm32-unknown-unknown, no cargo, no crates)
#   <name>/<name>.wat -> <name>/<name>.wasm   (wat2wasm from wabt)
# and validate each result with wasm-validate, MVP features only.
#
# Needs (Debian 12): apt-get install -y rustc libstd-rust-dev-wasm32 wabt
# RUSTC defaults to /usr/bin/rustc, Debian's, which has the wasm32 std; a
# rustup rustc earlier on PATH usually has not. Override: RUSTC=... ./build.sh
#
# With the same tool versions the output is byte-for-byte reproducible.
# Usage: build.sh [name...]   (default: every guest: each folder with <name>.rs or <name>.wat,
#                             the WAT benchmark fixture pass-through included)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

RUSTC="${RUSTC:-/usr/bin/rustc}"
WAT2WASM="${WAT2WASM:-wat2wasm}"
WASM_VALIDATE="${WASM_VALIDATE:-wasm-validate}"

echo "rustc:         $("$RUSTC" --version) ($RUSTC)"
echo "wat2wasm:      $("$WAT2WASM" --version)"
echo "wasm-validate: $("$WASM_VALIDATE" --version)"

# Paths embedded in panic messages would make the bytes depend on where the
# tree is checked out; remap them to a fixed prefix.
RUSTFLAGS_COMMON=(
  --edition 2021
  --target wasm32-unknown-unknown
  --crate-type cdylib
  -C opt-level=3
  -C panic=abort
  -C lto=fat
  -C codegen-units=1
  -C strip=symbols
  -C debuginfo=0
  --remap-path-prefix "$here=/sandpiper/examples/transforms"
)

# Post-MVP features the Sandpiper engine need not support; the guests must not use them.
MVP_ONLY=(
  --disable-mutable-globals --disable-saturating-float-to-int --disable-sign-extension
  --disable-simd --disable-multi-value --disable-bulk-memory --disable-reference-types
)

if [ "$#" -gt 0 ]; then
  names=("$@")
else
  names=()
  for d in */; do
    d="${d%/}"
    if [ -f "$d/$d.rs" ] || [ -f "$d/$d.wat" ]; then names+=("$d"); fi
  done
fi

for name in "${names[@]}"; do
  out="$name/$name.wasm"
  if [ -f "$name/$name.rs" ]; then
    "$RUSTC" "${RUSTFLAGS_COMMON[@]}" --crate-name "${name//-/_}" "$name/$name.rs" -o "$out"
  elif [ -f "$name/$name.wat" ]; then
    "$WAT2WASM" "$name/$name.wat" -o "$out"
  else
    echo "no source for $name" >&2
    exit 1
  fi
  chmod 0644 "$out"
  "$WASM_VALIDATE" "${MVP_ONLY[@]}" "$out"
  printf '%-52s %6d bytes  sha256 %s\n' "$out" "$(stat -c %s "$out")" "$(sha256sum "$out" | cut -c1-16)"
done
