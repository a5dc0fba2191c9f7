/**
 * Playground speed: how fast the built playground answers, in headless Chromium at 1440×900.
 *
 *   1. Load to first result: navigation start → the first time a result is rendered
 *      (`body[data-result-hash]` set, `#headline` filled); median of --loads loads, each in a fresh
 *      browser context (cold cache, as a first visit).
 *   2. A seed change at --runs-change runs (default 2,000): set `#seed`, dispatch `change` (what a user
 *      typing and leaving the field does), time from just before the dispatch to the preview (the
 *      headline from the first runs, `body[data-preview]`) and to the full answer (the new result hash,
 *      set in the same render as its headline), in the page (MutationObserver + performance.now()).
 *      Median of --repeats, a new seed each.
 *   3. The same at --runs-large runs (default 10,000): first the runs change itself, then seed changes.
 *   4. Main-thread blocking: longest 'longtask' entry and the count over 100 ms, per change and for the load.
 *   5. Script sizes in playground/dist/assets: raw and gzip (level 9), the main entry's gzip KB, and
 *      whether each worker bundle carries zod.
 *
 * Run: npx tsx bench/playground-speed.ts [--runs-change 2000] [--runs-large 10000] [--repeats 5] [--loads 5] [--no-build] [--json]
 *
 * The machine is shared and noisy (2 cores), hence medians, with every value printed beside them.
 * Builds the playground with the repo's vite.config.ts first, unless --no-build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type Browser, type Page, chromium } from 'playwright-core';
import { type PreviewServer, build, preview } from 'vite';

const root = join(import.meta.dirname, '..');
const configFile = join(root, 'vite.config.ts');
const assetsDir = join(root, 'playground/dist/assets');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const viewport = { width: 1440, height: 900 };
const timeoutMs = 180_000;
const log = (text: string) => process.stderr.write(`${text}\n`);

const { values: flags } = parseArgs({
  options: {
    'runs-change': { type: 'string', default: '2000' },
    'runs-large': { type: 'string', default: '10000' },
    repeats: { type: 'string', default: '5' },
    loads: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
function whole(name: string, text: string | undefined, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, not ${text}`);
  return n;
}
const runsChange = whole('runs-change', flags['runs-change'], 100);
const runsLarge = whole('runs-large', flags['runs-large'], 100);
const repeats = whole('repeats', flags.repeats, 1);
const loads = whole('loads', flags.loads, 1);

// ---------------------------------------------------------------- helpers

function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
const round = (x: number) => Math.round(x);
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

interface LongTask {
  start: number;
  duration: number;
}
/** What the init script keeps in the page. */
interface BenchState {
  longTaskSupported: boolean;
  longTasks: LongTask[];
  firstResultAt: number | null;
}
type BenchWindow = Window & { __bench: BenchState };

/** Longest task and the count over 100 ms among tasks overlapping [from, to] (page time, ms). */
function blocking(tasks: readonly LongTask[], from: number, to: number): { longestMs: number; over100: number } {
  const inside = tasks.filter((t) => t.start < to && t.start + t.duration > from);
  return { longestMs: round(Math.max(0, ...inside.map((t) => t.duration))), over100: inside.filter((t) => t.duration > 100).length };
}

// ---------------------------------------------------------------- in-page code

// tsx compiles with keepNames, which wraps inner functions in `__name(...)`; page-side functions are
// serialised into the browser, where that helper does not exist. This shim makes them run there.
const nameShim = 'globalThis.__name = globalThis.__name || ((f) => f);';

/** Runs before the page's own scripts: long tasks (buffered) and the time of the first rendered result. */
function initBench(): void {
  const state: BenchState = {
    longTaskSupported: PerformanceObserver.supportedEntryTypes.includes('longtask'),
    longTasks: [],
    firstResultAt: null,
  };
  (window as unknown as BenchWindow).__bench = state;
  if (state.longTaskSupported) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  }
  // The page sets body[data-result-hash] in the same synchronous render as the headline; the body does
  // not exist yet, so watch the document for that one attribute.
  const seen = new MutationObserver(() => {
    const headline = document.getElementById('headline');
    if (document.body?.dataset.resultHash !== undefined && (headline?.textContent ?? '').trim() !== '') {
      state.firstResultAt = performance.now();
      seen.disconnect();
    }
  });
  seen.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-result-hash'] });
}

