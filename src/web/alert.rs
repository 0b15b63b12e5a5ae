//! Getting a cook's attention on a phone: a tone synthesised with Web Audio (no file to fetch),
//! vibration, a system notification when the reader allowed it, and the page title. Every call
//! tolerates a browser without the API: the visible, announced message in the card is the floor.

use super::browser::PageCell;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::{
    AudioContext, Notification, NotificationOptions, NotificationPermission, OscillatorType,
};

/// The page's own title, and each card's timer headline for it: card id, urgency, text.
type Titles = (Option<String>, Vec<(u32, u64, String)>);

/// One audio context for the page, created and resumed inside a tap (autoplay rules).
static AUDIO: PageCell<Option<AudioContext>> = PageCell(RefCell::new(None));
static TITLE: PageCell<Titles> = PageCell(RefCell::new((None, Vec::new())));

/// Creates or resumes the audio context. Call from a click: browsers only allow sound after one.
pub fn unlock_audio() {
    {
        let a = &AUDIO.0;
        let mut a = a.borrow_mut();
        if a.is_none() {
            *a = AudioContext::new().ok();
        }
        if let Some(ctx) = a.as_ref() {
            let _ = ctx.resume();
        }
    }
}

/// Three short beeps, rising on "done". Silent where audio was never unlocked.
pub fn beep(done: bool) {
    {
        let a = &AUDIO.0;
        let Some(ctx) = a.borrow().clone() else {
            return;
        };
        let t0 = ctx.current_time();
        for i in 0..3 {
            let start = t0 + i as f64 * 0.35;
            let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else {
                return;
            };
            osc.set_type(OscillatorType::Sine);
            osc.frequency().set_value(if done {
                880.0 + i as f32 * 110.0
            } else {
                660.0
            });
            let g = gain.gain();
            g.set_value(0.0);
            let _ = g.linear_ramp_to_value_at_time(0.4, start + 0.02);
            let _ = g.linear_ramp_to_value_at_time(0.0, start + 0.25);
            let _ = osc.connect_with_audio_node(&gain);
            let _ = gain.connect_with_audio_node(&ctx.destination());
            let _ = osc.start_with_when(start);
            let _ = osc.stop_with_when(start + 0.3);
        }
    }
}

/// A buzz where the device has a vibration motor and the browser allows it.
pub fn vibrate() {
    if let Some(w) = web_sys::window() {
        let pattern = js_sys::Array::of3(&300.into(), &150.into(), &300.into());
        let _ = w.navigator().vibrate_with_pattern(&pattern);
    }
}

/// Whether the Notification API exists here.
fn notifications_exist() -> bool {
    web_sys::window().is_some_and(|w| Reflect::has(&w, &"Notification".into()).unwrap_or(false))
}

/// The notification permission, if the API exists.
pub fn notification_permission() -> Option<NotificationPermission> {
    notifications_exist().then(Notification::permission)
}

/// Asks for permission: only ever called from the reader's click on "Notify me".
pub fn request_notifications(then: impl FnOnce() + 'static) {
    if !notifications_exist() {
        return;
    }
    if let Ok(p) = Notification::request_permission() {
        let done = Closure::once_into_js(move |_: JsValue| then());
        super::wake::then(&p, &done, &done);
    }
}

/// A system notification, when the reader has granted permission.
pub fn notify(title: &str, body: &str) {
    if notification_permission() == Some(NotificationPermission::Granted) {
        let options = NotificationOptions::new();
        options.set_body(body);
        options.set_tag(title);
        let _ = Notification::new_with_options(title, &options);
    }
}

/// Sets this card's line for the page title (`None` to withdraw it); the title shows the most
/// urgent card's, ahead of the page's own title, and goes back to it when no timer runs.
pub fn title(card: u32, headline: Option<(u64, String)>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    {
        let t = &TITLE.0;
        let (original, lines) = &mut *t.borrow_mut();
        lines.retain(|l| l.0 != card);
        if let Some((urgency, text)) = headline {
            lines.push((card, urgency, text));
        }
        if original.is_none() {
            if lines.is_empty() {
                return;
            }
            *original = Some(doc.title());
        }
        let page = original.clone().unwrap_or_default();
        match lines.iter().min_by_key(|l| l.1) {
            Some((_, _, text)) => doc.set_title(&[text.as_str(), " · ", &page].concat()),
            None => {
                doc.set_title(&page);
                *original = None;
            }
        }
    }
}
