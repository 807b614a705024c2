#!/usr/bin/env node
// selftest.mjs: checks every guest in this folder against the behaviour
// README.md specifies, using check.mjs as the host and small reference
// implementations written here in plain JavaScript.
//
//   node examples/transforms/selftest.mjs
//
// Ends with "N passed, N failed"; exit status 1 if anything failed.

import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import {
  Runtime, inspectModule, checkContract, capMemory, parseJson, writeJson, encodeEvent, eventFromText, jsonLines,
} from './check.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const wasmPath = (name) => join(here, name, `${name}.wasm`);
const samplePath = join(here, '..', 'events', 'sample.jsonl');
const utf8 = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

let passed = 0, failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else { failed++; process.stdout.write(`FAIL ${name}${detail ? `: ${detail}` : ''}\n`); }
}
const show = (v) => (typeof v === 'bigint' ? `${v}n` : JSON.stringify(v));
const eq = (name, got, want) => check(name, got === want, `got ${show(got)}, want ${show(want)}`);

const sample = jsonLines(readFileSync(samplePath, 'utf8')).map(({ text }) => encodeEvent(eventFromText(text)));

// ---------------------------------------------------------------------------
// Reference behaviour of the good guests, on parsed JSON trees.
// ---------------------------------------------------------------------------

const get = (obj, k) => obj.entries.find(([key]) => key === k)?.[1];
const str = (s) => ({ t: 'str', v: s });

function refMask(tree, fields) {
  return {
    t: 'obj',
    entries: tree.entries.map(([k, v]) => {
      if ((k !== 'before' && k !== 'after') || v.t !== 'obj') return [k, v];
      return [k, { t: 'obj', entries: v.entries.map(([c, x]) => [c, fields.includes(c) && x.t === 'str' ? str('***REDACTED***') : x]) }];
    }),
  };
}

function refEnrich(tree, tag) {
  const table = get(tree, 'table').v;
  const schema = get(tree, 'schema');
  const qualified = schema && schema.t === 'str' ? `${schema.v}.${table}` : table;
  return {
    t: 'obj',
    entries: tree.entries.map(([k, v]) => {
      if (k !== 'after' || v.t !== 'obj') return [k, v];
      const kept = v.entries.filter(([c]) => c !== '_table' && c !== '_tag');
      return [k, { t: 'obj', entries: [...kept, ['_table', str(qualified)], ['_tag', str(tag)]] }];
    }),
  };
}

// ---------------------------------------------------------------------------
// A direct, in-thread instance for low-level calls (no deadline).
// ---------------------------------------------------------------------------

function direct(name, { capPages = 256 } = {}) {
  const bytes = new Uint8Array(readFileSync(wasmPath(name)));
  const module = new WebAssembly.Module(capMemory(bytes, inspectModule(bytes), capPages));
  const logs = [];
  const metrics = new Map();
  let ex;
  const mem = () => new Uint8Array(ex.memory.buffer);
  const cstr = (p) => { const m = mem(); return dec.decode(m.subarray(p, m.indexOf(0, p))); };
  const env = {
    log: (level, p, n) => logs.push([level, dec.decode(mem().slice(p, p + n))]),
    record_metric: (p, v) => { const k = cstr(p); metrics.set(k, (metrics.get(k) ?? 0n) + v); },
    get_metric: (p) => metrics.get(cstr(p)) ?? 0n,
  };
  const wanted = Object.fromEntries(WebAssembly.Module.imports(module).map((i) => [i.name, env[i.name]]));
  ex = new WebAssembly.Instance(module, { env: wanted }).exports;
  const write = (b) => { const p = ex.alloc(b.length); mem().set(b, p); return p; };
  return {
    ex, logs, metrics,
    call: (fn, text) => { const b = typeof text === 'string' ? utf8.encode(text) : text; return ex[fn](write(b), b.length); },
    output: (r) => dec.decode(mem().slice(r, r + ex.output_len())),
    pages: () => ex.memory.buffer.byteLength / 65536,
  };
}

// An event with the required fields around the given row images (JSON text),
// spelled with extra whitespace so "kept verbatim" is visible.
const rawEvent = ({ before = 'null', after = 'null', op = '"insert"', table = '"users"', schema = '"public"', extra = '' }) =>
  `{ "before" : ${before},\n  "after":${after}, "op":${op},"source":{"source_name":"pg","offset":"0/1","timestamp":1},`
  + `"ts": 18446744073709551615 ,"schema":${schema},"table":${table},"primary_key":["id"],"snapshot":null,`
  + `"transaction":null,"envelope_version":1,"before_is_key_only":false${extra}}\n`;

