// Step timers and cook mode, as a cook uses them, on Playwright's fake clock: deadlines, range
// phases, overrun, pause, reload, a hidden tab, two timers, keyboard only, alerts (sound,
// vibration, notification, title), the screen wake lock, and cook-mode marks.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup,
  openPage,
  gotoPage,
  card,
  waitForCards,
  assertAccessible,
  assertNoPageErrors,
  cardPageHtml,
  routeHtml,
  collectWarnings,
  readRecipe,
} from './helpers.mjs';

const T0 = new Date('2026-11-24T18:00:00Z');
// The clock is paused here once the page has loaded: every click happens at exactly this time.
const START = T0.getTime() + 10_000;
const MIN = 60_000;
const CARAMEL = 'Create the Caramel Base';
const FINISH = 'Finish with Bold Flavors';
const PAGE_TITLE = 'Vietnamese Caramelised Pork Mince Stir Fry | Salt & Wok';

// Spies on what reaches the cook outside the card, and a document whose visibility the test sets.
const SPIES = () => {
  window.__beeps = 0;
  window.__vibrations = [];
  window.__notes = [];
  const AC = window.AudioContext;
  if (AC) {
    const make = AC.prototype.createOscillator;
    AC.prototype.createOscillator = function () {
      window.__beeps++;
      return make.call(this);
    };
  }
  navigator.vibrate = (pattern) => {
    window.__vibrations.push(pattern);
    return true;
  };
  const N = window.Notification;
  if (N) {
    window.Notification = class extends N {
      constructor(title, options) {
        window.__notes.push(`${title}: ${options?.body ?? ''}`);
        super(title, options);
      }
    };
  }
  let hidden = false;
  Object.defineProperty(document, 'visibilityState', { get: () => (hidden ? 'hidden' : 'visible'), configurable: true });
  Object.defineProperty(document, 'hidden', { get: () => hidden, configurable: true });
  window.__setHidden = (h) => {
    hidden = h;
    document.dispatchEvent(new Event('visibilitychange'));
  };
};

// A screen wake lock that the test can watch and release, as a browser does when the page hides.
const WAKE_LOCK = () => {
  window.__wakeRequests = 0;
  Object.defineProperty(navigator, 'wakeLock', {
    configurable: true,
    value: {
      request: async (type) => {
        window.__wakeRequests++;
        const sentinel = new EventTarget();
        sentinel.type = type;
        sentinel.release = async () => sentinel.dispatchEvent(new Event('release'));
        window.__sentinel = sentinel;
        return sentinel;
      },
    },
  });
};

// A wake lock whose requests wait until the test grants them, counting the locks held.
const SLOW_WAKE_LOCK = () => {
  window.__held = 0;
  window.__pending = [];
  Object.defineProperty(navigator, 'wakeLock', {
    configurable: true,
    value: {
      request: () =>
        new Promise((resolve) =>
          window.__pending.push(() => {
            window.__held++;
            const lock = new EventTarget();
            lock.release = async () => {
              if (!lock.released) window.__held--;
              lock.released = true;
              lock.dispatchEvent(new Event('release'));
            };
            resolve(lock);
          }),
        ),
    },
  });
};

const NO_WAKE_LOCK = () => Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: undefined });

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** A page on the fake clock, with the spies, at `rel`; with `slowWasm`, the wasm arrives
 * 300 ms after it is asked for. */
async function open(rel = 'index.html', { scripts = [], permissions = [], opts, slowWasm } = {}) {
  const { context, page, errors } = await openPage(env, opts);
  await context.addInitScript(SPIES);
  for (const s of scripts) await context.addInitScript(s);
  if (permissions.length) await context.grantPermissions(permissions, { origin: env.baseURL });
  if (slowWasm) await context.route('**/*.wasm', (r) => new Promise((ok) => setTimeout(ok, 300)).then(() => r.continue()));
  await page.clock.install({ time: T0 });
  const warnings = collectWarnings(page);
  await gotoPage(page, rel);
  await page.clock.pauseAt(START);
  return { context, page, errors, warnings, c: card(page) };
}

