//! route-by-table: pass every event through unchanged; `route` names the
//! topic `<topic_prefix><table>` for it.
//!
//! Config (passed to `init`): `{"topic_prefix": "..."}`, default "".
//! Exact behaviour and status codes: ../README.md.

#[path = "../common/guest.rs"]
mod guest;

use guest::Global;

static PREFIX: Global<String> = Global::new(String::new());

#[no_mangle]
pub extern "C" fn init(config_ptr: i32, config_len: i32) -> i32 {
    let (src, members) = match guest::config_members(config_ptr, config_len) {
        Ok(c) => c,
        Err(code) => return code,
    };
    match guest::config_string(&src, &members, "topic_prefix") {
        Ok(p) => {
            *PREFIX.get() = p.unwrap_or_default();
            0
        }
        Err(code) => code,
    }
}

#[no_mangle]
pub extern "C" fn transform(event_ptr: i32, event_len: i32) -> i32 {
    let src = guest::input(event_ptr, event_len);
    let r = match guest::top_object(src) {
        Ok(Some(_)) => guest::set_output(src.to_vec()),
        Ok(None) => guest::ERR_NOT_EVENT,
        Err(_) => guest::ERR_NOT_JSON,
    };
    guest::release_inputs();
    r
}

/// Optional export: pointer to the UTF-8 topic name; `output_len()` is its
/// byte length. Negative status (and `output_len() == 0`) when the input is
/// not an event with a string `table`.
#[no_mangle]
pub extern "C" fn route(event_ptr: i32, event_len: i32) -> i32 {
    let src = guest::input(event_ptr, event_len);
    let r = match guest::top_object(src) {
        Ok(Some(top)) => match guest::find(&top, "table").and_then(|m| m.string(src)) {
            Some(table) => {
                let mut topic = PREFIX.get().clone().into_bytes();
                topic.extend_from_slice(table.as_bytes());
                guest::set_output(topic)
            }
            None => guest::ERR_NOT_EVENT,
        },
        Ok(None) => guest::ERR_NOT_EVENT,
        Err(_) => guest::ERR_NOT_JSON,
    };
    if r < 0 {
        guest::clear_output();
    }
    guest::release_inputs();
    r
}

#[no_mangle]
pub extern "C" fn shutdown() -> i32 {
    guest::clear_output();
    0
}