// ---------------------------------------------------------------------------
// 1. Static contract checks on every module.
// ---------------------------------------------------------------------------

const accepted = ['mask-pii', 'drop-deletes', 'enrich', 'route-by-table', 'bad-panic', 'bad-infinite-loop',
  'bad-memory-hog', 'bad-not-an-event', 'bad-returns-minus-7', 'bad-output-past-memory'];
for (const name of accepted) {
  const problems = checkContract(inspectModule(new Uint8Array(readFileSync(wasmPath(name)))), { capPages: 256 });
  check(`${name} passes the static checks`, problems.length === 0, problems.join('; '));
}
const rejected = {
  'bad-import-fd-write': 'import env.fd_write is not allowed',
  'bad-import-wasi': 'import wasi_snapshot_preview1.fd_write is not allowed',
  'bad-export-signature': 'export "transform" has type (i32) -> i32, expected (i32, i32) -> i32',
  'bad-no-memory': 'required export "memory" is missing',
};
for (const [name, want] of Object.entries(rejected)) {
  const problems = checkContract(inspectModule(new Uint8Array(readFileSync(wasmPath(name)))), { capPages: 256 });
  check(`${name} is rejected`, problems.length === 1 && problems[0].startsWith(want), problems.join('; '));
}
{
  const imports = (name) => WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath(name))))
    .map((i) => `${i.module}.${i.name}`).sort().join(',');
  eq('enrich imports', imports('enrich'), 'env.log,env.record_metric');
  for (const name of ['mask-pii', 'drop-deletes', 'route-by-table', 'bad-panic', 'bad-memory-hog']) eq(`${name} imports nothing`, imports(name), '');
}

// ---------------------------------------------------------------------------
// 2. Good guests over sample.jsonl through the reference host.
// ---------------------------------------------------------------------------

async function runAll(name, config, events, opts = {}) {
  const logs = [];
  const rt = new Runtime({ moduleBytes: readFileSync(wasmPath(name)), config: config ? parseJson(config) : null,
    log: (level, msg) => logs.push([level, msg]), timeoutMs: opts.timeoutMs ?? 1000 });
  const results = [];
  for (const e of events) results.push(await rt.transform(utf8.encode(e), opts));
  const routes = [];
  if (opts.route) for (const e of events) routes.push(await rt.route(utf8.encode(e)));
  const memory = await rt.memorySize();
  const shutdown = await rt.shutdown();
  await rt.close();
  return { results, routes, logs, metrics: rt.metrics, memory, shutdown };
}

