/**
 * Prompts: explain-architecture (an entry for a chosen audience, with the entry embedded as a resource) and
 * choose-attention (asks the model to pick an attention design for a memory budget and context length by calling
 * the atlas tools). Arguments are completable; invalid ones are −32602 errors naming the argument.
 */
import { ProtocolError, ProtocolErrorCode, completable, type McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import { InputError } from '../core/modelSpec';
import { MAX_TOKENS } from '../core/kvCache';
import { GPU_MEMORY_SIZES_GB } from '../core/memory';
import { formatBytes, formatInteger } from '../core/units';
import { entryMarkdown } from './markdown';
import { parseByteSize, parseTokenCount } from './parse';
import type { AtlasSource } from './source';
import { withCachedJsonSchema } from './tools/define';
import { completeSlug, requireEntry } from './tools/slugs';
import { entryUri } from './tools/uris';

/** Suggested audiences (any short description is accepted). */
export const AUDIENCES = ['newcomer', 'student', 'engineer', 'researcher'] as const;
const BUDGETS = GPU_MEMORY_SIZES_GB.map((gb) => `${gb} GB`);
const CONTEXTS = ['4096', '8192', '32768', '131072', '1048576'];
const MAX_TOKENS_TEXT = formatInteger(MAX_TOKENS);

const startsWith = (values: readonly string[], prefix: string) =>
  values.filter((v) => v.toLowerCase().startsWith(prefix.trim().toLowerCase()));

/** The explain-architecture arguments; built once per source (their completers read its slugs). */
const explainArgsBySource = new WeakMap<AtlasSource, ReturnType<typeof buildExplainArgs>>();

function buildExplainArgs(source: AtlasSource) {
  return withCachedJsonSchema(
    z.object({
      slug: completable(
        z.string().trim().min(1).max(80).describe('The entry to explain, e.g. "multi-head-latent-attention".'),
        (value) => completeSlug(source, value),
      ),
      // The SDK looks for the completer inside .optional(), so completable() wraps the inner schema.
      audience: completable(
        z
          .string()
          .trim()
          .min(1)
          .max(80)
          .describe(`Who the explanation is for: ${AUDIENCES.join(', ')} or any short description (default engineer).`),
        (value) => startsWith(AUDIENCES, value),
      ).optional(),
    }),
  );
}

function explainArgs(source: AtlasSource) {
  let args = explainArgsBySource.get(source);
  if (!args) {
    args = buildExplainArgs(source);
    explainArgsBySource.set(source, args);
  }
  return args;
}

const CHOOSE_ARGS = withCachedJsonSchema(
  z.object({
    memoryBudget: completable(
      z
        .string()
        .max(40)
        .describe('Accelerator memory for weights and KV cache, e.g. "80 GB" or "24 GiB" (1 MB – 1 PB).'),
      (value) => startsWith(BUDGETS, value),
    ),
    contextLength: completable(
      z.string().max(40).describe(`Tokens of context to serve, e.g. "131072" or "128k" (1 – ${MAX_TOKENS_TEXT}).`),
      (value) => startsWith(CONTEXTS, value),
    ),
  }),
);

/** Runs `build`, turning an InputError into the −32602 protocol error prompts/get returns. */
function invalidParams<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof InputError) throw new ProtocolError(ProtocolErrorCode.InvalidParams, error.message);
    throw error;
  }
}

/** Registers both prompts on `server`. */
export function registerPrompts(server: McpServer, source: AtlasSource): void {
  server.registerPrompt(
    'explain-architecture',
    {
      title: 'Explain an architecture',
      description:
        'Explain one atlas entry for a given audience, grounded in the entry itself (embedded as a resource).',
      argsSchema: explainArgs(source),
    },
    ({ slug, audience }) =>
      invalidParams(() => {
        const entry = requireEntry(source, slug.toLowerCase(), 'slug');
        const who = audience ?? 'engineer';
        return {
          description: `Explain ${entry.title} to a ${who}`,
          messages: [
            {
              role: 'user' as const,
              content: {
                type: 'resource' as const,
                resource: { uri: entryUri(entry.facts.slug), mimeType: 'text/markdown', text: entryMarkdown(entry) },
              },
            },
            {
              role: 'user' as const,
              content: {
                type: 'text' as const,
                text:
                  `Explain ${entry.title} to a ${who}, using the atlas entry above as your source. Say what problem ` +
                  'it solves, how it works (with one worked example with numbers), what it costs in time and memory, ' +
                  'and when to choose it over the alternatives it mentions. Cite the references you rely on. If you ' +
                  'need a number the entry does not give, compute it with the atlas tools (estimate-kv-cache, ' +
                  'count-parameters, attention-mask) rather than guessing.',
              },
            },
          ],
        };
      }),
  );

  server.registerPrompt(
    'choose-attention',
    {
      title: 'Choose an attention design',
      description:
        'Pick an attention design (MHA, GQA, MQA, MLA, sliding window, hybrids) for a memory budget and context ' +
        'length, using the atlas tools to compute every number.',
      argsSchema: CHOOSE_ARGS,
    },
    ({ memoryBudget, contextLength }) =>
      invalidParams(() => {
        const budget = parseByteSize('memoryBudget', memoryBudget);
        const tokens = parseTokenCount('contextLength', contextLength);
        return {
          description: `Choose attention for ${formatBytes(budget, 'decimal')} and ${formatInteger(tokens)} tokens`,
          messages: [
            {
              role: 'user' as const,
              content: {
                type: 'text' as const,
                text: [
                  `I have ${formatBytes(budget, 'decimal')} (${formatInteger(budget)} bytes) of accelerator memory ` +
                    `for weights plus KV cache, and I need ${formatInteger(tokens)} tokens of context per sequence.`,
                  'Choose an attention design for a decoder that fits. Use the atlas tools for every number:',
                  '1. compare-architectures with multi-head-attention, grouped-query-attention, multi-query-attention, ' +
                    'multi-head-latent-attention and sliding-window-attention for the trade-offs;',
                  `2. list-models for candidate presets, then estimate-kv-cache at tokens = ${tokens} and ` +
                    'count-parameters for the most promising ones (weights take parameters × bytes per weight);',
                  '3. search-atlas or get-entry for anything you need to explain.',
                  'Answer with the recommended design, one or two presets that fit with their weight and cache bytes, ' +
                    'how many concurrent sequences the remaining memory allows, and the main risk of the choice.',
                ].join('\n'),
              },
            },
          ],
        };
      }),
  );
}
