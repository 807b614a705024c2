//! Shared support for the Rust guest transforms in `examples/transforms/`.
//!
//! Each guest pulls this file in with
//! `#[path = "../common/guest.rs"] mod guest;` and so gets:
//!
//! * the two ABI exports every guest needs, `alloc` and `output_len`;
//! * a guest-side buffer discipline that keeps linear memory bounded over
//!   millions of events (see `alloc`);
//! * a small validating JSON scanner that works on byte spans, so a guest can
//!   splice a few values into an event and copy every other byte verbatim
//!   (numbers keep their exact text, keys keep their order);
//! * thin wrappers over the host imports (`env.log`, `env.record_metric`,
//!   `env.get_metric`). A wrapper is only linked in, and so only becomes an
//!   import of the module, when the guest calls it.
//!
//! No crates: this has to build with a bare `rustc` and the wasm32 std.
#![allow(dead_code)]

use std::alloc::{alloc as raw_alloc, dealloc as raw_dealloc, Layout};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicI32, Ordering};

// ---------------------------------------------------------------------------
// Guest state. wasm32-unknown-unknown has no threads, so a plain cell is fine.
// ---------------------------------------------------------------------------

pub struct Global<T>(UnsafeCell<T>);
unsafe impl<T> Sync for Global<T> {}
impl<T> Global<T> {
    pub const fn new(v: T) -> Self {
        Global(UnsafeCell::new(v))
    }
    /// Single-threaded guest: no two borrows are ever live at once.
    #[allow(clippy::mut_from_ref)]
    pub fn get(&self) -> &mut T {
        unsafe { &mut *self.0.get() }
    }
}

struct Buffers {
    /// Blocks handed out by `alloc` and not yet released: (address, size).
    pending: Vec<(usize, usize)>,
    /// The bytes of the last output; kept alive until the next output replaces it.
    output: Vec<u8>,
}

static BUFFERS: Global<Buffers> = Global::new(Buffers { pending: Vec::new(), output: Vec::new() });
static LAST_OUTPUT_LEN: AtomicI32 = AtomicI32::new(0);

/// ABI export: reserve `len` bytes for the host to write into.
///
/// Returns -1 for a negative length or when memory cannot grow (the host
/// reports a negative pointer as a transform error). A zero length still gets
/// a real one-byte block, so the pointer is always in bounds.
///
/// The host writes an input here and then calls exactly one guest function
/// (`init`, `transform`, `filter` or `route`) on it; that function calls
/// `release_inputs()` before returning, which frees every pending block. So
/// memory use stays flat no matter how many events pass through.
#[no_mangle]
pub extern "C" fn alloc(len: i32) -> i32 {
    if len < 0 {
        return -1;
    }
    let size = (len as usize).max(1);
    let layout = match Layout::from_size_align(size, 1) {
        Ok(l) => l,
        Err(_) => return -1,
    };
    let p = unsafe { raw_alloc(layout) };
    if p.is_null() {
        return -1;
    }
    BUFFERS.get().pending.push((p as usize, size));
    p as i32
}

/// ABI export: length in bytes of the last output (0 when there is none).
#[no_mangle]
pub extern "C" fn output_len() -> i32 {
    LAST_OUTPUT_LEN.load(Ordering::Relaxed)
}

/// View the bytes the host wrote at `ptr`/`len`.
pub fn input<'a>(ptr: i32, len: i32) -> &'a [u8] {
    if len <= 0 || ptr <= 0 {
        return &[];
    }
    unsafe { std::slice::from_raw_parts(ptr as usize as *const u8, len as usize) }
}

/// Free every block handed out by `alloc` (call once the input is no longer needed).
pub fn release_inputs() {
    let b = BUFFERS.get();
    for (addr, size) in b.pending.drain(..) {
        unsafe { raw_dealloc(addr as *mut u8, Layout::from_size_align_unchecked(size, 1)) };
    }
}

/// Keep `bytes` as the current output, set `output_len()` and return its pointer.
/// The previous output is freed.
pub fn set_output(bytes: Vec<u8>) -> i32 {
    let b = BUFFERS.get();
    b.output = bytes;
    LAST_OUTPUT_LEN.store(b.output.len() as i32, Ordering::Relaxed);
    if b.output.is_empty() {
        // Never hand out a dangling pointer; `output_len() == 0` already means "filtered".
        return -1;
    }
    b.output.as_ptr() as i32
}

/// Forget the current output (`output_len()` becomes 0).
pub fn clear_output() {
    let b = BUFFERS.get();
    b.output = Vec::new();
    LAST_OUTPUT_LEN.store(0, Ordering::Relaxed);
}

// ---------------------------------------------------------------------------
// Host imports (module "env"; types exactly as in shared/abi/contract.md).
// ---------------------------------------------------------------------------