{
  const fields = ['email', 'phone', 'ssn'];
  const { results } = await runAll('mask-pii', JSON.stringify({ fields_to_mask: fields }), sample);
  let masked = 0, wantMasked = 0;
  results.forEach((r, k) => {
    wantMasked += (writeJson(refMask(parseJson(sample[k]), fields)).match(/\*\*\*REDACTED\*\*\*/g) ?? []).length;
    const want = writeJson(refMask(parseJson(sample[k]), fields));
    check(`mask-pii sample line ${k + 1}`, r.kind === 'output' && writeJson(parseJson(dec.decode(r.bytes))) === want, r.reason);
    masked += (dec.decode(r.bytes).match(/\*\*\*REDACTED\*\*\*/g) ?? []).length;
  });
  eq('mask-pii masked value count over the sample', masked, wantMasked);
  check('mask-pii masks something in the sample', masked > 50);
  const none = await runAll('mask-pii', null, sample);
  check('mask-pii without fields_to_mask returns every event byte for byte',
    none.results.every((r, k) => r.kind === 'output' && dec.decode(r.bytes) === sample[k]));
}
{
  const { results } = await runAll('drop-deletes', null, sample);
  results.forEach((r, k) => {
    const isDelete = get(parseJson(sample[k]), 'op').v === 'delete';
    check(`drop-deletes sample line ${k + 1}`, isDelete ? r.kind === 'filtered' : r.kind === 'output' && dec.decode(r.bytes) === sample[k]);
  });
  eq('drop-deletes filters 5 of the sample', results.filter((r) => r.kind === 'filtered').length, 5);
  const viaFilter = await runAll('drop-deletes', null, sample, { useFilter: true });
  check('drop-deletes via filter() gives the same outcome', viaFilter.results.every((r, k) => r.kind === results[k].kind));
}
for (const [config, tag] of [[null, 'enriched'], ['{"tag":"cdc-v1"}', 'cdc-v1'], ['{"tag":null}', 'enriched']]) {
  const { results, logs, metrics } = await runAll('enrich', config, sample);
  results.forEach((r, k) => {
    const want = writeJson(refEnrich(parseJson(sample[k]), tag));
    check(`enrich ${config} sample line ${k + 1}`, r.kind === 'output' && writeJson(parseJson(dec.decode(r.bytes))) === want, r.reason);
  });
  const wantLogs = sample.map((e) => { const t = parseJson(e); return `2 enriched ${get(t, 'table').v} ${get(t, 'op').v}`; });
  eq(`enrich ${config} logs`, logs.map(([l, m]) => `${l} ${m}`).join('\n'), wantLogs.join('\n'));
  eq(`enrich ${config} events_enriched`, metrics.get('events_enriched'), BigInt(sample.length));
  eq(`enrich ${config} bytes_in`, metrics.get('bytes_in'), BigInt(sample.reduce((n, e) => n + utf8.encode(e).length, 0)));
  eq(`enrich ${config} metric names`, [...metrics.keys()].sort().join(','), 'bytes_in,events_enriched');
}
for (const [config, prefix] of [[null, ''], ['{"topic_prefix":"cdc."}', 'cdc.']]) {
  const { results, routes } = await runAll('route-by-table', config, sample, { route: true });
  check(`route-by-table ${config} passes events through`, results.every((r, k) => r.kind === 'output' && dec.decode(r.bytes) === sample[k]));
  check(`route-by-table ${config} topics`, routes.every((r, k) => r.kind === 'route' && r.topic === prefix + get(parseJson(sample[k]), 'table').v),
    JSON.stringify(routes.slice(0, 2)));
}

// ---------------------------------------------------------------------------
// 3. Raw bytes: escapes, whitespace, nesting, odd row images, error codes.
// ---------------------------------------------------------------------------

