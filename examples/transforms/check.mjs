#!/usr/bin/env node
// check.mjs: a small reference host for Sandpiper's WASM transform ABI,
// written against shared/abi/contract.md, using Node's own WebAssembly engine.
// It is a development tool: it gives a second, independent opinion on what a
// guest does, next to the Java host.
//
//   node check.mjs MODULE.wasm [options] EVENTS.jsonl
//
// Options:
//   --config JSON          user config object, merged into the init config
//   --timeout-ms N         per-invocation deadline (default 50)
//   --memory-limit-mb N    guest memory cap in MiB (default 16)
//   --use-filter           call the guest's optional filter(ptr,len) before
//                          transform; 0 means FILTERED
//   --use-route            call the guest's optional route(ptr,len) on each
//                          output event and print "ROUTE <topic>" after it
//   --raw                  print the guest's output bytes as they are instead
//                          of the canonical re-serialisation of the event
//
// Output (stdout): one line per event: the output event, FILTERED, or
// ERROR <reason>; then "METRIC <name> <value>" per metric, sorted by name.
// Guest log lines go to stderr as "LOG <level> <message>".
// Exit status: 0 all events ok or filtered, 1 some event failed,
// 2 usage error or module rejected (printed as "REJECTED <reason>").
//
// What it implements from the contract: static import/export checks with
// exact function types; the memory limit (the module's memory maximum is
// lowered to the cap before instantiation, so memory.grow past it returns -1);
// lazy init with {"timeout_ms", "memory_limit_mb", ...user config}, host keys
// winning; alloc -> write -> transform -> output_len -> read with every check
// in contract order; a per-invocation deadline (the guest runs in a worker
// thread that is terminated when the deadline passes); a fresh instance plus
// init after any trap or timeout, with metrics kept; NUL-terminated metric
// names; canonical Event JSON decoding and encoding with exact 64-bit numbers.

import { isMainThread, parentPort, workerData, Worker } from 'node:worker_threads';
import { readFileSync, existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const PAGE = 65536;

// ---------------------------------------------------------------------------
// Module inspection (binary format, just the sections the contract looks at)
// ---------------------------------------------------------------------------

const VALTYPE = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'funcref', 0x6f: 'externref' };

class Reader {
  constructor(bytes, pos = 0, end = bytes.length) { this.b = bytes; this.p = pos; this.end = end; }
  byte() { if (this.p >= this.end) throw new Error('unexpected end of module'); return this.b[this.p++]; }
  u32() {
    let result = 0, shift = 0;
    for (;;) {
      const byte = this.byte();
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
      if (shift > 28) throw new Error('integer representation too long');
    }
    if (result > 0xffffffff) throw new Error('integer too large');
    return result;
  }
  name() {
    const n = this.u32();
    if (this.p + n > this.end) throw new Error('unexpected end of module');
    const s = new TextDecoder('utf-8', { fatal: true }).decode(this.b.subarray(this.p, this.p + n));
    this.p += n;
    return s;
  }
  valtype() { const t = this.byte(); return VALTYPE[t] ?? `0x${t.toString(16)}`; }
  limits() {
    const flag = this.byte();
    if (flag !== 0 && flag !== 1) throw new Error(`unsupported limits flag 0x${flag.toString(16)}`);
    const min = this.u32();
    const max = flag === 1 ? this.u32() : null;
    return { min, max };
  }
}

const sig = (t) => `(${t.params.join(', ')}) -> ${t.results.length ? t.results.join(', ') : '()'}`;

