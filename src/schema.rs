//! Reading the recipe file's JSON (docs/recipe-format.md) member by member, for
//! [`crate::validate`], which reads and checks the recipe in one pass.
//!
//! A value of the wrong type or a missing field is recorded in a `validate::Errors` (the first wins)
//! and reads as empty, so reading goes on without early returns: in the wasm each `?` out of a
//! half-built value costs code to drop what was built (docs/performance.md). Paths such as
//! `ingredients[2].unit` are worked out from the document only when an error names one.

use crate::json::{Doc, Items, Kind, NONE};
use crate::prelude::*;
use crate::quantity::format::parse_uint;
use crate::validate::{Errors, FormatError};

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;
// `validate::head`'s message names the version as text.
const _: () = assert!(
    FORMAT_VERSION == 1,
    "update the format message in validate::head"
);

/// `before "value"`.
pub(crate) fn quoted(before: &str, value: &str) -> String {
    cat(&[before, " \"", value, "\""])
}

/// A JSON object being read. A value of another type reads as an empty object, after recording
/// the error: reading goes on after an error, with empty values, so that `read` has no early
/// returns (see [`Errors`]).
#[derive(Clone, Copy)]
pub(crate) struct Obj<'a> {
    doc: &'a Doc<'a>,
    /// The object's node; [`NONE`] when it is absent or not an object, an error already recorded.
    /// A document has no such node and reads it as `null`: it has no members and its path is
    /// empty, so no `Option` is checked at each read.
    node: usize,
    errors: &'a Errors,
}

impl<'a> Obj<'a> {
    /// `path.key`: where a member's error points.
    pub(crate) fn at(&self, key: &str) -> String {
        self.doc.path(self.node, key)
    }

    /// Adds the warning `message` about member `key` to `warnings`.
    pub(crate) fn warn(&self, warnings: &mut Vec<FormatError>, key: &str, message: &str) {
        warnings.push(FormatError {
            path: self.at(key),
            message: message.into(),
        });
    }

    /// Records `message` about member `key`.
    pub(crate) fn fail(&self, key: &str, message: &str) {
        self.errors.fail(self.at(key), message);
    }

    /// Records `before "value"` about member `key`: one call for the many messages that quote
    /// the value at fault.
    pub(crate) fn fail_quoted(&self, key: &str, before: &str, value: &str) {
        self.fail(key, &quoted(before, value));
    }

    /// Records `invalid type: string "four", expected a whole number` for value `v`.
    fn wrong(&self, v: usize, expected: &str) {
        let d = self.doc;
        let text = d.text(v);
        let found = match d.kind(v) {
            Kind::Null => "null",
            Kind::True => "boolean true",
            Kind::False => "boolean false",
            Kind::Num => "number ",
            Kind::Str => "string \"",
            Kind::Arr => "an array",
            Kind::Obj => "an object",
        };
        let close = if d.kind(v) == Kind::Str { "\"" } else { "" };
        let message = cat(&[
            "invalid type: ",
            found,
            text,
            close,
            ", expected ",
            expected,
        ]);
        self.errors.fail(d.path(v, ""), &message);
    }

    /// A member, [`NONE`] when absent (or `null`).
    fn get(&self, key: &str) -> usize {
        self.doc.member(self.node, key)
    }

    /// A member that must be there. When it is absent, [`NONE`] reads as `null`: a check of its
    /// type that follows records an error too, but the missing field's came first and wins.
    fn need(&self, key: &str) -> usize {
        let v = self.get(key);
        if v == NONE {
            let path = self.doc.path(self.node, "");
            self.errors.fail(path, &cat(&["missing field `", key, "`"]));
        }
        v
    }