function timer(c, step) {
  return c.getByRole('group', { name: `Timer: ${step}` });
}

async function reads(c, step) {
  const t = timer(c, step);
  return {
    time: await t.locator('[part~=timer-time]').textContent(),
    status: await t.locator('[part~=timer-status]').textContent(),
  };
}

async function alertTexts(c) {
  return c.locator('[part~=alerts] [part~=alert] p').allTextContents();
}

test('the caramel timer: check now at 3 minutes, done at 4, then the overrun', async () => {
  const { context, page, errors, c } = await open();
  try {
    assert.equal(await timer(c, CARAMEL).locator('[part~=step-time]').textContent(), '3–4 min');
    await c.getByRole('button', { name: `Start timer: ${CARAMEL}` }).click();
    assert.deepEqual(await reads(c, CARAMEL), { time: '3:00', status: 'until check' });
    assert.equal(await page.title(), `⏱ 3:00 ${CARAMEL} · ${PAGE_TITLE}`);

    await page.clock.runFor(MIN);
    assert.deepEqual(await reads(c, CARAMEL), { time: '2:00', status: 'until check' });
    assert.deepEqual(await alertTexts(c), []);

    await page.clock.runFor(2 * MIN);
    assert.deepEqual(await reads(c, CARAMEL), { time: '1:00', status: 'Check now' });
    assert.deepEqual(await alertTexts(c), [`Check now: ${CARAMEL}`]);
    assert.equal(await page.title(), `⏰ Check now: ${CARAMEL} · ${PAGE_TITLE}`);
    assert.ok((await page.evaluate(() => window.__beeps)) >= 3, 'a tone plays (Web Audio, unlocked by the Start tap)');
    assert.ok((await page.evaluate(() => window.__vibrations.length)) >= 1, 'the phone vibrates');

    await page.clock.runFor(MIN);
    assert.deepEqual(await reads(c, CARAMEL), { time: '+0:00', status: 'Done' });
    assert.deepEqual(await alertTexts(c), [`Done: ${CARAMEL}`]);
    assert.equal(await page.title(), `⏰ Done: ${CARAMEL} · ${PAGE_TITLE}`);
    assert.equal(await c.locator('[part~=alerts]').getAttribute('aria-live'), 'assertive');

    await page.clock.runFor(45_000);
    assert.equal((await reads(c, CARAMEL)).time, '+0:45');

    // Dismissing stops the alert: the message goes, the title returns, the beeping stops.
    await c.getByRole('button', { name: `Dismiss: ${CARAMEL}` }).click();
    assert.deepEqual(await alertTexts(c), []);
    assert.equal(await page.title(), PAGE_TITLE);
    const beeps = await page.evaluate(() => window.__beeps);
    await page.clock.runFor(MIN);
    assert.equal(await page.evaluate(() => window.__beeps), beeps, 'no more beeps once dismissed');
    await c.getByRole('button', { name: `Reset timer: ${CARAMEL}` }).click();
    assert.deepEqual(await reads(c, CARAMEL), { time: '', status: '' });
    assertNoPageErrors(errors);
  } finally {
    await context.close();
  }
});

test('pause and resume keep the time left', async () => {
  const { context, page, c } = await open();
  try {
    await c.getByRole('button', { name: `Start timer: ${FINISH}` }).click();
    await page.clock.runFor(30_000);
    await c.getByRole('button', { name: `Pause timer: ${FINISH}` }).click();
    assert.deepEqual(await reads(c, FINISH), { time: '1:30', status: 'Paused' });
    await page.clock.runFor(5 * MIN);
    assert.deepEqual(await reads(c, FINISH), { time: '1:30', status: 'Paused' });
    await c.getByRole('button', { name: `Resume timer: ${FINISH}` }).click();
    await page.clock.runFor(60_000);
    assert.deepEqual(await reads(c, FINISH), { time: '0:30', status: 'left' });
    await page.clock.runFor(30_000);
    assert.equal((await reads(c, FINISH)).status, 'Done');
  } finally {
    await context.close();
  }
});