{
  const g = direct('mask-pii');
  eq('mask-pii init with fields', g.call('init', '{"fields_to_mask":["email","phone","ssn","ключ","🚀","na\\"me","tab\\tkey"]}'), 0);
  const cases = [
    rawEvent({ after: '{"em\\u0061il":"a\\"b\\\\c\\u00e9\\ud83d\\ude00","ph\\u006fne" : "1","ssn":123,"name":"keep","ключ":"secret","\\ud83d\\ude80":"rocket","na\\"me":"q","tab\\u0009key":"t"}' }),
    rawEvent({ before: '{"id":1}', after: '{ "profile":{"email":"nested@x"},"email":{"obj":1},"phone":["x"],"ssn":null,"n":123456789012345678901234567890,"d":-0.5e-400 }', extra: ',"email":"top-level, not a row"' }),
    rawEvent({ before: '{"id":2,"email":"old@x","ssn":"1"}', op: '"delete"' }),
    rawEvent({ before: '[1,2]', after: '"email"' }),
    rawEvent({ after: '{}' }),
    rawEvent({ before: '{\n  "email" :\t"b@x" ,\n  "x":[{"email":"deep"}]\n}', after: '{"email":""}' }),
  ];
  const fields = ['email', 'phone', 'ssn', 'ключ', '🚀', 'na"me', 'tab\tkey'];
  for (const [k, c] of cases.entries()) {
    const r = g.call('transform', c);
    check(`mask-pii raw case ${k + 1} succeeds`, r >= 0, `returned ${r}`);
    const out = g.output(r);
    eq(`mask-pii raw case ${k + 1}`, writeJson(parseJson(out)), writeJson(refMask(parseJson(c), fields)));
  }
  // Only masked values change; every other byte (whitespace, number text) stays.
  const out2 = g.output(g.call('transform', cases[1]));
  eq('mask-pii keeps untouched bytes verbatim', out2, cases[1]);
  const out6 = g.output(g.call('transform', cases[5]));
  eq('mask-pii replaces just the value text', out6, cases[5].replace('"b@x"', '"***REDACTED***"').replace('{"email":""}', '{"email":"***REDACTED***"}'));
  eq('mask-pii invalid JSON -> -2', g.call('transform', '{"after":{"email":"x"}'), -2);
  eq('mask-pii invalid UTF-8 -> -2', g.call('transform', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])), -2);
  eq('mask-pii trailing text -> -2', g.call('transform', '{} {}'), -2);
  eq('mask-pii lone escape error -> -2', g.call('transform', '{"a":"\\x"}'), -2);
  eq('mask-pii not an object -> -3', g.call('transform', '[1]'), -3);
  eq('mask-pii config not an object -> 1', g.call('init', '[]'), 1);
  eq('mask-pii config not JSON -> 1', g.call('init', 'nope'), 1);
  eq('mask-pii fields_to_mask a string -> 2', g.call('init', '{"fields_to_mask":"email"}'), 2);
  eq('mask-pii fields_to_mask with a number -> 2', g.call('init', '{"fields_to_mask":["email",1]}'), 2);
  eq('mask-pii fields_to_mask null -> 0', g.call('init', '{"fields_to_mask":null}'), 0);
  eq('mask-pii after null config masks nothing', g.output(g.call('transform', cases[0])), cases[0]);
  eq('mask-pii shutdown -> 0', g.ex.shutdown(), 0);
  // Deep nesting is scanned iteratively: no stack overflow.
  eq('mask-pii init for deep case', g.call('init', '{"fields_to_mask":["email"]}'), 0);
  const deep = rawEvent({ after: `{"email":"x","deep":${'['.repeat(100000)}${']'.repeat(100000)}}` });
  const rd = g.call('transform', deep);
  check('mask-pii 100000-deep nesting', rd >= 0 && g.output(rd).startsWith(deep.slice(0, 20)) && g.output(rd).endsWith(deep.slice(-300)) && g.output(rd).includes('"email":"***REDACTED***"'));
  // Memory stays flat over many events.
  const before = g.pages();
  for (let k = 0; k < 20000; k++) g.call('transform', sample[k % sample.length]);
  eq('mask-pii memory flat over 20000 events', g.pages(), before);
}
{
  const g = direct('drop-deletes');
  eq('drop-deletes init', g.call('init', '{"anything":[1,2,3]}'), 0);
  eq('drop-deletes init non-object -> 1', g.call('init', '"x"'), 1);
  const del = rawEvent({ before: '{"id":1}', op: '"d\\u0065lete"' });
  eq('drop-deletes escaped "delete" is a delete', g.call('transform', del), -1);
  eq('drop-deletes output_len after filter', g.ex.output_len(), 0);
  eq('drop-deletes filter on delete', g.call('filter', del), 0);
  const ins = rawEvent({ after: '{"id":1}' });
  eq('drop-deletes passes raw bytes through', g.output(g.call('transform', ins)), ins);
  eq('drop-deletes filter on insert', g.call('filter', ins), 1);
  eq('drop-deletes "DELETE" is not a delete', g.call('filter', rawEvent({ op: '"DELETE"' })), 1);
  eq('drop-deletes filter on garbage', g.call('filter', 'garbage'), 1);
  eq('drop-deletes garbage -> -2', g.call('transform', 'garbage'), -2);
  eq('drop-deletes op missing -> -3', g.call('transform', '{"table":"t"}'), -3);
  eq('drop-deletes op not a string -> -3', g.call('transform', '{"op":1}'), -3);
  const before = g.pages();
  for (let k = 0; k < 20000; k++) { g.call('filter', sample[k % sample.length]); g.call('transform', sample[k % sample.length]); }
  eq('drop-deletes memory flat over 20000 events', g.pages(), before);
}
{
  const g = direct('enrich');
  eq('enrich init with tag', g.call('init', '{"tag":"t\\"ag\\n🚀\\u0001"}'), 0);
  const tag = 't"ag\n🚀\u0001';
  const cases = [
    rawEvent({ after: '{"id":1,"_tag":"old","name":"x","_table":"old"}', table: '"t\\u00e4ble\\"x"' }),
    rawEvent({ after: '{}', schema: 'null' }),
    rawEvent({ after: '{ "a" : [1, {"b":2}] , "n":1.50 }', schema: '"sch\\\\ema"' }),
    rawEvent({ before: '{"id":1}', after: 'null', op: '"delete"' }),
    `{"after":{"id":1},"op":"insert","source":{"source_name":"pg","offset":"0/1","timestamp":1},"ts":1,"table":"no_schema","envelope_version":1}`,
  ];
  for (const [k, c] of cases.entries()) {
    const r = g.call('transform', c);
    check(`enrich raw case ${k + 1} succeeds`, r >= 0, `returned ${r}`);
    eq(`enrich raw case ${k + 1}`, writeJson(parseJson(g.output(r))), writeJson(refEnrich(parseJson(c), tag)));
  }
  eq('enrich after:null is returned byte for byte', g.output(g.call('transform', cases[3])), cases[3]);
  eq('enrich logs', g.logs.map(([l, m]) => `${l}|${m}`).join('\n'),
    ['2|enriched täble"x insert', '2|enriched users insert', '2|enriched users insert', '2|enriched users delete',
      '2|enriched no_schema insert', '2|enriched users delete'].join('\n'));
  eq('enrich events_enriched', g.metrics.get('events_enriched'), 6n);
  eq('enrich bytes_in', g.metrics.get('bytes_in'), BigInt([...cases, cases[3]].reduce((n, c) => n + utf8.encode(c).length, 0)));
  const logsBefore = g.logs.length;
  eq('enrich garbage -> -2', g.call('transform', '{"table":'), -2);
  eq('enrich table missing -> -3', g.call('transform', '{"op":"insert","after":{}}'), -3);
  eq('enrich op missing -> -3', g.call('transform', '{"table":"t","after":{}}'), -3);
  eq('enrich no log or metric for rejected input', g.logs.length, logsBefore);
  eq('enrich tag not a string -> 2', g.call('init', '{"tag":5}'), 2);
  eq('enrich config non-object -> 1', g.call('init', 'null'), 1);
  eq('enrich re-init without tag -> default', g.call('init', '{}'), 0);
  check('enrich default tag after re-init', g.output(g.call('transform', cases[1])).includes('"_tag":"enriched"'));
  const before = g.pages();
  for (let k = 0; k < 20000; k++) g.call('transform', sample[k % sample.length]);
  eq('enrich memory flat over 20000 events', g.pages(), before);
}
{
  const g = direct('route-by-table');
  eq('route-by-table init', g.call('init', '{"topic_prefix":"p/\\u00fc."}'), 0);
  const c = rawEvent({ table: '"t\\u00e4ble"' });
  const r = g.call('route', c);
  eq('route-by-table route name', g.output(r), 'p/ü.täble');
  eq('route-by-table output_len is the byte length', g.ex.output_len(), utf8.encode('p/ü.täble').length);
  eq('route-by-table transform passes raw bytes', g.output(g.call('transform', c)), c);
  eq('route-by-table route garbage -> -2', g.call('route', '{'), -2);
  eq('route-by-table output_len after failed route', g.ex.output_len(), 0);
  eq('route-by-table route table missing -> -3', g.call('route', '{"op":"insert"}'), -3);
  eq('route-by-table transform garbage -> -2', g.call('transform', 'x'), -2);
  eq('route-by-table transform non-object -> -3', g.call('transform', '1'), -3);
  eq('route-by-table topic_prefix not a string -> 2', g.call('init', '{"topic_prefix":1}'), 2);
  eq('route-by-table re-init default prefix', g.call('init', '{"topic_prefix":null}'), 0);
  eq('route-by-table default prefix', g.output(g.call('route', c)), 'täble');
  const before = g.pages();
  for (let k = 0; k < 20000; k++) { g.call('transform', sample[k % sample.length]); g.call('route', sample[k % sample.length]); }
  eq('route-by-table memory flat over 20000 events', g.pages(), before);
}

