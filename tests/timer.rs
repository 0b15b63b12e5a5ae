//! The timer state machine on a fake clock: deadlines, pause and resume, ranges, overrun, several
//! at once, and restoring from storage, including after a timer finished while the page was away.
#![cfg(not(target_arch = "wasm32"))]

use recipe_card::model::Recipe;
use recipe_card::timer::{clock_text, display, Alert, Clock, Phase, Timers};
use recipe_card::validate::validate;
use std::cell::Cell;
use std::rc::Rc;

/// A clock the test moves by hand.
#[derive(Clone)]
struct Fake(Rc<Cell<u64>>);

impl Clock for Fake {
    fn now(&self) -> u64 {
        self.0.get()
    }
}

impl Fake {
    fn at(ms: u64) -> Fake {
        Fake(Rc::new(Cell::new(ms)))
    }
    fn advance(&self, ms: u64) {
        self.0.set(self.0.get() + ms);
    }
}

const T0: u64 = 1_790_000_000_000;
const MIN: u64 = 60_000;
const CARAMEL: usize = 0; // 3–4 min
const FINISH: usize = 3; // 2 min

fn seed() -> Recipe {
    let json = include_str!("../www/recipes/caramelised-pork-mince.json");
    validate(json).unwrap()
}

fn timers() -> (Timers<Fake>, Fake) {
    let clock = Fake::at(T0);
    (Timers::for_recipe(&seed(), clock.clone()), clock)
}

#[test]
fn every_timed_step_gets_an_idle_timer() {
    let (t, _) = timers();
    let steps: Vec<usize> = t.list.iter().map(|t| t.step).collect();
    assert_eq!(steps, [0, 1, 2, 3]);
    assert_eq!(t.phase(CARAMEL), Phase::Idle);
    assert_eq!(display(t.phase(CARAMEL)), "");
}

#[test]
fn a_range_counts_to_check_now_then_done_then_overrun() {
    let (mut t, clock) = timers();
    t.toggle(CARAMEL);
    assert_eq!(
        display(t.phase(CARAMEL)),
        "3:00",
        "counting to the lower bound"
    );
    clock.advance(1);
    assert_eq!(
        display(t.phase(CARAMEL)),
        "3:00",
        "rounds up: never shows 2:59 a second early"
    );
    clock.advance(3 * MIN - 1);
    assert_eq!(t.phase(CARAMEL), Phase::Check { left: MIN });
    assert_eq!(t.due(), [(CARAMEL, Alert::CheckNow)]);
    assert_eq!(t.due(), [], "each alert once");
    clock.advance(MIN);
    assert_eq!(t.phase(CARAMEL), Phase::Done { over: 0 });
    assert_eq!(t.due(), [(CARAMEL, Alert::Done)]);
    clock.advance(45_000);
    assert_eq!(display(t.phase(CARAMEL)), "+0:45");
    clock.advance(60 * MIN);
    assert_eq!(display(t.phase(CARAMEL)), "+1:00:45");
}

#[test]
fn pause_and_resume_keep_the_time_left() {
    let (mut t, clock) = timers();
    t.toggle(FINISH);
    clock.advance(30_000);
    t.toggle(FINISH); // pause
    assert_eq!(display(t.phase(FINISH)), "1:30");
    clock.advance(10 * MIN);
    assert_eq!(
        display(t.phase(FINISH)),
        "1:30",
        "a paused timer does not move"
    );
    assert_eq!(t.due(), []);
    t.toggle(FINISH); // resume
    clock.advance(90_000);
    assert_eq!(t.phase(FINISH), Phase::Done { over: 0 });
    assert_eq!(
        t.due(),
        [(FINISH, Alert::Done)],
        "an exact duration has no check-now"
    );
}

#[test]
fn reset_returns_to_idle_and_rearms_the_alerts() {
    let (mut t, clock) = timers();
    t.toggle(FINISH);
    clock.advance(3 * MIN);
    assert_eq!(t.due().len(), 1);
    t.reset(FINISH);
    assert_eq!(t.phase(FINISH), Phase::Idle);
    t.toggle(FINISH);
    clock.advance(2 * MIN);
    assert_eq!(t.due(), [(FINISH, Alert::Done)]);
}

