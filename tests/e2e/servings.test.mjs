// End-to-end tests for the servings slider and the units toggle (issue 3), against index.html
// and the seed recipe: every amount rescales (checked against the recipe JSON), live while
// dragging, by mouse, keyboard and the −/+ buttons; the polite announcer speaks once per
// gesture; the batch note; persistence; attribute / URL / stored precedence; bad inputs; units;
// axe. Run: node --test --test-concurrency=1 tests/e2e/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup,
  openPage,
  gotoPage,
  card,
  waitForCards,
  requireBuild,
  readRecipe,
  assertAccessible,
  assertNoPageErrors,
  assertNoConsoleErrors,
  cardPageHtml,
  routeHtml,
  collectWarnings,
  sleep,
} from './helpers.mjs';
import { UNITS, ML_PER, compareAmount, expectedAmount, fileUnit, parseAmount, stepAmountRefs } from './amounts.mjs';

const RECIPE_REL = 'recipes/caramelised-pork-mince.json';
const TOL = 0.07; // linear amounts: 7 % relative, in ml or g
const LAYOUT_TOL = 1; // px
/** How long the announcer may take to speak once the value rests (debounced ~0.5–1 s). */
const ANNOUNCE_MIN_MS = 300;
const ANNOUNCE_MAX_MS = 1500;

let env;
let recipe;
let used; // the ingredients shown, in order
let byId;
let BASE;
let MIN;
let MAX;

before(async () => {
  requireBuild();
  recipe = readRecipe(RECIPE_REL);
  used = recipe.ingredients.filter((i) => i.use !== false);
  byId = Object.fromEntries(recipe.ingredients.map((i) => [i.id, i]));
  BASE = recipe.servings.base;
  MIN = recipe.servings.min ?? 1;
  MAX = recipe.servings.max ?? 4 * BASE;
  assert.equal(BASE, 4, 'the seed is written for 4 servings');
  assert.equal(MIN, 1);
  assert.equal(MAX, 16);
  env = await setup();
});

after(async () => {
  await env?.close();
});

const servingsText = (n) => (n === 1 ? '1 serving' : `${n} servings`);

// -------------------------------------------------------------------------------------------
// Page plumbing

/** A fresh context + page; `fn(page, errors, warnings, context)`; the context is always closed. */
async function withContext(opts, fn) {
  if (typeof opts === 'function') [fn, opts] = [opts, {}];
  const { context, page, errors } = await openPage(env, opts);
  const warnings = collectWarnings(page);
  try {
    return await fn(page, errors, warnings, context);
  } finally {
    await context.close();
  }
}

/** The card's controls, by role and accessible name. */
function controls(page) {
  const c = card(page);
  const units = c.getByRole('group', { name: 'Units', exact: true });
  return {
    c,
    slider: c.getByRole('slider', { name: 'Servings', exact: true }),
    fewer: c.getByRole('button', { name: 'Fewer servings', exact: true }),
    more: c.getByRole('button', { name: 'More servings', exact: true }),
    units,
    us: units.getByRole('radio', { name: 'US', exact: true }),
    metric: units.getByRole('radio', { name: 'Metric', exact: true }),
  };
}

/** Everything the checks need, read from the shadow root in one go. */
function snapshotInPage(host) {
  const root = host.shadowRoot;
  const txt = (el) => (el ? el.textContent : null);
  const article = root.querySelector('[part~=card]');
  const slider = root.querySelector('[part~=servings-slider]');
  const output = root.querySelector('[part~=servings-value]');
  const announcer = root.querySelector('[part~=announcer]');
  const serves = [...root.querySelectorAll('[part~=meta] dt')]
    .filter((dt) => dt.textContent.trim() === 'Serves')
    .map((dt) => txt(dt.nextElementSibling));
  const ingredients = [...root.querySelectorAll('[part~=ingredient]')].map((li) => {
    const amounts = [...li.querySelectorAll('[part~=amount]')];
    return {
      amount: amounts.length ? amounts[0].textContent : null,
      amountCount: amounts.length,
      isText: amounts.length ? amounts[0].classList.contains('amount-text') : false,
      item: txt(li.querySelector('[part~=item]')),
    };
  });
  const steps = [...root.querySelectorAll('[part~=step]')].map((st) => ({
    title: (txt(st.querySelector('[part~=step-title]')) ?? '').trim(),
    refs: [...st.querySelectorAll('[part~=step-text] [part~=ref]')].map((r) => ({
      amount: txt(r.querySelector('[part~=amount]')),
      text: r.textContent,
    })),
    notes: [...st.querySelectorAll('[part~=step-note]')].map((n) => n.textContent),
  }));
  const a = root.activeElement;
  const radios = [...root.querySelectorAll('[part~=units] input[type=radio]')];
  const ing = root.querySelector('[part~=ingredients]');
  const hostBox = host.getBoundingClientRect();
  const articleBox = article ? article.getBoundingClientRect() : hostBox;
  return {
    slider: slider && {
      value: slider.value,
      valuetext: slider.getAttribute('aria-valuetext'),
      min: slider.min,
      max: slider.max,
    },
    output: txt(output),
    announcer: txt(announcer),
    serves,
    ingredients,
    steps,
    active: a && {
      tag: a.tagName.toLowerCase(),
      type: a.getAttribute('type'),
      label: a.getAttribute('aria-label'),
      part: a.getAttribute('part'),
      value: a.value ?? null,
    },
    hostFocused: document.activeElement === host,
    units: radios.filter((r) => r.checked).map((r) => r.value),
    cardTop: hostBox.top + scrollY,
    ingredientsOffset: ing ? ing.getBoundingClientRect().top - articleBox.top : null,
    text: article ? article.textContent : '',
  };
}