export function inspectModule(bytes) {
  const r = new Reader(bytes);
  const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  for (const m of magic) if (r.byte() !== m) throw new Error('not a wasm 1.0 binary (bad magic or version)');
  const info = { types: [], imports: [], funcs: [], memories: [], exports: [], memorySection: null };
  while (r.p < bytes.length) {
    const idPos = r.p;
    const id = r.byte();
    const size = r.u32();
    const start = r.p, end = r.p + size;
    if (end > bytes.length) throw new Error('section runs past the end of the module');
    const s = new Reader(bytes, start, end);
    if (id === 1) {
      for (let n = s.u32(); n > 0; n--) {
        if (s.byte() !== 0x60) throw new Error('unsupported type form');
        const params = []; for (let k = s.u32(); k > 0; k--) params.push(s.valtype());
        const results = []; for (let k = s.u32(); k > 0; k--) results.push(s.valtype());
        info.types.push({ params, results });
      }
    } else if (id === 2) {
      for (let n = s.u32(); n > 0; n--) {
        const module = s.name(), name = s.name(), kind = s.byte();
        const imp = { module, name, kind: ['func', 'table', 'memory', 'global'][kind] ?? `kind ${kind}` };
        if (kind === 0) { imp.type = info.types[s.u32()]; info.funcs.push(imp.type); }
        else if (kind === 1) { s.byte(); s.limits(); }
        else if (kind === 2) { s.limits(); }
        else if (kind === 3) { s.valtype(); s.byte(); }
        else throw new Error(`unknown import kind ${kind}`);
        info.imports.push(imp);
      }
    } else if (id === 3) {
      for (let n = s.u32(); n > 0; n--) info.funcs.push(info.types[s.u32()]);
    } else if (id === 5) {
      info.memorySection = { headerStart: idPos, start, end };
      for (let n = s.u32(); n > 0; n--) info.memories.push(s.limits());
    } else if (id === 7) {
      for (let n = s.u32(); n > 0; n--) {
        const name = s.name(), kind = s.byte(), index = s.u32();
        info.exports.push({ name, kind: ['func', 'table', 'memory', 'global'][kind] ?? `kind ${kind}`, index });
      }
    }
    r.p = end;
  }
  return info;
}

const ALLOWED_IMPORTS = {
  log: { params: ['i32', 'i32', 'i32'], results: [] },
  get_metric: { params: ['i32'], results: ['i64'] },
  record_metric: { params: ['i32', 'i64'], results: [] },
};
const REQUIRED_EXPORTS = {
  alloc: { params: ['i32'], results: ['i32'] },
  transform: { params: ['i32', 'i32'], results: ['i32'] },
  output_len: { params: [], results: ['i32'] },
};
const OPTIONAL_EXPORTS = {
  init: { params: ['i32', 'i32'], results: ['i32'] },
  shutdown: { params: [], results: ['i32'] },
};
// Not in the contract; checked only when check.mjs is asked to call them.
const EXTRA_EXPORTS = {
  filter: { params: ['i32', 'i32'], results: ['i32'] },
  route: { params: ['i32', 'i32'], results: ['i32'] },
};
const sameType = (a, b) => a && sig(a) === sig(b);

/** Static contract checks; returns a list of problems (empty = accepted). */
export function checkContract(info, { capPages, extra = [] } = {}) {
  const problems = [];
  for (const imp of info.imports) {
    const want = imp.module === 'env' ? ALLOWED_IMPORTS[imp.name] : undefined;
    const label = `${imp.module}.${imp.name}`;
    if (!want) problems.push(`import ${label} is not allowed (only env.log, env.get_metric, env.record_metric)`);
    else if (imp.kind !== 'func') problems.push(`import ${label} must be a function, is a ${imp.kind}`);
    else if (!sameType(imp.type, want)) problems.push(`import ${label} has type ${sig(imp.type)}, expected ${sig(want)}`);
  }
  const exportNamed = (name) => info.exports.find((e) => e.name === name);
  const mem = exportNamed('memory');
  if (!mem) problems.push('required export "memory" is missing');
  else if (mem.kind !== 'memory') problems.push(`export "memory" must be a memory, is a ${mem.kind}`);
  const checkFunc = (name, want, required) => {
    const e = exportNamed(name);
    if (!e) { if (required) problems.push(`required export "${name}" is missing`); return; }
    if (e.kind !== 'func') { problems.push(`export "${name}" must be a function, is a ${e.kind}`); return; }
    const t = info.funcs[e.index];
    if (!sameType(t, want)) problems.push(`export "${name}" has type ${t ? sig(t) : '?'}, expected ${sig(want)}`);
  };
  for (const [n, t] of Object.entries(REQUIRED_EXPORTS)) checkFunc(n, t, true);
  for (const [n, t] of Object.entries(OPTIONAL_EXPORTS)) checkFunc(n, t, false);
  for (const n of extra) checkFunc(n, EXTRA_EXPORTS[n], true);
  if (capPages !== undefined && info.memories.length > 0 && info.memories[0].min > capPages) {
    problems.push(`initial memory of ${info.memories[0].min} pages exceeds the memory limit of ${capPages} pages`);
  }
  return problems;
}