#[test]
fn two_timers_run_at_once_and_the_soonest_is_known() {
    let (mut t, clock) = timers();
    t.toggle(CARAMEL); // check at 3:00, done at 4:00
    clock.advance(90_000);
    t.toggle(FINISH); // done at 3:30
    assert_eq!(
        t.soonest(),
        Some((CARAMEL, 90_000)),
        "caramel's check-now comes first"
    );
    clock.advance(90_000);
    assert_eq!(t.due(), [(CARAMEL, Alert::CheckNow)]);
    assert_eq!(t.soonest(), Some((FINISH, 30_000)), "then the finish");
    clock.advance(MIN);
    assert_eq!(t.due(), [(CARAMEL, Alert::Done), (FINISH, Alert::Done)]);
    assert_eq!(t.soonest(), None);
    assert!(t.any_running(), "done timers keep counting their overrun");
}

#[test]
fn time_comes_from_the_deadline_not_from_ticks() {
    // Nobody asked for ten minutes (a hidden tab, a sleeping phone): the phase is still exact.
    let (mut t, clock) = timers();
    t.toggle(CARAMEL);
    clock.advance(10 * MIN);
    assert_eq!(t.phase(CARAMEL), Phase::Done { over: 6 * MIN });
    assert_eq!(
        t.due(),
        [(CARAMEL, Alert::Done)],
        "done at once, without a stale check-now first"
    );
}

#[test]
fn running_and_paused_timers_survive_a_reload() {
    let (mut t, clock) = timers();
    t.toggle(CARAMEL);
    t.toggle(FINISH);
    clock.advance(MIN);
    t.toggle(FINISH); // paused with 1:00 left
    let stored = t.encode();
    assert_eq!(stored, format!("v1;0,r,{},0;3,p,60000,0", T0 + 4 * MIN));

    clock.advance(30_000); // the reload takes a while
    let mut again = Timers::for_recipe(&seed(), clock.clone());
    let mut warnings = Vec::new();
    again.restore(&stored, &mut warnings);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(display(again.phase(CARAMEL)), "1:30");
    assert_eq!(display(again.phase(FINISH)), "1:00");
    assert_eq!(again.phase(1), Phase::Idle);
}

#[test]
fn a_timer_that_finished_while_away_restores_as_done_with_its_overrun() {
    let (mut t, clock) = timers();
    t.toggle(CARAMEL);
    let stored = t.encode();
    clock.advance(5 * MIN);
    let mut again = Timers::for_recipe(&seed(), clock.clone());
    again.restore(&stored, &mut Vec::new());
    assert_eq!(display(again.phase(CARAMEL)), "+1:00");
    assert_eq!(again.due(), [(CARAMEL, Alert::Done)]);
    // An alert already raised before the reload does not ring again.
    let stored = again.encode();
    let mut third = Timers::for_recipe(&seed(), clock.clone());
    third.restore(&stored, &mut Vec::new());
    assert_eq!(third.due(), []);
}

#[test]
fn corrupt_or_foreign_storage_is_ignored_with_a_warning() {
    let (mut t, _) = timers();
    let far = T0 + 3 * 24 * 60 * MIN;
    let cases = [
        ("{\"timers\": []}", "unknown format"),
        ("v1;0,r,notanumber,0", "entry ignored: 0,r,notanumber,0"),
        ("v1;9,r,1790000000000,0", "entry ignored: 9,r"),
        ("v1;0,x,1,0", "entry ignored"),
        ("v1;0,r,1,0", "entry ignored"),
        (&*format!("v1;0,r,{far},0"), "entry ignored"),
        ("v1;0,p,999999999999,0", "entry ignored"),
        ("v1;0,r", "entry ignored"),
        ("v1;0,r,1790000000000,z", "entry ignored"),
    ];
    for (stored, want) in cases {
        let mut warnings = Vec::new();
        t.restore(stored, &mut warnings);
        assert_eq!(warnings.len(), 1, "{stored}");
        assert!(warnings[0].contains(want), "{stored}: {warnings:?}");
        assert!(t.list.iter().all(|t| !t.is_running()), "{stored}");
        assert!(!display(t.phase(CARAMEL)).contains("NaN"));
    }
}

#[test]
fn clock_text_pads_like_a_kitchen_timer() {
    assert_eq!(clock_text(0, true), "0:00");
    assert_eq!(clock_text(1, true), "0:01");
    assert_eq!(clock_text(59_999, false), "0:59");
    assert_eq!(clock_text(600_000, true), "10:00");
    assert_eq!(clock_text(3_723_000, true), "1:02:03");
}
