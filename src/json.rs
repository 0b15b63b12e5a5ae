//! A recipe file's JSON values, as one flat list of nodes that point into a tape.
//!
//! The browser parses the file: `src/web/tape.js` runs `JSON.parse` and writes what it read as a
//! tape, which [`read`] lists in one pass over its bytes. So the wasm holds no JSON parser (no
//! lexer, escapes or syntax errors: −919 bytes brotli, docs/performance.md), and the blogger sees
//! the browser's own message, with its line and column, for text that is not JSON. Nothing is
//! copied while reading: a string or number is a range of the tape, copied when the reader takes
//! it, and a value's path (`ingredients[2].unit`) is worked out only when an error needs it.
//! Numbers stay text, never floats, so no float code reaches the wasm.
//!
//! The tape: `{` members `}` (each member its name, then its value), `[` items `]`, `"` text NUL
//! (a string), `#` text NUL (a number, as JavaScript writes it: `0.5`, `2`, `1e+21`), `t`, `f`
//! and `n`. A NUL inside a string reaches the tape as U+FFFD. Native builds write the same
//! tape with serde_json ([`tape`]); `tests/tape_cases.json` holds the cases both writers meet.

use crate::prelude::*;
use crate::quantity::format::push_int;

/// What a node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    True,
    False,
    Num,
    Str,
    Arr,
    Obj,
}

/// One value. An object's members follow it as name, value, name, value…; an array's items
/// follow it; `len` counts the node and everything inside it, so a sibling is `len` nodes on
/// (0 marks a container not yet closed while reading: no stack of open ones is kept).
#[derive(Clone, Copy, Debug)]
struct Node {
    kind: Kind,
    /// A string's or number's text: where it starts on the tape and where its NUL is.
    start: u32,
    end: u32,
    len: u32,
}

/// A recipe file's values. Node 0 is the top-level value; a value is named by its node's index.
/// An empty tape has no nodes: every value in it reads as `null`.
pub struct Doc<'a> {
    text: &'a str,
    nodes: Vec<Node>,
}

/// Lists the values on `tape`. The tape comes from a writer that always closes what it opens;
/// a malformed one still reads without a panic (a container left open reads as empty).
pub fn read(tape: &str) -> Doc<'_> {
    let src = tape.as_bytes();
    let mut nodes: Vec<Node> = Vec::new();
    let mut pos = 0;
    while let Some(&b) = src.get(pos) {
        pos += 1;
        let kind = match b {
            b'}' | b']' => {
                // The innermost container still open (len 0) closes.
                let count = nodes.len();
                if let Some((at, n)) = nodes.iter_mut().enumerate().rev().find(|(_, n)| n.len == 0)
                {
                    n.len = (count - at) as u32;
                }
                continue;
            }
            b'{' => Kind::Obj,
            b'[' => Kind::Arr,
            b'"' => Kind::Str,
            b'#' => Kind::Num,
            b't' => Kind::True,
            b'f' => Kind::False,
            _ => Kind::Null,
        };
        let start = pos;
        if matches!(kind, Kind::Str | Kind::Num) {
            while src.get(pos).is_some_and(|&c| c != 0) {
                pos += 1;
            }
        }
        nodes.push(Node {
            kind,
            start: start as u32,
            end: pos as u32,
            len: !matches!(kind, Kind::Obj | Kind::Arr) as u32,
        });
        if matches!(kind, Kind::Str | Kind::Num) {
            pos += 1; // past the NUL
        }
    }
    Doc { text: tape, nodes }
}

/// The tape of the JSON text `json`, as `src/web/tape.js` writes it in the browser, for native
/// builds (the tests, tools): serde_json reads the text, keeping the members in their order.
/// Numbers are written as JavaScript writes its (double) numbers. Fails with
/// `not valid JSON: …` and serde_json's message. Two differences from the browser, which no
/// recipe meets: JavaScript lists members named by an integer (`"2"`) first, and it reads a lone
/// surrogate escape (`"\ud800"`, which reaches the wasm as U+FFFD) where serde_json refuses it.
#[cfg(not(target_arch = "wasm32"))]
pub fn tape(json: &str) -> core::result::Result<String, String> {
    use serde_json::Value;
    fn text(out: &mut String, tag: char, s: &str) {
        out.push(tag);
        out.push_str(&s.replace('\0', "\u{FFFD}"));
        out.push('\0');
    }
    fn write(out: &mut String, v: &Value) {
        match v {
            Value::Null => out.push('n'),
            Value::Bool(b) => out.push(if *b { 't' } else { 'f' }),
            Value::Number(n) => text(out, '#', &js_number(n.as_f64().unwrap_or(f64::NAN))),
            Value::String(s) => text(out, '"', s),
            Value::Array(items) => {
                out.push('[');
                for i in items {
                    write(out, i);
                }
                out.push(']');
            }
            Value::Object(members) => {
                out.push('{');
                for (k, v) in members {
                    text(out, '"', k);
                    write(out, v);
                }
                out.push('}');
            }
        }
    }
    let v: Value = serde_json::from_str(json).map_err(|e| alloc::format!("not valid JSON: {e}"))?;
    let mut out = String::new();
    write(&mut out, &v);
    Ok(out)
}

