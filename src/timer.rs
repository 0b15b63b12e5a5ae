//! Step timers as a state machine over wall-clock deadlines, behind a [`Clock`].
//!
//! Time left is always `deadline - now`, never a count of ticks: a timer is right after the tab
//! slept, the phone locked or the browser throttled it, and it survives a reload because its state
//! is a deadline that can be stored. The shell only asks "what is it now?" and renders the answer.

use crate::prelude::*;
use crate::quantity::format::{parse_uint, push_digits, push_int, split, stored_entries, warn};

/// Milliseconds since the Unix epoch. The browser's is `Date.now()`; tests use a fake.
pub trait Clock {
    fn now(&self) -> u64;
}

/// Where a timer's time is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Run {
    Idle,
    /// Running: the upper bound is reached at `deadline`.
    Running {
        deadline: u64,
    },
    /// Paused with `left` ms to the upper bound.
    Paused {
        left: u64,
    },
}

/// What a timer shows, derived from its run and the time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Idle,
    /// Before the lower bound: `left` ms until "check now" (or "done" for an exact duration).
    Counting {
        left: u64,
    },
    /// Between the bounds of a range: `left` ms until "done".
    Check {
        left: u64,
    },
    /// Past the upper bound by `over` ms.
    Done {
        over: u64,
    },
}

/// The moments a cook is alerted to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Alert {
    CheckNow,
    Done,
}

/// One step's timer. Durations are the step's, in ms; `lo == hi` for an exact duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timer {
    pub step: usize,
    pub lo: u64,
    pub hi: u64,
    pub run: Run,
    /// The latest alert already raised, so each rings once (across reloads too).
    pub alerted: Option<Alert>,
}

impl Timer {
    pub fn new(step: usize, lo_secs: u32, hi_secs: u32) -> Timer {
        Timer {
            step,
            lo: lo_secs as u64 * 1000,
            hi: hi_secs as u64 * 1000,
            run: Run::Idle,
            alerted: None,
        }
    }

    /// Starts an idle timer or resumes a paused one.
    pub fn start(&mut self, now: u64) {
        self.run = match self.run {
            Run::Idle => Run::Running {
                deadline: now + self.hi,
            },
            Run::Paused { left } => Run::Running {
                deadline: now + left,
            },
            running => running,
        };
    }

    /// Pauses a running timer, keeping the time left (or the overrun, as none left).
    pub fn pause(&mut self, now: u64) {
        if let Run::Running { deadline } = self.run {
            self.run = Run::Paused {
                left: deadline.saturating_sub(now),
            };
        }
    }

    pub fn reset(&mut self) {
        self.run = Run::Idle;
        self.alerted = None;
    }

    pub fn is_running(&self) -> bool {
        matches!(self.run, Run::Running { .. })
    }

    /// The phase at `now`.
    pub fn phase(&self, now: u64) -> Phase {
        // Time to the upper bound, and past it; one of the two is zero.
        let (to_hi, over) = match self.run {
            Run::Idle => return Phase::Idle,
            Run::Running { deadline } => {
                (deadline.saturating_sub(now), now.saturating_sub(deadline))
            }
            Run::Paused { left } => (left, 0),
        };
        let window = self.hi - self.lo;
        if to_hi == 0 {
            Phase::Done { over }
        } else if to_hi <= window {
            Phase::Check { left: to_hi }
        } else {
            Phase::Counting {
                left: to_hi - window,
            }
        }
    }

    /// The alert due at `now` that has not been raised yet, marking it raised. A timer that
    /// passed both bounds while the page was away raises only "done".
    pub fn due(&mut self, now: u64) -> Option<Alert> {
        let reached = match self.phase(now) {
            Phase::Check { .. } => Alert::CheckNow,
            Phase::Done { .. } => Alert::Done,
            _ => return None,
        };
        if self.alerted.is_some_and(|a| a >= reached) {
            return None;
        }
        self.alerted = Some(reached);
        Some(reached)
    }

    /// When the next alert is due, for the timer that rings soonest (the page title shows it).
    pub fn next_deadline(&self) -> Option<u64> {
        match self.run {
            Run::Running { deadline }
                if self.alerted < Some(Alert::CheckNow) && self.lo < self.hi =>
            {
                Some(deadline - (self.hi - self.lo))
            }
            Run::Running { deadline } if self.alerted < Some(Alert::Done) => Some(deadline),
            _ => None,
        }
    }
}

/// `3:05`, `12:00`, `1:02:03`; remaining time rounds up (a timer reads 0:01 until it is due).
pub fn clock_text(ms: u64, round_up: bool) -> String {
    let mut out = String::new();
    push_clock(&mut out, ms, round_up);
    out
}

/// Appends [`clock_text`]'s digits.
fn push_clock(out: &mut String, ms: u64, round_up: bool) {
    let secs = if round_up {
        ms.div_ceil(1000)
    } else {
        ms / 1000
    };
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    if h > 0 {
        push_int(out, h as i64);
        out.push(':');
    }
    // Minutes take two digits after hours.
    push_digits(out, m as i64, if h > 0 { 2 } else { 1 });
    out.push(':');
    push_digits(out, s as i64, 2);
}

