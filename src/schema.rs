//! Reading the recipe file's JSON (docs/recipe-format.md) with the path of every value, for
//! [`crate::validate`], which reads and checks the recipe in one pass.
//!
//! A value of the wrong type or a missing field is recorded in a `validate::Errors` (the first wins)
//! and reads as empty, so reading goes on without early returns: in the wasm each `?` out of a
//! half-built value costs code to drop what was built (docs/performance.md).

use crate::json::Json;
use crate::prelude::*;
use crate::quantity::format::parse_uint;
use crate::validate::Errors;

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// Records `invalid type: string "four", expected a whole number` at `path`.
fn wrong(errors: &Errors, path: String, v: &Json, expected: &str) {
    let found = match v {
        Json::Null => "null".into(),
        Json::Bool(b) => (if *b { "boolean true" } else { "boolean false" }).into(),
        Json::Num(n) => ["number ", n].concat(),
        Json::Str(s) => ["string \"", s, "\""].concat(),
        Json::Arr(_) => "an array".into(),
        Json::Obj(_) => "an object".into(),
    };
    errors.fail(
        path,
        ["invalid type: ", &found, ", expected ", expected].concat(),
    );
}

/// `path.key`, or `key` at the top.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.into()
    } else {
        [path, ".", key].concat()
    }
}

/// A JSON object being read, with its path for errors. A value of another type reads as an
/// empty object, after recording the error: reading goes on after an error, with empty values,
/// so that `read` has no early returns (see [`Errors`]).
pub(crate) struct Obj<'a> {
    pub(crate) path: String,
    members: &'a [(String, Json)],
    errors: &'a Errors,
}

fn obj<'a>(errors: &'a Errors, path: String, v: &'a Json) -> Obj<'a> {
    let members: &[(String, Json)] = match v {
        Json::Obj(members) => members,
        other => {
            wrong(errors, path.clone(), other, "an object");
            &[]
        }
    };
    Obj {
        path,
        members,
        errors,
    }
}

impl<'a> Obj<'a> {
    /// A member; `null` counts as absent.
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.members
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Json::Null)
    }

    pub(crate) fn need(&self, key: &str) -> Option<&'a Json> {
        let v = self.get(key);
        if v.is_none() {
            self.errors
                .fail(self.path.clone(), ["missing field `", key, "`"].concat());
        }
        v
    }

    fn text(&self, key: &str, v: &Json) -> Option<String> {
        match v {
            Json::Str(s) => Some(s.clone()),
            other => {
                wrong(self.errors, join(&self.path, key), other, "a string");
                None
            }
        }
    }

    pub(crate) fn str(&self, key: &str) -> String {
        self.need(key)
            .and_then(|v| self.text(key, v))
            .unwrap_or_default()
    }

    pub(crate) fn opt_str(&self, key: &str) -> Option<String> {
        self.text(key, self.get(key)?)
    }

    /// An amount may be written as a string ("1/3", "2-3") or a plain JSON number (2, 0.5).
    pub(crate) fn opt_amount(&self, key: &str) -> Option<String> {
        match self.get(key)? {
            Json::Num(n) => Some(n.clone()),
            v => self.text(key, v),
        }
    }

    pub(crate) fn opt_u32(&self, key: &str) -> Option<u32> {
        match self.get(key)? {
            Json::Num(n) if n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()) => {
                parse_uint(n).map(|n| n as u32)
            }
            other => {
                wrong(self.errors, join(&self.path, key), other, "a whole number");
                None
            }
        }
    }

    pub(crate) fn u32(&self, key: &str) -> u32 {
        self.need(key);
        self.opt_u32(key).unwrap_or_default()
    }

    pub(crate) fn opt_bool(&self, key: &str) -> Option<bool> {
        match self.get(key)? {
            Json::Bool(b) => Some(*b),
            other => {
                wrong(self.errors, join(&self.path, key), other, "true or false");
                None
            }
        }
    }

    pub(crate) fn opt_obj(&self, key: &str) -> Option<Obj<'a>> {
        Some(obj(self.errors, join(&self.path, key), self.get(key)?))
    }

    pub(crate) fn obj(&self, key: &str) -> Obj<'a> {
        let path = join(&self.path, key);
        match self.need(key) {
            Some(v) => obj(self.errors, path, v),
            None => Obj {
                path,
                members: &[],
                errors: self.errors,
            },
        }
    }

    /// The items of an array member; absent is empty.
    fn items(&self, key: &str) -> &'a [Json] {
        match self.get(key) {
            None => &[],
            Some(Json::Arr(items)) => items,
            Some(other) => {
                wrong(self.errors, join(&self.path, key), other, "an array");
                &[]
            }
        }
    }

    /// `key[i]`, the path of an item.
    fn item_path(&self, key: &str, i: usize) -> String {
        let mut p = join(&self.path, key);
        p.push('[');
        crate::quantity::format::push_int(&mut p, i as i64);
        p.push(']');
        p
    }

    /// The items of an array member as objects; `need`: the member must be there.
    pub(crate) fn list(&self, key: &str, need: bool) -> Vec<Obj<'a>> {
        if need {
            self.need(key);
        }
        let mut out = Vec::new();
        for (i, v) in self.items(key).iter().enumerate() {
            out.push(obj(self.errors, self.item_path(key, i), v));
        }
        out
    }

    /// The same object, recording its errors in `errors` instead.
    pub(crate) fn reporting_to<'b>(&self, errors: &'b Errors) -> Obj<'b>
    where
        'a: 'b,
    {
        Obj {
            path: self.path.clone(),
            members: self.members,
            errors,
        }
    }

    /// `path.key`: where a member's error points.
    pub(crate) fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }

    pub(crate) fn strings(&self, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, v) in self.items(key).iter().enumerate() {
            match v {
                Json::Str(s) => out.push(s.clone()),
                other => wrong(self.errors, self.item_path(key, i), other, "a string"),
            }
        }
        out
    }
}

/// The file's top level.
pub(crate) fn top<'a>(errors: &'a Errors, root: &'a Json) -> Obj<'a> {
    obj(errors, String::new(), root)
}
