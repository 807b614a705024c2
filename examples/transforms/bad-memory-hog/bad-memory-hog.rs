//! bad-memory-hog: a contract-conforming guest whose `transform` allocates
//! 1 MiB blocks and leaks them until the allocator fails. The allocator
//! fails once `memory.grow` returns -1 (the host's memory limit); Rust then
//! aborts with a wasm `unreachable` trap. Without a memory limit the guest
//! would grow to the 4 GiB wasm32 maximum.

#[path = "../common/guest.rs"]
mod guest;

const BLOCK: usize = 1 << 20;

#[no_mangle]
pub extern "C" fn init(config_ptr: i32, config_len: i32) -> i32 {
    match guest::config_members(config_ptr, config_len) {
        Ok(_) => 0,
        Err(code) => code,
    }
}

#[no_mangle]
pub extern "C" fn transform(_event_ptr: i32, _event_len: i32) -> i32 {
    loop {
        let mut block: Vec<u8> = Vec::with_capacity(BLOCK);
        // Volatile writes at both ends: the allocation has an observable use
        // and cannot be optimized away.
        unsafe {
            std::ptr::write_volatile(block.as_mut_ptr(), 0xAB);
            std::ptr::write_volatile(block.as_mut_ptr().add(BLOCK - 1), 0xCD);
        }
        std::mem::forget(block);
    }
}

#[no_mangle]
pub extern "C" fn shutdown() -> i32 {
    0
}
