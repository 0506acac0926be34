// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * A boundary rule: `files` may not import the `banned` layers. DESIGN.md §2.
 * `allow` re-admits imports that only look like a banned layer (gitignore-style negations, e.g. "!./server" for
 * src/mcp/server.ts). Package imports are never layers: "@modelcontextprotocol/server" is the MCP SDK, not src/server.
 * @param {string[]} files @param {string[]} banned @param {string} why @param {string[]} [allow]
 * @returns {import('typescript-eslint').ConfigWithExtends}
 */
const boundary = (files, banned, why, allow = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((layer) => ({
          group: [`**/${layer}/*`, `**/${layer}`, `~/${layer}/*`, '!@*/**', ...allow],
          message: `${why} (DESIGN.md §2: core ← models ← atlas ← rag ← mcp, cli, server; core, models, atlas ← widgets ← pages).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: ['dist/', '.astro/', 'node_modules/', 'reports/', 'test-results/', 'playwright-report/', 'tools/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Numbers on screen are computed or seeded: use the seeded RNG in src/core/random.ts.',
        },
      ],
    },
  },
  boundary(
    ['src/core/**'],
    ['models', 'atlas', 'rag', 'mcp', 'cli', 'server', 'widgets', 'components', 'pages', 'layouts', 'lab'],
    'src/core is pure math and imports nothing from the project',
  ),
  boundary(
    ['src/models/**'],
    ['atlas', 'rag', 'mcp', 'cli', 'server', 'widgets', 'components', 'pages', 'layouts', 'lab'],
    'src/models may import only src/core',
  ),
  boundary(
    ['src/atlas/**'],
    ['rag', 'mcp', 'cli', 'server', 'widgets', 'components', 'pages', 'layouts', 'lab'],
    'src/atlas may import only src/core and src/models',
  ),
  boundary(
    ['src/rag/**'],
    ['mcp', 'cli', 'server', 'widgets', 'components', 'pages', 'layouts', 'lab'],
    'src/rag may import only src/core, src/models and src/atlas',
  ),
  boundary(
    ['src/widgets/**'],
    ['mcp', 'cli', 'server', 'pages', 'layouts'],
    'widgets render core/models/atlas data and never reach the MCP server, CLI or Node server',
  ),
  // The MCP playground runs the real MCP server and client in the page: it may reach src/mcp (its engine, loaded with
  // a dynamic import on "Open the playground"), but still never the CLI or the Node server. The tool-calling loop
  // reuses that engine (src/mcp/playground/session.ts) the same way, loaded on its first step.
  boundary(
    ['src/widgets/McpPlayground/**', 'src/widgets/ToolCalling/**'],
    ['cli', 'server', 'pages', 'layouts'],
    'the MCP playground and the tool-calling loop reach src/mcp only',
    // src/mcp/server.ts is the MCP server factory (their tests run it in memory), not the src/server layer.
    ['!../../mcp/server'],
  ),
  boundary(
    ['src/mcp/**'],
    ['widgets', 'components', 'pages', 'layouts', 'lab', 'cli', 'server'],
    'MCP never imports widgets or page code',
    // src/mcp/server.ts is the MCP server factory (./server, or ../server from src/mcp/*/), not the src/server layer.
    ['!./server', '!../server'],
  ),
  {
    files: ['src/cli/**', 'src/server/**', 'scripts/**', 'bin/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
);