/// `x` as JavaScript's `String(x)` writes it: the shortest digits that read back as `x`, in
/// exponent form from 10²¹ up and below 10⁻⁶ (`1e+21`, `1e-7`), and 0 for −0.
#[cfg(not(target_arch = "wasm32"))]
fn js_number(x: f64) -> String {
    if x == 0.0 {
        "0".into()
    } else if !(1e-6..1e21).contains(&x.abs()) {
        let e = alloc::format!("{x:e}");
        match e.split_once('e') {
            Some((m, exp)) if !exp.starts_with('-') => alloc::format!("{m}e+{exp}"),
            _ => e,
        }
    } else {
        alloc::format!("{x}")
    }
}

/// The nodes of an array's items or of an object's members' values (a member's name is the node
/// just before its value).
#[derive(Clone)]
pub struct Items<'d> {
    doc: &'d Doc<'d>,
    at: usize,
    end: usize,
    object: bool,
}

impl<'d> Items<'d> {
    /// The document the items are in.
    pub fn doc(&self) -> &'d Doc<'d> {
        self.doc
    }

    /// Whether there are no items (left).
    pub fn is_empty(&self) -> bool {
        self.at >= self.end
    }
}

impl Iterator for Items<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.at >= self.end {
            return None;
        }
        let value = self.at + usize::from(self.object);
        self.at = value + self.doc.node(value).len.max(1) as usize;
        Some(value)
    }
}

/// A value that is not there: a node past the end, which reads as `null` (no members, no items,
/// an empty path).
pub const NONE: usize = usize::MAX;

/// What a node past the end reads as.
static NULL: Node = Node {
    kind: Kind::Null,
    start: 0,
    end: 0,
    len: 1,
};

impl<'a> Doc<'a> {
    /// Node `v`; past the end, a `null`.
    fn node(&self, v: usize) -> &Node {
        self.nodes.get(v).unwrap_or(&NULL)
    }

    pub fn kind(&self, v: usize) -> Kind {
        self.node(v).kind
    }

    /// A string's text, or a number's as JavaScript writes it; empty for anything else.
    pub fn text(&self, v: usize) -> &str {
        let n = self.node(v);
        self.text
            .get(n.start as usize..n.end as usize)
            .unwrap_or_default()
    }

    /// The items of an array or the members of an object; nothing for any other value.
    pub fn items<'d>(&'d self, v: usize) -> Items<'d>
    where
        'a: 'd,
    {
        let n = self.node(v);
        let container = matches!(n.kind, Kind::Arr | Kind::Obj);
        Items {
            doc: self,
            // Wrapping: a node past the end ([`NONE`]) has no items.
            at: v.wrapping_add(1),
            end: if container { v + n.len as usize } else { 0 },
            object: n.kind == Kind::Obj,
        }
    }

    /// The value of member `key` of object `v`, [`NONE`] when absent; `null` counts as absent.
    pub fn member(&self, v: usize, key: &str) -> usize {
        // An array's items have no names, and other values no items: only an object's match.
        if self.kind(v) == Kind::Obj {
            for value in self.items(v) {
                if self.text(value - 1) == key {
                    return if self.kind(value) == Kind::Null {
                        NONE
                    } else {
                        value
                    };
                }
            }
        }
        NONE
    }

    /// Where value `v` is in the file, `ingredients[2]`, then its member `key` when that is not
    /// empty (`ingredients[2].unit`), for an error; empty for the top itself.
    pub fn path(&self, v: usize, key: &str) -> String {
        let mut path = String::new();
        let mut at = 0;
        // Down from the top, into the item that holds `v` at each level.
        'down: while at != v {
            let object = self.kind(at) == Kind::Obj;
            for (index, child) in self.items(at).enumerate() {
                if child <= v && v < child + self.node(child).len as usize {
                    if object {
                        push_name(&mut path, self.text(child - 1));
                    } else {
                        path.push('[');
                        push_int(&mut path, index as i64);
                        path.push(']');
                    }
                    at = child;
                    continue 'down;
                }
            }
            break;
        }
        if !key.is_empty() {
            push_name(&mut path, key);
        }
        path
    }
}

/// `path.name`, or `name` at the top.
fn push_name(path: &mut String, name: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(name);
}