const snapshot = (c) => c.evaluate(snapshotInPage);
const frames = (c, n = 2) =>
  c.evaluate(
    (_, n) =>
      new Promise((resolve) => {
        const tick = (k) => (k === 0 ? resolve() : requestAnimationFrame(() => tick(k - 1)));
        tick(n);
      }),
    n,
  );

/**
 * Check the card shows `n` servings consistently. Returns a list of problems (empty = fine).
 * opts: { focus: 'slider' | 'Fewer servings' | 'More servings' | 'US' | 'Metric',
 *         layout: { cardTop, ingredientsOffset }, baseline: snapshot at 4 servings (same units),
 *         units: 'us' | 'metric' (expected checked radio) }
 */
function check(snap, n, opts = {}) {
  const p = [];
  // The slider, its text alternative, the output and the meta.
  if (!snap.slider) p.push('no [part~=servings-slider] in the card');
  else {
    if (snap.slider.value !== String(n)) p.push(`slider value "${snap.slider.value}", expected "${n}"`);
    if (snap.slider.valuetext !== servingsText(n)) p.push(`slider aria-valuetext "${snap.slider.valuetext}", expected "${servingsText(n)}"`);
    if (snap.slider.min !== String(MIN) || snap.slider.max !== String(MAX)) p.push(`slider min/max ${snap.slider.min}/${snap.slider.max}, expected ${MIN}/${MAX}`);
  }
  if ((snap.output ?? '').trim() !== String(n)) p.push(`servings output shows "${snap.output}", expected "${n}"`);
  if (snap.serves.length !== 1) p.push(`expected one "Serves" in the meta, found ${snap.serves.length}`);
  else if ((snap.serves[0] ?? '').trim() !== String(n)) p.push(`meta Serves shows "${snap.serves[0]}", expected "${n}"`);

  // Units radios.
  if (snap.units.length !== 1) p.push(`expected exactly one units radio checked, got [${snap.units.join(', ')}]`);
  const mode = snap.units[0];
  if (opts.units && mode !== opts.units) p.push(`units radio "${mode}" checked, expected "${opts.units}"`);

  // Ingredient list vs the recipe JSON.
  if (snap.ingredients.length !== used.length) {
    p.push(`ingredient list has ${snap.ingredients.length} lines, the recipe has ${used.length} in use`);
  }
  const shownById = {};
  used.forEach((ing, i) => {
    const line = snap.ingredients[i];
    if (!line) return;
    const label = `ingredient "${ing.id}" at ${n}`;
    const names = [ing.item, ing.plural ?? `${ing.item}s`].map((s) => s.toLowerCase());
    const item = (line.item ?? '').toLowerCase();
    if (!names.some((s) => item.includes(s))) p.push(`${label}: line ${i + 1} shows item "${line.item}", expected ${ing.item}`);
    if (line.amountCount > 1) p.push(`${label}: ${line.amountCount} amount spans in one line`);
    shownById[ing.id] = line.amount;
    const exp = expectedAmount(ing, n, BASE);
    for (const prob of compareAmount(line.amount, exp, { tol: TOL })) p.push(`${label}: ${prob}`);
    if (exp.kind === 'text' && !line.isText) p.push(`${label}: the amount "${line.amount}" lacks class amount-text`);
    if (exp.kind !== 'text' && line.isText) p.push(`${label}: the amount "${line.amount}" has class amount-text`);
    if ((exp.kind === 'fixed' || exp.kind === 'text') && opts.baseline) {
      const was = opts.baseline.ingredients[i]?.amount;
      if (line.amount !== was) p.push(`${label}: ${exp.kind} amount changed from "${was}" to "${line.amount}"`);
    }
    // The units toggle: each system's own units; spoons stay spoons in metric under ¼ cup.
    if (line.amount != null && exp.kind !== 'text' && exp.kind !== 'none') {
      let a = null;
      try {
        a = parseAmount(line.amount);
      } catch {
        /* reported above */
      }
      if (a?.unit) {
        const sys = UNITS[a.unit].system;
        if (mode === 'metric' && sys === 'us' && !['tsp', 'tbsp'].includes(a.unit)) {
          p.push(`${label}: "${line.amount}" in ${a.unit} while Metric is selected`);
        }
        if (mode === 'us' && sys === 'metric') p.push(`${label}: "${line.amount}" in ${a.unit} while US is selected`);
        const src = fileUnit(ing.unit);
        if (mode === 'metric' && (src === 'tsp' || src === 'tbsp') && exp.kind === 'linear' && exp.baseLo < ML_PER.cup / 4 * 0.999) {
          if (!['tsp', 'tbsp'].includes(a.unit)) p.push(`${label}: "${line.amount}" under ¼ cup should stay in tsp/tbsp in metric`);
        }
      }
    }
  });

  // Step text amounts equal the ingredient list's.
  for (const step of recipe.steps) {
    const shown = snap.steps.find((s) => s.title === step.title);
    if (!shown) {
      p.push(`step "${step.title}" not found`);
      continue;
    }
    const ids = stepAmountRefs(step.text, byId);
    const refs = shown.refs.filter((r) => r.amount != null);
    if (refs.length !== ids.length) {
      p.push(`step "${step.title}": ${refs.length} amounts in the text (${refs.map((r) => `"${r.amount}"`).join(', ')}), expected ${ids.length} (${ids.join(', ')})`);
      continue;
    }
    ids.forEach((id, k) => {
      const want = shownById[id];
      if (refs[k].amount !== want) p.push(`step "${step.title}": ${id} shows "${refs[k].amount}", the ingredient list "${want}"`);
      const prob = byId[id].amount_text != null ? null : compareAmount(refs[k].amount, expectedAmount(byId[id], n, BASE), { tol: TOL });
      if (prob?.length) p.push(`step "${step.title}": ${id}: ${prob.join('; ')}`);
    });
  }

  // The batch note.
  const batch = recipe.servings.batch;
  if (batch) {
    const stepTitle = recipe.steps.find((s) => s.id === batch.step)?.title;
    const shown = snap.steps.find((s) => s.title === stepTitle);
    const has = !!shown?.notes.some((t) => /in batches/i.test(t));
    if (n > batch.max && !has) p.push(`at ${n} servings step "${stepTitle}" has no "in batches" note (notes: ${JSON.stringify(shown?.notes)})`);
    if (n <= batch.max && has) p.push(`at ${n} servings step "${stepTitle}" shows the "in batches" note`);
    for (const s of snap.steps) {
      if (s.title !== stepTitle && s.notes.some((t) => /in batches/i.test(t))) p.push(`the batch note shows under "${s.title}"`);
    }
  }

  // Nothing broken anywhere on the card.
  for (const bad of ['NaN', 'Infinity', 'undefined', '[object']) {
    if (snap.text.includes(bad)) p.push(`the card's text contains "${bad}"`);
  }

  // Focus stays on the control being used.
  if (opts.focus) {
    const a = snap.active;
    const ok =
      snap.hostFocused &&
      a &&
      (opts.focus === 'slider'
        ? a.tag === 'input' && a.type === 'range'
        : opts.focus === 'US' || opts.focus === 'Metric'
          ? a.tag === 'input' && a.type === 'radio' && a.value === opts.focus.toLowerCase()
          : a.tag === 'button' && a.label === opts.focus);
    if (!ok) p.push(`focus left the ${opts.focus} control: document.activeElement is ${snap.hostFocused ? 'the card' : 'outside the card'}, shadowRoot.activeElement ${JSON.stringify(a)}`);
  }

  // No layout jump above the ingredients.
  if (opts.layout) {
    if (Math.abs(snap.cardTop - opts.layout.cardTop) > LAYOUT_TOL) p.push(`card top moved from ${opts.layout.cardTop} to ${snap.cardTop}`);
    if (snap.ingredientsOffset == null || Math.abs(snap.ingredientsOffset - opts.layout.ingredientsOffset) > LAYOUT_TOL) {
      p.push(`the ingredients moved within the card: ${opts.layout.ingredientsOffset} → ${snap.ingredientsOffset} px below its top`);
    }
  }
  return p;
}