/// What the timer's display reads in `phase`: the time to the next bound, or the overrun.
pub fn display(phase: Phase) -> String {
    let mut out = String::new();
    match phase {
        Phase::Idle => {}
        Phase::Counting { left } | Phase::Check { left } => push_clock(&mut out, left, true),
        Phase::Done { over } => {
            out.push('+');
            push_clock(&mut out, over, false);
        }
    }
    out
}

/// Stores running and paused timers as text: `v1;step,r,deadline,alert;step,p,left,alert`.
/// Idle timers are not stored. No JSON: the wasm carries no JSON serializer.
pub fn encode(timers: &[Timer]) -> String {
    let mut out = String::from("v1");
    for t in timers {
        let (kind, value) = match t.run {
            Run::Idle => continue,
            Run::Running { deadline } => ('r', deadline),
            Run::Paused { left } => ('p', left),
        };
        out.push(';');
        push_int(&mut out, t.step as i64);
        out.push(',');
        out.push(kind);
        out.push(',');
        push_int(&mut out, value as i64);
        out.push(',');
        out.push(match t.alerted {
            None => '0',
            Some(Alert::CheckNow) => 'c',
            Some(Alert::Done) => 'd',
        });
    }
    out
}

/// Restores stored timers into `timers` (one per timed step, all idle). Entries that are corrupt,
/// for a step without a timer, or beyond 24 hours away are skipped with a warning.
pub fn decode(stored: &str, timers: &mut [Timer], now: u64, warnings: &mut Vec<String>) {
    let Some(entries) = stored_entries(stored) else {
        warn(
            warnings,
            "stored timers in an unknown format: ignored: ",
            short(stored),
        );
        return;
    };
    for entry in entries {
        if restore(entry, timers, now).is_none() {
            warn(warnings, "stored timer entry ignored: ", short(entry));
        }
    }
}

/// Restores one stored entry (`step,r|p,value,0|c|d`) into its step's timer; `None`, and nothing
/// changed, when it cannot: read with `?` at each field, no tuple of `Option`s built first.
fn restore(entry: &str, timers: &mut [Timer], now: u64) -> Option<()> {
    const DAY: u64 = 24 * 60 * 60 * 1000;
    // Four fields: the last (one byte) holds no comma.
    let (step, rest) = split(entry, b",")?;
    let (kind, rest) = split(rest, b",")?;
    let (v, alerted) = split(rest, b",")?;
    let (step, v) = (parse_uint(step)? as usize, parse_uint(v)?);
    // Bytes, not `&str` patterns (each one a compare call).
    let alerted = match alerted.as_bytes() {
        b"0" => None,
        b"c" => Some(Alert::CheckNow),
        b"d" => Some(Alert::Done),
        _ => return None,
    };
    let run = match kind.as_bytes() {
        b"r" if v.abs_diff(now) <= DAY => Run::Running { deadline: v },
        b"p" if v <= DAY => Run::Paused { left: v },
        _ => return None,
    };
    let t = find(timers, step)?;
    t.run = run;
    t.alerted = alerted;
    Some(())
}

/// The timer of `step`: one search for restoring and for the buttons.
fn find(timers: &mut [Timer], step: usize) -> Option<&mut Timer> {
    timers.iter_mut().find(|t| t.step == step)
}

/// At most 40 characters of a stored value, for a warning. Counted by their first bytes: no
/// `char` decoding.
fn short(s: &str) -> &str {
    let mut chars = 0;
    for (i, b) in s.bytes().enumerate() {
        if b & 0xC0 != 0x80 {
            if chars == 40 {
                // `get`, not `[..i]`: a failed str slice formats its panic with Unicode tables.
                return s.get(..i).unwrap_or(s);
            }
            chars += 1;
        }
    }
    s
}

/// A recipe's timers (one per step with a duration) on one clock.
pub struct Timers<C: Clock> {
    clock: C,
    pub list: Vec<Timer>,
}

impl<C: Clock> Timers<C> {
    /// An idle timer for every step of `recipe` that has a duration.
    pub fn for_recipe(recipe: &crate::model::Recipe, clock: C) -> Timers<C> {
        // Plain loops here and below: each `filter_map(…).collect()` is its own code in the wasm.
        let mut list = Vec::new();
        for (i, s) in recipe.steps.iter().enumerate() {
            if let Some(d) = s.duration {
                list.push(Timer::new(i, d.lo, d.hi));
            }
        }
        Timers { clock, list }
    }

    pub fn now(&self) -> u64 {
        self.clock.now()
    }

    fn get(&mut self, step: usize) -> Option<&mut Timer> {
        find(&mut self.list, step)
    }

    /// Start, pause or resume: the one button a cook presses.
    pub fn toggle(&mut self, step: usize) {
        let now = self.clock.now();
        if let Some(t) = self.get(step) {
            if t.is_running() {
                t.pause(now);
            } else {
                t.start(now);
            }
        }
    }