// ---------------------------------------------------------------------------
// 4. Bad guests fail the way README.md says.
// ---------------------------------------------------------------------------

{
  const few = sample.slice(0, 3);
  const { results } = await runAll('bad-panic', null, few);
  check('bad-panic traps with unreachable', results.every((r) => r.kind === 'error' && r.reason === 'trap: unreachable'), JSON.stringify(results[0]));
  const g = direct('bad-panic');
  eq('bad-panic init works', g.call('init', '{}'), 0);
  let trap = null;
  try { g.call('transform', sample[0]); } catch (e) { trap = e; }
  check('bad-panic raises a RuntimeError', trap instanceof WebAssembly.RuntimeError, String(trap));
}
{
  const t0 = Date.now();
  const { results } = await runAll('bad-infinite-loop', null, sample.slice(0, 2), { timeoutMs: 50 });
  check('bad-infinite-loop times out', results.every((r) => r.kind === 'error' && r.reason.startsWith('timeout')), JSON.stringify(results[0]));
  check('bad-infinite-loop is stopped promptly', Date.now() - t0 < 5000);
}
{
  const { results } = await runAll('bad-memory-hog', null, sample.slice(0, 2));
  check('bad-memory-hog traps', results.every((r) => r.kind === 'error' && r.reason === 'trap: unreachable'), JSON.stringify(results[0]));
  for (const capPages of [256, 64]) {
    const g = direct('bad-memory-hog', { capPages });
    let trap = null;
    try { g.call('transform', sample[0]); } catch (e) { trap = e; }
    check(`bad-memory-hog traps at a ${capPages}-page cap`, trap instanceof WebAssembly.RuntimeError, String(trap));
    // The allocator grows memory a block (1 MiB + bookkeeping) at a time, so it
    // stops within one block of the cap.
    check(`bad-memory-hog grew to near the ${capPages}-page cap`, g.pages() <= capPages && g.pages() > capPages - 17, `${g.pages()} pages`);
  }
}
{
  const { results } = await runAll('bad-not-an-event', null, sample.slice(0, 2));
  check('bad-not-an-event output rejected', results.every((r) => r.kind === 'error' && r.reason.startsWith('output is not canonical Event JSON')), JSON.stringify(results[0]));
  const g = direct('bad-not-an-event');
  eq('bad-not-an-event output bytes', g.output(g.call('transform', sample[0])), '{"hello":1}');
}
{
  const { results } = await runAll('bad-returns-minus-7', null, sample.slice(0, 2));
  check('bad-returns-minus-7 error names -7', results.every((r) => r.kind === 'error' && r.reason === 'transform returned error code -7'), JSON.stringify(results[0]));
}
{
  const { results } = await runAll('bad-output-past-memory', null, sample.slice(0, 2));
  check('bad-output-past-memory out of bounds', results.every((r) => r.kind === 'error' && /outside linear memory/.test(r.reason)), JSON.stringify(results[0]));
  const g = direct('bad-output-past-memory');
  const r = g.call('transform', sample[0]);
  eq('bad-output-past-memory pointer is in bounds', r, 4096);
  eq('bad-output-past-memory length runs past the end', r + g.ex.output_len() - g.ex.memory.buffer.byteLength, 4096);
}