interface ChangeTiming {
  t0: number;
  /** When a preview of the answer (from the first runs, body[data-preview]) first showed, if one did. */
  previewAt: number | null;
  /** When the full answer (a new result hash) showed. */
  headlineAt: number;
  settledAt: number;
  sameText: boolean;
}

/**
 * In the page: set `selector`'s value, dispatch `change`, resolve when the headline shows the new
 * result (text changed, new result hash) and the page is no longer busy; note when a preview showed.
 */
function changeInPage(arg: { selector: string; value: string; timeoutMs: number }): Promise<ChangeTiming> {
  const headline = document.querySelector('#headline') as HTMLElement;
  const input = document.querySelector(arg.selector) as HTMLInputElement;
  const startText = headline.textContent ?? '';
  const startHash = document.body.dataset.resultHash;
  let lastText = startText;
  let changed = false;
  let previewAt: number | null = null;
  let fullAt: number | null = null;
  let settledAt: number | null = null;
  return new Promise<ChangeTiming>((resolve, reject) => {
    const observers: MutationObserver[] = [];
    const timer = setTimeout(() => {
      for (const o of observers) o.disconnect();
      reject(new Error(`no new headline within ${arg.timeoutMs} ms after changing ${arg.selector} to ${arg.value}`));
    }, arg.timeoutMs);
    const check = () => {
      const now = performance.now();
      const hash = document.body.dataset.resultHash;
      const fresh = hash !== undefined && hash !== startHash;
      // The full answer sets the hash in the same synchronous render as its headline.
      if (fresh && fullAt === null) fullAt = now;
      if (fresh && settledAt === null && !document.body.classList.contains('busy')) settledAt = now;
      if (fullAt !== null && settledAt !== null) {
        clearTimeout(timer);
        for (const o of observers) o.disconnect();
        resolve({ t0, previewAt, headlineAt: fullAt, settledAt, sameText: !changed });
      }
    };
    const onHeadline = new MutationObserver(() => {
      const text = headline.textContent ?? '';
      if (text !== lastText) {
        lastText = text;
        changed = true;
        if (previewAt === null && document.body.dataset.preview !== undefined) previewAt = performance.now();
      }
      check();
    });
    onHeadline.observe(headline, { childList: true, subtree: true, characterData: true });
    const onBody = new MutationObserver(check);
    onBody.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-result-hash'] });
    observers.push(onHeadline, onBody);
    input.value = arg.value;
    const t0 = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

// ---------------------------------------------------------------- browser side

const problems: string[] = [];
let browser: Browser | undefined;
let server: PreviewServer | undefined;

async function openPage(url: string): Promise<Page> {
  // A fresh context per page: cold HTTP cache, nothing shared with earlier loads.
  const context = await browser!.newContext({ viewport });
  await context.addInitScript({ content: `${nameShim}\n(${initBench.toString()})();` });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  return page;
}

async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

/** Waits for a first result and an idle page; returns its load timing and blocking. */
async function loadOnce(url: string) {
  const page = await openPage(url);
  await page.waitForFunction(
    () => (window as unknown as BenchWindow).__bench.firstResultAt !== null && !document.body.classList.contains('busy'),
    undefined,
    {
      timeout: timeoutMs,
    },
  );
  await page.waitForTimeout(300); // long-task entries arrive a little after the task
  const bench = await page.evaluate(() => (window as unknown as BenchWindow).__bench);
  const runs = await page.locator('#runs').inputValue();
  await closePage(page);
  const firstResultMs = bench.firstResultAt as number;
  return {
    firstResultMs: round(firstResultMs),
    runs: Number(runs),
    longTaskSupported: bench.longTaskSupported,
    ...blocking(bench.longTasks, 0, firstResultMs),
  };
}

interface Change {
  label: string;
  /** To the preview from the first runs (null when the page showed none). */
  previewMs: number | null;
  headlineMs: number;
  settledMs: number;
  longestTaskMs: number;
  tasksOver100: number;
}

async function change(page: Page, selector: string, value: string, label: string): Promise<Change> {
  const t = await page.evaluate(changeInPage, { selector, value, timeoutMs });
  if (t.sameText) problems.push(`${label}: headline text unchanged (timed to its re-render)`);
  await page.waitForTimeout(300); // long-task entries arrive a little after the task; also lets the page go quiet
  const tasks = await page.evaluate(() => (window as unknown as BenchWindow).__bench.longTasks);
  const b = blocking(tasks, t.t0, Math.max(t.headlineAt, t.settledAt));
  return {
    label,
    previewMs: t.previewAt === null ? null : round(t.previewAt - t.t0),
    headlineMs: round(t.headlineAt - t.t0),
    settledMs: round(t.settledAt - t.t0),
    longestTaskMs: b.longestMs,
    tasksOver100: b.over100,
  };
}

interface Series {
  what: string;
  /** Median time to the preview (null when none showed), then to the full answer. */
  previewMedianMs: number | null;
  previewValuesMs: (number | null)[];
  medianMs: number;
  valuesMs: number[];
  longestTaskMs: number[];
  tasksOver100: number[];
  changes: Change[];
}
const series = (what: string, changes: Change[]): Series => ({
  what,
  previewMedianMs: changes.every((c) => c.previewMs !== null) ? round(median(changes.map((c) => c.previewMs as number))) : null,
  previewValuesMs: changes.map((c) => c.previewMs),
  medianMs: round(median(changes.map((c) => c.headlineMs))),
  valuesMs: changes.map((c) => c.headlineMs),
  longestTaskMs: changes.map((c) => c.longestTaskMs),
  tasksOver100: changes.map((c) => c.tasksOver100),
  changes,
});

// ---------------------------------------------------------------- script sizes

function scriptSizes() {
  const html = readFileSync(join(root, 'playground/dist/index.html'), 'utf8');
  // The entry is the <script type="module" src=…> in index.html.
  const tag = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).find((t) => /type=["']module["']/.test(t) && /\bsrc=/.test(t));
  const mainFile = tag ? basename(/\bsrc=["']([^"']+)["']/.exec(tag)?.[1] ?? '') : '';
  const zodMarkers = ['ZodError', '$ZodType'];
  const files = readdirSync(assetsDir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(assetsDir, file));
      const text = bytes.toString('utf8');
      const role = file === mainFile ? 'main' : /worker/i.test(file) ? 'worker' : 'chunk';
      return {
        file,
        role,
        rawKb: kb(bytes.length),
        gzipKb: kb(gzipSync(bytes, { level: 9 }).length),
        zodMarkers: zodMarkers.filter((m) => text.includes(m)),
      };
    });
  if (!files.some((f) => f.role === 'main'))
    problems.push(`main entry script not found among the assets (index.html names ${mainFile || 'none'})`);
  return { mainFile, mainGzipKb: files.find((f) => f.role === 'main')?.gzipKb ?? Number.NaN, files };
}

// ---------------------------------------------------------------- run

try {
  if (!flags['no-build']) {
    log('building the playground (vite build)…');
    await build({ configFile, logLevel: 'warn' });
  }
  const scripts = scriptSizes();

  server = await preview({ configFile, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('vite preview gave no local URL');
  browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });

  log(`1. load to first result, ${loads} loads`);
  const loadRuns = [];
  for (let i = 0; i < loads; i += 1) {
    const l = await loadOnce(base);
    log(`  ${l.firstResultMs} ms (longest task ${l.longestMs} ms)`);
    loadRuns.push(l);
  }
  if (loadRuns[0] && !loadRuns[0].longTaskSupported) problems.push('this Chromium reports no longtask entries: blocking figures are 0');

  // Today the state is in the fragment; a later page may read the query. Use the query only if the page reads it.
  const probeSeed = '7';
  const probe = await openPage(`${base}?runs=${runsChange}&seed=${probeSeed}`);
  await probe.waitForFunction(
    () => document.body.dataset.resultHash !== undefined && !document.body.classList.contains('busy'),
    undefined,
    { timeout: timeoutMs },
  );
  const urlForm = (await probe.locator('#seed').inputValue()) === probeSeed ? 'query' : 'fragment';
  await closePage(probe);
  const stateUrl = (runs: number, seed: number) =>
    urlForm === 'query' ? `${base}?runs=${runs}&seed=${seed}` : `${base}#runs=${runs}&seed=${seed}`;

  log(`2. seed changes at ${runsChange} runs (${urlForm} form), ${repeats} repeats`);
  const page = await openPage(stateUrl(runsChange, 1));
  await page.waitForFunction(() => document.body.dataset.resultHash !== undefined && !document.body.classList.contains('busy'), undefined, {
    timeout: timeoutMs,
  });
  const shownRuns = Number(await page.locator('#runs').inputValue());
  if (shownRuns !== runsChange) problems.push(`page shows ${shownRuns} runs, not the ${runsChange} asked for in the URL`);
  await page.waitForTimeout(300);
  const small: Change[] = [];
  for (let i = 0; i < repeats; i += 1) {
    // Different seeds each repeat, the same ones every bench run, so before/after compare like with like.
    const c = await change(page, '#seed', String(101 + i), `seed → ${101 + i} at ${runsChange} runs`);
    log(`  ${c.label}: preview ${c.previewMs ?? '–'} ms, full answer ${c.headlineMs} ms (longest task ${c.longestTaskMs} ms)`);
    small.push(c);
  }

  log(`3. runs ${runsChange} → ${runsLarge}, then seed changes at ${runsLarge} runs`);
  const toLarge = await change(page, '#runs', String(runsLarge), `runs ${runsChange} → ${runsLarge}`);
  log(`  ${toLarge.label}: ${toLarge.headlineMs} ms (longest task ${toLarge.longestTaskMs} ms)`);
  const large: Change[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const c = await change(page, '#seed', String(201 + i), `seed → ${201 + i} at ${runsLarge} runs`);
    log(`  ${c.label}: preview ${c.previewMs ?? '–'} ms, full answer ${c.headlineMs} ms (longest task ${c.longestTaskMs} ms)`);
    large.push(c);
  }
  await closePage(page);

  const report = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    cores: cpus().length,
    viewport,
    urlForm,
    load: {
      runs: loadRuns[0]?.runs ?? null,
      medianMs: round(median(loadRuns.map((l) => l.firstResultMs))),
      valuesMs: loadRuns.map((l) => l.firstResultMs),
      longestTaskMs: loadRuns.map((l) => l.longestMs),
      tasksOver100: loadRuns.map((l) => l.over100),
    },
    seedChangeSmall: series(`seed change at ${runsChange} runs`, small),
    runsChangeToLarge: toLarge,
    seedChangeLarge: series(`seed change at ${runsLarge} runs`, large),
    scripts,
    problems: [...new Set(problems)],
  };

  if (flags.json) console.log(JSON.stringify(report, null, 2));
  else {
    const list = (xs: readonly number[]) => `[${xs.join(', ')}]`;
    const line = (s: Series) =>
      `${s.what} (${s.valuesMs.length}): preview median ${s.previewMedianMs ?? '–'} ms [${s.previewValuesMs.map((x) => x ?? '–').join(', ')}]; full answer median ${s.medianMs} ms ${list(s.valuesMs)}; longest task ${list(s.longestTaskMs)} ms; tasks >100 ms ${list(s.tasksOver100)}`;
    const l = report.load;
    console.log(
      `cx-roi playground speed, ${report.date.slice(0, 10)}, Chromium ${report.chromium}, ${report.cores} cores, ${viewport.width}×${viewport.height}, state in ${urlForm}`,
    );
    console.log(
      `load → first result (${l.valuesMs.length}, ${l.runs} runs): median ${l.medianMs} ms ${list(l.valuesMs)}; longest task ${list(l.longestTaskMs)} ms; tasks >100 ms ${list(l.tasksOver100)}`,
    );
    console.log(line(report.seedChangeSmall));
    console.log(
      `${toLarge.label}: ${toLarge.headlineMs} ms; longest task ${toLarge.longestTaskMs} ms; tasks >100 ms ${toLarge.tasksOver100}`,
    );
    console.log(line(report.seedChangeLarge));
    console.log(`main script ${scripts.mainFile}: ${scripts.mainGzipKb} KB gzip`);
    for (const f of scripts.files)
      console.log(
        `  ${f.role.padEnd(6)} ${f.file.padEnd(36)} ${String(f.rawKb).padStart(7)} KB raw ${String(f.gzipKb).padStart(6)} KB gzip${f.role === 'worker' ? `  zod: ${f.zodMarkers.length ? `yes (${f.zodMarkers.join(', ')})` : 'no'}` : ''}`,
      );
    console.log(`problems: ${report.problems.length ? report.problems.join('; ') : 'none'}`);
  }
} catch (error) {
  log(`playground-speed failed: ${(error as Error).stack ?? String(error)}`);
  if (problems.length) log(`problems seen: ${[...new Set(problems)].join('; ')}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  await server?.close();
}