mod host {
    #[link(wasm_import_module = "env")]
    extern "C" {
        pub fn log(level: i32, ptr: i32, len: i32);
        pub fn get_metric(name_ptr: i32) -> i64;
        pub fn record_metric(name_ptr: i32, value: i64);
    }
}

pub const LOG_TRACE: i32 = 0;
pub const LOG_DEBUG: i32 = 1;
pub const LOG_INFO: i32 = 2;
pub const LOG_WARN: i32 = 3;
pub const LOG_ERROR: i32 = 4;

/// `env.log(level, ptr, len)` with a UTF-8 message.
pub fn log(level: i32, msg: &str) {
    unsafe { host::log(level, msg.as_ptr() as i32, msg.len() as i32) }
}

/// `env.record_metric(name, value)`. `name` must end in a NUL byte (contract point 8).
pub fn record_metric(name_nul: &[u8], value: i64) {
    debug_assert!(name_nul.last() == Some(&0));
    unsafe { host::record_metric(name_nul.as_ptr() as i32, value) }
}

/// `env.get_metric(name)`. `name` must end in a NUL byte.
pub fn get_metric(name_nul: &[u8]) -> i64 {
    debug_assert!(name_nul.last() == Some(&0));
    unsafe { host::get_metric(name_nul.as_ptr() as i32) }
}

// ---------------------------------------------------------------------------
// Guest status codes shared by the Rust guests.
// ---------------------------------------------------------------------------

/// `transform`/`route`: the input is not UTF-8 JSON (one value, nothing after it).
pub const ERR_NOT_JSON: i32 = -2;
/// `transform`/`route`: the input is JSON but not an object, or a field the
/// guest reads is missing or has the wrong type.
pub const ERR_NOT_EVENT: i32 = -3;
/// `init`: the config is not a JSON object.
pub const INIT_NOT_OBJECT: i32 = 1;
/// `init`: a config key the guest reads has the wrong type.
pub const INIT_BAD_KEY: i32 = 2;

// ---------------------------------------------------------------------------
// JSON scanning on spans.
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

#[derive(Clone, Copy, Debug)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One `"key": value` member of an object.
pub struct Member {
    /// The key, unescaped (a lone surrogate escape becomes U+FFFD).
    pub key: String,
    /// The key's text including its quotes, as written.
    pub key_span: Span,
    pub kind: Kind,
    /// The value's text, as written.
    pub value: Span,
}

impl Member {
    pub fn raw<'a>(&self, src: &'a [u8]) -> &'a [u8] {
        &src[self.value.start..self.value.end]
    }
    /// The decoded string, when the value is a JSON string.
    pub fn string(&self, src: &[u8]) -> Option<String> {
        if self.kind == Kind::String {
            decode_string(src, self.value.start).ok().map(|(s, _)| s)
        } else {
            None
        }
    }
}

/// A syntax error; the guest maps it to `ERR_NOT_JSON`.
#[derive(Debug)]
pub struct BadJson;