function leb(n) {
  const out = [];
  do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return out;
}

/** The module bytes with the defined memory's maximum lowered to capPages. */
export function capMemory(bytes, info, capPages) {
  if (!info.memorySection || info.memories.length !== 1) return bytes;
  const { min, max } = info.memories[0];
  const newMax = max === null ? capPages : Math.min(max, capPages);
  const payload = [1, 0x01, ...leb(min), ...leb(newMax)];
  const section = Uint8Array.from([5, ...leb(payload.length), ...payload]);
  const { headerStart, end } = info.memorySection;
  const out = new Uint8Array(bytes.length - (end - headerStart) + section.length);
  out.set(bytes.subarray(0, headerStart), 0);
  out.set(section, headerStart);
  out.set(bytes.subarray(end), headerStart + section.length);
  return out;
}

// ---------------------------------------------------------------------------
// JSON with exact numbers: {t:'obj', entries:[[k, v]...]}, {t:'arr', items},
// {t:'str', v}, {t:'num', raw}, {t:'bool', v}, {t:'null'}.
// Strict RFC 8259 grammar; duplicate keys are an error.
// ---------------------------------------------------------------------------

export class JsonError extends Error {}

export function parseJson(text) {
  let i = 0;
  const fail = (msg) => { throw new JsonError(`${msg} at offset ${i}`); };
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; ws();
      const entries = []; const seen = new Set();
      if (text[i] === '}') { i++; return { t: 'obj', entries }; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const k = string();
        if (seen.has(k)) fail(`duplicate key ${JSON.stringify(k)}`);
        seen.add(k);
        ws(); if (text[i] !== ':') fail('expected ":"'); i++;
        entries.push([k, value()]);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return { t: 'obj', entries }; }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++; ws();
      const items = [];
      if (text[i] === ']') { i++; return { t: 'arr', items }; }
      for (;;) {
        items.push(value()); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return { t: 'arr', items }; }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return { t: 'str', v: string() };
    if (text.startsWith('true', i)) { i += 4; return { t: 'bool', v: true }; }
    if (text.startsWith('false', i)) { i += 5; return { t: 'bool', v: false }; }
    if (text.startsWith('null', i)) { i += 4; return { t: 'null' }; }
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 4096));
    if (m && m[0].length > 0) { i += m[0].length; return { t: 'num', raw: m[0] }; }
    return fail('unexpected character');
  };
  const string = () => {
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const c = text[i];
      const code = text.charCodeAt(i);
      if (c === '"') { i++; return out; }
      if (code < 0x20) fail('control character in string');
      if (c !== '\\') { out += c; i++; continue; }
      const e = text[i + 1];
      const simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[e];
      if (simple !== undefined) { out += simple; i += 2; continue; }
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)); i += 6; continue;
      }
      fail('bad escape');
    }
  };
  const v = value();
  ws();
  if (i !== text.length) fail('trailing text after the JSON value');
  return v;
}

export function writeJson(v) {
  switch (v.t) {
    case 'obj': return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}:${writeJson(x)}`).join(',')}}`;
    case 'arr': return `[${v.items.map(writeJson).join(',')}]`;
    case 'str': return JSON.stringify(v.v);
    case 'num': return v.raw;
    case 'bool': return String(v.v);
    case 'null': return 'null';
  }
  throw new Error(`bad node ${v.t}`);
}

// ---------------------------------------------------------------------------
// Canonical Event JSON (envelope version 1)
// ---------------------------------------------------------------------------

export class EventError extends Error {}
const OPS = new Set(['insert', 'update', 'delete', 'read', 'schema_change', 'truncate']);
const U64_MAX = (1n << 64n) - 1n;

