//! A small JSON reader for recipe files: the text checked once, into one flat list of nodes that
//! point back into it.
//!
//! It replaces serde in the wasm (issue 6; docs/performance.md). Nothing is copied while parsing:
//! a string or number is a range of the text, copied (and unescaped) only when the reader takes
//! it, and a value's path (`ingredients[2].unit`) is worked out only when an error needs it.
//! Numbers are never turned into floats, so no float code reaches the wasm.

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

/// One value. An object's members follow it as key, value, key, value…; an array's items
/// follow it; `len` counts the node and everything inside it, so a sibling is `len` nodes on.
#[derive(Clone, Copy, Debug)]
struct Node {
    kind: Kind,
    /// A string's or number's text: the bytes between the quotes, or the number as written.
    start: u32,
    end: u32,
    len: u32,
}

/// A parsed recipe file. Node 0 is the top-level value; a value is named by its node's index.
/// After an error it has no nodes: every value in it reads as `null`.
pub struct Doc<'a> {
    text: &'a str,
    nodes: Vec<Node>,
}

/// Nesting deeper than this is refused: a recipe is a few levels deep, and a bound keeps a
/// hostile file from exhausting the stack.
const MAX_DEPTH: usize = 64;

/// Parses `text`. Where it stops being JSON, `fail` is told so
/// (`not valid JSON: line 4, column 28: expected ','`) and the document is empty: every value in it
/// reads as `null` (no `Result` handed back).
pub fn parse(text: &str, fail: impl FnOnce(&str)) -> Doc<'_> {
    let mut p = Parser::new(text.as_bytes());
    // A byte-order mark is not JSON, but editors write one.
    if p.src.starts_with(&[0xEF, 0xBB, 0xBF]) {
        p.pos = 3;
    }
    p.value(0);
    p.ws();
    if p.pos < p.src.len() {
        p.fail("unexpected text after the end of the recipe");
    }
    if !p.what.is_empty() {
        fail(&error(text.as_bytes(), p.at, p.what));
        p.nodes.clear();
    }
    Doc {
        text,
        nodes: p.nodes,
    }
}

/// `not valid JSON: line 4, column 28: what`, for the error met at byte `at` of `src`.
fn error(src: &[u8], at: usize, what: &str) -> String {
    let before = src.get(..at).unwrap_or(src);
    let (mut line, mut column) = (1, 1);
    for &b in before {
        if b == b'\n' {
            (line, column) = (line + 1, 1);
        } else {
            column += 1;
        }
    }
    let mut s = String::from("not valid JSON: line ");
    push_int(&mut s, line as i64);
    s.push_str(", column ");
    push_int(&mut s, column as i64);
    s.push_str(": ");
    s.push_str(what);
    s
}

struct Parser<'a> {
    src: &'a [u8],
    pos: usize,
    nodes: Vec<Node>,
    /// The first error, empty while there is none, and the byte where it was met.
    what: &'static str,
    at: usize,
}

