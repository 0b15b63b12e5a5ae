//! The DOM, through the primitives in `dom.js`: one boundary crossing per operation, and none
//! can fail for the card's inputs (constant tag and attribute names, fresh elements), so none
//! returns a `Result`. Text only ever goes in as `textContent` or text nodes, never as markup:
//! recipe text cannot inject HTML.

use super::browser::Callback;
use crate::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Node};

#[wasm_bindgen(module = "/src/web/dom.js")]
extern "C" {
    /// Builds into `n` from now on: the builders below work at a cursor, so no handle crosses
    /// for the many elements nothing refers to again.
    pub fn at(n: &Node);
    /// `<tag class part>` holding `text`, appended to the open element. `spec` is
    /// `tag|class|part` (trailing empty pieces may be left off): one string crossing per element
    /// instead of three, so each of the card's ≈ 70 call sites is a few bytes shorter.
    pub fn put(spec: &str, text: &str);
    /// [`put`] an empty element and build into it until [`shut`].
    pub fn open(spec: &str);
    /// Back out of the element [`open`] went into.
    pub fn shut();
    /// A text node appended to the open element.
    pub fn say(text: &str);
    /// Sets an attribute of the newest element.
    pub fn set(name: &str, value: &str);
    /// The newest node (element or text), for the parts that change later.
    pub fn keep() -> Element;
    pub fn attr(e: &Element, name: &str, value: &str);
    /// Sets or removes a boolean attribute.
    pub fn flag(e: &Element, name: &str, on: bool);
    /// `flag` on the closest `selector` around `e`.
    #[wasm_bindgen(js_name = flagClosest)]
    pub fn flag_closest(e: &Element, selector: &str, name: &str, on: bool);
    /// Sets the text of `n` when it differs.
    pub fn text(n: &Node, text: &str);
    pub fn clear(n: &Node);
    /// Shows a timer whose group is `group` ([`super::lists`] builds it): its `data-state`, its
    /// time and status, its one button (`action`, named "<action> timer: <title>", hidden
    /// when empty) and Reset (hidden while idle).
    pub fn timer(group: &Element, state: &str, time: &str, status: &str, action: &str, title: &str);
    /// Sets the text of `n` (a live region) once it has rested for 700 ms: each call cancels
    /// the one before, so only the resting value is spoken, once per gesture, not per tick.
    pub fn announce(n: &Element, text: &str);
    /// A fragment to build into: the cursor goes into it.
    pub fn fragment() -> Node;
    /// Replaces the children of `root` with `child`.
    pub fn replace(root: &Node, child: &Node);
    #[wasm_bindgen(js_name = setChecked)]
    pub fn set_checked(e: &Element, on: bool);
    /// Checks the `i`th of the radios named `name` inside `root` and unchecks the others.
    pub fn pick(root: &Element, name: &str, i: u32);
    #[wasm_bindgen(js_name = setValue)]
    pub fn set_value(e: &Element, value: &str);
    /// Calls `f(target, kind)` for the card's events: its `root`'s `input` (kind 0), `click`
    /// (1) and `change` (2), and the page's `visibilitychange` (3); returns the unlistener, for
    /// [`off`].
    pub fn listen(root: &Node, f: &Callback) -> JsValue;
    /// Stops what [`on`] started.
    pub fn off(unlisten: &JsValue);
    /// The attribute `name` of `e` or of its closest ancestor that has it, as a number (an
    /// empty value reads 0); [`NONE`] where none has it. No string crosses.
    pub fn closest(e: &Element, name: &str) -> i32;
    /// A string property of `e` (a control's `name` or `value`), empty when it has none: one primitive, one glue shim.
    fn prop(e: &JsValue, key: &str) -> String;
    #[wasm_bindgen(js_name = isChecked)]
    pub fn is_checked(e: &Element) -> bool;
    /// An attribute of the shadow root's host element.
    #[wasm_bindgen(js_name = hostAttr)]
    pub fn host_attr(root: &Node, name: &str) -> Option<String>;
    /// The page's `location.search`.
    pub fn search() -> String;
    /// `console.warn`, prefixed `<recipe-card>`.
    pub fn warn(message: &str);
    /// localStorage; every failure reads as nothing stored.
    pub fn load(key: &str) -> Option<String>;
    pub fn store(key: &str, value: &str);
}

/// What [`closest`] returns where no element has the attribute.
pub const NONE: i32 = i32::MIN;

pub fn name_of(e: &Element) -> String {
    prop(e, "name")
}

pub fn value_of(e: &Element) -> String {
    prop(e, "value")
}

/// A number as text (no `core::fmt` in the wasm).
pub fn int(n: usize) -> String {
    let mut s = String::new();
    crate::quantity::format::push_int(&mut s, n as i64);
    s
}
