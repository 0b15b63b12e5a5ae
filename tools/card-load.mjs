// One load of a page with a card, instrumented, as the load benchmarks measure it
// (tools/bench-load.mjs, tools/ab-first-render.mjs): a phone-sized context with the CPU
// throttled, the card scrolled into view, and the card's times read back. Not a script itself.

// Instruments a page: when the card enters the viewport, when the wasm is compiled, when the card
// is ready, the wasm instance's memory, and layout shifts.
const PROBE = () => {
  const t = (window.__probe = { shifts: 0 });
  const stream = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (...a) => {
    const r = await stream.apply(WebAssembly, a);
    t.compiled ??= performance.now();
    // The exports have short names (tools/shorten-imports.mjs): find the memory by its type.
    const memory = Object.values(r.instance.exports).find((e) => e instanceof WebAssembly.Memory);
    t.memory = () => memory.buffer.byteLength;
    return r;
  };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (!e.hadRecentInput) t.shifts += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  addEventListener('DOMContentLoaded', () => {
    const card = document.querySelector('recipe-card');
    if (!card) return;
    new IntersectionObserver((es) => es.some((e) => e.isIntersecting) && (t.visible ??= performance.now())).observe(card);
    new MutationObserver(() => card.hasAttribute('data-ready') && (t.ready ??= performance.now())).observe(card, { attributes: true });
  });
};

/** Loads `url` at `throttle`× CPU, scrolls its card into view and waits until it is ready, then
 * `settle` ms more; returns the card's times (`visible`, `compiled`, `ready`, on the page's
 * clock), the wasm's memory, the layout shifts, and the page's main-thread task and script time. */
export async function loadCard(browser, url, { throttle, settle = 0 }) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await cdp.send('Performance.enable');
    await page.addInitScript(PROBE);
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.querySelector('recipe-card')?.scrollIntoView());
    const hasCard = await page.evaluate(() => !!document.querySelector('recipe-card'));
    if (hasCard) await page.waitForSelector('recipe-card[data-ready]', { timeout: 60_000 });
    if (settle) await page.waitForTimeout(settle);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const probe = await page.evaluate(() => {
      const t = window.__probe;
      return { visible: t.visible, compiled: t.compiled, ready: t.ready, memory: t.memory?.(), shifts: t.shifts };
    });
    return { ...probe, taskMs: metrics.TaskDuration * 1000, scriptMs: metrics.ScriptDuration * 1000 };
  } finally {
    await context.close();
  }
}
