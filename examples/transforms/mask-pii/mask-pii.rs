//! mask-pii: replace the values of configured columns with "***REDACTED***".
//!
//! Config (passed to `init`): `{"fields_to_mask": ["email", "phone", ...]}`.
//! For each of the top-level `before` and `after` members whose value is a
//! JSON object, every top-level key of that object whose (unescaped) name is
//! in `fields_to_mask` and whose value is a JSON string gets the value
//! `"***REDACTED***"`. Every other byte of the event is copied unchanged.
//! Exact behaviour and status codes: ../README.md.

#[path = "../common/guest.rs"]
mod guest;

use guest::{Global, Kind, Span};

const REDACTED: &[u8] = b"\"***REDACTED***\"";

/// The column names to mask (empty until `init` says otherwise).
static FIELDS: Global<Vec<String>> = Global::new(Vec::new());

#[no_mangle]
pub extern "C" fn init(config_ptr: i32, config_len: i32) -> i32 {
    let (src, members) = match guest::config_members(config_ptr, config_len) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut fields = Vec::new();
    if let Some(m) = guest::find(&members, "fields_to_mask") {
        match m.kind {
            Kind::Null => {}
            Kind::Array => {
                let items = match guest::elements(&src, m.value) {
                    Ok(items) => items,
                    Err(_) => return guest::INIT_BAD_KEY,
                };
                for (kind, span) in items {
                    if kind != Kind::String {
                        return guest::INIT_BAD_KEY;
                    }
                    match guest::decode_string(&src, span.start) {
                        Ok((name, _)) => fields.push(name),
                        Err(_) => return guest::INIT_BAD_KEY,
                    }
                }
            }
            _ => return guest::INIT_BAD_KEY,
        }
    }
    *FIELDS.get() = fields;
    0
}

#[no_mangle]
pub extern "C" fn transform(event_ptr: i32, event_len: i32) -> i32 {
    let src = guest::input(event_ptr, event_len);
    let r = mask(src);
    guest::release_inputs();
    r
}

fn mask(src: &[u8]) -> i32 {
    let top = match guest::top_object(src) {
        Ok(Some(m)) => m,
        Ok(None) => return guest::ERR_NOT_EVENT,
        Err(_) => return guest::ERR_NOT_JSON,
    };
    let fields = FIELDS.get();
    let mut edits: Vec<(Span, Vec<u8>)> = Vec::new();
    for image in top.iter().filter(|m| (m.key == "before" || m.key == "after") && m.kind == Kind::Object) {
        let row = match guest::members(src, image.value) {
            Ok(r) => r,
            Err(_) => return guest::ERR_NOT_JSON,
        };
        for col in row {
            if col.kind == Kind::String && fields.iter().any(|f| *f == col.key) {
                edits.push((col.value, REDACTED.to_vec()));
            }
        }
    }
    guest::set_output(guest::splice(src, &edits))
}

#[no_mangle]
pub extern "C" fn shutdown() -> i32 {
    guest::clear_output();
    0
}
