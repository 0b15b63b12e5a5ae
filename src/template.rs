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

/// Parses step text, resolving ids with `lookup`. The error is a short reason for the author.
pub fn parse(src: &str, lookup: &dyn Fn(&str) -> Option<usize>) -> Result<Template, String> {
    let mut stack: Vec<Vec<Seg>> = vec![Vec::new()];
    let mut text = String::new();
    let mut chars = src.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                let mut inner = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some('{' | '[' | ']') | None => {
                            return Err("unclosed '{' in step text".into());
                        }
                        Some(c) => inner.push(c),
                    }
                }
                let (id, form) = match crate::quantity::format::split(&inner, b":") {
                    Some((id, form)) => (id.trim(), form.trim()),
                    None => (inner.trim(), ""),
                };
                let index = lookup(id).ok_or_else(|| {
                    let mut m = String::from("unknown ingredient id \"");
                    m.push_str(id);
                    m.push('"');
                    m
                })?;
                let seg = match form {
                    "" => Seg::Name(index),
                    "amount" => Seg::Amount(index),
                    _ => return Err("a reference is {id} or {id:amount}".into()),
                };
                flush(&mut text, &mut stack);
                push(&mut stack, seg);
            }
            '[' => {
                flush(&mut text, &mut stack);
                stack.push(Vec::new());
            }
            ']' => {
                flush(&mut text, &mut stack);
                if stack.len() < 2 {
                    return Err("']' without '[' in step text".into());
                }
                let group = stack.pop().unwrap_or_default();
                push(&mut stack, Seg::Group(group));
            }
            '}' => return Err("'}' without '{' in step text".into()),
            c => text.push(c),
        }
    }
    flush(&mut text, &mut stack);
    if stack.len() != 1 {
        return Err("unclosed '[' in step text".into());
    }
    Ok(stack.pop().unwrap_or_default())
}

fn push(stack: &mut [Vec<Seg>], seg: Seg) {
    if let Some(top) = stack.last_mut() {
        top.push(seg);
    }
}

fn flush(text: &mut String, stack: &mut [Vec<Seg>]) {
    if !text.is_empty() {
        push(stack, Seg::Text(core::mem::take(text)));
    }
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
        let t = parse("Melt {sugar:amount} with {water}[, {chili}].", &ids).unwrap();
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
    fn names_the_problem() {
        assert_eq!(
            parse("Add {pepper}.", &ids).unwrap_err(),
            "unknown ingredient id \"pepper\""
        );
        assert!(parse("Add {sugar", &ids)
            .unwrap_err()
            .contains("unclosed '{'"));
        assert!(parse("Add [x", &ids).unwrap_err().contains("unclosed '['"));
        assert!(parse("Add x]", &ids).unwrap_err().contains("without '['"));
        assert!(parse("Add x}", &ids).unwrap_err().contains("without '{'"));
        assert!(parse("{sugar:grams}", &ids).is_err());
    }
}
