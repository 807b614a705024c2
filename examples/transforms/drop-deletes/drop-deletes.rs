//! drop-deletes: filter out every event whose `op` is "delete"; pass all
//! other events through byte for byte. Also exports `filter`, so a runtime
//! can drop deletes without calling `transform`.
//! Exact behaviour and status codes: ../README.md.

#[path = "../common/guest.rs"]
mod guest;

use guest::Kind;

/// `Ok(true)` for a delete, `Err(code)` when the input is not an event.
fn is_delete(src: &[u8]) -> Result<bool, i32> {
    let top = match guest::top_object(src) {
        Ok(Some(m)) => m,
        Ok(None) => return Err(guest::ERR_NOT_EVENT),
        Err(_) => return Err(guest::ERR_NOT_JSON),
    };
    match guest::find(&top, "op") {
        Some(m) if m.kind == Kind::String => Ok(m.string(src).as_deref() == Some("delete")),
        _ => Err(guest::ERR_NOT_EVENT),
    }
}

#[no_mangle]
pub extern "C" fn init(config_ptr: i32, config_len: i32) -> i32 {
    // No settings; the config must still be a JSON object.
    match guest::config_members(config_ptr, config_len) {
        Ok(_) => 0,
        Err(code) => code,
    }
}

#[no_mangle]
pub extern "C" fn transform(event_ptr: i32, event_len: i32) -> i32 {
    let src = guest::input(event_ptr, event_len);
    let r = match is_delete(src) {
        Ok(true) => {
            guest::clear_output();
            -1
        }
        Ok(false) => guest::set_output(src.to_vec()),
        Err(code) => code,
    };
    guest::release_inputs();
    r
}

/// Optional export: 0 = drop (a delete), 1 = keep (anything else, including
/// input that is not an event: `transform` then reports the error).
#[no_mangle]
pub extern "C" fn filter(event_ptr: i32, event_len: i32) -> i32 {
    let r = match is_delete(guest::input(event_ptr, event_len)) {
        Ok(true) => 0,
        _ => 1,
    };
    guest::release_inputs();
    r
}

#[no_mangle]
pub extern "C" fn shutdown() -> i32 {
    guest::clear_output();
    0
}
