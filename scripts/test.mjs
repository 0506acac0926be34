#!/usr/bin/env node
// `npm test`: typecheck, lint, build, budgets, unit + property tests, e2e in headless Chromium with axe.
// Every step runs even when an earlier one fails; the last line is "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { platform } from 'node:os';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };

function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

function ensureChromium() {
  let path = findChromium();
  if (path) return path;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (platform() === 'linux' && root && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian/Ubuntu packages chromium, fonts-liberation, fonts-dejavu-core');
    const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation', 'fonts-dejavu-core'], {
      stdio: 'inherit',
      env: aptEnv,
    });
    path = findChromium();
    if (path) return path;
  }
  console.error(
    'npm test needs Chromium for the browser tests and found none.\n' +
      'Install it (Debian/Ubuntu: sudo apt-get install chromium) or point CHROME_PATH at a Chromium binary.',
  );
  process.exit(1);
}

const results = [];
function step(name, command, args, extraEnv = {}) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  const ok = run.status === 0;
  results.push({ name, ok });
  console.log(ok ? `✔ ${name}` : `✘ ${name} (exit ${run.status ?? run.signal})`);
  return ok;
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

env.CHROME_PATH = ensureChromium();
rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const bin = (name) => `node_modules/.bin/${name}`;
step('typecheck (astro check)', bin('astro'), ['check']);
step('typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', '.']);
step('lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']);
step('format (prettier)', bin('prettier'), ['--check', '.']);
const built = step('build', bin('astro'), ['build']);
if (built) step('budgets', 'node', ['scripts/check-budgets.mjs']);
step('unit and property tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=reports/vitest.json',
]);
if (built) {
  step('e2e (playwright, headless Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'reports/e2e.json',
  });
}

const vitest = readJson('reports/vitest.json');
const e2e = readJson('reports/e2e.json');
let passed = 0;
let failed = 0;
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
}
for (const r of results.filter((r) => !r.name.startsWith('unit') && !r.name.startsWith('e2e'))) {
  if (r.ok) passed += 1;
  else failed += 1;
}
if (!vitest || !e2e) failed += 1;

console.log('\nSteps:');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 || results.some((r) => !r.ok) ? 1 : 0);