/**
 * Snapshot and check; if the first read is inconsistent, give the card two animation frames
 * (an update batched into rAF is still "live") and read again. Returns the problems.
 */
async function verify(c, n, opts = {}, stats = null) {
  let snap = await snapshot(c);
  let p = check(snap, n, opts);
  if (p.length) {
    await frames(c, 2);
    snap = await snapshot(c);
    const p2 = check(snap, n, opts);
    if (!p2.length && stats) stats.deferred++;
    p = p2;
  }
  return { problems: p, snap };
}

function assertNoProblems(problems, what) {
  const shown = problems.slice(0, 60);
  const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
  assert.ok(problems.length === 0, `${what}: ${problems.length} problem(s):\n  - ${shown.join('\n  - ')}${more}`);
}

/** Layout reference: where the card and its ingredients are now. */
async function layoutOf(c) {
  const s = await snapshot(c);
  return { cardTop: s.cardTop, ingredientsOffset: s.ingredientsOffset };
}

// -------------------------------------------------------------------------------------------
// Driving the slider

async function sliderValue(slider) {
  return Number(await slider.evaluate((el) => el.value));
}

/** Viewport x of the thumb's centre at value v (thumb width estimated from the track height). */
async function thumbX(slider, v) {
  const box = await slider.boundingBox();
  assert.ok(box && box.width > 20, `slider has no usable box: ${JSON.stringify(box)}`);
  const { min, max, thumb } = await slider.evaluate((el) => ({
    min: Number(el.min),
    max: Number(el.max),
    // Chromium's default thumb is 16 px wide; a styled one is usually about as wide as it is tall.
    thumb: getComputedStyle(el).appearance === 'none' ? Math.min(el.getBoundingClientRect().height, 28) : 16,
  }));
  const frac = (v - min) / (max - min);
  return { x: box.x + thumb / 2 + (box.width - thumb) * frac, y: box.y + box.height / 2 };
}

