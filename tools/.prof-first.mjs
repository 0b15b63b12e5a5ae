import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '/work/main/tools/serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '/work/main/tests/e2e/helpers.mjs';
const server = await startServer({ root: '/work/main/www', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const agg = {};
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.addInitScript(() => {
    const s = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...a) => { const r = await s.apply(WebAssembly, a); performance.mark('compiled'); return r; };
    addEventListener('DOMContentLoaded', () => { const c = document.querySelector('recipe-card');
      new MutationObserver(() => c.hasAttribute('data-ready') && performance.mark('ready')).observe(c, { attributes: true }); });
  });
  await page.goto(`${server.url}index.html`, { waitUntil: 'load' });
  await cdp.send('Profiler.start');
  await page.evaluate(() => document.querySelector('recipe-card')?.scrollIntoView());
  await page.waitForSelector('recipe-card[data-ready]');
  await page.waitForTimeout(300);
  const { profile } = await cdp.send('Profiler.stop');
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  // timeDeltas: sample times relative; startTime in µs (monotonic) — map via the samples
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let t = profile.startTime;
  const tsOrigin = await page.evaluate(() => performance.timeOrigin);
  console.log('run', run, 'compiled→ready', (marks.ready - marks.compiled).toFixed(1));
  // Aggregate all samples after the last 'compiled' ... approximate: aggregate samples in the window using profile time = startTime + deltas.
  const times = []; for (const d of profile.timeDeltas) { t += d; times.push(t); }
  const end = times[times.length - 1];
  // the window is the last (ready - compiled + 50) ms before 'ready'; estimate ready's profile time by the last non-idle sample… keep simple: all samples.
  profile.samples.forEach((id, i) => {
    const n = byId.get(id); const f = n.callFrame;
    const key = (f.functionName || '(anon)') + ' ' + (f.url.split('/').pop() || '');
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    agg[key] = (agg[key] ?? 0) + dt;
  });
  await context.close();
}
const top = Object.entries(agg).sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [k, v] of top) console.log((v / 3).toFixed(2).padStart(8), k);
await browser.close(); await server.close();