// ---------------------------------------------------------------------------
// 5. The check.mjs command line.
// ---------------------------------------------------------------------------

{
  const cli = (...args) => spawnSync(process.execPath, [join(here, 'check.mjs'), ...args], { encoding: 'utf8' });
  const mask = cli(wasmPath('mask-pii'), '--config', '{"fields_to_mask":["email"]}', samplePath);
  eq('cli mask-pii exit status', mask.status, 0);
  eq('cli mask-pii prints one line per event', mask.stdout.trim().split('\n').length, sample.length);
  const enrich = cli(wasmPath('enrich'), samplePath);
  check('cli enrich prints metrics', /^METRIC events_enriched 40$/m.test(enrich.stdout) && /^METRIC bytes_in \d+$/m.test(enrich.stdout), enrich.stdout.slice(-200));
  const drop = cli(wasmPath('drop-deletes'), samplePath);
  eq('cli drop-deletes FILTERED lines', drop.stdout.split('\n').filter((l) => l === 'FILTERED').length, 5);
  const route = cli(wasmPath('route-by-table'), '--use-route', '--config', '{"topic_prefix":"x-"}', samplePath);
  eq('cli route-by-table ROUTE lines', route.stdout.split('\n').filter((l) => /^ROUTE x-(users|orders)$/.test(l)).length, sample.length);
  const wasi = cli(wasmPath('bad-import-wasi'), samplePath);
  check('cli rejects bad-import-wasi', wasi.status === 2 && wasi.stdout.startsWith('REJECTED import wasi_snapshot_preview1.fd_write'), wasi.stdout);
  const m7 = cli(wasmPath('bad-returns-minus-7'), samplePath);
  check('cli bad-returns-minus-7 exit 1', m7.status === 1 && m7.stdout.startsWith('ERROR transform returned error code -7'), m7.stdout.slice(0, 100));
}

process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