test('a reload mid-timer resumes at the right time; paused timers stay paused', async () => {
  const { context, page, c } = await open();
  // The card starts when the browser is idle, which the paused fake clock never is: let the
  // clock run while the page reloads, then pause it again at a known time.
  const reloadAndPauseAt = async (at) => {
    await page.reload({ waitUntil: 'commit' });
    await page.clock.resume();
    await waitForCards(page);
    await page.clock.pauseAt(at);
  };
  try {
    await c.getByRole('button', { name: `Start timer: ${CARAMEL}` }).click();
    await c.getByRole('button', { name: `Start timer: ${FINISH}` }).click();
    await page.clock.runFor(MIN);
    await c.getByRole('button', { name: `Pause timer: ${FINISH}` }).click();
    await reloadAndPauseAt(START + MIN + 5_000);
    await page.clock.runFor(10_000);
    assert.deepEqual(await reads(c, CARAMEL), { time: '1:45', status: 'until check' });
    assert.deepEqual(await reads(c, FINISH), { time: '1:00', status: 'Paused' });
    // Closed and reopened much later: the caramel shows done, with its overrun.
    await page.clock.setSystemTime(START + 10 * MIN);
    await reloadAndPauseAt(START + 10 * MIN + 5_000);
    assert.deepEqual(await reads(c, CARAMEL), { time: '+6:05', status: 'Done' });
  } finally {
    await context.close();
  }
});

test('ten minutes with the page hidden, then visible: done at once', async () => {
  const { context, page, c } = await open();
  try {
    await c.getByRole('button', { name: `Start timer: ${CARAMEL}` }).click();
    await page.evaluate(() => window.__setHidden(true));
    // The browser throttles a hidden tab: no timer fires while the wall clock moves on.
    await page.clock.setSystemTime(START + 10 * MIN);
    await page.evaluate(() => window.__setHidden(false));
    assert.deepEqual(await reads(c, CARAMEL), { time: '+6:00', status: 'Done' });
    assert.deepEqual(await alertTexts(c), [`Done: ${CARAMEL}`], 'straight to done, no stale check-now');
  } finally {
    await context.close();
  }
});

test('two timers run at once and the title shows the soonest', async () => {
  const { context, page, c } = await open();
  try {
    await c.getByRole('button', { name: `Start timer: ${CARAMEL}` }).click();
    await page.clock.runFor(90_000);
    await c.getByRole('button', { name: `Start timer: ${FINISH}` }).click();
    assert.equal(await page.title(), `⏱ 1:30 ${CARAMEL} · ${PAGE_TITLE}`);
    await page.clock.runFor(90_000);
    assert.deepEqual(await reads(c, FINISH), { time: '0:30', status: 'left' });
    assert.deepEqual(await reads(c, CARAMEL), { time: '1:00', status: 'Check now' });
    await c.getByRole('button', { name: `Dismiss: ${CARAMEL}` }).click();
    assert.equal(await page.title(), `⏱ 0:30 ${FINISH} · ${PAGE_TITLE}`);
    await page.clock.runFor(30_000);
    assert.deepEqual(await alertTexts(c), [`Done: ${FINISH}`]);
  } finally {
    await context.close();
  }
});

test('keyboard only: timers, ingredient checkboxes and step marks', async () => {
  const { context, page, c } = await open();
  try {
    await c.getByRole('button', { name: `Start timer: ${CARAMEL}` }).focus();
    await page.keyboard.press('Enter');
    assert.equal((await reads(c, CARAMEL)).status, 'until check');
    await page.keyboard.press('Enter');
    assert.equal((await reads(c, CARAMEL)).status, 'Paused');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Reset
    assert.deepEqual(await reads(c, CARAMEL), { time: '', status: '' });

    const pork = c.getByRole('checkbox', { name: /ground pork/ });
    await pork.focus();
    await page.keyboard.press('Space');
    assert.equal(await pork.isChecked(), true);
    const done = c.getByRole('checkbox', { name: `Done: ${CARAMEL}` });
    await done.focus();
    await page.keyboard.press('Space');
    assert.equal(await done.isChecked(), true);
    assert.equal(await c.locator('li[part~=step]').first().getAttribute('data-done'), '');
    // Marks persist, and survive a servings change that redraws the lists.
    await c.getByRole('slider', { name: 'Servings' }).fill('6');
    assert.equal(await c.getByRole('checkbox', { name: /750 g ground pork/ }).isChecked(), true);
    await page.reload({ waitUntil: 'commit' });
    await page.clock.resume();
    await waitForCards(page);
    assert.equal(await c.getByRole('checkbox', { name: /ground pork/ }).isChecked(), true);
    assert.equal(await c.getByRole('checkbox', { name: `Done: ${CARAMEL}` }).isChecked(), true);
  } finally {
    await context.close();
  }
});

