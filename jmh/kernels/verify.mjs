// Loads every kernel in ../src/main/resources/kernels with Node's WebAssembly
// API, checks the documented results, and cross-checks each kernel against an
// independent JavaScript reference (node:crypto for SHA-256, JSON.parse for the
// sample's token count).
//
//   node jmh/kernels/verify.mjs          check and print the benchmark results
//   node jmh/kernels/verify.mjs --dump   print results for a fixed set of inputs,
//                                        in the format of KernelExpectations --dump
//                                        (diff the two to compare wasm with Java)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, '../src/main/resources/kernels');

// Results the benchmarks use (same values as KernelExpectations.java).
const EXPECTED = {
  fib30: 832040,
  sieve1M: 78498,
  sieve16M: 1031130,
  sha256_1MiB_seed1: '8ffdf7e6cfde155ab118e1f70435db9efd0e96745e674854895edd173fc591ca',
  matmul100: 1124775.0,
  matmul256: 18873118.5,
  memops64KiB16: -728316192,
  jsonSampleTokens: 1173,
};

// Inputs for the wasm/Java comparison (same lists as KernelExpectations.java).
const FIB_N = [0, 1, 2, 3, 10, 20, 25];
const SIEVE_N = [-5, 0, 1, 2, 3, 4, 10, 100, 1000, 65536, 99991, 1000000];
const SHA_LEN = [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096, 65537, 1048576];
const SHA_SEED = [1, 0, -1, 12345];
const MATMUL_N = [-1, 0, 1, 2, 3, 7, 10, 31, 64, 100, 256];
const MEMOPS = [[0, 1], [1, 0], [1, 1], [3, 5], [16, 2], [17, 3], [1000, 7], [4099, 2], [65536, 16], [100000, 3]];
// [bytes, expected token count]; strings are UTF-8 encoded.
const JSON_CASES = [
  ['', 0],
  [' \n\t\r ', 0],
  ['{}', 2],
  ['[1,2,3]', 7],
  ['{"a":1}', 5],
  ['true false null', 3],
  ['nulltrue', 2],
  ['0123', 2],
  ['-0.5e+10', 1],
  ['1E5', 1],
  ['1.5', 1],
  ['[1]]', 4],
  ['[1, -2.5, 3e-2, {"k": [true, null]}]', 17],
  ['"\\u00e9\\uD83D\\uDE00"', 1],
  ['"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t"', 1],
  ['"h\u00e9llo \u6771\u4eac \u{1F680}"', 1],
  ['"abc', -1],
  ['"abc\\', -1],
  ['"\\x"', -1],
  ['"\\u12G4"', -1],
  ['"\\u123"', -1],
  ['"\\u00e9', -1],
  ['"a\nb"', -1],
  ['tru', -1],
  ['nul', -1],
  ['falsy', -1],
  ['-', -1],
  ['-a', -1],
  ['1.', -1],
  ['1.e5', -1],
  ['1e', -1],
  ['1e+', -1],
  ['+1', -1],
  ['.5', -1],
  ["'a'", -1],
  ['{"a":1}x', -1],
  [Buffer.from([0x5b, 0xff, 0x5d]), -1],
];

function load(name) {
  const bytes = fs.readFileSync(path.join(dir, name + '.wasm'));
  const mod = new WebAssembly.Module(bytes);
  assert.equal(WebAssembly.Module.imports(mod).length, 0, `${name}: has imports`);
  return new WebAssembly.Instance(mod, {}).exports;
}

const wasm = {
  fib: load('fib'),
  sieve: load('sieve'),
  sha256: load('sha256'),
  matmul: load('matmul'),
  memops: load('memops'),
  json: load('json'),
};

function wasmSha(len, seed) {
  const k = wasm.sha256;
  k.fill(len, seed);
  const p = k.sha256(len);
  return Buffer.from(k.memory.buffer, p, 32).toString('hex');
}

function wasmJson(bytes) {
  const k = wasm.json;
  const p = k.json_buf(bytes.length);
  assert.notEqual(p, 0);
  new Uint8Array(k.memory.buffer, p, bytes.length).set(bytes);
  return k.json_tokens(bytes.length);
}

const utf8 = (s) => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s);
const f64bits = (x) => {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  return dv.getBigUint64(0).toString(16).padStart(16, '0');
};
const sampleBytes = fs.readFileSync(path.join(dir, 'sample.json'));

if (process.argv.includes('--dump')) {
  for (const n of FIB_N) console.log(`fib ${n} ${wasm.fib.fib(n)}`);
  for (const n of SIEVE_N) console.log(`sieve ${n} ${wasm.sieve.sieve(n)}`);
  for (const seed of SHA_SEED) for (const len of SHA_LEN) console.log(`sha256 ${len} ${seed} ${wasmSha(len, seed)}`);
  for (const n of MATMUL_N) console.log(`matmul ${n} ${f64bits(wasm.matmul.matmul(n))}`);
  for (const [s, r] of MEMOPS) console.log(`memops ${s} ${r} ${wasm.memops.memops(s, r)}`);
  JSON_CASES.forEach(([s], i) => console.log(`json ${i} ${wasmJson(utf8(s))}`));
  console.log(`json sample ${wasmJson(sampleBytes)}`);
  process.exit(0);
}

// ---- independent JavaScript references ----

function refFib(n) {
  let a = 0, b = 1;
  for (let i = 0; i < n; i++) [a, b] = [b, (a + b) | 0];
  return n < 0 ? n : a;
}

function refSieve(n) {
  if (n < 2) return 0;
  const comp = new Uint8Array(n + 1);
  let count = 0;
  for (let i = 2; i <= n; i++) {
    if (comp[i]) continue;
    count++;
    for (let j = i * i; j <= n; j += i) comp[j] = 1;
  }
  return count;
}

