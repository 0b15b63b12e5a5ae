//! What `std`'s prelude gives and the `no_std` wasm must import: `use crate::prelude::*;`.

pub use alloc::string::String;
pub use alloc::vec;
pub use alloc::vec::Vec;