function field(obj, name) {
  const e = obj.entries.find(([k]) => k === name);
  return e ? e[1] : undefined;
}
function need(obj, name, where) {
  const v = field(obj, name);
  if (v === undefined) throw new EventError(`missing required field ${where}${name}`);
  return v;
}
function uint(v, name, max) {
  if (!v || v.t !== 'num' || !/^(0|[1-9][0-9]*)$/.test(v.raw)) throw new EventError(`${name} must be a non-negative JSON integer`);
  const n = BigInt(v.raw);
  if (n > max) throw new EventError(`${name} is out of range (max ${max})`);
  return n;
}
function str(v, name) {
  if (!v || v.t !== 'str') throw new EventError(`${name} must be a string`);
  return v.v;
}
function objOrNull(v, name) {
  if (v === undefined || v.t === 'null') return null;
  if (v.t !== 'obj') throw new EventError(`${name} must be an object or null`);
  return v;
}
function strList(v, name, nullable) {
  if (v === undefined || (nullable && v.t === 'null')) return null;
  if (v.t !== 'arr') throw new EventError(`${name} must be an array of strings`);
  return v.items.map((x, k) => str(x, `${name}[${k}]`));
}
function bool(v, name) {
  if (!v || v.t !== 'bool') throw new EventError(`${name} must be true or false`);
  return v.v;
}

/** Decode a parsed JSON value as a canonical Event (throws EventError). */
export function decodeEvent(v) {
  if (v.t !== 'obj') throw new EventError('an event must be a JSON object');
  const op = str(need(v, 'op', ''), 'op');
  if (!OPS.has(op)) throw new EventError(`unknown op ${JSON.stringify(op)}`);
  const src = need(v, 'source', '');
  if (src.t !== 'obj') throw new EventError('source must be an object');
  const source = {
    source_name: str(need(src, 'source_name', 'source.'), 'source.source_name'),
    offset: str(need(src, 'offset', 'source.'), 'source.offset'),
    timestamp: uint(need(src, 'timestamp', 'source.'), 'source.timestamp', U64_MAX),
  };
  const ts = uint(need(v, 'ts', ''), 'ts', U64_MAX);
  const table = str(need(v, 'table', ''), 'table');
  const envelope_version = uint(need(v, 'envelope_version', ''), 'envelope_version', 0xffffn);
  const schemaV = field(v, 'schema');
  const schema = schemaV === undefined || schemaV.t === 'null' ? null : str(schemaV, 'schema');
  const before = objOrNull(field(v, 'before'), 'before');
  const after = objOrNull(field(v, 'after'), 'after');
  const primary_key = strList(field(v, 'primary_key'), 'primary_key', true);
  let snapshot = null;
  const snapV = objOrNull(field(v, 'snapshot'), 'snapshot');
  if (snapV) {
    snapshot = {
      snapshot_id: str(need(snapV, 'snapshot_id', 'snapshot.'), 'snapshot.snapshot_id'),
      chunk_index: uint(need(snapV, 'chunk_index', 'snapshot.'), 'snapshot.chunk_index', 0xffffffffn),
      is_last_chunk: bool(need(snapV, 'is_last_chunk', 'snapshot.'), 'snapshot.is_last_chunk'),
    };
  }
  let transaction = null;
  const txV = objOrNull(field(v, 'transaction'), 'transaction');
  if (txV) {
    const te = field(txV, 'total_events');
    transaction = {
      tx_id: uint(need(txV, 'tx_id', 'transaction.'), 'transaction.tx_id', U64_MAX),
      total_events: te === undefined || te.t === 'null' ? null : uint(te, 'transaction.total_events', 0xffffffffn),
      event_index: uint(need(txV, 'event_index', 'transaction.'), 'transaction.event_index', 0xffffffffn),
    };
  }
  const bko = field(v, 'before_is_key_only');
  const before_is_key_only = bko === undefined ? false : bool(bko, 'before_is_key_only');
  const unavailable_columns = strList(field(v, 'unavailable_columns'), 'unavailable_columns', true) ?? [];
  const before_unavailable_columns = strList(field(v, 'before_unavailable_columns'), 'before_unavailable_columns', true) ?? [];
  if (before_is_key_only && before === null) throw new EventError('before_is_key_only is true but before is null');
  if (before_is_key_only && before_unavailable_columns.length) {
    throw new EventError('before_is_key_only is true but before_unavailable_columns is not empty');
  }
  return { before, after, op, source, ts, schema, table, primary_key, snapshot, transaction,
    envelope_version, before_is_key_only, unavailable_columns, before_unavailable_columns };
}