function refFill(len, seed) {
  const out = Buffer.alloc(len);
  let s = seed >>> 0;
  for (let i = 0; i < len; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

function refMatmul(n) {
  if (n <= 0) return 0;
  let sum = 0;
  const a = (i, j) => ((i * n + j) % 7) * 0.5;
  const b = (i, j) => ((i + 2 * j) % 5) - 1.25;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let c = 0;
      for (let k = 0; k < n; k++) c += a(i, k) * b(k, j);
      sum += c;
    }
  }
  return sum;
}

function refMemops(size, rounds) {
  if (size <= 0 || rounds <= 0) return 0;
  let sum = 0;
  for (let r = 0; r < rounds; r++) {
    const v = (r * 37 + 11) & 0xff;
    const idx = (Math.imul(r, 4099) >>> 0) % size;
    for (let i = 0; i < size; i++) sum = (Math.imul(sum, 31) + (i === idx ? r & 0xff : v)) | 0;
  }
  return sum;
}

// Token count of a parsed JSON value, as the tokenizer would count its text.
function refTokens(v) {
  if (Array.isArray(v)) return 2 + Math.max(v.length - 1, 0) + v.reduce((t, x) => t + refTokens(x), 0);
  if (v !== null && typeof v === 'object') {
    const ks = Object.keys(v);
    return 2 + Math.max(ks.length - 1, 0) + ks.reduce((t, k) => t + 2 + refTokens(v[k]), 0);
  }
  return 1;
}

// ---- checks ----

let checks = 0;
const check = (actual, expected, what) => {
  assert.deepEqual(actual, expected, what);
  checks++;
};

// fib
for (let n = 0; n <= 25; n++) check(wasm.fib.fib(n), refFib(n), `fib(${n})`);
check(wasm.fib.fib(30), EXPECTED.fib30, 'fib(30)');

// sieve
for (const n of SIEVE_N) check(wasm.sieve.sieve(n), refSieve(n), `sieve(${n})`);
check(wasm.sieve.sieve(1000000), EXPECTED.sieve1M, 'sieve(1e6)');
check(wasm.sieve.sieve(16000000), EXPECTED.sieve16M, 'sieve(16e6)');
check(refSieve(16000000), EXPECTED.sieve16M, 'reference sieve(16e6)');

// sha256: generated bytes and digests against node:crypto
{
  const k = wasm.sha256;
  for (const seed of SHA_SEED) {
    for (const len of SHA_LEN) {
      const ref = crypto.createHash('sha256').update(refFill(len, seed)).digest('hex');
      check(wasmSha(len, seed), ref, `sha256(len=${len}, seed=${seed})`);
    }
  }
  // The generated input itself (sha256.wasm exports no buffer address, so find
  // it in memory): it must match refFill byte for byte.
  k.fill(1 << 20, 1);
  const mem = new Uint8Array(k.memory.buffer);
  const ref = refFill(1 << 20, 1);
  const base = Buffer.from(mem.buffer).indexOf(ref.subarray(0, 64));
  assert.ok(base > 0, 'fill output not found in memory');
  check(Buffer.compare(Buffer.from(mem.buffer, base, 1 << 20), ref), 0, 'fill(1 MiB, 1) bytes');
  check(wasmSha(1 << 20, 1), EXPECTED.sha256_1MiB_seed1, 'sha256(1 MiB, seed 1)');
}

// matmul
for (const n of MATMUL_N) check(wasm.matmul.matmul(n), refMatmul(n), `matmul(${n})`);
check(wasm.matmul.matmul(100), EXPECTED.matmul100, 'matmul(100)');
check(wasm.matmul.matmul(256), EXPECTED.matmul256, 'matmul(256)');

// memops
for (const [s, r] of MEMOPS) check(wasm.memops.memops(s, r), refMemops(s, r), `memops(${s}, ${r})`);
check(wasm.memops.memops(65536, 16), EXPECTED.memops64KiB16, 'memops(65536, 16)');

// json
JSON_CASES.forEach(([s, want], i) => {
  const bytes = utf8(s);
  check(wasmJson(bytes), want, `json case ${i}: ${JSON.stringify(String(s))}`);
  if (want >= 0 && typeof s === 'string') {
    // Cases that are a single valid JSON value must agree with the JSON.parse count.
    let parsed;
    try { parsed = JSON.parse(s); } catch { parsed = undefined; }
    if (parsed !== undefined) check(refTokens(parsed), want, `json case ${i} (JSON.parse)`);
  }
});
check(refTokens(JSON.parse(sampleBytes.toString('utf8'))), EXPECTED.jsonSampleTokens, 'sample.json (JSON.parse)');
check(wasmJson(sampleBytes), EXPECTED.jsonSampleTokens, 'sample.json');
// Any strict prefix of the sample that ends inside a string is malformed.
check(wasmJson(sampleBytes.subarray(0, sampleBytes.indexOf('"name"') + 3)), -1, 'truncated string');

console.log(`fib(30)                 = ${wasm.fib.fib(30)}`);
console.log(`sieve(1000000)          = ${wasm.sieve.sieve(1000000)}`);
console.log(`sha256(fill(1 MiB, 1))  = ${wasmSha(1 << 20, 1)}`);
console.log(`matmul(100)             = ${wasm.matmul.matmul(100)}`);
console.log(`memops(65536, 16)       = ${wasm.memops.memops(65536, 16)}`);
console.log(`json_tokens(sample.json, ${sampleBytes.length} bytes) = ${wasmJson(sampleBytes)}`);
console.log(`OK: ${checks} checks passed`);
