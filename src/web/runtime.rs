//! What `std` would provide to the `no_std` wasm: the global allocator ([`crate::heap`] over
//! `memory.grow`) and a panic handler that traps without formatting a message (so `core::fmt`
//! stays out of the wasm). Built only with the `runtime` feature (`make build`): the
//! wasm-bindgen tests link `std`, which brings its own.
//!
//! A panic is a bug: the shell returns `Result`s and handlers never unwrap (ARCHITECTURE.md).

use crate::heap::{Grow, Heap};
use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;

#[cfg(target_feature = "atomics")]
compile_error!("the heap is single-threaded: build without the atomics target feature");

const PAGE: usize = 1 << 16;

extern "C" {
    /// The first byte after the stack and static data, placed by the linker.
    static __heap_base: u8;
}

/// Linear memory: first the rest of what the module starts with, then `memory.grow`.
struct Pages {
    started: bool,
}

impl Grow for Pages {
    fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
        let size = wasm32::memory_size(0) * PAGE;
        let start = if self.started {
            size
        } else {
            self.started = true;
            core::ptr::addr_of!(__heap_base) as usize
        };
        let pages = bytes.saturating_sub(size - start).div_ceil(PAGE);
        if pages > 0 && wasm32::memory_grow(0, pages) == usize::MAX {
            return None;
        }
        Some((start, size + pages * PAGE))
    }
}

struct Single(UnsafeCell<Heap<Pages>>);

// The wasm has one thread (see the compile_error above).
unsafe impl Sync for Single {}

#[global_allocator]
static HEAP: Single = Single(UnsafeCell::new(Heap::new(Pages { started: false })));

unsafe impl GlobalAlloc for Single {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        (*self.0.get()).alloc(l.size(), l.align())
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        (*self.0.get()).free(p, l.size(), l.align())
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        (*self.0.get()).realloc(p, l.size(), l.align(), new_size)
    }
}

/// Never reads the message or the location: `tools/blank-panic-text.mjs` zeroes their text.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    wasm32::unreachable()
}
