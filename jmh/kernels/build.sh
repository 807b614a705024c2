#!/usr/bin/env bash
# Rebuilds the benchmark kernels (jmh/kernels/*.c) into
# jmh/src/main/resources/kernels/*.wasm and checks their shape.
#
# Needs: clang-14, lld-14 (wasm-ld), wabt (wasm-objdump)
#   apt-get install -y clang-14 lld-14 wabt
# Overrides: CLANG=..., WASM_LD=... (path to a wasm-ld binary)
#
# Every module: WebAssembly MVP instruction set (-mcpu=mvp), no SIMD, no
# imports, exports `memory` plus its functions (set in the sources with
# export_name). memops is additionally built with -mbulk-memory. Each output is
# checked with wasm-validate with all post-MVP features off (bulk memory on for
# memops only), for imports/exports, and for SIMD and bulk-memory opcodes.
# Output is deterministic: rerunning reproduces the committed .wasm files.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../src/main/resources/kernels"
mkdir -p "$out"

CLANG="${CLANG:-clang-14}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# clang's wasm toolchain runs the linker as `wasm-ld`; Debian ships it as wasm-ld-14.
mkdir -p "$tmp/bin"
if [[ -n "${WASM_LD:-}" ]]; then
  ln -s "$(command -v "$WASM_LD")" "$tmp/bin/wasm-ld"
elif command -v wasm-ld-14 >/dev/null; then
  ln -s "$(command -v wasm-ld-14)" "$tmp/bin/wasm-ld"
elif ! command -v wasm-ld >/dev/null; then
  echo "wasm-ld not found (apt-get install -y lld-14)" >&2
  exit 1
fi
export PATH="$tmp/bin:$PATH"

echo "== tools"
"$CLANG" --version | head -n 1
wasm-ld --version
echo "wabt $(wasm-objdump --version)"

COMMON=(--target=wasm32 -mcpu=mvp -O2 -ffreestanding -nostdlib
        -Wall -Wextra -Werror
        -Wl,--no-entry -Wl,--strip-debug)

# wasm-validate flags that turn off every post-MVP proposal except bulk memory.
MVP_ONLY=(--disable-mutable-globals --disable-saturating-float-to-int
          --disable-sign-extension --disable-simd --disable-multi-value
          --disable-reference-types)

# build NAME VALIDATE_FLAGS... -- CLANG_FLAGS...
build() {
  local name="$1"; shift
  local vflags=()
  while [[ "$1" != "--" ]]; do vflags+=("$1"); shift; done
  shift
  "$CLANG" "${COMMON[@]}" "$@" -o "$tmp/$name.wasm" "$here/$name.c"
  wasm-validate "${MVP_ONLY[@]}" "${vflags[@]}" "$tmp/$name.wasm"
  wasm-objdump -d "$tmp/$name.wasm" > "$tmp/$name.dis"
  wasm-objdump -x "$tmp/$name.wasm" > "$tmp/$name.hdr"

  # No imports, memory exported.
  if grep -q '^Import\[' "$tmp/$name.hdr"; then
    echo "$name: has imports" >&2; exit 1
  fi
  grep -q -- '- memory\[0\] -> "memory"' "$tmp/$name.hdr" || { echo "$name: memory not exported" >&2; exit 1; }
  # No SIMD anywhere.
  if grep -Eq '\b(v128|[if](8x16|16x8|32x4|64x2))\.' "$tmp/$name.dis"; then
    echo "$name: contains SIMD instructions" >&2; exit 1
  fi
  cp "$tmp/$name.wasm" "$out/$name.wasm"
  printf '%-12s %5d bytes  exports:%s\n' "$name.wasm" "$(stat -c %s "$out/$name.wasm")" \
    "$(sed -n 's/^ - \(func\|memory\)\[[0-9]*\].* -> "\(.*\)"$/ \2/p' "$tmp/$name.hdr" | tr -d '\n')"
}

# Bulk-memory (0xFC-prefixed memory.*/data.drop) ops are only allowed in memops.
no_bulk() {
  if grep -Eq '\b(memory\.(fill|copy|init)|data\.drop)\b' "$tmp/$1.dis"; then
    echo "$1: unexpected bulk-memory instruction" >&2; exit 1
  fi
}

echo "== build"
build fib --disable-bulk-memory -- -fno-optimize-sibling-calls
no_bulk fib
# fib must stay doubly recursive: exactly two calls to itself.
calls=$(grep -c 'call 0 <fib>' "$tmp/fib.dis" || true)
[[ "$calls" == 2 ]] || { echo "fib: expected 2 recursive calls, found $calls" >&2; exit 1; }

build sieve  --disable-bulk-memory --; no_bulk sieve
build sha256 --disable-bulk-memory --; no_bulk sha256
build matmul --disable-bulk-memory --; no_bulk matmul
build json   --disable-bulk-memory --; no_bulk json

build memops -- -mbulk-memory
grep -q 'memory\.fill' "$tmp/memops.dis" || { echo "memops: no memory.fill" >&2; exit 1; }
grep -q 'memory\.copy' "$tmp/memops.dis" || { echo "memops: no memory.copy" >&2; exit 1; }

echo "== sha256sum"
(cd "$out" && sha256sum fib.wasm sieve.wasm sha256.wasm matmul.wasm memops.wasm json.wasm)
