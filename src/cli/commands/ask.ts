import { answerQuestion } from '../../rag/answer';
import { resolveEndpoint } from '../../rag/endpoint';
import { EXTRACTIVE_LABEL } from '../../rag/extractive';
import { LlmError, type LlmConfig } from '../../rag/llm';
import { atlasRagIndex } from '../../rag/node';
import { intFlag, parseFlags, UsageError } from '../args';
import type { Command } from '../command';

const USAGE = [
  'ai-arch ask "<question>" [--base-url URL] [--model NAME] [--timeout SECONDS] [--extractive]',
  '',
  '  --base-url    an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (Ollama),',
  '                http://127.0.0.1:8080/v1 (llama.cpp); default ATLAS_LLM_BASE_URL, else a local Ollama if running',
  '  --model       model name (default ATLAS_LLM_MODEL, else the first model the endpoint lists)',
  '  --timeout     seconds to wait for the model to start answering, 1–600 (default 60)',
  '  --extractive  do not call a model: answer with cited sentences from the atlas',
  '',
  '  The API key, if the endpoint needs one, comes from ATLAS_LLM_API_KEY (never from a flag, never printed).',
].join('\n');

const write = (text: string) => process.stdout.write(text);

export const ask: Command = {
  name: 'ask',
  summary: 'Ask the atlas: retrieval-augmented answer with citations (extractive when no model answers)',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      {
        'base-url': { type: 'string' },
        model: { type: 'string' },
        timeout: { type: 'string' },
        extractive: { type: 'boolean' },
      },
      true,
    );
    const question = positionals.join(' ').trim();
    if (!question) throw new UsageError('a question is required, e.g. ai-arch ask "what is grouped-query attention?"');
    const timeoutMs = intFlag('timeout', values.timeout, 1, 600, 60) * 1000;
    let llm: LlmConfig | null = null;
    if (!values.extractive) {
      try {
        const endpoint = await resolveEndpoint({ baseUrl: values['base-url'], model: values.model }, process.env);
        if (endpoint) llm = { ...endpoint, timeoutMs, idleTimeoutMs: timeoutMs };
      } catch (error) {
        if (error instanceof LlmError && error.kind === 'config' && /base URL/.test(error.message)) {
          throw new UsageError(`--base-url: ${error.message}`);
        }
        process.stderr.write(`ai-arch ask: ${(error as Error).message}; answering without a model\n`);
      }
    }

    for await (const event of answerQuestion(atlasRagIndex(), question, { llm })) {
      if (event.type === 'generating') process.stderr.write(`(${event.model} at ${event.baseUrl})\n`);
      else if (event.type === 'delta') write(event.text);
      else if (event.type === 'error') process.stderr.write(`\nThe model did not answer: ${event.message}\n`);
      else if (event.type === 'done') {
        const { answer } = event;
        if (answer.mode === 'extractive') write(`[${EXTRACTIVE_LABEL}]\n${answer.text}\n`);
        else write('\n');
        if (answer.citations.length) {
          write('\nSources:\n');
          for (const c of answer.citations) write(`  [${c.n}] ${c.id}  ${c.label}  ${c.url}\n`);
        }
        if (answer.unknownCitations.length) {
          write(`\nCited but not retrieved (ignored): ${answer.unknownCitations.join(', ')}\n`);
        }
      }
    }
    return 0;
  },
};