fn ws(src: &[u8], mut i: usize) -> usize {
    while i < src.len() && matches!(src[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Check that `src` is one JSON value with only whitespace around it and
/// return its kind and span. Validates the whole text (UTF-8 included).
pub fn document(src: &[u8]) -> Result<(Kind, Span), BadJson> {
    if std::str::from_utf8(src).is_err() {
        return Err(BadJson);
    }
    let start = ws(src, 0);
    let (kind, end) = skip_value(src, start)?;
    if ws(src, end) != src.len() {
        return Err(BadJson);
    }
    Ok((kind, Span { start, end }))
}

/// Parse `src` as a whole document that must be an object, returning its members.
/// `Ok(None)`: valid JSON but not an object.
pub fn top_object(src: &[u8]) -> Result<Option<Vec<Member>>, BadJson> {
    let (kind, span) = document(src)?;
    if kind != Kind::Object {
        return Ok(None);
    }
    members(src, span).map(Some)
}

/// The members of the (already validated) object at `span`, in order.
pub fn members(src: &[u8], span: Span) -> Result<Vec<Member>, BadJson> {
    let mut out = Vec::new();
    let mut i = ws(src, span.start + 1); // after '{'
    if src.get(i) == Some(&b'}') {
        return Ok(out);
    }
    loop {
        let key_start = i;
        let (key, key_end) = decode_string(src, i)?;
        i = ws(src, key_end);
        if src.get(i) != Some(&b':') {
            return Err(BadJson);
        }
        let vstart = ws(src, i + 1);
        let (kind, vend) = skip_value(src, vstart)?;
        out.push(Member {
            key,
            key_span: Span { start: key_start, end: key_end },
            kind,
            value: Span { start: vstart, end: vend },
        });
        i = ws(src, vend);
        match src.get(i) {
            Some(b',') => i = ws(src, i + 1),
            Some(b'}') => return Ok(out),
            _ => return Err(BadJson),
        }
    }
}

/// The element spans of the (already validated) array at `span`.
pub fn elements(src: &[u8], span: Span) -> Result<Vec<(Kind, Span)>, BadJson> {
    let mut out = Vec::new();
    let mut i = ws(src, span.start + 1); // after '['
    if src.get(i) == Some(&b']') {
        return Ok(out);
    }
    loop {
        let (kind, end) = skip_value(src, i)?;
        out.push((kind, Span { start: i, end }));
        i = ws(src, end);
        match src.get(i) {
            Some(b',') => i = ws(src, i + 1),
            Some(b']') => return Ok(out),
            _ => return Err(BadJson),
        }
    }
}

/// First member named `key`.
pub fn find<'m>(members: &'m [Member], key: &str) -> Option<&'m Member> {
    members.iter().find(|m| m.key == key)
}

/// Skip one value starting exactly at `i`; return its kind and end offset.
/// Iterative (an explicit stack of open containers), so nesting depth is
/// limited only by memory, never by the wasm call stack.
pub fn skip_value(src: &[u8], i: usize) -> Result<(Kind, usize), BadJson> {
    let kind = match src.get(i) {
        Some(b'{') => Kind::Object,
        Some(b'[') => Kind::Array,
        _ => return scalar(src, i),
    };
    let mut open: Vec<u8> = Vec::new(); // the closer of every open container
    let mut p = i;
    loop {
        // `p` is at the start of a value.
        match src.get(p) {
            Some(b'{') => {
                p = ws(src, p + 1);
                if src.get(p) == Some(&b'}') {
                    p += 1;
                } else {
                    open.push(b'}');
                    p = key_colon(src, p)?;
                    continue;
                }
            }
            Some(b'[') => {
                p = ws(src, p + 1);
                if src.get(p) == Some(&b']') {
                    p += 1;
                } else {
                    open.push(b']');
                    continue;
                }
            }
            _ => p = scalar(src, p)?.1,
        }
        // A value ended at `p`: close containers until a ',' starts the next value.
        loop {
            let closer = match open.last() {
                None => return Ok((kind, p)),
                Some(&c) => c,
            };
            p = ws(src, p);
            match src.get(p) {
                Some(b',') => {
                    p = ws(src, p + 1);
                    if closer == b'}' {
                        p = key_colon(src, p)?;
                    }
                    break;
                }
                Some(&c) if c == closer => {
                    open.pop();
                    p += 1;
                }
                _ => return Err(BadJson),
            }
        }
    }
}

/// At a member key: skip `"key" :` and the whitespace after it.
fn key_colon(src: &[u8], p: usize) -> Result<usize, BadJson> {
    let p = ws(src, skip_string(src, p)?);
    if src.get(p) != Some(&b':') {
        return Err(BadJson);
    }
    Ok(ws(src, p + 1))
}

fn scalar(src: &[u8], i: usize) -> Result<(Kind, usize), BadJson> {
    match src.get(i) {
        Some(b'"') => Ok((Kind::String, skip_string(src, i)?)),
        Some(b't') => Ok((Kind::True, literal(src, i, b"true")?)),
        Some(b'f') => Ok((Kind::False, literal(src, i, b"false")?)),
        Some(b'n') => Ok((Kind::Null, literal(src, i, b"null")?)),
        Some(b'-') | Some(b'0'..=b'9') => Ok((Kind::Number, skip_number(src, i)?)),
        _ => Err(BadJson),
    }
}

fn literal(src: &[u8], i: usize, word: &[u8]) -> Result<usize, BadJson> {
    if src.len() >= i + word.len() && &src[i..i + word.len()] == word {
        Ok(i + word.len())
    } else {
        Err(BadJson)
    }
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
fn skip_number(src: &[u8], mut i: usize) -> Result<usize, BadJson> {
    let digits = |src: &[u8], mut i: usize| -> Result<usize, BadJson> {
        let s = i;
        while i < src.len() && src[i].is_ascii_digit() {
            i += 1;
        }
        if i == s {
            Err(BadJson)
        } else {
            Ok(i)
        }
    };
    if src.get(i) == Some(&b'-') {
        i += 1;
    }
    match src.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i = digits(src, i)?,
        _ => return Err(BadJson),
    }
    if src.get(i) == Some(&b'.') {
        i = digits(src, i + 1)?;
    }
    if matches!(src.get(i), Some(b'e') | Some(b'E')) {
        i += 1;
        if matches!(src.get(i), Some(b'+') | Some(b'-')) {
            i += 1;
        }
        i = digits(src, i)?;
    }
    Ok(i)
}

fn hex4(src: &[u8], i: usize) -> Result<u32, BadJson> {
    if src.len() < i + 4 {
        return Err(BadJson);
    }
    let mut v = 0u32;
    for &c in &src[i..i + 4] {
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => return Err(BadJson),
        };
        v = v * 16 + d as u32;
    }
    Ok(v)
}

