//! enrich: append `"_table"` and `"_tag"` to the `after` row image, log one
//! line and record two metrics per event.
//!
//! Config (passed to `init`): `{"tag": "..."}`, default tag "enriched".
//! Exact behaviour and status codes: ../README.md.

#[path = "../common/guest.rs"]
mod guest;

use guest::{Global, Kind, Span};

static TAG: Global<String> = Global::new(String::new());
static CONFIGURED: Global<bool> = Global::new(false);

const DEFAULT_TAG: &str = "enriched";

fn tag() -> &'static str {
    if *CONFIGURED.get() {
        TAG.get().as_str()
    } else {
        DEFAULT_TAG
    }
}

#[no_mangle]
pub extern "C" fn init(config_ptr: i32, config_len: i32) -> i32 {
    let (src, members) = match guest::config_members(config_ptr, config_len) {
        Ok(c) => c,
        Err(code) => return code,
    };
    match guest::config_string(&src, &members, "tag") {
        Ok(t) => {
            *TAG.get() = t.unwrap_or_else(|| DEFAULT_TAG.to_string());
            *CONFIGURED.get() = true;
            0
        }
        Err(code) => code,
    }
}

#[no_mangle]
pub extern "C" fn transform(event_ptr: i32, event_len: i32) -> i32 {
    let src = guest::input(event_ptr, event_len);
    let r = enrich(src, event_len);
    guest::release_inputs();
    r
}

fn enrich(src: &[u8], event_len: i32) -> i32 {
    let top = match guest::top_object(src) {
        Ok(Some(m)) => m,
        Ok(None) => return guest::ERR_NOT_EVENT,
        Err(_) => return guest::ERR_NOT_JSON,
    };
    let table = match guest::find(&top, "table").and_then(|m| m.string(src)) {
        Some(t) => t,
        None => return guest::ERR_NOT_EVENT,
    };
    let op = match guest::find(&top, "op").and_then(|m| m.string(src)) {
        Some(o) => o,
        None => return guest::ERR_NOT_EVENT,
    };
    let schema = guest::find(&top, "schema").and_then(|m| m.string(src));

    guest::log(guest::LOG_INFO, &format!("enriched {} {}", table, op));
    guest::record_metric(b"events_enriched\0", 1);
    guest::record_metric(b"bytes_in\0", event_len as i64);

    let mut edits: Vec<(Span, Vec<u8>)> = Vec::new();
    if let Some(after) = guest::find(&top, "after").filter(|m| m.kind == Kind::Object) {
        let row = match guest::members(src, after.value) {
            Ok(r) => r,
            Err(_) => return guest::ERR_NOT_JSON,
        };
        // Rebuild `after`: its members as written, minus any old `_table`/`_tag`,
        // then the two new keys at the end.
        let mut obj = Vec::with_capacity(after.value.end - after.value.start + 64);
        obj.push(b'{');
        for col in row.iter().filter(|c| c.key != "_table" && c.key != "_tag") {
            obj.extend_from_slice(&src[col.key_span.start..col.key_span.end]);
            obj.push(b':');
            obj.extend_from_slice(col.raw(src));
            obj.push(b',');
        }
        let qualified = match schema {
            Some(s) => format!("{}.{}", s, table),
            None => table,
        };
        obj.extend_from_slice(b"\"_table\":");
        guest::write_string(&mut obj, &qualified);
        obj.extend_from_slice(b",\"_tag\":");
        guest::write_string(&mut obj, tag());
        obj.push(b'}');
        edits.push((after.value, obj));
    }
    guest::set_output(guest::splice(src, &edits))
}

#[no_mangle]
pub extern "C" fn shutdown() -> i32 {
    guest::clear_output();
    0
}
