#!/usr/bin/env node
// `npm run check:budgets`: the JavaScript each built page ships (gzip, before any user action) against its budget.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pageJsWeight } from './js-weight.mjs';

const DIST = 'dist';
const KB = 1000;

/** First match wins. Budgets come from the issues; pages without widgets ship the search island only. */
const BUDGETS = [
  {
    match: /^(ask|architectures\/rag)\/index\.html$/,
    limit: 30 * KB,
    why: 'Ask the atlas before first use (the retrieval code and the 170 KB index load on the first question)',
  },
  { match: /^index\.html$/, limit: 45 * KB, why: 'home page with the two live widgets of its band' },
  {
    match: /^architectures\/(multi-head-attention|grouped-query-attention|multi-query-attention)\/index\.html$/,
    limit: 60 * KB,
    why: 'entry page with the tiny trained model and other attention widgets (model weights load on demand)',
  },
  {
    match: /^lab\/index\.html$/,
    limit: 160 * KB,
    why: 'architecture lab, counting its training Worker and all of jax-js although they load only on Start (issue 10)',
    workers: true,
  },
  {
    match: /^(explore\/mcp|architectures\/mcp)\/index\.html$/,
    limit: 20 * KB,
    why: 'MCP playground before it is opened (issue 5; the SDK chunk loads on "Open the playground")',
  },
  { match: /^explore\/attention-patterns\/index\.html$/, limit: 35 * KB, why: 'attention patterns explorer' },
  {
    match:
      /^architectures\/(sliding-window-attention|grouped-window-attention|multi-head-attention|flash-attention)\/index\.html$/,
    limit: 60 * KB,
    why: 'entry page embedding the attention patterns widget',
  },
  {
    match: /^architectures\/(tokenization|multimodal|vision-transformer)\/index\.html$/,
    limit: 60 * KB,
    why: 'entry page embedding the tokenizer or PatchTokens (encodings load on demand, not counted)',
  },
  {
    match: /^explore\/tokenizer\/index\.html$/,
    limit: 60 * KB,
    why: 'tokenizer explorer before the encodings are loaded',
  },
  { match: /^explore\/kv-cache\/index\.html$/, limit: 35 * KB, why: 'KV-cache calculator (presets are page data)' },
  {
    match:
      /^architectures\/(kv-cache|multi-head-attention|multi-query-attention|grouped-query-attention|multi-head-latent-attention|sliding-window-attention|state-space-models|hybrid-ssm-attention)\/index\.html$/,
    limit: 60 * KB,
    why: 'entry page embedding the KV-cache calculator',
  },
  {
    match:
      /^architectures\/(rope|state-space-models|hybrid-ssm-attention|multi-head-latent-attention|mixture-of-experts|dense-transformer)\/index\.html$/,
    limit: 60 * KB,
    why: 'entry page embedding a sequence-mechanics widget (RoPE, SSM scan, MLA, MoE routing, dense compute)',
  },
  {
    match: /^(explore\/diffusion|architectures\/diffusion-models)\/index\.html$/,
    limit: 60 * KB,
    why: 'diffusion widgets before training (jax-js and the trainer Worker load on "Train live"; weights are fetched)',
  },
  {
    match: /^architectures\/(alibi|speculative-decoding|tool-calling)\/index\.html$/,
    limit: 60 * KB,
    why: 'entry page embedding an inference or application widget (the tool-calling loop loads its MCP engine on the first step)',
  },
  { match: /^architectures\/[^/]+\/index\.html$/, limit: 15 * KB, why: 'entry page without widgets' },
  { match: /\.html$/, limit: 15 * KB, why: 'page without widgets' },
];

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

let failures = 0;
const rows = htmlFiles(DIST)
  .map((file) => {
    const page = relative(DIST, file);
    const budget = BUDGETS.find((b) => b.match.test(page));
    const { total } = pageJsWeight(DIST, file, { workers: Boolean(budget?.workers) });
    const ok = !budget || total <= budget.limit;
    if (!ok) failures += 1;
    return { page, total, budget, ok };
  })
  .sort((a, b) => b.total - a.total);

for (const r of rows) {
  const limit = r.budget ? `${(r.budget.limit / KB).toFixed(0)} KB (${r.budget.why})` : 'no budget';
  console.log(`${r.ok ? 'ok  ' : 'OVER'} ${(r.total / KB).toFixed(1).padStart(6)} KB  ≤ ${limit}  ${r.page}`);
}
console.log(`\n${rows.length} pages checked, ${failures} over budget (KB = 1000 bytes of gzip).`);
process.exit(failures ? 1 : 0);
