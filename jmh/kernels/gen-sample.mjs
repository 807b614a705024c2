// Generates ../src/main/resources/kernels/sample.json: a JSON array of
// Debezium-style change-data-capture events, deterministic (fixed seed).
// It mixes raw UTF-8, \uXXXX escapes (incl. surrogate pairs), the short
// escapes (\" \\ \/ \n \t \r \b \f), null/true/false, and integers, negative
// numbers, fractions and exponents, so it exercises every tokenizer path.
//
//   node jmh/kernels/gen-sample.mjs            (rewrites sample.json)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '../src/main/resources/kernels/sample.json');

let seed = 20240611;
const rnd = (n) => {            // 32-bit LCG, same constants as sha256.c's fill
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return (seed >>> 8) % n;
};

// A number written exactly as given (so exponents and forms are controlled).
class Num { constructor(text) { this.text = text; } }
// A string whose non-ASCII characters are written as \uXXXX escapes.
class Ascii { constructor(s) { this.s = s; } }

function str(s, asciiOnly) {
  let r = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') r += '\\"';
    else if (ch === '\\') r += '\\\\';
    else if (ch === '/') r += '\\/';
    else if (ch === '\n') r += '\\n';
    else if (ch === '\t') r += '\\t';
    else if (ch === '\r') r += '\\r';
    else if (ch === '\b') r += '\\b';
    else if (ch === '\f') r += '\\f';
    else if (c < 0x20 || (asciiOnly && c > 0x7e)) {
      for (let k = 0; k < ch.length; k++) {
        r += '\\u' + ch.charCodeAt(k).toString(16).padStart(4, '0');
      }
    } else r += ch;
  }
  return r + '"';
}

function ser(v, ind) {
  const pad = '  '.repeat(ind);
  if (v === null) return 'null';
  if (v === true || v === false) return String(v);
  if (v instanceof Num) return v.text;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return str(v, false);
  if (v instanceof Ascii) return str(v.s, true);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((x) => typeof x !== 'object' || x === null || x instanceof Num)) {
      return '[' + v.map((x) => ser(x, 0)).join(', ') + ']';
    }
    return '[\n' + v.map((x) => pad + '  ' + ser(x, ind + 1)).join(',\n') + '\n' + pad + ']';
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => pad + '  ' + str(k, false) + ': ' + ser(v[k], ind + 1)).join(',\n') +
    '\n' + pad + '}';
}

const names = ['Zoë Ångström', 'José Müller', 'Ελένη Παπαδοπούλου', '山田 太郎', 'Ørjan Łukasz 🎸',
  'Amélie "Mimi" Roux', 'Björk Guðmundsdóttir', 'Дмитрий Соколов'];
const cities = ['Zürich', 'São Paulo', '東京', 'Kraków', 'Reykjavík', 'Montréal', 'Αθήνα', 'Москва'];
const notes = ['prefers e-mail 📧', 'VIP since 2019 🚀', 'path C:\\data\\in', 'line one\nline two',
  'tab\tseparated', 'said "hello" / left', 'back\bspace and form\ffeed', 'cr\r\nlf'];
const ops = ['c', 'u', 'u', 'd', 'r'];
const prices = ['19.99', '-4.5', '0', '1e3', '2.5E-3', '-0.125', '6.02e+23', '1234567890123', '-7E2', '0.1'];

function customer(id, version) {
  const k = id % names.length;
  return {
    id,
    name: names[k],
    name_ascii: new Ascii(names[k]),
    email: `user${id}@example.com`,
    city: cities[(k + version) % cities.length],
    balance: new Num(prices[rnd(prices.length)]),
    score: Math.round(rnd(100000) - 50000) / 100,
    tags: version % 2 ? ['vip', 'beta'] : [],
    note: notes[(id + version) % notes.length],
    active: version % 3 !== 2,
    deleted_at: null,
    version,
  };
}

const events = [];
let lsn = 24023128;
for (let i = 0; i < 8; i++) {
  const id = 1001 + i;
  const op = ops[i % ops.length];
  const before = op === 'c' || op === 'r' ? null : customer(id, 1);
  const after = op === 'd' ? null : customer(id, op === 'u' ? 2 : 1);
  lsn += 100 + rnd(5000);
  events.push({
    before,
    after,
    source: {
      version: '2.5.0.Final',
      connector: 'postgresql',
      name: 'shop',
      ts_ms: 1718092800000 + i * 1375,
      snapshot: op === 'r' ? 'true' : 'false',
      db: 'shop',
      schema: 'public',
      table: 'customers',
      txId: 7310 + i,
      lsn,
      xmin: null,
    },
    op,
    ts_ms: 1718092800123 + i * 1375,
    transaction: null,
  });
}

fs.writeFileSync(out, ser(events, 0) + '\n');
console.log(`${out}: ${fs.statSync(out).size} bytes`);