// Native only: the cases go through the native writer (`tape`, serde_json).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The document back as compact JSON-like text, to compare whole trees.
    fn show(d: &Doc, v: usize) -> String {
        match d.kind(v) {
            Kind::Null => "null".into(),
            Kind::True => "true".into(),
            Kind::False => "false".into(),
            Kind::Num => d.text(v).into(),
            Kind::Str => cat(&["<", d.text(v), ">"]),
            Kind::Arr | Kind::Obj => {
                let items: Vec<String> = d
                    .items(v)
                    .map(|i| {
                        if d.kind(v) == Kind::Obj {
                            cat(&[d.text(i - 1), ":", &show(d, i)])
                        } else {
                            show(d, i)
                        }
                    })
                    .collect();
                cat(&["(", &items.join(","), ")"])
            }
        }
    }

    fn doc(json: &str) -> String {
        tape(json).unwrap()
    }

    #[test]
    fn the_native_writer_meets_the_shared_cases() {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../tests/tape_cases.json")).unwrap();
        let cases = file["cases"].as_array().unwrap();
        assert!(cases.len() >= 7);
        for case in cases {
            let (json, want) = (case[0].as_str().unwrap(), case[1].as_str().unwrap());
            assert_eq!(tape(json).unwrap(), want, "{json}");
        }
    }

    #[test]
    fn reads_every_kind_of_value() {
        let t =
            doc(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\n", "c": {}, "dA": 0} "#);
        let d = read(&t);
        assert_eq!(
            show(&d, 0),
            "(a:(1,-2500,true,false,null),b:<x\"é\n>,c:(),dA:0)"
        );
        let a = d.member(0, "a");
        assert_eq!(d.kind(a), Kind::Arr);
        assert_eq!(d.text(d.member(0, "dA")), "0");
        assert_eq!(d.member(0, "z"), NONE);
        assert_eq!(d.member(a, "a"), NONE, "an array has no members");
        assert!(!d.items(a).is_empty());
        assert!(d.items(d.member(0, "c")).is_empty());
        assert!(d.items(d.member(0, "dA")).is_empty());
        assert_eq!(d.text(0), "", "an object has no text");
    }

    #[test]
    fn an_empty_or_broken_tape_reads_as_null() {
        let d = read("");
        assert_eq!(d.kind(0), Kind::Null);
        assert!(d.items(0).is_empty());
        // A container left open reads as empty; a text without its NUL ends with the tape.
        let d = read("[#1\0[\"ab");
        assert_eq!(show(&d, 0), "()");
        assert_eq!(d.text(3), "ab");
    }

    #[test]
    fn null_members_count_as_absent() {
        let d = read("{\"a\0n\"b\0#1\0}");
        assert_eq!(d.member(0, "a"), NONE);
        assert_eq!(d.kind(d.member(0, "b")), Kind::Num);
    }

    #[test]
    fn paths_name_where_a_value_is() {
        let t = doc(r#"{"x": 1, "list": [{"a": 1}, {"b": [true, {"c": "v"}]}]}"#);
        let d = read(&t);
        let list = d.member(0, "list");
        let second = d.items(list).nth(1).unwrap();
        let b = d.member(second, "b");
        let inner = d.items(b).nth(1).unwrap();
        let c = d.member(inner, "c");
        assert_eq!(d.path(c, ""), "list[1].b[1].c");
        assert_eq!(d.path(second, ""), "list[1]");
        assert_eq!(d.path(d.member(0, "x"), ""), "x");
        assert_eq!(d.path(0, ""), "");
        assert_eq!(d.path(0, "name"), "name");
        assert_eq!(d.path(second, "a"), "list[1].a");
        // A node past the end (NONE) reads as null: no members, no path.
        assert_eq!(d.path(NONE, ""), "");
        assert_eq!(d.member(NONE, "x"), NONE);
        assert_eq!(d.kind(NONE), Kind::Null);
    }

    #[test]
    fn the_native_writer_names_text_that_is_not_json() {
        for (text, want) in [
            (
                "{\n  \"a\": 1,\n}",
                "not valid JSON: trailing comma at line 3 column 1",
            ),
            (
                "[1 2]",
                "not valid JSON: expected `,` or `]` at line 1 column 4",
            ),
            (
                "",
                "not valid JSON: EOF while parsing a value at line 1 column 0",
            ),
        ] {
            assert_eq!(tape(text).unwrap_err(), want, "{text:?}");
        }
    }

    #[test]
    fn numbers_are_written_as_javascript_writes_them() {
        for (x, want) in [
            (0.0, "0"),
            (-0.0, "0"),
            (2.5, "2.5"),
            (100.0, "100"),
            (1e20, "100000000000000000000"),
            (1e21, "1e+21"),
            (-1.5e300, "-1.5e+300"),
            (0.000001, "0.000001"),
            (1e-7, "1e-7"),
            (1.0 / 3.0, "0.3333333333333333"),
        ] {
            assert_eq!(js_number(x), want, "{x}");
        }
    }
}
