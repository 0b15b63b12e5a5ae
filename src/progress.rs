//! Cook-mode progress: ingredients a cook has set out and steps they have done, stored per recipe
//! as `v1;i:0,3;s:1` (ingredient and step indices).

use crate::prelude::*;
use crate::quantity::format::{fields, parse_uint, push_int, stored_entries, warn};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Per ingredient (recipe order): set out / checked off.
    pub got: Vec<bool>,
    /// Per step: marked done.
    pub done: Vec<bool>,
}

impl Progress {
    pub fn new(ingredients: usize, steps: usize) -> Progress {
        Progress {
            got: unmarked(ingredients),
            done: unmarked(steps),
        }
    }

    pub fn encode(&self) -> String {
        let mut out = String::from("v1;i:");
        push_marks(&mut out, &self.got);
        out.push_str(";s:");
        push_marks(&mut out, &self.done);
        out
    }

    /// Restores stored marks; a foreign or corrupt value, or an index past the recipe's end,
    /// is skipped with a warning.
    pub fn restore(&mut self, stored: &str, warnings: &mut Vec<String>) {
        let Some(parts) = stored_entries(stored) else {
            warn(
                warnings,
                "stored cook-mode progress in an unknown format: ignored",
                "",
            );
            return;
        };
        for part in parts {
            // By bytes: `&str` compares are calls.
            let marks = match part.as_bytes() {
                [b'i', b':', ..] => &mut self.got,
                [b's', b':', ..] => &mut self.done,
                _ => {
                    warn(warnings, "stored progress entry ignored: ", part);
                    continue;
                }
            };
            for index in fields(part.get(2..).unwrap_or_default(), b',') {
                // Matched in place: no `and_then` closure.
                match parse_uint(index) {
                    Some(i) if (i as usize) < marks.len() => marks[i as usize] = true,
                    _ if index.is_empty() => {}
                    _ => warn(warnings, "stored progress index ignored: ", index),
                }
            }
        }
    }
}

/// `n` marks, none set: pushed, not `vec![false; n]` (its zeroed allocation is its own code).
#[allow(clippy::same_item_push)]
fn unmarked(n: usize) -> Vec<bool> {
    let mut marks = Vec::new();
    for _ in 0..n {
        marks.push(false);
    }
    marks
}

/// Appends the indices of the marks that are set, separated by commas.
fn push_marks(out: &mut String, marks: &[bool]) {
    let mut sep = "";
    for (i, &m) in marks.iter().enumerate() {
        if m {
            out.push_str(sep);
            sep = ",";
            push_int(out, i as i64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_skips_what_it_cannot_read() {
        let mut p = Progress::new(4, 3);
        p.got[0] = true;
        p.got[3] = true;
        p.done[1] = true;
        assert_eq!(p.encode(), "v1;i:0,3;s:1");
        let mut q = Progress::new(4, 3);
        let mut w = Vec::new();
        q.restore(&p.encode(), &mut w);
        assert_eq!((q, w.len()), (p, 0));

        let mut q = Progress::new(2, 2);
        let mut w = Vec::new();
        q.restore("v1;i:1,7,x;s:;z:3", &mut w);
        assert_eq!(q.got, [false, true]);
        assert_eq!(
            w,
            [
                "stored progress index ignored: 7",
                "stored progress index ignored: x",
                "stored progress entry ignored: z:3"
            ]
        );
        q.restore("[1,2]", &mut w);
        assert_eq!(w.len(), 4);
    }
}
