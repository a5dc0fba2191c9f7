import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { build as viteBuild, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, redisServerPath } from '../prerequisites.js';
import { readmeBlock } from './readme.js';

// What users install: the packed tarball, in a fresh project, used as each kind of consumer uses it
// (Node ESM and CommonJS, TypeScript's node16 and bundler resolution with every .d.ts checked, a
// default Vite app in Chromium, an esbuild-bundled Node app, BullMQ on a real Redis). The `package` test
// project builds dist/ first and fails these, naming what to install, without Chromium or redis-server.
const root = join(import.meta.dirname, '../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const run = (command: string, args: readonly string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/**
 * tsc's report for a project ('' when it type-checks): tsc prints its errors on stdout and exits non-zero.
 * Asynchronous, so that a test's several checks run side by side. TypeScript's own lib files are not
 * checked (skipDefaultLibCheck, a third of the time): the package's declarations and its dependencies' are.
 */
const typeErrors = (config: string, cwd: string) =>
  promisify(execFile)(process.execPath, [tsc, '-p', config, '--skipDefaultLibCheck'], { cwd, encoding: 'utf8' }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string }) => error.stdout || String(error),
  );
/** Runs the README's BullMQ snippet (queue.mjs) in `project` against `redisUrl`; resolves with what it printed. */
function runQueue(project: string, redisUrl: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['queue.mjs'], {
      cwd: project,
      env: { ...process.env, REDIS_URL: redisUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    // A guard against a hang, not a time limit: on a full machine the 10,000 runs have taken over two minutes.
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(text);
      else reject(new Error(`queue.mjs on ${redisUrl} exited ${code}: ${text}`));
    });
  });
}
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  'esm.mjs': `import { simulate, simulateParallel, stopWorkers, version } from 'cx-roi';
const a = simulate({}, { runs: 300, seed: 1 });
const b = await simulateParallel({}, { runs: 300, seed: 1, workers: 2 });
stopWorkers();
console.log(\`esm \${version} median ROI \${a.horizon.roi.p50.toFixed(4)} parallel same \${a.horizon.roi.p50 === b.horizon.roi.p50}\`);`,
  'cjs.cjs': `const { simulate, simulateParallel, stopWorkers, version } = require('cx-roi');
const a = simulate({}, { runs: 300, seed: 1 });
simulateParallel({}, { runs: 300, seed: 1, workers: 2 }).then((b) => {
  stopWorkers();
  console.log(\`cjs \${version} median ROI \${a.horizon.roi.p50.toFixed(4)} parallel same \${a.horizon.roi.p50 === b.horizon.roi.p50}\`);
});`,
  'kit.mjs': `import fc from 'fast-check';
import { simulate } from 'cx-roi';
import { expectWithinMonteCarloError, modelProperties, scenarioInputArbitrary } from 'cx-roi/testing';
fc.assert(fc.property(scenarioInputArbitrary({ maxHorizonMonths: 12 }), (input) => modelProperties.leversAddUp(input, { runs: 5 })), { numRuns: 10 });
const { horizon } = simulate({}, { runs: 500 });
expectWithinMonteCarloError(horizon.probabilityPositiveRoi, 0.55, horizon.probabilityPositiveRoiStandardError, 5);
console.log('kit esm ok');`,
  'kit.cjs': `const fc = require('fast-check');
const { scenarioInputArbitrary, kolmogorovSmirnov } = require('cx-roi/testing');
const [input] = fc.sample(scenarioInputArbitrary(), { numRuns: 1, seed: 1 });
console.log(\`kit cjs \${typeof input} \${kolmogorovSmirnov([1, 2, 3], [1, 2, 3]).statistic}\`);`,
  'typed.ts': `import fc from 'fast-check';
import { type ScenarioInput, type SimulationResult, compare, domains, simulate } from 'cx-roi';
import { distributionArbitrary, scenarioInputArbitrary } from 'cx-roi/testing';
export const arbitrary = scenarioInputArbitrary({ sections: true });
// The kit's arbitraries go into the project's own fast-check (one declaration of Arbitrary, not a CommonJS and an ESM one).
fc.assert(fc.property(scenarioInputArbitrary({ maxHorizonMonths: 12 }), distributionArbitrary(domains.probability), (scenario, d) => simulate({ ...scenario, churn: { base: d } }, { runs: 5 }).runCount === 5));
const input: ScenarioInput = { investment: { upfront: 200_000, failureReduction: { dist: 'pert', min: 0.2, mode: 0.4, max: 0.6 } } };
const result: SimulationResult = simulate(input, { runs: 10 });
const p: number = compare({ A: {}, B: input }, { runs: 10 }).pairs[0]?.probabilityBBeatsA ?? 0;
export const figures = [result.horizon.roi.p50, p];`,
  'typed.cts': `import cx = require('cx-roi');
import fc = require('fast-check');
import kit = require('cx-roi/testing');
fc.assert(fc.property(kit.scenarioInputArbitrary({ maxHorizonMonths: 12 }), (input) => cx.simulate(input, { runs: 5 }).runCount === 5));
const result: cx.SimulationResult = cx.simulate({}, { runs: 10 });
export = result.horizon.npv.p50;`,
  'tsconfig.node16.json': JSON.stringify({
    compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, skipLibCheck: false, noEmit: true, types: [] },
    files: ['typed.ts', 'typed.cts'],
  }),
  'tsconfig.nodenext.json': JSON.stringify({
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: false, noEmit: true, types: [] },
    files: ['typed.ts', 'typed.cts'],
  }),
  'tsconfig.bundler.json': JSON.stringify({
    compilerOptions: {
      module: 'esnext',
      moduleResolution: 'bundler',
      target: 'es2022',
      strict: true,
      skipLibCheck: false,
      noEmit: true,
      types: [],
    },
    files: ['typed.ts'],
  }),
  'index.html': '<!doctype html><html><body><pre id="out">running</pre><script type="module" src="/main.js"></script></body></html>',
  'main.js': `import { simulate, simulateParallel } from 'cx-roi';
const out = document.getElementById('out');
const a = simulate({}, { runs: 300, seed: 1 });
simulateParallel({}, { runs: 300, seed: 1, workers: 2 }).then(
  (b) => { out.textContent = \`vite median ROI \${a.horizon.roi.p50.toFixed(4)} parallel same \${a.horizon.roi.p50 === b.horizon.roi.p50}\`; },
  (error) => { out.textContent = \`error \${error.message}\`; },
);`,
  'node-app.mjs': `import { simulate, simulateParallel, stopWorkers } from 'cx-roi';
const a = simulate({}, { runs: 300, seed: 1 });
try {
  const b = await simulateParallel({}, { runs: 300, seed: 1, workers: 2 });
  console.log(\`bundle median ROI \${a.horizon.roi.p50.toFixed(4)} parallel same \${a.horizon.roi.p50 === b.horizon.roi.p50}\`);
} catch (error) {
  console.log(\`error: \${error.message}\`);
} finally {
  stopWorkers();
}`,
  'shards.mjs': `import { mergeShards, planShards, resultHash, simulate, simulateShard } from 'cx-roi';
const results = planShards({}, { runs: 300, seed: 1, shards: 3 }).map((spec) => simulateShard(JSON.parse(JSON.stringify(spec))));
console.log(\`shards same \${resultHash(mergeShards(results.reverse())) === resultHash(simulate({}, { runs: 300, seed: 1 }))}\`);`,
  'bullmq.mjs': `import { createSimulationWorker, simulateOnQueue, redisOptions } from 'cx-roi/bullmq';
console.log(\`bullmq esm \${typeof createSimulationWorker} \${typeof simulateOnQueue} \${redisOptions('redis://127.0.0.1:6390/2').db}\`);`,
  'bullmq.cjs': `const { createSimulationWorker, redisOptions } = require('cx-roi/bullmq');
console.log(\`bullmq cjs \${typeof createSimulationWorker} \${redisOptions('redis://h:7000').port}\`);`,
  // The README's createWorker recipe, as written there.
  'my-worker.mjs': `import { parentPort } from 'node:worker_threads';
import { handleWorkerRequest } from 'cx-roi/worker';
parentPort.on('message', (request) => handleWorkerRequest(request, (message, transfer) => parentPort.postMessage(message, transfer)));`,
  'own-worker.mjs': `import { Worker } from 'node:worker_threads';
import { simulate, simulateParallel } from 'cx-roi';
const createWorker = () => {
  const worker = new Worker(new URL('./my-worker.mjs', import.meta.url));
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    onMessage: (listener) => { worker.removeAllListeners('message'); worker.on('message', listener); },
    onError: (listener) => { worker.removeAllListeners('error'); worker.on('error', listener); },
    terminate: () => void worker.terminate(),
  };
};
const b = await simulateParallel({}, { runs: 300, seed: 1, workers: 2, createWorker });
console.log(\`createWorker parallel same \${simulate({}, { runs: 300, seed: 1 }).horizon.roi.p50 === b.horizon.roi.p50}\`);`,
};

