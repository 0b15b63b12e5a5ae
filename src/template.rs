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

/// Parses step text, resolving ids with `lookup`. The error is a short reason for the author.
///
/// Scanned by bytes (the four special characters are ASCII, so text between them is whole
/// characters): a `Chars` iterator and a `String` per character cost more code in the wasm.
/// `lookup` is generic, not `&dyn Fn`: the wasm has one caller, whose lookup is then compiled in
/// (no vtable, no indirect call).
pub fn parse(src: &str, lookup: impl Fn(&str) -> Option<usize>) -> Result<Template, String> {
    let bytes = src.as_bytes();
    // `top`: the group being read; `outer`: the groups it is inside, innermost last, each kept
    // as a `Seg::Group` (no list of lists of its own).
    let (mut top, mut outer) = (Vec::new(), Vec::new());
    // `text`: where the text not yet pushed starts; `at`: the byte being looked at;
    // `reference`: whether that text is a reference's, after its `{`.
    let (mut text, mut at, mut reference) = (0, 0, false);
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
                return Err("unclosed '{' in step text".into());
            }
            reference = false;
            let (id, form) = crate::quantity::format::split(run, b":").unwrap_or((run, ""));
            let (id, form) = (id.trim_ascii(), form.trim_ascii());
            let Some(index) = lookup(id) else {
                return Err(cat(&["unknown ingredient id \"", id, "\""]));
            };
            let seg = match form {
                "" => Seg::Name(index),
                "amount" => Seg::Amount(index),
                _ => return Err("a reference is {id} or {id:amount}".into()),
            };
            top.push(seg);
            continue;
        }
        if !run.is_empty() {
            top.push(Seg::Text(run.into()));
        }
        match b {
            None => break,
            Some(b'{') => reference = true,
            Some(b'[') => outer.push(Seg::Group(core::mem::take(&mut top))),
            Some(b']') => {
                let Some(Seg::Group(up)) = outer.pop() else {
                    return Err("']' without '[' in step text".into());
                };
                let group = core::mem::replace(&mut top, up);
                top.push(Seg::Group(group));
            }
            _ => return Err("'}' without '{' in step text".into()),
        }
    }
    if !outer.is_empty() {
        return Err("unclosed '[' in step text".into());
    }
    Ok(top)
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

    #[test]
    fn parses_names_amounts_and_groups() {
        let t = parse("Melt {sugar:amount} with {water}[, {chili}].", ids).unwrap();
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
        let t = parse("{ sugar : amount }{ water }{chili: }", ids).unwrap();
        assert_eq!(t, vec![Seg::Amount(0), Seg::Name(1), Seg::Name(2)]);
        assert!(parse("{sugar: am ount}", ids).is_err());
    }

    #[test]
    fn names_the_problem() {
        assert_eq!(
            parse("Add {pepper}.", ids).unwrap_err(),
            "unknown ingredient id \"pepper\""
        );
        assert!(parse("Add {sugar", ids)
            .unwrap_err()
            .contains("unclosed '{'"));
        assert!(parse("Add [x", ids).unwrap_err().contains("unclosed '['"));
        assert!(parse("Add x]", ids).unwrap_err().contains("without '['"));
        assert!(parse("Add x}", ids).unwrap_err().contains("without '{'"));
        assert!(parse("{sugar:grams}", ids).is_err());
    }
}