test('notifications: asked only from a click, shown for alerts once granted', async () => {
  const { context, page, c } = await open('index.html', { permissions: ['notifications'] });
  try {
    assert.equal(await c.getByRole('button', { name: 'Notify me when a timer ends' }).isVisible(), false, 'already granted');
    await c.getByRole('button', { name: `Start timer: ${FINISH}` }).click();
    await page.clock.runFor(2 * MIN);
    assert.deepEqual(await page.evaluate(() => window.__notes), [`Timer done: ${FINISH}`]);
  } finally {
    await context.close();
  }
  const second = await open();
  try {
    const ask = second.c.getByRole('button', { name: 'Notify me when a timer ends' });
    assert.equal(await ask.isVisible(), true, 'offered while permission is undecided');
    assert.deepEqual(await second.page.evaluate(() => window.__notes), []);
  } finally {
    await second.context.close();
  }
});

// Counts the reads of `Notification.permission`, each of which makes the page wait for the
// browser process (docs/performance.md).
const PERMISSION_READS = () => {
  window.__permissionReads = 0;
  const N = window.Notification;
  const real = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(N), 'permission')
    ?? Object.getOwnPropertyDescriptor(N, 'permission');
  Object.defineProperty(N, 'permission', {
    configurable: true,
    get() {
      window.__permissionReads++;
      return real.get.call(Object.getPrototypeOf(N));
    },
  });
};

test('the notification permission is read without making the page wait, and followed when it changes', async () => {
  // The wasm is slow to arrive, as on a phone: navigator.permissions has answered by then.
  const { context, page, c } = await open('index.html', { scripts: [PERMISSION_READS], slowWasm: true });
  try {
    assert.equal(await c.getByRole('button', { name: 'Notify me when a timer ends' }).isVisible(), true, 'offered while undecided');
    assert.equal(await page.evaluate(() => window.__permissionReads), 0, 'the first render read Notification.permission');
    // Granted from the browser's own settings, not from the card: the card follows.
    await context.grantPermissions(['notifications'], { origin: env.baseURL });
    await page.waitForFunction(() => navigator.permissions.query({ name: 'notifications' }).then((s) => s.state === 'granted'));
    await c.getByRole('button', { name: `Start timer: ${FINISH}` }).click();
    await page.clock.runFor(2 * MIN);
    assert.deepEqual(await page.evaluate(() => window.__notes), [`Timer done: ${FINISH}`]);
    assert.equal(await page.evaluate(() => window.__permissionReads), 0);
  } finally {
    await context.close();
  }
});

test('cook mode switched on, off and on again before the browser answers holds one lock, released when off', async () => {
  const { context, page, c } = await open('index.html', { scripts: [SLOW_WAKE_LOCK] });
  try {
    await page.clock.resume();
    const cook = c.getByRole('switch', { name: 'Cook mode' });
    await cook.check();
    await cook.uncheck();
    await cook.check();
    await page.waitForFunction(() => window.__pending.length === 2);
    await page.evaluate(() => window.__pending.forEach((grant) => grant()));
    await c.locator('[part~=cook-mode-status]').filter({ hasText: 'Screen stays on' }).waitFor();
    await page.waitForFunction(() => window.__held === 1);
    await cook.uncheck();
    await page.waitForFunction(() => window.__held === 0, null, { timeout: 2000 });
  } finally {
    await context.close();
  }
});