describe('the packed tarball in a fresh project', () => {
  let dir = '';
  let median = '';
  let tarball = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cx-roi-consumer-'));
    const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root)) as [
      { filename: string },
    ];
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    // zod comes from npm's cache after the project's own install (npm ci); the registry otherwise.
    tarball = join(dir, packed[0].filename);
    // fast-check for cx-roi/testing, whose peer it is; Ajv for the README's JSON Schema snippet.
    run('npm', ['install', tarball, 'fast-check@4', 'ajv@8', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);
    median = run(
      process.execPath,
      [
        '-e',
        `import('${join(root, 'dist/index.js')}').then((m) => console.log(m.simulate({}, { runs: 300, seed: 1 }).horizon.roi.p50.toFixed(4)))`,
      ],
      root,
    ).trim();
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes publint --strict and Are the Types Wrong (every entry point, node10, node16 from CJS and ESM, bundler)', () => {
    expect(run(bin('publint'), ['run', tarball, '--strict'], dir)).toContain('All good!');
    // attw exits non-zero on a problem (and run throws); the report lists none, for both entry points.
    const report = JSON.parse(run(bin('attw'), [tarball, '--format', 'json'], dir)) as {
      analysis: { problems: unknown[]; entrypoints: Record<string, unknown> };
    };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([
      '.',
      './bullmq',
      './package.json',
      './scenario.schema.json',
      './testing',
      './worker',
    ]);
  });

  it('Node ESM and CommonJS: simulate, and simulateParallel equal to it', () => {
    expect(run(process.execPath, ['esm.mjs'], dir).trim()).toBe(`esm ${version} median ROI ${median} parallel same true`);
    expect(run(process.execPath, ['cjs.cjs'], dir).trim()).toBe(`cjs ${version} median ROI ${median} parallel same true`);
    // The testing kit, with the consumer's own fast-check.
    expect(run(process.execPath, ['kit.mjs'], dir).trim()).toBe('kit esm ok');
    expect(run(process.execPath, ['kit.cjs'], dir).trim()).toBe('kit cjs object 0');
    // The scenario files' JSON Schema, for editors.
    const schema = run(process.execPath, ['-e', "console.log(require('cx-roi/scenario.schema.json').title)"], dir).trim();
    expect(schema).toBe('cx-roi scenario');
    // Shards planned, simulated from JSON specs and merged, as a queue of the user's own would.
    expect(run(process.execPath, ['shards.mjs'], dir).trim()).toBe('shards same true');
  });

  it('cx-roi/bullmq: without bullmq installed the CLI says what to install; with it, the subpath loads from ESM and CommonJS', () => {
    let stderr = '';
    try {
      run(
        process.execPath,
        [join(dir, 'node_modules/cx-roi/dist/cli.js'), 'simulate', '--redis', 'redis://127.0.0.1:1', '--runs', '10'],
        dir,
      );
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
    }
    expect(stderr).toContain(
      '--redis needs the packages bullmq (6) and ioredis (5 or 6) installed beside cx-roi: npm install bullmq ioredis',
    );
    // The subpath itself, imported or required without bullmq: one message that says what to install, not Node's "Cannot find package".
    const install =
      'cx-roi/bullmq needs the packages bullmq and ioredis installed beside cx-roi (they are optional peer dependencies): npm install bullmq ioredis';
    const esm = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import('cx-roi/bullmq').then(() => console.log('loaded'), (e) => console.log(e.name + ': ' + e.message))",
      ],
      dir,
    );
    expect(esm).toContain(`PeerDependencyError: ${install}`);
    const cjs = run(
      process.execPath,
      ['-e', "try { require('cx-roi/bullmq'); console.log('loaded') } catch (e) { console.log(e.name + ': ' + e.message) }"],
      dir,
    );
    expect(cjs).toContain(`PeerDependencyError: ${install}`);
    run('npm', ['install', 'bullmq@6', 'ioredis@5', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);
    expect(run(process.execPath, ['bullmq.mjs'], dir).trim()).toBe('bullmq esm function function 2');
    expect(run(process.execPath, ['bullmq.cjs'], dir).trim()).toBe('bullmq cjs function 7000');
  }, 120_000);

  it("peer ranges: installs without ERESOLVE beside bullmq 6 and ioredis 5 or 6, and with each the README's BullMQ snippet type-checks and runs on a real Redis", async () => {
    const snippet = readmeBlock('**On BullMQ workers across machines**', 'ts');
    const port = 21_000 + (process.pid % 20_000);
    const redis: ChildProcess = spawn(
      redisServerPath() as string,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    // What the snippet must print last: simulate's median for its scenario, from the build.
    const median = run(
      process.execPath,
      [
        '-e',
        `import('${join(root, 'dist/index.js')}').then((m) => console.log(m.simulate({ investment: { upfront: 900_000, monthly: 40_000 } }, { runs: 10_000, seed: 1 }).horizon.roi.p50))`,
      ],
      root,
    ).trim();
    const types = join(root, 'node_modules/@types');
    const tsconfig = JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        typeRoots: [types],
        types: ['node'],
      },
      files: ['queue.ts'],
    });
    try {
      // npm refuses (ERESOLVE) an ioredis outside the peer range: each install is the check. The first project
      // already holds cx-roi with bullmq 6 and ioredis 5 (installed again here, at no cost, to stand alone); ioredis 6
      // gets a fresh one. The two run side by side, on databases of their own.
      const projects = await Promise.all(
        [5, 6].map(async (ioredis) => {
          const project = ioredis === 5 ? dir : join(dir, `ioredis${ioredis}`);
          mkdirSync(project, { recursive: true });
          if (project !== dir)
            writeFileSync(join(project, 'package.json'), JSON.stringify({ name: `queue-${ioredis}`, private: true, type: 'module' }));
          await promisify(execFile)(
            'npm',
            ['install', tarball, 'bullmq@6', `ioredis@${ioredis}`, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
            { cwd: project },
          );
          writeFileSync(join(project, 'queue.ts'), snippet);
          writeFileSync(join(project, 'queue.mjs'), snippet);
          writeFileSync(join(project, 'tsconfig.queue.json'), tsconfig);
          const [errors, output] = await Promise.all([
            typeErrors('tsconfig.queue.json', project),
            runQueue(project, `redis://127.0.0.1:${port}/${ioredis}`),
          ]);
          return { ioredis, errors, output };
        }),
      );
      for (const { ioredis, errors, output } of projects) {
        expect(errors, `ioredis ${ioredis}`).toBe('');
        expect(output, `ioredis ${ioredis}`).toContain('10000 of 10000 runs');
        expect(output.trim().split('\n').at(-1), `ioredis ${ioredis}`).toBe(`median ROI ${median}`);
      }
    } finally {
      redis.kill('SIGKILL');
    }
    // The ranges the checks above stand behind (bullmq 6 itself takes ioredis >= 5 as a peer).
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> };
    expect(manifest.peerDependencies).toEqual({ bullmq: '^6.0.0', 'fast-check': '^4.0.0', ioredis: '^5.0.0 || ^6.0.0' });
  }, 300_000);

  it("the README's JSON Schema snippet: Ajv's draft 2020-12 entry point compiles the shipped schema, type-checked (nodenext, bundler) and run as pasted", async () => {
    const snippet = readmeBlock('To check a scenario file against the schema in code', 'ts');
    writeFileSync(join(dir, 'schema.ts'), snippet);
    writeFileSync(join(dir, 'schema.mjs'), snippet);
    const types = join(root, 'node_modules/@types');
    const settings = [
      ['nodenext', 'nodenext', 'nodenext'],
      ['bundler', 'esnext', 'bundler'],
    ] as const;
    for (const [name, module, resolution] of settings)
      writeFileSync(
        join(dir, `tsconfig.schema-${name}.json`),
        JSON.stringify({
          compilerOptions: {
            module,
            moduleResolution: resolution,
            target: 'es2022',
            strict: true,
            noEmit: true,
            skipLibCheck: true,
            typeRoots: [types],
            types: ['node'],
          },
          files: ['schema.ts'],
        }),
      );
    const reports = await Promise.all(settings.map(([name]) => typeErrors(`tsconfig.schema-${name}.json`, dir)));
    for (const [i, report] of reports.entries()) expect(report, settings[i]?.[0]).toBe('');
    expect(run(process.execPath, ['schema.mjs'], dir).trim()).toBe('true false /churn/switchAfterBad');
  }, 120_000);

  it("TypeScript (node16 and nodenext for ESM and CommonJS files, and bundler), every declaration file checked, the testing kit's arbitraries passed to fc.property", async () => {
    const configs = ['tsconfig.node16.json', 'tsconfig.nodenext.json', 'tsconfig.bundler.json'];
    const reports = await Promise.all(configs.map((config) => typeErrors(config, dir)));
    for (const [i, report] of reports.entries()) expect(report, configs[i]).toBe('');
    // Hovering a scenario field in an editor shows its meaning, unit, range, source and default.
    const hover = run(
      process.execPath,
      [
        '-e',
        `const ts = require(${JSON.stringify(join(root, 'node_modules/typescript'))});
const file = ${JSON.stringify(join(dir, 'typed.ts'))};
const text = ts.sys.readFile(file);
const options = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true };
const host = { getScriptFileNames: () => [file], getScriptVersion: () => '1', getScriptSnapshot: (f) => ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)) : undefined,
  getCurrentDirectory: () => ${JSON.stringify(dir)}, getCompilationSettings: () => options, getDefaultLibFileName: ts.getDefaultLibFilePath, fileExists: ts.sys.fileExists, readFile: ts.sys.readFile, readDirectory: ts.sys.readDirectory };
const info = ts.createLanguageService(host).getQuickInfoAtPosition(file, text.indexOf('upfront') + 2);
console.log(ts.displayPartsToString(info.documentation) + ' @defaultValue ' + ts.displayPartsToString(info.tags[0].text));`,
      ],
      dir,
    );
    expect(hover).toContain('One-off cost of the CX programme');
    expect(hover).toContain('Unit: currency. Allowed: an amount of money from 0 to 1,000,000,000,000');
    expect(hover).toContain('@defaultValue 110000');
  });

  it('a default Vite app (no config) builds one worker and runs simulateParallel in Chromium', async () => {
    await viteBuild({ root: dir, configFile: false, logLevel: 'silent', build: { outDir: join(dir, 'dist') } });
    const assets = readdirSync(join(dir, 'dist/assets'));
    expect(assets.filter((f) => f.startsWith('worker'))).toHaveLength(1);
    const server = await preview({ root: dir, configFile: false, logLevel: 'silent', preview: { port: 0, host: '127.0.0.1' } });
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(server.resolvedUrls?.local[0] ?? '');
      await page.waitForFunction(() => document.getElementById('out')?.textContent !== 'running', undefined, { timeout: 60_000 });
      expect(await page.textContent('#out')).toBe(`vite median ROI ${median} parallel same true`);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.httpServer.close();
    }
  }, 120_000);

  it('an esbuild-bundled Node app: says what is missing, runs once the worker is beside the bundle, and with createWorker', () => {
    mkdirSync(join(dir, 'bundle'), { recursive: true });
    run(
      bin('esbuild'),
      ['node-app.mjs', '--bundle', '--platform=node', '--format=esm', '--outfile=bundle/app.mjs', '--log-level=error'],
      dir,
    );
    expect(run(process.execPath, ['bundle/app.mjs'], dir)).toContain('simulateParallel could not start its worker');
    copyFileSync(join(dir, 'node_modules/cx-roi/dist/worker.js'), join(dir, 'bundle/worker.js'));
    expect(run(process.execPath, ['bundle/app.mjs'], dir).trim()).toBe(`bundle median ROI ${median} parallel same true`);
    expect(run(process.execPath, ['own-worker.mjs'], dir).trim()).toBe('createWorker parallel same true');
  });
});