/**
 * Drag the thumb from its current value to `target` with the mouse. If the drag lands one off,
 * asserts it at least moved the slider and fine-tunes with the arrow keys. Returns
 * { landed, fixed } and pushes problems for drags landing further off.
 */
async function dragTo(page, slider, target, problems) {
  const from = await sliderValue(slider);
  const a = await thumbX(slider, from);
  const b = await thumbX(slider, target);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
  const landed = await sliderValue(slider);
  if (landed === target) return { landed, fixed: false };
  if (Math.abs(landed - target) > 1) {
    problems.push(`drag ${from} → ${target} landed at ${landed}`);
  } else if (target !== from && landed === from) {
    problems.push(`drag ${from} → ${target} did not move the slider`);
  }
  let v = landed;
  for (let i = 0; i < 20 && v !== target; i++) {
    await page.keyboard.press(v < target ? 'ArrowRight' : 'ArrowLeft');
    v = await sliderValue(slider);
  }
  return { landed, fixed: true };
}

/** Set servings with the keyboard on the slider (focuses it). */
async function keyTo(page, slider, target) {
  await slider.focus();
  let v = await sliderValue(slider);
  for (let i = 0; i < 40 && v !== target; i++) {
    await page.keyboard.press(v < target ? 'ArrowRight' : 'ArrowLeft');
    v = await sliderValue(slider);
  }
  assert.equal(v, target, `could not set the slider to ${target} with the arrow keys`);
}

async function readAnnouncer(c) {
  return c.evaluate((host) => host.shadowRoot.querySelector('[part~=announcer]')?.textContent ?? null);
}

/** Wait (up to 3 s) for the announcer to say `n` servings: the debounced value has settled. */
async function waitAnnounced(page, n, timeout = 3000) {
  await page.waitForFunction(
    (text) => document.querySelector('recipe-card')?.shadowRoot?.querySelector('[part~=announcer]')?.textContent?.trim() === text,
    servingsText(n),
    { timeout, polling: 25 },
  );
}

async function gotoIndex(page) {
  await gotoPage(page, 'index.html');
  const c = card(page);
  assert.notEqual(await c.getAttribute('data-ready'), null, `card did not render (data-error=${await c.getAttribute('data-error')})`);
  return controls(page);
}

// -------------------------------------------------------------------------------------------
// 1. Every value, by mouse, keyboard and buttons

test('servings 1–16 by drag, keyboard and −/+ buttons: amounts, steps, meta, aria, focus, layout', async (t) => {
  await withContext(async (page, errors) => {
    const { c, slider, fewer, more } = await gotoIndex(page);
    await slider.scrollIntoViewIfNeeded();
    const base = await verify(c, BASE);
    assertNoProblems(base.problems, `initial state (${BASE} servings)`);
    const baseline = base.snap;
    const layout = await layoutOf(c);
    const stats = { deferred: 0, dragFixes: 0 };

    await t.test('drag the thumb to every value', async () => {
      const problems = [];
      for (let n = MIN; n <= MAX; n++) {
        const { landed, fixed } = await dragTo(page, slider, n, problems);
        if (fixed) stats.dragFixes++;
        const r = await verify(c, n, { focus: 'slider', layout, baseline }, stats);
        problems.push(...r.problems.map((x) => `drag to ${n}${fixed ? ` (landed ${landed}, fixed by keys)` : ''}: ${x}`));
      }
      t.diagnostic(`drags fine-tuned by one key: ${stats.dragFixes}/${MAX - MIN + 1}`);
      assert.ok(stats.dragFixes <= (MAX - MIN + 1) / 2, `more than half the drags landed off by one (${stats.dragFixes})`);
      assertNoProblems(problems, 'dragging');
    });

    await t.test('keyboard: Home, ArrowRight, ArrowLeft, PageUp, End', async () => {
      const problems = [];
      await slider.focus();
      const press = async (key, expect) => {
        const before = await sliderValue(slider);
        await page.keyboard.press(key);
        const n = typeof expect === 'function' ? expect(before, await sliderValue(slider)) : expect;
        const r = await verify(c, n, { focus: 'slider', layout, baseline }, stats);
        problems.push(...r.problems.map((x) => `${key} ${before} → ${n}: ${x}`));
      };
      await press('Home', MIN);
      for (let n = MIN + 1; n <= MAX; n++) await press('ArrowRight', n);
      await press('ArrowRight', MAX); // at the end: stays
      await press('ArrowLeft', MAX - 1);
      await press('ArrowLeft', MAX - 2);
      await press('Home', MIN);
      await press('ArrowLeft', MIN); // at the start: stays
      await press('PageUp', (before, now) => {
        if (!(now > before)) problems.push(`PageUp from ${before} did not increase the value (now ${now})`);
        return now;
      });
      await press('End', MAX);
      await press('ArrowLeft', MAX - 1);
      assertNoProblems(problems, 'keyboard');
    });

    await t.test('the − and + buttons, down to 1 and up to 16', async () => {
      const problems = [];
      let v = await sliderValue(slider);
      while (v > MIN) {
        await fewer.click();
        v--;
        const r = await verify(c, v, { focus: 'Fewer servings', layout, baseline }, stats);
        problems.push(...r.problems.map((x) => `− to ${v}: ${x}`));
      }
      await fewer.click({ force: true }); // at the minimum (may be aria-disabled): stays
      problems.push(...(await verify(c, MIN, { focus: 'Fewer servings', layout, baseline }, stats)).problems.map((x) => `− at ${MIN}: ${x}`));
      while (v < MAX) {
        await more.click();
        v++;
        const r = await verify(c, v, { focus: 'More servings', layout, baseline }, stats);
        problems.push(...r.problems.map((x) => `+ to ${v}: ${x}`));
      }
      await more.click({ force: true }); // at the maximum (may be aria-disabled): stays
      problems.push(...(await verify(c, MAX, { focus: 'More servings', layout, baseline }, stats)).problems.map((x) => `+ at ${MAX}: ${x}`));
      assertNoProblems(problems, 'buttons');
    });

    t.diagnostic(`updates seen only after a frame (not synchronously): ${stats.deferred}`);
    assertNoPageErrors(errors, 'index.html');
    assertNoConsoleErrors(errors, 'index.html');
  });
});

