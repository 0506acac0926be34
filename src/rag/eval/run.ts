/**
 * `npm run eval:rag`: hit@1, hit@5 and MRR@10 of the lexical leg, the dense leg and their fusion on the
 * hand-written questions, then every fused miss and the out-of-scope questions. Exit code 0 (it reports; the gate is
 * a test in evaluate.test.ts).
 */
import { atlasRagIndex } from '../node';
import { evaluate, METHODS, type EvalQuestion, type Metrics } from './evaluate';
import questions from './questions.json' with { type: 'json' };

const print = (line = '') => process.stdout.write(`${line}\n`);
const pct = (x: number) => x.toFixed(3);
const row = (name: string, m: Metrics) =>
  `${name.padEnd(9)} ${pct(m.hit1).padStart(6)} ${pct(m.hit5).padStart(6)} ${pct(m.mrr).padStart(6)}`;

const report = evaluate(atlasRagIndex(), questions as EvalQuestion[]);
print(`${report.questions} questions with gold answers (+${report.outOfScope.length} out of scope)\n`);
print('method     hit@1  hit@5  MRR@10');
for (const m of METHODS) print(row(m, report.metrics[m]));
print(`\nheld-out third (${Math.floor(report.questions / 3)} questions)`);
for (const m of METHODS) print(row(m, report.heldOut[m]));

const misses = report.results.filter((r) => r.ranks.fused === null || r.ranks.fused > 5);
print(`\nfused misses (not in the top 5): ${misses.length}`);
for (const r of misses) {
  const ranks = METHODS.map((m) => `${m} ${r.ranks[m] ?? '–'}`).join(', ');
  print(`  ✗ ${r.q}\n      gold ${r.gold.join(' | ')}; ranks: ${ranks}; top: ${r.top.join(', ')}`);
}
const lower = report.results.filter((r) => r.ranks.fused !== null && r.ranks.fused > 1 && r.ranks.fused <= 5);
print(`\nfound but not first: ${lower.length}`);
for (const r of lower) print(`  ~ (${r.ranks.fused}) ${r.q} → ${r.top[0]}`);
print('\nout of scope (should be "not found")');
for (const o of report.outOfScope) {
  print(`  ${o.notFound ? '✓ not found' : `✗ found ${o.top.join(', ')}`}  ${o.q}`);
}