    pub fn reset(&mut self, step: usize) {
        if let Some(t) = self.get(step) {
            t.reset();
        }
    }

    /// The phase of the timer for `step` now.
    pub fn phase(&self, step: usize) -> Phase {
        let now = self.clock.now();
        self.list
            .iter()
            .find(|t| t.step == step)
            .map_or(Phase::Idle, |t| t.phase(now))
    }

    /// Alerts that came due since the last call, one per timer at most.
    pub fn due(&mut self) -> Vec<(usize, Alert)> {
        let mut due = Vec::new();
        self.due_each(|step, a| due.push((step, a)));
        due
    }

    /// Raises the alerts that came due since the last call ([`Timers::due`]) in the timers'
    /// order: `raise(step, alert)` for each, with no list of them built (the wasm's tick). Whether
    /// any came due.
    pub fn due_each(&mut self, mut raise: impl FnMut(usize, Alert)) -> bool {
        let now = self.clock.now();
        let mut any = false;
        for t in &mut self.list {
            if let Some(a) = t.due(now) {
                raise(t.step, a);
                any = true;
            }
        }
        any
    }

    /// The running timer whose next alert comes soonest: its step and the ms until then.
    pub fn soonest(&self) -> Option<(usize, u64)> {
        let now = self.clock.now();
        let mut soonest: Option<(usize, u64)> = None;
        for t in &self.list {
            if let Some(d) = t.next_deadline() {
                let left = d.saturating_sub(now);
                // The first of equals wins, as with `min_by_key`.
                if soonest.is_none_or(|(_, l)| left < l) {
                    soonest = Some((t.step, left));
                }
            }
        }
        soonest
    }

    pub fn any_running(&self) -> bool {
        self.list.iter().any(Timer::is_running)
    }

    pub fn encode(&self) -> String {
        encode(&self.list)
    }

    pub fn restore(&mut self, stored: &str, warnings: &mut Vec<String>) {
        let now = self.clock.now();
        decode(stored, &mut self.list, now, warnings);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_quote_at_most_forty_characters() {
        let long = "é".repeat(39) + "ab€cd";
        for s in [
            "",
            "abc",
            &"x".repeat(40),
            &"x".repeat(41),
            &long,
            &"€".repeat(45),
        ] {
            let want = s.char_indices().nth(40).map_or(s, |(i, _)| &s[..i]);
            assert_eq!(short(s), want, "{s:?}");
        }
        assert_eq!(short(&long).chars().count(), 40);
    }

    #[test]
    fn phases_at_the_bounds() {
        let mut t = Timer::new(0, 60, 90);
        t.run = Run::Running { deadline: 100_000 };
        assert_eq!(t.phase(0), Phase::Counting { left: 70_000 });
        assert_eq!(t.phase(70_000), Phase::Check { left: 30_000 });
        assert_eq!(t.phase(99_999), Phase::Check { left: 1 });
        assert_eq!(t.phase(100_000), Phase::Done { over: 0 });
        assert_eq!(
            t.phase(u64::MAX),
            Phase::Done {
                over: u64::MAX - 100_000
            }
        );
        t.run = Run::Paused { left: 0 };
        assert_eq!(t.phase(5), Phase::Done { over: 0 });
        t.run = Run::Paused { left: u64::MAX };
        assert_eq!(
            t.phase(5),
            Phase::Counting {
                left: u64::MAX - 30_000
            }
        );
    }

    struct At(u64);
    impl Clock for At {
        fn now(&self) -> u64 {
            self.0
        }
    }

    #[test]
    fn of_timers_due_together_the_first_is_the_soonest() {
        let list = vec![
            Timer::new(4, 60, 60),
            Timer::new(2, 30, 60),
            Timer::new(7, 60, 60),
        ];
        let mut t = Timers {
            clock: At(1000),
            list,
        };
        assert_eq!(t.soonest(), None);
        for step in [7, 4, 2] {
            t.toggle(step);
        }
        assert_eq!(t.soonest(), Some((2, 30_000)), "check-now first");
        t.clock = At(31_000);
        assert_eq!(t.due(), [(2, Alert::CheckNow)]);
        assert_eq!(
            t.soonest(),
            Some((4, 30_000)),
            "then the first of the two equal ones"
        );
        t.clock = At(61_000);
        assert_eq!(
            t.due(),
            [(4, Alert::Done), (2, Alert::Done), (7, Alert::Done)]
        );
        assert_eq!(t.soonest(), None);
    }

    #[test]
    fn an_entry_has_exactly_four_fields() {
        let mut timers = [Timer::new(0, 60, 60)];
        let mut w = Vec::new();
        decode("v1;0,p,5000,0,x;0,p,5000", &mut timers, 0, &mut w);
        assert_eq!(timers[0].run, Run::Idle);
        assert_eq!(w.len(), 2);
        decode("v1;0,p,5000,c", &mut timers, 0, &mut w);
        assert_eq!(timers[0].run, Run::Paused { left: 5000 });
        assert_eq!(timers[0].alerted, Some(Alert::CheckNow));
    }
}