// -------------------------------------------------------------------------------------------
// 2. Live while dragging

test('amounts follow the thumb while dragging, before the mouse is released', async () => {
  await withContext(async (page, errors) => {
    const { c, slider } = await gotoIndex(page);
    await slider.scrollIntoViewIfNeeded();
    const layout = await layoutOf(c);
    const start = await sliderValue(slider);
    assert.equal(start, BASE);
    const a = await thumbX(slider, start);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    const problems = [];
    const seen = new Set();
    try {
      for (const v of [6, 9, 12, 15]) {
        const b = await thumbX(slider, v);
        await page.mouse.move(b.x, b.y, { steps: 3 });
        const now = await sliderValue(slider);
        seen.add(now);
        if (Math.abs(now - v) > 1) problems.push(`mid-drag towards ${v}: the slider is at ${now}`);
        const r = await verify(c, now, { focus: 'slider', layout });
        problems.push(...r.problems.map((x) => `mid-drag at ${now} (mouse still down): ${x}`));
      }
    } finally {
      await page.mouse.up();
    }
    assert.ok(seen.size >= 3, `the drag should pass through several values, saw ${[...seen].join(', ')}`);
    const end = await sliderValue(slider);
    problems.push(...(await verify(c, end, { focus: 'slider', layout })).problems.map((x) => `after release at ${end}: ${x}`));
    assertNoProblems(problems, 'live drag');
    assertNoPageErrors(errors);
    assertNoConsoleErrors(errors);
  });
});

// -------------------------------------------------------------------------------------------
// 3. The announcer

/** Record every text the announcer shows (and when), and every keydown's time, in the page. */
async function recordAnnouncer(c) {
  await c.evaluate((host) => {
    const root = host.shadowRoot;
    const log = [];
    const keys = [];
    let last = root.querySelector('[part~=announcer]')?.textContent ?? '';
    const note = () => {
      const now = root.querySelector('[part~=announcer]')?.textContent ?? '';
      if (now !== last) {
        last = now;
        log.push({ t: performance.now(), text: now });
      }
    };
    new MutationObserver(note).observe(root, { subtree: true, childList: true, characterData: true });
    document.addEventListener('keydown', () => keys.push(performance.now()), true);
    document.addEventListener('click', () => keys.push(performance.now()), true);
    window.__announcer = { log, keys, reset: () => ((log.length = 0), (keys.length = 0)) };
  });
}
const announcerLog = (page) => page.evaluate(() => ({ log: [...window.__announcer.log], keys: [...window.__announcer.keys] }));

/**
 * After a burst: the announcer ends with exactly `n` servings, spoken at most `maxSpoken` times
 * in all, the first time between ANNOUNCE_MIN_MS and ANNOUNCE_MAX_MS after the last input.
 */
async function assertAnnouncedOnce(page, c, n, { burst, before = '', spokenDuringBurst, maxSpoken = 2 }) {
  await waitAnnounced(page, n).catch(async () => {
    assert.fail(`the announcer did not say "${servingsText(n)}" within 3 s of the last change; it shows ${JSON.stringify(await readAnnouncer(c))}`);
  });
  await sleep(1200); // the debounce wait: nothing more should follow
  const { log, keys } = await announcerLog(page);
  const spoken = log.filter((e) => e.text.trim() !== '');
  const lastKey = Math.max(...keys);
  const final = (await readAnnouncer(c))?.trim();
  assert.equal(final, servingsText(n), `after the ${burst}, the announcer shows ${JSON.stringify(final)}`);
  assert.ok(
    spoken.length >= 1 && spoken.length <= maxSpoken,
    `the ${burst} was announced ${spoken.length} times (at most ${maxSpoken} expected): ${JSON.stringify(spoken.map((e) => e.text))}`,
  );
  assert.equal(spoken.at(-1).text.trim(), servingsText(n), 'the last announcement is the final value');
  const firstFinal = spoken.find((e) => e.text.trim() === servingsText(n));
  const delay = firstFinal.t - lastKey;
  assert.ok(
    delay >= ANNOUNCE_MIN_MS && delay <= ANNOUNCE_MAX_MS,
    `"${servingsText(n)}" was announced ${delay.toFixed(0)} ms after the last input; expected a debounce of about 0.5–1 s (${ANNOUNCE_MIN_MS}–${ANNOUNCE_MAX_MS} ms)`,
  );
  // What the announcer held right after each input, other than what it held before the burst.
  const intermediate = spokenDuringBurst.filter((s) => s && s !== before && s !== servingsText(n));
  assert.ok(intermediate.length <= 1, `intermediate values were announced during the ${burst}: ${JSON.stringify(spokenDuringBurst)}`);
}

