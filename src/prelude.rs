//! What `std`'s prelude gives and the `no_std` wasm must import: `use crate::prelude::*;`.

pub use alloc::string::String;
// `vec!` only in tests: the crate itself builds its lists by pushing.
#[cfg(test)]
pub use alloc::vec;
pub use alloc::vec::Vec;

/// The parts joined: `[..].concat()` without `join_generic_copy`, one small loop for the crate.
pub fn cat(parts: &[&str]) -> String {
    let mut s = String::new();
    for p in parts {
        s.push_str(p);
    }
    s
}