impl Parser<'_> {
    /// Records the error `what` at the current byte unless one came first, and stops reading:
    /// the text left is dropped, so every loop ends and the values being read unwind without a
    /// `Result` passed up through each of them.
    #[inline(never)]
    fn fail(&mut self, what: &'static str) {
        if self.what.is_empty() {
            (self.what, self.at) = (what, self.pos);
        }
        self.src = &[];
    }

    /// A parser of `src` from its start.
    fn new(src: &[u8]) -> Parser<'_> {
        Parser {
            src,
            pos: 0,
            nodes: Vec::new(),
            what: "",
            at: 0,
        }
    }

    /// The value of the four hex digits at `at`, in a `\u` escape.
    fn hex4(&mut self, at: usize) -> u32 {
        let mut v = 0;
        for i in at..at + 4 {
            let b = self.src.get(i).copied().unwrap_or_default();
            // A letter's lower case, from `a`: 0 to 5 for a hex digit.
            let letter = (b | 0x20).wrapping_sub(b'a');
            let d = if b.is_ascii_digit() {
                b - b'0'
            } else if letter < 6 {
                letter + 10
            } else {
                self.fail("malformed \\u escape");
                0
            };
            v = v * 16 + d as u32;
        }
        v
    }

    /// At a backslash: the character its escape stands for, the escape stepped over. The
    /// parser checks escapes with it, and [`Doc::text`] decodes them.
    fn escape(&mut self) -> char {
        let at = self.pos + 1;
        let mut end = at + 1;
        let code = match self.src.get(at) {
            Some(b'"') => '"' as u32,
            Some(b'\\') => '\\' as u32,
            Some(b'/') => '/' as u32,
            Some(b'b') => 8,
            Some(b'f') => 12,
            Some(b'n') => '\n' as u32,
            Some(b'r') => '\r' as u32,
            Some(b't') => '\t' as u32,
            Some(b'u') => {
                let hi = self.hex4(at + 1);
                end = at + 5;
                if (0xD800..0xDC00).contains(&hi) && self.src.get(end..end + 2) == Some(b"\\u") {
                    let lo = self.hex4(at + 7);
                    end = at + 11;
                    let low = lo.wrapping_sub(0xDC00) & 0x3FF;
                    0x10000 + ((hi - 0xD800) << 10) + low
                } else {
                    hi
                }
            }
            _ => {
                self.fail("unknown escape in a string");
                0
            }
        };
        self.pos = end;
        char::from_u32(code).unwrap_or('\u{FFFD}')
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        self.eat_byte(b)
    }

    fn digits(&mut self) -> bool {
        let s = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos > s
    }

    /// One value and everything in it, appended to `nodes`; an error is recorded ([`Parser::fail`]).
    fn value(&mut self, depth: usize) {
        if depth > MAX_DEPTH {
            return self.fail("nested too deeply");
        }
        self.ws();
        let at = self.nodes.len();
        let start = self.pos;
        let mut node = Node {
            kind: Kind::Null,
            start: start as u32,
            end: start as u32,
            len: 1,
        };
        self.nodes.push(node);
        node.kind = match self.peek() {
            Some(open @ (b'{' | b'[')) => {
                self.pos += 1;
                let (close, kind) = if open == b'{' {
                    (b'}', Kind::Obj)
                } else {
                    (b']', Kind::Arr)
                };
                // After an error the text is gone: every `eat` fails, and the loop ends.
                if !self.eat(close) {
                    loop {
                        if kind == Kind::Obj {
                            self.ws();
                            if self.peek() != Some(b'"') {
                                self.fail("expected a quoted field name");
                            }
                            self.value(depth + 1);
                            if !self.eat(b':') {
                                self.fail("expected ':' after the field name");
                            }
                        }
                        self.value(depth + 1);
                        if self.eat(close) {
                            break;
                        }
                        if !self.eat(b',') {
                            self.fail(if kind == Kind::Obj {
                                "expected ',' or '}'"
                            } else {
                                "expected ',' or ']'"
                            });
                            break;
                        }
                    }
                }
                kind
            }
            Some(b'"') => {
                self.pos += 1;
                node.start += 1;
                loop {
                    match self.peek() {
                        None => {
                            self.fail("unclosed string");
                            break;
                        }
                        Some(b'"') => break,
                        Some(b'\\') => {
                            self.escape();
                        }
                        Some(0..=0x1F) => {
                            self.fail("control character in a string (write \\n for a new line)")
                        }
                        Some(_) => self.pos += 1,
                    }
                }
                node.end = self.pos as u32;
                self.pos += 1;
                Kind::Str
            }
            Some(c @ (b't' | b'f' | b'n')) => {
                let (word, kind): (&[u8], _) = match c {
                    b't' => (b"true", Kind::True),
                    b'f' => (b"false", Kind::False),
                    _ => (b"null", Kind::Null),
                };
                if !self.src.get(start..).unwrap_or_default().starts_with(word) {
                    self.fail("expected a value");
                }
                self.pos += word.len();
                kind
            }
            Some(b'-' | b'0'..=b'9') => {
                self.pos += usize::from(self.peek() == Some(b'-'));
                let leading_zero = self.peek() == Some(b'0');
                let int = self.pos;
                if !self.digits() || (leading_zero && self.pos - int > 1) {
                    self.fail("malformed number");
                }
                if self.eat_byte(b'.') && !self.digits() {
                    self.fail("malformed number");
                }
                if self.eat_byte(b'e') || self.eat_byte(b'E') {
                    let _ = self.eat_byte(b'+') || self.eat_byte(b'-');
                    if !self.digits() {
                        self.fail("malformed number");
                    }
                }
                node.end = self.pos as u32;
                Kind::Num
            }
            Some(_) => {
                self.fail("expected a value");
                Kind::Null
            }
            None => {
                self.fail("the recipe ends too soon");
                Kind::Null
            }
        };
        node.len = (self.nodes.len() - at) as u32;
        if let Some(n) = self.nodes.get_mut(at) {
            *n = node;
        }
    }

    /// Steps over `b` if it comes next, without skipping white space (inside a number).
    fn eat_byte(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.pos += usize::from(found);
        found
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
        self.at = value + self.doc.node(value).len as usize;
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

    /// A string's text as written (escapes not decoded), or a number's.
    pub(crate) fn raw(&self, v: usize) -> &str {
        let n = self.node(v);
        self.text
            .get(n.start as usize..n.end as usize)
            .unwrap_or_default()
    }

    /// A string's text, unescaped, or a number as written; empty for anything else.
    pub fn text(&self, v: usize) -> String {
        let raw = self.raw(v);
        let mut p = Parser::new(raw.as_bytes());
        let mut out = String::new();
        // `run`: where the text not yet copied starts. Escapes were checked while parsing;
        // text between them is whole characters.
        let mut run = 0;
        while let Some(b) = p.peek() {
            if b == b'\\' {
                out.push_str(raw.get(run..p.pos).unwrap_or_default());
                out.push(p.escape());
                run = p.pos;
            } else {
                p.pos += 1;
            }
        }
        out.push_str(raw.get(run..).unwrap_or_default());
        out
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
                        push_name(&mut path, &self.text(child - 1));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `parse` with its error handed back (and the document then empty).
    fn parsed(text: &str) -> Result<Doc<'_>, String> {
        let mut error = None;
        let d = parse(text, |m| error = Some(String::from(m)));
        match error {
            Some(e) => {
                assert_eq!(d.kind(0), Kind::Null, "{text:?}");
                Err(e)
            }
            None => Ok(d),
        }
    }

    /// The document back as compact JSON-like text, to compare whole trees.
    fn show(d: &Doc, v: usize) -> String {
        match d.kind(v) {
            Kind::Null => "null".into(),
            Kind::True => "true".into(),
            Kind::False => "false".into(),
            Kind::Num => d.text(v),
            Kind::Str => cat(&["<", &d.text(v), ">"]),
            Kind::Arr | Kind::Obj => {
                let items: Vec<String> = d
                    .items(v)
                    .map(|i| {
                        if d.kind(v) == Kind::Obj {
                            cat(&[&d.text(i - 1), ":", &show(d, i)])
                        } else {
                            show(d, i)
                        }
                    })
                    .collect();
                cat(&["(", &items.join(","), ")"])
            }
        }
    }

    #[test]
    fn reads_every_kind_of_value() {
        let d = parsed(
            r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\ud83c\udf36\n", "c": {}, "d\u0041": 0} "#,
        )
        .unwrap();
        assert_eq!(
            show(&d, 0),
            "(a:(1,-2.5e3,true,false,null),b:<x\"é🌶\n>,c:(),dA:0)"
        );
        let a = d.member(0, "a");
        assert_eq!(d.kind(a), Kind::Arr);
        assert_eq!(d.text(d.member(0, "dA")), "0");
        assert_eq!(d.member(0, "z"), NONE);
        assert_eq!(d.member(a, "a"), NONE, "an array has no members");
        assert!(!d.items(a).is_empty());
        assert!(d.items(d.member(0, "c")).is_empty());
        assert!(d.items(d.member(0, "dA")).is_empty());
        let d = parsed(r#""\u00C9\u00e9\uD83C\uDF36""#).unwrap();
        assert_eq!(d.text(0), "Éé🌶");
        let d = parsed("\u{FEFF}[]").unwrap();
        assert_eq!(show(&d, 0), "()");
    }

    #[test]
    fn null_members_count_as_absent() {
        let d = parsed(r#"{"a": null, "b": 1}"#).unwrap();
        assert_eq!(d.member(0, "a"), NONE);
        assert_eq!(d.kind(d.member(0, "b")), Kind::Num);
    }

    #[test]
    fn paths_name_where_a_value_is() {
        let d = parsed(r#"{"x": 1, "list": [{"a": 1}, {"b": [true, {"c": "v"}]}]}"#).unwrap();
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
    fn says_where_it_stopped_being_json() {
        let cases = [
            (
                "{\n  \"a\": 1,\n}",
                "not valid JSON: line 3, column 1: expected a quoted field name",
            ),
            ("[1 2]", "line 1, column 4: expected ',' or ']'"),
            ("{\"a\" 1}", "expected ':'"),
            ("{\"a\": 1 \"b\"}", "expected ',' or '}'"),
            ("", "ends too soon"),
            ("[01]", "malformed number"),
            ("[-01]", "malformed number"),
            ("[1.]", "malformed number"),
            ("[1e]", "malformed number"),
            ("[-]", "malformed number"),
            ("\"abc", "unclosed string"),
            ("\"a\nb\"", "control character"),
            ("\"\\x\"", "unknown escape"),
            ("\"\\u12\"", "malformed \\u escape"),
            ("\"\\u00@0\"", "malformed \\u escape"),
            ("\"\\u00`0\"", "malformed \\u escape"),
            ("\"\\u00G0\"", "malformed \\u escape"),
            ("[tru]", "expected a value"),
            ("{} x", "unexpected text after the end"),
        ];
        for (text, want) in cases {
            let got = parsed(text).err().unwrap_or_default();
            assert!(got.contains(want), "{text:?}: {got}");
        }
        for ok in ["[0]", "[-0.5e+3]", "[1E2]", "\"\\/\\b\\f\\r\\t\""] {
            assert!(parsed(ok).is_ok(), "{ok}");
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert!(parsed(&deep)
            .err()
            .unwrap_or_default()
            .contains("nested too deeply"));
    }
}
