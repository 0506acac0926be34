/**
 * The MCP playground: the atlas's real MCP server and the SDK's real client, running in this page once the reader
 * opens it. Until then the page ships only this shell; "Open the playground" loads the session UI, the SDK and the
 * atlas data (Session.tsx and src/mcp/playground/session.ts) with a dynamic import. Render-only.
 */
import { useState } from 'preact/hooks';
import { useUrlRestore, useUrlSync } from '../shared/url';
import { LiveReadout, WidgetFrame } from '../shared/WidgetFrame';
import { DEFAULT_TOOL, fromUrl, toUrl, type Era } from './state';
import './mcp-playground.css';

type SessionModule = typeof import('./Session');

export interface McpPlaygroundProps {
  /** Heading level of the title: 2 on the explorer page, 3 inside the entry. */
  level?: 2 | 3;
  /** Read and write era and tool in the page URL (the explorer page's copy). */
  url?: boolean;
}

export function McpPlayground({ level = 3, url = false }: McpPlaygroundProps) {
  const [phase, setPhase] = useState<'closed' | 'loading' | 'error'>('closed');
  const [problem, setProblem] = useState('');
  const [era, setEra] = useState<Era>('modern');
  const [tool, setTool] = useState(DEFAULT_TOOL);
  const [notes, setNotes] = useState<string[]>([]);
  const [readout, setReadout] = useState('The playground is closed: open it to start an MCP session in this page.');
  const [session, setSession] = useState<SessionModule | null>(null);

  useUrlRestore((params) => {
    const linked = fromUrl(params);
    setEra(linked.era);
    setTool(linked.tool);
    setNotes(linked.notes);
  }, url);
  useUrlSync(toUrl(era, tool), url);

  const open = () => {
    setPhase('loading');
    setReadout('Loading the MCP SDK and the atlas…');
    import('./Session').then(
      (module) => setSession(() => module),
      (error: Error) => {
        setProblem(error.message);
        setReadout(`The playground could not load: ${error.message}`);
        setPhase('error');
      },
    );
  };

  return (
    <WidgetFrame
      class="mcpp"
      title="MCP playground"
      lead="The atlas's own MCP server and the official client SDK, running in your browser: list what the server offers, call it, and read every message."
      provenance="computed"
      provenanceDetail="Live · real MCP server and client (SDK v2)"
      notes={notes}
      level={level}
    >
      {session ? (
        <session.Session era={era} onEra={setEra} tool={tool} onTool={setTool} level={level} onReadout={setReadout} />
      ) : (
        <div class="mcpp__intro">
          <p>
            Seven tools (search, entries, KV-cache and parameter calculators, attention masks, comparisons, model
            presets), the entries and presets as resources, and two prompts: the same server that{' '}
            <code>node bin/ai-arch.mjs mcp</code> and <code>/mcp</code> serve to AI assistants.
          </p>
          <button type="button" class="button" data-variant="primary" onClick={open} disabled={phase === 'loading'}>
            {phase === 'loading' ? 'Opening…' : 'Open the playground'}
          </button>
          <p class="mcpp__hint">
            Loads the MCP SDK, zod and the server code (about 190 KB compressed) and the atlas data (about 130 KB) on
            demand.
          </p>
          {phase === 'error' && <p class="mcpp__problem">The playground could not load: {problem}</p>}
        </div>
      )}
      <LiveReadout>{readout}</LiveReadout>
    </WidgetFrame>
  );
}