    /// Value `v` as an object.
    fn obj_at(&self, v: usize) -> Obj<'a> {
        Obj {
            node: if self.is(v, Kind::Obj, "an object") {
                v
            } else {
                NONE
            },
            ..*self
        }
    }

    /// Whether value `v` is of kind `kind`; if not, the error is recorded.
    fn is(&self, v: usize, kind: Kind, expected: &str) -> bool {
        let ok = self.doc.kind(v) == kind;
        if !ok {
            self.wrong(v, expected);
        }
        ok
    }

    /// Whether value `v` is a string; if not, the error is recorded.
    fn is_str(&self, v: usize) -> bool {
        self.is(v, Kind::Str, "a string")
    }

    /// Value `v`'s text when it is a string (borrowed from the tape: a check that only looks at
    /// it copies nothing, and drops nothing).
    fn text(&self, v: usize) -> Option<&'a str> {
        self.is_str(v).then(|| self.doc.text(v))
    }

    /// Value `v`'s text when it is a string; `None` when it is absent.
    fn opt_text(&self, v: usize) -> Option<&'a str> {
        if v == NONE {
            return None;
        }
        self.text(v)
    }

    /// Whether member `key` is there as a string, recording the error if it is of another type:
    /// what `opt_str(key).is_some()` says, without copying the text (and dropping the copy).
    pub(crate) fn has_str(&self, key: &str) -> bool {
        let v = self.get(key);
        v != NONE && self.is_str(v)
    }

    /// Whether member `key` is there as an amount: `opt_amount(key).is_some()` without the copy.
    pub(crate) fn has_amount(&self, key: &str) -> bool {
        let v = self.get(key);
        v != NONE && (self.doc.kind(v) == Kind::Num || self.is_str(v))
    }

    /// A string member that must be there, borrowed; empty when it is not.
    pub(crate) fn str_ref(&self, key: &str) -> &'a str {
        self.text(self.need(key)).unwrap_or_default()
    }

    pub(crate) fn str(&self, key: &str) -> String {
        self.str_ref(key).into()
    }

    /// An optional string member, borrowed.
    pub(crate) fn opt_ref(&self, key: &str) -> Option<&'a str> {
        self.opt_text(self.get(key))
    }

    pub(crate) fn opt_str(&self, key: &str) -> Option<String> {
        self.opt_ref(key).map(String::from)
    }

    /// An optional string member's text; empty when absent. One call instead of an `Option`
    /// unwrapped (and dropped) at each field.
    pub(crate) fn or_empty(&self, key: &str) -> String {
        self.opt_ref(key).unwrap_or_default().into()
    }

    /// An optional string member's text, trimmed; empty when absent.
    pub(crate) fn trimmed(&self, key: &str) -> String {
        self.opt_ref(key).unwrap_or_default().trim_ascii().into()
    }

    /// The trimmed text of a member that must not be empty.
    pub(crate) fn required(&self, key: &str) -> String {
        let t = self.str_ref(key).trim_ascii();
        if t.is_empty() {
            self.fail(key, "must not be empty");
        }
        t.into()
    }

    /// An amount may be written as a string ("1/3", "2-3") or a plain JSON number (2, 0.5).
    pub(crate) fn opt_amount(&self, key: &str) -> Option<&'a str> {
        self.has_amount(key).then(|| self.doc.text(self.get(key)))
    }

    pub(crate) fn opt_u32(&self, key: &str) -> Option<u32> {
        let v = self.get(key);
        if v == NONE {
            return None;
        }
        let n = self.doc.text(v);
        // At most 9 digits: any such number fits a `u32`.
        let whole = if self.doc.kind(v) == Kind::Num && n.len() <= 9 {
            parse_uint(n)
        } else {
            None
        };
        if whole.is_none() {
            self.wrong(v, "a whole number");
        }
        whole.map(|n| n as u32)
    }

    pub(crate) fn u32(&self, key: &str) -> u32 {
        self.need(key);
        self.opt_u32(key).unwrap_or_default()
    }

    pub(crate) fn opt_bool(&self, key: &str) -> Option<bool> {
        let v = self.get(key);
        match self.doc.kind(v) {
            Kind::True => Some(true),
            Kind::False => Some(false),
            // Absent: [`NONE`] reads as `null`.
            Kind::Null => None,
            _ => {
                self.wrong(v, "true or false");
                None
            }
        }
    }

    pub(crate) fn opt_obj(&self, key: &str) -> Option<Obj<'a>> {
        let v = self.get(key);
        (v != NONE).then(|| self.obj_at(v))
    }

    pub(crate) fn obj(&self, key: &str) -> Obj<'a> {
        self.obj_at(self.need(key))
    }

    /// The items of an array member; absent is none.
    fn array(&self, key: &str) -> Items<'a> {
        let v = self.get(key);
        let array = v == NONE || self.is(v, Kind::Arr, "an array");
        self.doc.items(if array { v } else { NONE })
    }

    /// The items of an array member as objects; `need`: the member must be there. Every item's
    /// type is checked here, before any is read, so an item of the wrong type is reported before
    /// any error inside the items; they are then handed out one at a time (no `Vec` to build and
    /// drop).
    pub(crate) fn list(&self, key: &str, need: bool) -> List<'a> {
        if need {
            self.need(key);
        }
        let items = self.array(key);
        for v in items.clone() {
            self.is(v, Kind::Obj, "an object");
        }
        List {
            items,
            errors: self.errors,
        }
    }

    /// The strings of an array member, appended to `out` (the list where they stay: no list
    /// moved in and no empty one dropped).
    pub(crate) fn strings(&self, key: &str, out: &mut Vec<String>) {
        for v in self.array(key) {
            if let Some(s) = self.text(v) {
                out.push(s.into());
            }
        }
    }

    /// The same object, recording its errors in `errors` instead.
    pub(crate) fn reporting_to<'b>(&self, errors: &'b Errors) -> Obj<'b>
    where
        'a: 'b,
    {
        Obj {
            doc: self.doc,
            node: self.node,
            errors,
        }
    }
}

/// The items of an array member as objects, from [`Obj::list`]; an item of another type (its
/// error recorded there) reads as an empty object.
#[derive(Clone)]
pub(crate) struct List<'a> {
    items: Items<'a>,
    errors: &'a Errors,
}

impl List<'_> {
    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl<'a> Iterator for List<'a> {
    type Item = Obj<'a>;

    fn next(&mut self) -> Option<Obj<'a>> {
        let v = self.items.next()?;
        let doc = self.items.doc();
        let node = if doc.kind(v) == Kind::Obj { v } else { NONE };
        Some(Obj {
            doc,
            node,
            errors: self.errors,
        })
    }
}

/// The file's top level.
pub(crate) fn top<'a>(errors: &'a Errors, doc: &'a Doc<'a>) -> Obj<'a> {
    Obj {
        doc,
        node: 0,
        errors,
    }
    .obj_at(0)
}