/// Skip the string starting at the quote at `i`; return the offset after its closing quote.
/// The text is assumed to be UTF-8 already (see `document`).
fn skip_string(src: &[u8], i: usize) -> Result<usize, BadJson> {
    if src.get(i) != Some(&b'"') {
        return Err(BadJson);
    }
    let mut p = i + 1;
    loop {
        match src.get(p) {
            None => return Err(BadJson),
            Some(b'"') => return Ok(p + 1),
            Some(b'\\') => match src.get(p + 1) {
                Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => p += 2,
                Some(b'u') => {
                    hex4(src, p + 2)?;
                    p += 6;
                }
                _ => return Err(BadJson),
            },
            Some(&c) if c < 0x20 => return Err(BadJson),
            Some(_) => p += 1,
        }
    }
}

/// Decode the string starting at the quote at `i`; return it and the offset
/// after its closing quote. A `\u` escape of a lone surrogate becomes U+FFFD.
pub fn decode_string(src: &[u8], i: usize) -> Result<(String, usize), BadJson> {
    let end = skip_string(src, i)?;
    let body = &src[i + 1..end - 1];
    let mut out: Vec<u8> = Vec::with_capacity(body.len());
    let mut p = 0;
    while p < body.len() {
        let c = body[p];
        if c != b'\\' {
            out.push(c);
            p += 1;
            continue;
        }
        let e = body[p + 1];
        p += 2;
        let ch: char = match e {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            _ => {
                // b'u'
                let hi = hex4(body, p)?;
                p += 4;
                if (0xD800..0xDC00).contains(&hi)
                    && body.get(p) == Some(&b'\\')
                    && body.get(p + 1) == Some(&b'u')
                {
                    let lo = hex4(body, p + 2)?;
                    if (0xDC00..0xE000).contains(&lo) {
                        p += 6;
                        let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        char::from_u32(cp).unwrap_or('\u{FFFD}')
                    } else {
                        '\u{FFFD}'
                    }
                } else {
                    char::from_u32(hi).unwrap_or('\u{FFFD}')
                }
            }
        };
        let mut buf = [0u8; 4];
        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
    }
    String::from_utf8(out).map(|s| (s, end)).map_err(|_| BadJson)
}

/// Append `s` as a JSON string: `"` and `\` escaped, control characters as
/// `\b \f \n \r \t` or `\u00XX`, everything else (all non-ASCII) written as UTF-8.
pub fn write_string(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    for &c in s.as_bytes() {
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            c if c < 0x20 => {
                out.extend_from_slice(b"\\u00");
                out.push(HEX[(c >> 4) as usize]);
                out.push(HEX[(c & 15) as usize]);
            }
            c => out.push(c),
        }
    }
    out.push(b'"');
}

/// Copy `src` with each `(span, replacement)` spliced in. Spans must be in
/// increasing order and must not overlap.
pub fn splice(src: &[u8], edits: &[(Span, Vec<u8>)]) -> Vec<u8> {
    let extra: usize = edits.iter().map(|(_, r)| r.len()).sum();
    let mut out = Vec::with_capacity(src.len() + extra);
    let mut at = 0;
    for (span, repl) in edits {
        out.extend_from_slice(&src[at..span.start]);
        out.extend_from_slice(repl);
        at = span.end;
    }
    out.extend_from_slice(&src[at..]);
    out
}

// ---------------------------------------------------------------------------
// Config helpers for `init`.
// ---------------------------------------------------------------------------

/// Read the config passed to `init` (and release the input buffer).
/// `Err(code)` when it is not a JSON object.
pub fn config_members(ptr: i32, len: i32) -> Result<(Vec<u8>, Vec<Member>), i32> {
    let bytes = input(ptr, len).to_vec();
    release_inputs();
    match top_object(&bytes) {
        Ok(Some(m)) => Ok((bytes, m)),
        _ => Err(INIT_NOT_OBJECT),
    }
}

/// Config key that must be a string when present; `Ok(None)` when absent or null.
pub fn config_string(src: &[u8], members: &[Member], key: &str) -> Result<Option<String>, i32> {
    match find(members, key) {
        None => Ok(None),
        Some(m) if m.kind == Kind::Null => Ok(None),
        Some(m) => m.string(src).map(Some).ok_or(INIT_BAD_KEY),
    }
}