test('cook mode keeps the screen on, asks again on return, and says so where unsupported', async () => {
  const { context, page, c } = await open('index.html', { scripts: [WAKE_LOCK] });
  try {
    await page.clock.resume(); // no timers here: waiting needs the page's own clock running
    const cook = c.getByRole('switch', { name: 'Cook mode' });
    const status = c.locator('[part~=cook-mode-status]');
    await cook.check();
    await page.waitForFunction(() => window.__wakeRequests === 1);
    await assert.doesNotReject(status.filter({ hasText: 'Screen stays on' }).waitFor());
    // The browser releases the lock when the page is hidden; cook mode says so, then asks again.
    await page.evaluate(() => {
      window.__setHidden(true);
      window.__sentinel.release();
    });
    await status.filter({ hasText: 'released' }).waitFor();
    await page.evaluate(() => window.__setHidden(false));
    await page.waitForFunction(() => window.__wakeRequests === 2);
    await status.filter({ hasText: 'Screen stays on' }).waitFor();
    await cook.uncheck();
    assert.match(await status.textContent(), /Keeps your screen on/);
  } finally {
    await context.close();
  }
  const bare = await open('index.html', { scripts: [NO_WAKE_LOCK] });
  try {
    await bare.c.getByRole('switch', { name: 'Cook mode' }).check();
    assert.match(await bare.c.locator('[part~=cook-mode-status]').textContent(), /can't keep the screen on/);
  } finally {
    await bare.context.close();
  }
});

test('impossible durations and corrupt storage are ignored with a warning, never NaN', async () => {
  const recipe = structuredClone(readRecipe('recipes/caramelised-pork-mince.json'));
  recipe.steps[0].duration = '0 min';
  recipe.steps[1].duration = '-3 min';
  recipe.steps[2].duration = '25 h';
  const key = `recipe-card:timers:${recipe.name}`;
  const { context, page, warnings, c } = await open('index.html', {
    scripts: [[(k) => localStorage.setItem(k, 'v1;3,r,NaN,0;x'), key]].map(([fn, arg]) => ({ content: `(${fn})(${JSON.stringify(arg)})` })),
  });
  try {
    assert.ok(warnings.some((w) => w.includes('stored timer entry ignored: 3,r,NaN,0')), warnings.join('\n'));
    assert.equal((await reads(c, FINISH)).time, '', 'the corrupt entry left the timer idle');
    await routeHtml(page, env.baseURL, 'test-pages/__durations.html', cardPageHtml({ recipe }));
    await page.goto('test-pages/__durations.html');
    await waitForCards(page);
    assert.equal(await c.getByRole('group', { name: /^Timer:/ }).count(), 1, 'only the finish keeps its timer');
    for (const [i, d] of [[0, '0 min'], [1, '-3 min'], [2, '25 h']]) {
      assert.ok(warnings.some((w) => w.includes(`steps[${i}].duration`) && w.includes(d)), `${d}: ${warnings.join('\n')}`);
    }
    const text = await c.locator('article').textContent();
    assert.ok(!/NaN/.test(text), 'never NaN');
  } finally {
    await context.close();
  }
});

test('axe: no violations with timers running, an alert up and cook mode on (light and dark)', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page, c } = await open('index.html', { scripts: [WAKE_LOCK], opts: { colorScheme } });
    try {
      await c.getByRole('switch', { name: 'Cook mode' }).check();
      await c.getByRole('button', { name: `Start timer: ${CARAMEL}` }).click();
      await c.getByRole('button', { name: `Start timer: ${FINISH}` }).click();
      await c.getByRole('checkbox', { name: /ground pork/ }).check();
      await page.clock.runFor(3 * MIN);
      assert.equal((await alertTexts(c)).length, 2);
      await page.clock.resume(); // axe schedules its work with the page's timers
      await assertAccessible(page, 'recipe-card', `timers (${colorScheme})`);
    } finally {
      await context.close();
    }
  }
});