// Before the package is on the registry, users install it from its repository: npm clones it, installs its
// devDependencies, runs prepare (which builds dist/), packs and installs that. It takes minutes (every
// devDependency is installed), so it runs when CX_ROI_GIT_INSTALL=1; it installs the last commit.
describe('installing from a git URL (CX_ROI_GIT_INSTALL=1; minutes)', () => {
  it('npm install git+file://… builds dist/ through prepare, and the library, its types and the CLI work', async (context) => {
    if (process.env.CX_ROI_GIT_INSTALL !== '1')
      context.skip('it installs every devDependency (about 4 minutes): set CX_ROI_GIT_INSTALL=1 to run it');
    const dir = mkdtempSync(join(tmpdir(), 'cx-roi-git-'));
    try {
      const commit = run('git', ['rev-parse', 'HEAD'], root).trim();
      // A bare clone of the repository, as a git host serves it: what is committed, nothing built.
      run('git', ['clone', '--bare', '--quiet', root, join(dir, 'cx-roi.git')], dir);
      const project = join(dir, 'app');
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
      run(
        'npm',
        ['install', `git+file://${join(dir, 'cx-roi.git')}#${commit}`, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
        project,
      );
      for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'worker.js', 'cli.js', 'testing.d.ts', 'bullmq.js'])
        expect(existsSync(join(project, 'node_modules/cx-roi/dist', file)), file).toBe(true);
      writeFileSync(
        join(project, 'app.mjs'),
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the app's source, a template literal in it
        "import { simulate, version } from 'cx-roi';\nconsole.log(`${version} ${simulate({}, { runs: 200, seed: 1 }).runCount}`);",
      );
      expect(run(process.execPath, ['app.mjs'], project).trim()).toBe(`${version} 200`);
      writeFileSync(
        join(project, 'app.ts'),
        "import { type SimulationResult, simulate } from 'cx-roi';\nexport const result: SimulationResult = simulate({}, { runs: 10 });",
      );
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: [] },
          files: ['app.ts'],
        }),
      );
      expect(await typeErrors('tsconfig.json', project)).toBe('');
      expect(run('npx', ['--no-install', 'cx-roi', 'simulate', '--runs', '200'], project)).toContain('ROI');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 900_000);
});