test('the announcer speaks the resting value once per burst, not every tick', async () => {
  await withContext(async (page, errors) => {
    const { c, slider, more } = await gotoIndex(page);
    const announcer = c.locator('[part~=announcer]');
    assert.equal(await announcer.getAttribute('aria-live'), 'polite', 'announcer aria-live');
    await slider.focus();
    await recordAnnouncer(c);

    // A burst of 6 fast key presses: 4 → 10.
    const before0 = (await readAnnouncer(c))?.trim() ?? '';
    const during = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('ArrowRight');
      during.push((await readAnnouncer(c))?.trim() ?? '');
    }
    assert.equal(await sliderValue(slider), BASE + 6);
    await assertAnnouncedOnce(page, c, BASE + 6, { burst: 'burst of 6 ArrowRight presses', before: before0, spokenDuringBurst: during });

    // Singular: Home → "1 serving".
    await page.evaluate(() => window.__announcer.reset());
    await page.keyboard.press('Home');
    await assertAnnouncedOnce(page, c, 1, { burst: 'Home key', spokenDuringBurst: [], maxSpoken: 1 });

    // Three fast clicks on +: 1 → 4.
    await page.evaluate(() => window.__announcer.reset());
    const before = (await readAnnouncer(c))?.trim() ?? '';
    const clicks = [];
    for (let i = 0; i < 3; i++) {
      await more.click();
      clicks.push((await readAnnouncer(c))?.trim() ?? '');
    }
    await assertAnnouncedOnce(page, c, 4, { burst: 'burst of 3 clicks on +', before, spokenDuringBurst: clicks });
    assertNoPageErrors(errors);
    assertNoConsoleErrors(errors);
  });
});

// -------------------------------------------------------------------------------------------
// 4. The batch note

test('the "in batches" note shows under "Brown the Pork Perfectly" above 6 servings only', async () => {
  const batch = recipe.servings.batch;
  assert.ok(batch && batch.max === 6 && batch.step === 'brown' && /in batches/.test(batch.note), 'the seed has a batch rule');
  const title = recipe.steps.find((s) => s.id === batch.step).title;
  await withContext(async (page, errors) => {
    const { c, slider } = await gotoIndex(page);
    const notes = async () => (await snapshot(c)).steps.find((s) => s.title === title)?.notes ?? [];
    for (const [n, shown] of [[4, false], [6, false], [7, true], [6, false], [16, true], [1, false], [7, true]]) {
      await keyTo(page, slider, n);
      const got = await notes();
      const has = got.some((x) => x.includes(batch.note) || /in batches/i.test(x));
      assert.equal(has, shown, `at ${n} servings the batch note should be ${shown ? 'shown' : 'absent'}; notes under "${title}": ${JSON.stringify(got)}`);
      if (shown) assert.ok(got.some((x) => x.trim() === batch.note.trim() || x.includes(batch.note)), `the note reads the recipe's text: ${JSON.stringify(got)}`);
      assertNoProblems(check(await snapshot(c), n), `at ${n}`);
    }
    assertNoPageErrors(errors);
  });
});

// -------------------------------------------------------------------------------------------
// 5. Persistence

test('servings and units survive a reload', async () => {
  await withContext(async (page, errors) => {
    let { c, slider, us, metric } = await gotoIndex(page);
    await keyTo(page, slider, 7);
    await waitAnnounced(page, 7); // the value has rested (and had every chance to be stored)
    await page.reload({ waitUntil: 'load' });
    await waitForCards(page);
    ({ c, slider, us, metric } = controls(page));
    assert.equal(await sliderValue(slider), 7, 'servings after reload');
    assertNoProblems(check(await snapshot(c), 7), 'after reload at 7');

    await us.click();
    assert.ok(await us.isChecked(), 'US checked after click');
    assertNoProblems(check(await snapshot(c), 7, { units: 'us', focus: 'US' }), 'US at 7');
    await sleep(50);
    await page.reload({ waitUntil: 'load' });
    await waitForCards(page);
    ({ c, slider, us, metric } = controls(page));
    assert.ok(await us.isChecked(), 'US still checked after reload');
    assert.equal(await sliderValue(slider), 7, 'servings still 7 after the second reload');
    assertNoProblems(check(await snapshot(c), 7, { units: 'us' }), 'after reload, US at 7');

    await metric.click();
    await sleep(50);
    await page.reload({ waitUntil: 'load' });
    await waitForCards(page);
    ({ c, metric } = controls(page));
    assert.ok(await metric.isChecked(), 'Metric checked after reload');
    assertNoProblems(check(await snapshot(c), 7, { units: 'metric' }), 'after reload, Metric at 7');
    assertNoPageErrors(errors);
    assertNoConsoleErrors(errors);
  });
});

