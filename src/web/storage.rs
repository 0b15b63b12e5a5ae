//! The reader's choices in localStorage. Storage can be missing, full or forbidden (private
//! modes, sandboxed iframes): every failure means "nothing stored", never an error.

use crate::prelude::*;
use web_sys::Storage;

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok()?
}

pub fn set(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}