/** The canonical serialisation: fixed field order, empty column lists omitted. */
export function encodeEvent(e) {
  const s = JSON.stringify;
  const row = (r) => (r === null ? 'null' : writeJson(r));
  const list = (l) => `[${l.map((x) => s(x)).join(',')}]`;
  let out = `{"before":${row(e.before)},"after":${row(e.after)},"op":${s(e.op)},`
    + `"source":{"source_name":${s(e.source.source_name)},"offset":${s(e.source.offset)},"timestamp":${e.source.timestamp}},`
    + `"ts":${e.ts},"schema":${e.schema === null ? 'null' : s(e.schema)},"table":${s(e.table)},`
    + `"primary_key":${e.primary_key === null ? 'null' : list(e.primary_key)},`
    + `"snapshot":${e.snapshot === null ? 'null'
      : `{"snapshot_id":${s(e.snapshot.snapshot_id)},"chunk_index":${e.snapshot.chunk_index},"is_last_chunk":${e.snapshot.is_last_chunk}}`},`
    + `"transaction":${e.transaction === null ? 'null'
      : `{"tx_id":${e.transaction.tx_id},"total_events":${e.transaction.total_events === null ? 'null' : e.transaction.total_events},"event_index":${e.transaction.event_index}}`},`
    + `"envelope_version":${e.envelope_version},"before_is_key_only":${e.before_is_key_only}`;
  if (e.unavailable_columns.length) out += `,"unavailable_columns":${list(e.unavailable_columns)}`;
  if (e.before_unavailable_columns.length) out += `,"before_unavailable_columns":${list(e.before_unavailable_columns)}`;
  return `${out}}`;
}

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Parse one JSON line as a canonical Event. */
export function eventFromText(text) {
  return decodeEvent(parseJson(text));
}

/** Non-blank lines of a JSON-lines text: [{lineNo, text}] (BOM and CRLF handled). */
export function jsonLines(text) {
  if (text.startsWith('\ufeff')) text = text.slice(1);
  return text.split('\n').map((l, k) => ({ lineNo: k + 1, text: l.endsWith('\r') ? l.slice(0, -1) : l }))
    .filter((l) => l.text.trim() !== '');
}

// ---------------------------------------------------------------------------
// Worker: owns one guest instance; every guest call happens here.
// ---------------------------------------------------------------------------

class HostTrap extends Error {}
class HostError extends Error {}