// -------------------------------------------------------------------------------------------
// 6. Attribute, URL, stored; bad values

let generated = 0;
/** Serve a generated page with one seed card (given attributes) for this page; returns its URL. */
async function generatedPage(page, attrs) {
  const rel = `test-pages/__generated-${++generated}.html`;
  return routeHtml(page, env.baseURL, rel, cardPageHtml({ attrs }));
}

async function open(page, url) {
  const resp = await page.goto(url, { waitUntil: 'load' });
  assert.ok(resp && resp.ok(), `GET ${url} failed: ${resp && resp.status()}`);
  await waitForCards(page);
  const c = card(page);
  assert.notEqual(await c.getAttribute('data-ready'), null, `${url}: card did not render`);
  return controls(page);
}

/** Forget the reader's stored choices (nothing to forget on about:blank, which has no storage). */
const clearStorage = (page) =>
  page.evaluate(() => {
    if (location.protocol.startsWith('http')) localStorage.clear();
  });

const servingsWarnings = (warnings) => warnings.filter((w) => /servings/i.test(w));

test('servings attribute, ?servings= and the stored value: URL > stored > attribute', async () => {
  await withContext(async (page, errors, warnings) => {
    const url = await generatedPage(page, { servings: '6' });
    let { c, slider } = await open(page, url);
    assertNoProblems(check(await snapshot(c), 6), 'servings="6"');
    assert.deepEqual(servingsWarnings(warnings), [], 'a valid attribute logs no warning');

    await clearStorage(page);
    ({ c } = await open(page, `${url}?servings=9`));
    assertNoProblems(check(await snapshot(c), 9), 'servings="6" with ?servings=9');
    assert.deepEqual(servingsWarnings(warnings), [], 'a valid URL parameter logs no warning');

    // Stored beats the attribute.
    await clearStorage(page);
    ({ c, slider } = await open(page, url));
    assert.equal(await sliderValue(slider), 6);
    await keyTo(page, slider, 3);
    await waitAnnounced(page, 3);
    ({ c, slider } = await open(page, url));
    assertNoProblems(check(await snapshot(c), 3), 'stored 3 over servings="6"');

    // The URL beats the stored value.
    ({ c } = await open(page, `${url}?servings=10`));
    assertNoProblems(check(await snapshot(c), 10), '?servings=10 over stored 3');
    assertNoPageErrors(errors);
    assertNoConsoleErrors(errors);
  });
});

test('bad servings values are clamped or ignored with a console.warn, never NaN', async (t) => {
  await withContext(async (page, errors, warnings) => {
    const cases = [
      // [label, attrs, query, acceptable values]
      ['servings="abc"', { servings: 'abc' }, '', [BASE]],
      ['?servings=-3 over servings="6"', { servings: '6' }, '?servings=-3', [MIN, 6]],
      ['?servings=1e9 over servings="6"', { servings: '6' }, '?servings=1e9', [MAX, 6]],
      ['?servings=0 over servings="6"', { servings: '6' }, '?servings=0', [MIN, 6]],
      ['?servings=0 alone', {}, '?servings=0', [MIN, BASE]],
      ['servings="1e9"', { servings: '1e9' }, '', [MAX, BASE]],
    ];
    for (const [label, attrs, query, ok] of cases) {
      await t.test(label, async () => {
        await clearStorage(page);
        warnings.length = 0;
        const url = await generatedPage(page, attrs);
        const { c, slider } = await open(page, url + query);
        const v = await sliderValue(slider);
        assert.ok(ok.includes(v), `${label}: servings ${v}, expected ${ok.join(' or ')}`);
        assertNoProblems(check(await snapshot(c), v), label);
        const w = servingsWarnings(warnings);
        assert.ok(w.length >= 1, `${label}: expected a console.warn mentioning "servings"; warnings: ${JSON.stringify(warnings)}`);
        // The card still works from there.
        await keyTo(page, slider, Math.min(v + 1, MAX) === v ? v - 1 : v + 1);
        const now = await sliderValue(slider);
        assertNoProblems(check(await snapshot(c), now), `${label}, then ${now}`);
      });
    }
    assertNoPageErrors(errors);
    assertNoConsoleErrors(errors);
  });
});

// -------------------------------------------------------------------------------------------
// 7. Units

function spoonIds() {
  return used.filter((i) => ['tsp', 'tbsp'].includes(fileUnit(i.unit))).map((i) => i.id);
}
function porkShown(snap) {
  const i = used.findIndex((g) => g.id === 'pork');
  return snap.ingredients[i]?.amount ?? null;
}

