// Times an HTML report in headless Chromium, driven over the DevTools protocol on a pipe (no dependencies):
// load (navigation start to the load event, and first contentful paint) and the time to apply each filter the report
// offers (from the input event to the next painted frame), the median of RUNS fresh loads.
// Usage: node bench/html-timing.mjs REPORT.html [RUNS] [CHROMIUM]   (defaults: 5, /usr/bin/chromium)
// Prints one JSON object. Filters: the controls #f-sev, #f-rule and #f-q of the report, plus opening the largest
// group (a <details class="group">) where the report has groups.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, runsArg, browserArg] = process.argv.slice(2);
if (!file) { console.error('usage: node bench/html-timing.mjs REPORT.html [RUNS] [CHROMIUM]'); process.exit(2); }
const runs = Number(runsArg || 5);
const url = pathToFileURL(resolve(file)).href;
const profile = mkdtempSync(join(tmpdir(), 'html-timing-'));
const browser = spawn(browserArg || '/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions',
  '--remote-debugging-pipe', '--user-data-dir=' + profile, '--window-size=1280,1000', 'about:blank'],
  { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
const [toBrowser, fromBrowser] = [browser.stdio[3], browser.stdio[4]];
let id = 0, buffered = '';
const pending = new Map(), waiters = [];
fromBrowser.on('data', (chunk) => {
  buffered += chunk.toString('utf8');
  let nul;
  while ((nul = buffered.indexOf('\0')) >= 0) {
    const msg = JSON.parse(buffered.slice(0, nul));
    buffered = buffered.slice(nul + 1);
    if (msg.id && pending.has(msg.id)) {
      const { ok, fail } = pending.get(msg.id);
      pending.delete(msg.id);
      msg.error ? fail(new Error(JSON.stringify(msg.error))) : ok(msg.result);
    } else if (msg.method) {
      for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i].method === msg.method) waiters.splice(i, 1)[0].ok(msg.params);
    }
  }
});
function send(method, params = {}, sessionId) {
  return new Promise((ok, fail) => {
    pending.set(++id, { ok, fail });
    toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
  });
}
const event = (method) => new Promise((ok) => waiters.push({ method, ok }));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return Math.round(s[s.length >> 1] * 10) / 10; };

// Runs in the page: applies one change and resolves with the ms until the next frame is painted.
const FILTERS = `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const time = async (change) => { await frame(); const t0 = performance.now(); change(); await frame(); return performance.now() - t0; };
  const set = (id, v, type) => { const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event(type, { bubbles: true })); };
  const shown = () => (document.getElementById('f-shown') || {}).textContent;
  const out = {};
  const rule = document.getElementById('f-rule');
  // the rule with the most findings: the summary's first row where there is one, else the most frequent data-rule
  let top = null;
  const counts = {};
  document.querySelectorAll('[data-rule]').forEach((e) => { counts[e.dataset.rule] = (counts[e.dataset.rule] || 0) + 1; });
  const groups = document.querySelectorAll('details.group');
  if (groups.length) top = [...groups].sort((a, b) => Number(b.dataset.count) - Number(a.dataset.count))[0].dataset.rule;
  else top = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
  out.topRule = top;
  out.severityError = await time(() => set('f-sev', 'error', 'change')); out.severityShown = shown();
  out.severityAll = await time(() => set('f-sev', '', 'change'));
  out.rule = await time(() => set('f-rule', top, 'change')); out.ruleShown = shown();
  out.ruleAll = await time(() => set('f-rule', '', 'change'));
  out.search = await time(() => set('f-q', 'u12', 'input')); out.searchShown = shown();
  out.searchClear = await time(() => set('f-q', '', 'input'));
  if (groups.length) {
    const g = document.querySelector('details.group[data-rule="' + top + '"]');
    // the report draws a group's rows on its toggle event (a task after the change): timed up to the frame after it
    const toggled = () => new Promise((r) => g.addEventListener('toggle', r, { once: true }));
    if (g.open) { const closed = toggled(); g.open = false; await closed; }
    await frame();
    let t0 = performance.now(), seen = toggled(); g.open = true; await seen; await frame();
    out.openLargestGroup = performance.now() - t0; out.openLargestGroupRows = g.querySelectorAll('tbody tr').length;
    t0 = performance.now(); seen = toggled(); g.open = false; await seen; await frame();
    out.closeLargestGroup = performance.now() - t0;
  }
  return out;
})()`;

try {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  await send('Page.enable', {}, sessionId);
  await send('Network.enable', {}, sessionId);
  await send('Network.setCacheDisabled', { cacheDisabled: true }, sessionId);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const blank = event('Page.loadEventFired');
    await send('Page.navigate', { url: 'data:text/html,<p>next run</p>' }, sessionId);
    await blank;
    const loaded = event('Page.loadEventFired');
    await send('Page.navigate', { url }, sessionId);
    await loaded;
    const nav = await send('Runtime.evaluate', { returnByValue: true, awaitPromise: true, expression: `(async () => {
      if (location.href !== ${JSON.stringify(url)} || document.readyState !== 'complete') throw new Error('not the loaded report');
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const n = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { load: n.loadEventEnd, domContentLoaded: n.domContentLoadedEventEnd, firstContentfulPaint: fcp ? fcp.startTime : null,
               nodes: document.getElementsByTagName('*').length };
    })()` }, sessionId);
    const filters = await send('Runtime.evaluate', { returnByValue: true, awaitPromise: true, expression: FILTERS }, sessionId);
    if (nav.exceptionDetails) throw new Error(JSON.stringify(nav.exceptionDetails));
    if (filters.exceptionDetails) throw new Error(JSON.stringify(filters.exceptionDetails));
    samples.push({ ...nav.result.value, ...filters.result.value });
  }
  const result = { file, bytes: statSync(file).size, runs, nodes: samples[0].nodes, topRule: samples[0].topRule };
  for (const k of Object.keys(samples[0])) {
    if (typeof samples[0][k] === 'number' && k !== 'nodes' && !k.endsWith('Rows')) result[k + 'Ms'] = median(samples.map((s) => s[k]));
    else if (k.endsWith('Shown') || k.endsWith('Rows')) result[k] = samples[0][k];
  }
  console.log(JSON.stringify(result));
} finally {
  const exited = new Promise((ok) => browser.once('exit', ok));
  await Promise.race([send('Browser.close').catch(() => {}), new Promise((ok) => setTimeout(ok, 5000))]);
  browser.kill();
  await exited;
  try { rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 }); } catch { /* a browser child still writing: left in the temp folder */ }
}
