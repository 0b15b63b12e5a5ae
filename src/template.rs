//! Step text that names ingredients by id, so a changed amount, swap or spice level shows up in the
//! steps too.
//!
//! Grammar (docs/recipe-format.md): `{id}` is the ingredient's current name, `{id:amount}` its
//! current amount and name, and `[ … ]` an optional group dropped when an ingredient inside it is
//! not used (a swap turned it off, or the chilies are served on the side). Plain `{`, `}`, `[` and
//! `]` cannot appear in step text.

use crate::prelude::*;
/// A piece of parsed step text. Ingredient references hold indices into `Recipe::ingredients`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Text(String),
    Name(usize),
    Amount(usize),
    Group(Vec<Seg>),
}

pub type Template = Vec<Seg>;

/// Whether `b` opens or closes a reference or a group.
fn special(b: u8) -> bool {
    matches!(b, b'{' | b'}' | b'[' | b']')
}

/// Parses step text, resolving ids with `lookup`; an error, a short reason for the author, goes
/// to `fail` and the template is empty.
///
/// Scanned by bytes (the four special characters are ASCII, so text between them is whole
/// characters): a `Chars` iterator and a `String` per character cost more code in the wasm.
/// `lookup` and `fail` are generic, not `&dyn Fn`: the wasm has one caller, whose closures are
/// then compiled in (no vtable, no indirect call), and no `Result` is handed back.
pub fn parse(
    src: &str,
    lookup: impl Fn(&str) -> Option<usize>,
    fail: impl FnOnce(&str),
) -> Template {
    let bytes = src.as_bytes();
    // `top`: the group being read; `outer`: the groups it is inside, innermost last, each kept
    // as a `Seg::Group` (no list of lists of its own).
    let (mut top, mut outer) = (Vec::new(), Vec::new());
    // `text`: where the text not yet pushed starts; `at`: the byte being looked at;
    // `reference`: whether that text is a reference's, after its `{`.
    let (mut text, mut at, mut reference) = (0, 0, false);
    // The first error, and the id it names (an unknown one).
    let (mut error, mut unknown) = ("", None);
    loop {
        // The end of the step ends the last run of text, as a special character does.
        let b = bytes.get(at).copied();
        if b.is_some_and(|b| !special(b)) {
            at += 1;
            continue;
        }
        let run = src.get(text..at).unwrap_or_default();
        at += 1;
        text = at;
        if reference {
            if b != Some(b'}') {
                error = "unclosed '{' in step text";
                break;
            }
            reference = false;
            let (id, form) = crate::quantity::format::split(run, b":").unwrap_or((run, ""));
            let (id, form) = (id.trim_ascii(), form.trim_ascii());
            let Some(index) = lookup(id) else {
                (error, unknown) = ("unknown ingredient id", Some(id));
                break;
            };
            let seg = match form {
                "" => Seg::Name(index),
                "amount" => Seg::Amount(index),
                _ => {
                    error = "a reference is {id} or {id:amount}";
                    break;
                }
            };
            top.push(seg);
            continue;
        }
        if !run.is_empty() {
            top.push(Seg::Text(run.into()));
        }
        match b {
            None => {
                if !outer.is_empty() {
                    error = "unclosed '[' in step text";
                }
                break;
            }
            Some(b'{') => reference = true,
            Some(b'[') => outer.push(Seg::Group(core::mem::take(&mut top))),
            Some(b']') => {
                let Some(Seg::Group(up)) = outer.pop() else {
                    error = "']' without '[' in step text";
                    break;
                };
                let group = core::mem::replace(&mut top, up);
                top.push(Seg::Group(group));
            }
            _ => {
                error = "'}' without '{' in step text";
                break;
            }
        }
    }
    if error.is_empty() {
        return top;
    }
    fail(&match unknown {
        Some(id) => crate::schema::quoted(error, id),
        None => error.into(),
    });
    Vec::new()
}

/// Every ingredient index a template refers to, groups included.
pub fn refs(t: &[Seg], out: &mut Vec<usize>) {
    for s in t {
        match s {
            Seg::Name(i) | Seg::Amount(i) => out.push(*i),
            Seg::Group(g) => refs(g, out),
            Seg::Text(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(id: &str) -> Option<usize> {
        ["sugar", "water", "chili"].iter().position(|x| *x == id)
    }

    /// `parse` with its error handed back (and the template then empty).
    fn read(src: &str) -> Result<Template, String> {
        let mut error = None;
        let t = parse(src, ids, |m| error = Some(String::from(m)));
        match error {
            Some(e) => {
                assert!(t.is_empty(), "{src:?}");
                Err(e)
            }
            None => Ok(t),
        }
    }

    #[test]
    fn parses_names_amounts_and_groups() {
        let t = read("Melt {sugar:amount} with {water}[, {chili}].").unwrap();
        assert_eq!(
            t,
            vec![
                Seg::Text("Melt ".into()),
                Seg::Amount(0),
                Seg::Text(" with ".into()),
                Seg::Name(1),
                Seg::Group(vec![Seg::Text(", ".into()), Seg::Name(2)]),
                Seg::Text(".".into()),
            ]
        );
        let mut r = Vec::new();
        refs(&t, &mut r);
        assert_eq!(r, vec![0, 1, 2]);
    }

    #[test]
    fn spaces_around_id_and_form_are_ignored() {
        let t = read("{ sugar : amount }{ water }{chili: }").unwrap();
        assert_eq!(t, vec![Seg::Amount(0), Seg::Name(1), Seg::Name(2)]);
        assert!(read("{sugar: am ount}").is_err());
    }

    #[test]
    fn names_the_problem() {
        assert_eq!(
            read("Add {pepper}.").unwrap_err(),
            "unknown ingredient id \"pepper\""
        );
        let cases = [
            ("Add {sugar", "unclosed '{' in step text"),
            ("Add {sugar[x]}", "unclosed '{' in step text"),
            ("Add [x", "unclosed '[' in step text"),
            ("Add x]", "']' without '[' in step text"),
            ("Add x}", "'}' without '{' in step text"),
            ("{sugar:grams}", "a reference is {id} or {id:amount}"),
            ("[{sugar}] {pepper} x]", "unknown ingredient id \"pepper\""),
        ];
        for (src, want) in cases {
            assert_eq!(read(src).unwrap_err(), want, "{src:?}");
        }
    }
}