function worker() {
  const { moduleBytes, metrics: seed } = workerData;
  const metrics = new Map(seed);
  let memory = null;
  const mem = () => new Uint8Array(memory.buffer);
  const bytesAt = (ptr, len) => {
    const m = mem();
    if (ptr < 0 || len < 0 || ptr + len > m.length) throw new HostTrap(`out-of-bounds host read at ${ptr}+${len}`);
    return m.subarray(ptr, ptr + len);
  };
  const metricName = (ptr) => {
    const m = mem();
    if (ptr < 0 || ptr >= m.length) throw new HostTrap(`metric name pointer ${ptr} is out of bounds`);
    const end = m.subarray(ptr, Math.min(m.length, ptr + 257)).indexOf(0);
    if (end < 0) throw new HostTrap('metric name has no NUL within 256 bytes');
    if (end === 0) throw new HostTrap('metric name is empty');
    try { return strictUtf8.decode(m.subarray(ptr, ptr + end)); } catch { throw new HostTrap('metric name is not valid UTF-8'); }
  };
  const env = {
    log(level, ptr, len) {
      const msg = new TextDecoder('utf-8').decode(bytesAt(ptr, len));
      parentPort.postMessage({ type: 'log', level, msg });
    },
    get_metric(ptr) { return metrics.get(metricName(ptr)) ?? 0n; },
    record_metric(ptr, value) {
      const name = metricName(ptr);
      metrics.set(name, BigInt.asIntN(64, (metrics.get(name) ?? 0n) + value));
      parentPort.postMessage({ type: 'metric', name, delta: value });
    },
  };
  const module = new WebAssembly.Module(moduleBytes);
  const wanted = Object.fromEntries(WebAssembly.Module.imports(module).map((i) => [i.name, env[i.name]]));
  const ex = new WebAssembly.Instance(module, { env: wanted }).exports;
  memory = ex.memory;

  const write = (bytes) => {
    const p = ex.alloc(bytes.length);
    if (p < 0) throw new HostError(`alloc(${bytes.length}) returned ${p}`);
    const m = mem();
    if (p + bytes.length > m.length) throw new HostError(`alloc(${bytes.length}) returned ${p}, out of bounds`);
    m.set(bytes, p);
    return p;
  };
  const readOutput = (r, what) => {
    const n = ex.output_len();
    if (n < 0) throw new HostError(`output_len() returned ${n}`);
    if (n === 0) return null;
    const m = mem();
    if (r + n > m.length) throw new HostError(`${what} output [${r}, ${r + n}) is outside linear memory (${m.length} bytes)`);
    return m.slice(r, r + n);
  };

  const ops = {
    init(bytes) {
      if (!ex.init) return { kind: 'ok' };
      const rc = ex.init(write(bytes), bytes.length);
      return rc === 0 ? { kind: 'ok' } : { kind: 'error', reason: `init returned ${rc}` };
    },
    shutdown() {
      if (!ex.shutdown) return { kind: 'ok' };
      const rc = ex.shutdown();
      return rc === 0 ? { kind: 'ok' } : { kind: 'error', reason: `shutdown returned ${rc}` };
    },
    transform(bytes, useFilter) {
      if (useFilter) {
        const f = ex.filter(write(bytes), bytes.length);
        if (f === 0) return { kind: 'filtered', by: 'filter' };
      }
      const r = ex.transform(write(bytes), bytes.length);
      if (r === -1) return { kind: 'filtered' };
      if (r < -1) return { kind: 'error', reason: `transform returned error code ${r}` };
      const out = readOutput(r, 'transform');
      return out === null ? { kind: 'filtered' } : { kind: 'output', bytes: out };
    },
    memorySize() { return { kind: 'ok', size: mem().length }; },
    route(bytes) {
      const r = ex.route(write(bytes), bytes.length);
      if (r < 0) return { kind: 'error', reason: `route returned ${r}` };
      const out = readOutput(r, 'route');
      if (out === null) return { kind: 'error', reason: 'route returned an empty topic name' };
      try { return { kind: 'route', topic: strictUtf8.decode(out) }; } catch { return { kind: 'error', reason: 'route name is not valid UTF-8' }; }
    },
  };

  parentPort.on('message', ({ id, op, bytes, useFilter }) => {
    const t0 = performance.now();
    let res;
    try {
      res = ops[op](bytes, useFilter);
    } catch (e) {
      if (e instanceof HostError) res = { kind: 'error', reason: e.message };
      else if (e instanceof HostTrap) res = { kind: 'trap', reason: `trap (host function): ${e.message}` };
      else if (e instanceof WebAssembly.RuntimeError) res = { kind: 'trap', reason: `trap: ${e.message}` };
      else if (e instanceof RangeError) res = { kind: 'trap', reason: `trap: ${e.message}` }; // call stack exhausted
      else res = { kind: 'trap', reason: `trap: ${e && e.message}` };
    }
    res.elapsedMs = performance.now() - t0;
    parentPort.postMessage({ type: 'reply', id, res });
  });
  parentPort.postMessage({ type: 'ready' });
}

// ---------------------------------------------------------------------------
// Main thread: the runtime (lifecycle, deadlines, output checks).
// ---------------------------------------------------------------------------

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error'];

/** Runs one guest module the way the contract's host does. */
export class Runtime {
  /** moduleBytes: the module as loaded (its memory maximum is capped here). */
  constructor({ moduleBytes, timeoutMs = 50, memoryLimitMb = 16, config = null, log = null }) {
    const bytes = new Uint8Array(moduleBytes);
    this.moduleBytes = capMemory(bytes, inspectModule(bytes), Math.floor((memoryLimitMb * 1024 * 1024) / PAGE));
    this.timeoutMs = timeoutMs;
    this.memoryLimitBytes = memoryLimitMb * 1024 * 1024;
    const host = [['timeout_ms', { t: 'num', raw: String(timeoutMs) }], ['memory_limit_mb', { t: 'num', raw: String(memoryLimitMb) }]];
    const user = config ? config.entries.filter(([k]) => k !== 'timeout_ms' && k !== 'memory_limit_mb') : [];
    this.initConfig = utf8.encode(writeJson({ t: 'obj', entries: [...host, ...user] }));
    this.metrics = new Map();
    this.log = log ?? ((level, msg) => process.stderr.write(`LOG ${LEVELS[level] ?? 'info'} ${msg}\n`));
    this.w = null;
    this.initialized = false;
    this.nextId = 1;
  }

