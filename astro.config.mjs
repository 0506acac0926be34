// @ts-check
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { loadEntries } from './src/atlas/load.ts';

/** Fails the build with messages naming the file and field when an entry breaks the schema or a link. */
const validateEntries = {
  name: 'atlas:validate-entries',
  hooks: {
    'astro:config:setup': () => {
      loadEntries();
    },
  },
};

export default defineConfig({
  output: 'static',
  // Canonical URLs, Open Graph and the sitemap use this; set SITE_URL when deploying elsewhere.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  integrations: [validateEntries, preact({ compat: true }), mdx(), sitemap()],
  markdown: {
    remarkPlugins: [remarkMath],
    rehypePlugins: [[rehypeKatex, { output: 'html', strict: 'error', throwOnError: true }]],
  },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Fonts and images stay files (never data: URIs) so the Content-Security-Policy can stay 'self'-only.
  // ES-module workers: the diffusion trainer's Worker imports jax-js, which code-splits (iife workers cannot).
  vite: { build: { assetsInlineLimit: 0 }, worker: { format: 'es' } },
});
