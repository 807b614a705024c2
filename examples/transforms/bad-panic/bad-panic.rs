//! bad-panic: a contract-conforming guest whose `transform` always panics.
//! Built with `-C panic=abort`, the panic ends in a wasm `unreachable`
//! instruction, so the host sees a trap on every event. `init` and
//! `shutdown` work normally.

#[path = "../common/guest.rs"]
mod guest;

#[no_mangle]
pub extern "C" fn init(config_ptr: i32, config_len: i32) -> i32 {
    match guest::config_members(config_ptr, config_len) {
        Ok(_) => 0,
        Err(code) => code,
    }
}

#[no_mangle]
pub extern "C" fn transform(event_ptr: i32, event_len: i32) -> i32 {
    let src = guest::input(event_ptr, event_len);
    // Depend on the input so the optimizer keeps a real code path to the panic.
    if src.len() != usize::MAX {
        panic!("bad-panic: deliberate panic on a {}-byte event", src.len());
    }
    -1
}

#[no_mangle]
pub extern "C" fn shutdown() -> i32 {
    0
}
