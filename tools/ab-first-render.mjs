#!/usr/bin/env node
// An A/B of the first render between builds (docs/performance.md): each argument is a site root
// (a copy of www/ after `make build`, e.g. `cp -rL www /tmp/before`). In each round every build
// is loaded once, in a random order, in headless Chromium with 4× CPU throttling, and the card is
// scrolled into view; printed per build: the time from the wasm's arrival (instantiateStreaming
// resolved) to `data-ready` as quartiles, the median from entering the viewport, and the
// difference of the medians from the first build with its 90 % bootstrap interval. This machine's
// runs of one build spread over ±40 %, so a change is only read from an interval that excludes 0.
//
//   node tools/ab-first-render.mjs [--runs N] [--cpu-throttle N] ROOT_A ROOT_B [ROOT_C …]

import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : dflt;
};
const RUNS = opt('--runs', 30);
const THROTTLE = opt('--cpu-throttle', 4);
const roots = args;
if (roots.length < 2) throw new Error('usage: ab-first-render.mjs [--runs N] [--cpu-throttle N] ROOT_A ROOT_B [ROOT_C …]');

// Marks the card entering the viewport, the wasm's arrival and the card's readiness.
const PROBE = () => {
  const t = (window.__probe = {});
  const stream = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (...a) => {
    const r = await stream.apply(WebAssembly, a);
    t.compiled ??= performance.now();
    return r;
  };
  addEventListener('DOMContentLoaded', () => {
    const card = document.querySelector('recipe-card');
    new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && (t.visible ??= performance.now())).observe(card);
    new MutationObserver(() => card.hasAttribute('data-ready') && (t.ready ??= performance.now())).observe(card, { attributes: true });
  });
};

const quantile = (xs, f) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * f)];
/** The median of `b` less the median of `a`, and its 90 % bootstrap interval. */
function delta(a, b) {
  const resample = (x) => Array.from(x, () => x[Math.floor(Math.random() * x.length)]);
  const d = Array.from({ length: 2000 }, () => quantile(resample(b), 0.5) - quantile(resample(a), 0.5));
  return [quantile(b, 0.5) - quantile(a, 0.5), quantile(d, 0.05), quantile(d, 0.95)];
}

const servers = await Promise.all(roots.map((r) => startServer({ root: path.resolve(r), port: 0 })));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const compiled = roots.map(() => []);
const visible = roots.map(() => []);
try {
  for (let run = 0; run < RUNS; run++) {
    for (const k of roots.map((_, k) => k).sort(() => Math.random() - 0.5)) {
      const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      await page.addInitScript(PROBE);
      await page.goto(`${servers[k].url}index.html`, { waitUntil: 'load' });
      await page.evaluate(() => document.querySelector('recipe-card')?.scrollIntoView());
      await page.waitForSelector('recipe-card[data-ready]', { timeout: 60_000 });
      const t = await page.evaluate(() => window.__probe);
      compiled[k].push(t.ready - t.compiled);
      visible[k].push(t.ready - t.visible);
      await context.close();
    }
  }
  console.log(`wasm arrived → card ready, ${THROTTLE}× CPU throttling, ${RUNS} runs each (ms):`);
  roots.forEach((r, k) => {
    const c = compiled[k];
    const [d, lo, hi] = delta(compiled[0], c);
    const q = (f) => quantile(c, f).toFixed(1);
    console.log(`  ${r.padEnd(20)} p25 ${q(0.25)}  median ${q(0.5)}  p75 ${q(0.75)}` +
      `   from the viewport: median ${quantile(visible[k], 0.5).toFixed(1)}` +
      (k ? `   median − first's: ${d.toFixed(1)} [${lo.toFixed(1)}, ${hi.toFixed(1)}]` : ''));
  });
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