test('units: Metric ↔ US by mouse and keyboard, alone and with servings', async () => {
  await withContext(async (page, errors) => {
    const { c, slider, us, metric, units } = await gotoIndex(page);
    assert.equal(await units.getByRole('radio').count(), 2, 'the Units group has two radios');
    const spoons = spoonIds();
    const spoonUnits = (snap) =>
      spoons.map((id) => {
        const a = parseAmount(snap.ingredients[used.findIndex((g) => g.id === id)].amount);
        return `${id}:${a.unit}`;
      });

    // Mouse: Metric.
    await metric.click();
    assert.ok(await metric.isChecked());
    let snap = await snapshot(c);
    assertNoProblems(check(snap, BASE, { units: 'metric', focus: 'Metric' }), 'Metric at 4');
    assert.equal(porkShown(snap), '500 g', 'pork in metric at 4 servings');
    for (const s of spoonUnits(snap)) assert.match(s, /:(tsp|tbsp)$/, `spoons stay spoons in metric: ${s}`);

    // Mouse: US.
    await us.click();
    assert.ok(await us.isChecked());
    assert.ok(!(await metric.isChecked()));
    snap = await snapshot(c);
    assertNoProblems(check(snap, BASE, { units: 'us', focus: 'US' }), 'US at 4');
    const pork = parseAmount(porkShown(snap));
    assert.ok(['oz', 'lb'].includes(pork.unit), `pork in US should be oz or lb, got "${pork.text}"`);
    assert.ok(Math.abs(pork.baseLo - 500) / 500 <= TOL, `pork in US "${pork.text}" = ${pork.baseLo.toFixed(1)} g, expected 500 g ± 7%`);
    for (const s of spoonUnits(snap)) assert.match(s, /:(tsp|tbsp)$/, `spoons in US: ${s}`);

    // Keyboard: arrows move within the radio group (US is focused after the click).
    await page.keyboard.press('ArrowRight');
    assert.ok(await metric.isChecked(), 'ArrowRight from US selects Metric');
    snap = await snapshot(c);
    assertNoProblems(check(snap, BASE, { units: 'metric', focus: 'Metric' }), 'Metric by keyboard');
    assert.equal(porkShown(snap), '500 g', 'pork back to 500 g');
    await page.keyboard.press('ArrowLeft');
    assert.ok(await us.isChecked(), 'ArrowLeft from Metric selects US');
    snap = await snapshot(c);
    assertNoProblems(check(snap, BASE, { units: 'us', focus: 'US' }), 'US by keyboard');

    // With servings: US at 8, every value 1..16 in US, then Metric at 8.
    await keyTo(page, slider, 8);
    snap = await snapshot(c);
    assertNoProblems(check(snap, 8, { units: 'us', focus: 'slider' }), 'US at 8');
    const pork8 = parseAmount(porkShown(snap));
    assert.ok(['oz', 'lb'].includes(pork8.unit) && Math.abs(pork8.baseLo - 1000) / 1000 <= TOL, `pork at 8 in US: "${pork8.text}"`);
    const problems = [];
    await page.keyboard.press('Home');
    for (let n = MIN; n <= MAX; n++) {
      if (n > MIN) await page.keyboard.press('ArrowRight');
      problems.push(...check(await snapshot(c), n, { units: 'us', focus: 'slider' }).map((x) => `US at ${n}: ${x}`));
    }
    await metric.click();
    for (let n = MAX; n >= MIN; n--) {
      if (n < MAX) {
        if (n === MAX - 1) await slider.focus();
        await page.keyboard.press('ArrowLeft');
      }
      problems.push(...check(await snapshot(c), n, { units: 'metric' }).map((x) => `Metric at ${n}: ${x}`));
    }
    assertNoProblems(problems, 'units × servings');
    await keyTo(page, slider, 8);
    assertNoProblems(check(await snapshot(c), 8, { units: 'metric' }), 'Metric at 8');
    assertNoPageErrors(errors);
    assertNoConsoleErrors(errors);
  });
});

test('units attribute and ?units= choose the starting units', async () => {
  await withContext(async (page, errors) => {
    const url = await generatedPage(page, { units: 'us' });
    let { c, us, metric } = await open(page, url);
    assert.ok(await us.isChecked(), 'units="us" checks US');
    let snap = await snapshot(c);
    assertNoProblems(check(snap, BASE, { units: 'us' }), 'units="us"');
    assert.ok(['oz', 'lb'].includes(parseAmount(porkShown(snap)).unit), `pork with units="us": "${porkShown(snap)}"`);

    await clearStorage(page);
    ({ c, us, metric } = await open(page, `${url}?units=metric`));
    assert.ok(await metric.isChecked(), '?units=metric beats units="us"');
    snap = await snapshot(c);
    assertNoProblems(check(snap, BASE, { units: 'metric' }), '?units=metric');
    assert.equal(porkShown(snap), '500 g');

    await clearStorage(page);
    const url2 = await generatedPage(page, { units: 'metric', servings: '8' });
    ({ c } = await open(page, `${url2}?units=us`));
    assertNoProblems(check(await snapshot(c), 8, { units: 'us' }), 'units="metric" servings="8" with ?units=us');
    assertNoPageErrors(errors);
    assertNoConsoleErrors(errors);
  });
});

// -------------------------------------------------------------------------------------------
// 8. Accessibility

test('axe: the card with its controls has no violations (light and dark, after changes)', async () => {
  await withContext({ colorScheme: 'light' }, async (page, errors) => {
    const { slider, us } = await gotoIndex(page);
    await assertAccessible(page, 'recipe-card', 'card with controls (light)');
    await keyTo(page, slider, 7);
    await us.click();
    await waitAnnounced(page, 7);
    await page.emulateMedia({ colorScheme: 'dark' });
    await assertAccessible(page, 'recipe-card', 'card at 7 servings, US (dark)');
    assertNoPageErrors(errors);
  });
});