  async spawn() {
    const w = new Worker(new URL(import.meta.url), {
      workerData: { moduleBytes: this.moduleBytes, metrics: [...this.metrics] },
    });
    this.pending = new Map();
    w.on('message', (m) => {
      if (m.type === 'log') this.log(m.level, m.msg);
      else if (m.type === 'metric') this.metrics.set(m.name, BigInt.asIntN(64, (this.metrics.get(m.name) ?? 0n) + m.delta));
      else if (m.type === 'reply') { const p = this.pending.get(m.id); if (p) { this.pending.delete(m.id); p(m.res); } }
      else if (m.type === 'ready') this.onReady?.();
    });
    w.on('error', (e) => { for (const p of this.pending.values()) p({ kind: 'trap', reason: `instance failed: ${e.message}` }); this.pending.clear(); });
    await new Promise((resolve, reject) => { this.onReady = resolve; w.once('error', reject); });
    this.w = w;
    this.initialized = false;
  }

  async discard() {
    if (this.w) { const w = this.w; this.w = null; await w.terminate(); }
    this.initialized = false;
  }

  /** One guest round trip under the deadline. */
  async call(op, bytes, useFilter = false) {
    if (!this.w) {
      try { await this.spawn(); } catch (e) { return { kind: 'error', reason: `instantiation failed: ${e.message}` }; }
    }
    const id = this.nextId++;
    this.w.postMessage({ id, op, bytes, useFilter });
    let timer;
    const res = await Promise.race([
      new Promise((resolve) => this.pending.set(id, resolve)),
      // The guest's own elapsed time is measured in the worker; this timer only
      // catches calls that never return. The grace covers thread hand-over.
      new Promise((resolve) => { timer = setTimeout(() => resolve({ kind: 'timeout' }), this.timeoutMs + 250); }),
    ]);
    clearTimeout(timer);
    if (res.kind !== 'timeout' && res.elapsedMs > this.timeoutMs) res.kind = 'timeout';
    if (res.kind === 'timeout') {
      this.pending.delete(id);
      await this.discard();
      return { kind: 'error', reason: `timeout: ${op} exceeded ${this.timeoutMs} ms` };
    }
    if (res.kind === 'trap') {
      await this.discard();
      return { kind: 'error', reason: res.reason };
    }
    return res;
  }

  async ensureInit() {
    if (this.initialized && this.w) return null;
    const r = await this.call('init', this.initConfig);
    if (r.kind !== 'ok') return `init failed: ${r.reason}`;
    this.initialized = true;
    return null;
  }

  /** Event bytes in -> {kind:'output', event, bytes} | {kind:'filtered'} | {kind:'error', reason}. */
  async transform(eventBytes, { useFilter = false } = {}) {
    if (eventBytes.length > this.memoryLimitBytes) {
      return { kind: 'error', reason: `event of ${eventBytes.length} bytes exceeds the memory limit` };
    }
    const initErr = await this.ensureInit();
    if (initErr) return { kind: 'error', reason: initErr };
    const r = await this.call('transform', eventBytes, useFilter);
    if (r.kind !== 'output') return r;
    let event;
    try {
      event = eventFromText(strictUtf8.decode(r.bytes));
    } catch (e) {
      const why = e instanceof TypeError ? 'not valid UTF-8' : e.message;
      return { kind: 'error', reason: `output is not canonical Event JSON: ${why}` };
    }
    return { kind: 'output', event, bytes: r.bytes };
  }

  async route(eventBytes) {
    const initErr = await this.ensureInit();
    if (initErr) return { kind: 'error', reason: initErr };
    return this.call('route', eventBytes);
  }

  /** Current size of the guest's linear memory in bytes (for tests). */
  async memorySize() {
    const r = await this.call('memorySize');
    return r.kind === 'ok' ? r.size : -1;
  }

  async shutdown() {
    if (!this.w || !this.initialized) return { kind: 'ok' };
    const r = await this.call('shutdown');
    this.initialized = false;
    return r;
  }

