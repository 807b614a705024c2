#!/usr/bin/env bash
# Builds hsdis-amd64.so, the disassembler plugin HotSpot loads for -XX:+PrintAssembly, on capstone.
# Needs: apt-get install libcapstone-dev gcc. Output: tools/hsdis/hsdis-amd64.so (not committed).
set -euo pipefail
cd "$(dirname "$0")"
gcc -O2 -shared -fPIC -o hsdis-amd64.so hsdis.c -lcapstone
echo "built $(pwd)/hsdis-amd64.so"