  async close() { await this.discard(); }
}

function usage(msg) {
  if (msg) process.stderr.write(`check.mjs: ${msg}\n`);
  process.stderr.write('usage: node check.mjs MODULE.wasm [--config JSON] [--timeout-ms N] [--memory-limit-mb N]\n'
    + '                     [--use-filter] [--use-route] [--raw] EVENTS.jsonl\n');
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  const opt = { timeoutMs: 50, memoryLimitMb: 16, config: null, useFilter: false, useRoute: false, raw: false };
  const files = [];
  const num = (name, v) => {
    if (!/^[0-9]+$/.test(v ?? '') || Number(v) <= 0) usage(`${name} must be a positive integer`);
    return Number(v);
  };
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '--config') {
      let c;
      try { c = parseJson(args[++k] ?? ''); } catch (e) { usage(`--config is not JSON: ${e.message}`); }
      if (c.t !== 'obj') usage('--config must be a JSON object');
      opt.config = c;
    } else if (a === '--timeout-ms') opt.timeoutMs = num(a, args[++k]);
    else if (a === '--memory-limit-mb') opt.memoryLimitMb = num(a, args[++k]);
    else if (a === '--use-filter') opt.useFilter = true;
    else if (a === '--use-route') opt.useRoute = true;
    else if (a === '--raw') opt.raw = true;
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 2) usage('need MODULE.wasm and EVENTS.jsonl');
  const [modulePath, eventsPath] = files;
  if (!modulePath.toLowerCase().endsWith('.wasm')) usage('the module path must end in .wasm');
  if (!existsSync(modulePath)) usage(`no such module: ${modulePath}`);

  const reject = (msg) => { process.stdout.write(`REJECTED ${msg}\n`); process.exit(2); };
  const original = new Uint8Array(readFileSync(modulePath));
  const capPages = Math.floor((opt.memoryLimitMb * 1024 * 1024) / PAGE);
  let info;
  try {
    info = inspectModule(original);
    new WebAssembly.Module(original); // decode + validate
  } catch (e) { reject(`invalid module: ${e.message}`); }
  const extra = [...(opt.useFilter ? ['filter'] : []), ...(opt.useRoute ? ['route'] : [])];
  const problems = checkContract(info, { capPages, extra });
  if (problems.length) reject(problems.join('; '));

  const rt = new Runtime({ moduleBytes: original, timeoutMs: opt.timeoutMs,
    memoryLimitMb: opt.memoryLimitMb, config: opt.config });
  const counts = { ok: 0, filtered: 0, error: 0 };
  const out = (line) => process.stdout.write(`${line}\n`);
  for (const { lineNo, text } of jsonLines(readFileSync(eventsPath, 'utf8'))) {
    let input;
    try {
      input = utf8.encode(encodeEvent(eventFromText(text)));
    } catch (e) {
      counts.error++;
      out(`ERROR input line ${lineNo}: not a canonical event: ${e.message}`);
      continue;
    }
    const r = await rt.transform(input, { useFilter: opt.useFilter });
    if (r.kind === 'filtered') { counts.filtered++; out('FILTERED'); continue; }
    if (r.kind === 'error') { counts.error++; out(`ERROR ${r.reason}`); continue; }
    counts.ok++;
    const canonical = encodeEvent(r.event);
    out(opt.raw ? strictUtf8.decode(r.bytes) : canonical);
    if (opt.useRoute) {
      const t = await rt.route(utf8.encode(canonical));
      if (t.kind === 'route') out(`ROUTE ${t.topic}`);
      else { counts.error++; out(`ERROR route: ${t.reason}`); }
    }
  }
  const s = await rt.shutdown();
  if (s.kind !== 'ok') { counts.error++; out(`ERROR ${s.reason}`); }
  await rt.close();
  for (const name of [...rt.metrics.keys()].sort()) out(`METRIC ${name} ${rt.metrics.get(name)}`);
  process.stderr.write(`${counts.ok} ok, ${counts.filtered} filtered, ${counts.error} errors\n`);
  process.exit(counts.error ? 1 : 0);
}

if (!isMainThread && workerData && workerData.moduleBytes) worker();
else if (isMainThread && process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) await main();
