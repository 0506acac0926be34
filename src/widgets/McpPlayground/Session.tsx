/**
 * The open playground (loaded on demand): connects the SDK client to the atlas server in the chosen era and place,
 * lists tools, resources and prompts, runs calls, and shows the result and the message log. Render-only: forms,
 * results, log rows and sentences come from model.ts; the engine is src/mcp/playground/session.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Prompt, Resource, Tool } from '@modelcontextprotocol/client';
import {
  endpointAvailable,
  openSession,
  type LogEntry,
  type PlaygroundSession,
  type SessionInfo,
} from '../../mcp/playground/session';
import { Controls, Segmented, Select } from '../shared/controls';
import { MessageLog } from './MessageLog';
import { logRows } from './log';
import { ERA_OPTIONS, type Panel, type Target } from './model';
import {
  errorOutput,
  inventoryLine,
  promptOutput,
  resourceOutput,
  statusLine,
  toolOutput,
  type OutputView,
} from './output';
import { Output } from './Output';
import { PromptPanel, ResourcePanel, ToolPanel } from './panels';
import type { Era } from './state';

export interface SessionProps {
  era: Era;
  onEra: (era: Era) => void;
  tool: string;
  onTool: (tool: string) => void;
  level: 2 | 3;
  onReadout: (text: string) => void;
}

/** Log entries kept; older ones are dropped so a long session stays light. */
const MAX_LOG = 300;

const PANELS: readonly { value: Panel; label: string }[] = [
  { value: 'tools', label: 'Tools' },
  { value: 'resources', label: 'Resources' },
  { value: 'prompts', label: 'Prompts' },
];

interface Inventory {
  info: SessionInfo;
  tools: Tool[];
  resources: Resource[];
  prompts: Prompt[];
}

export function Session({ era, onEra, tool, onTool, level, onReadout }: SessionProps) {
  const [target, setTarget] = useState<Target>('page');
  const [endpoint, setEndpoint] = useState(false);
  const [panel, setPanel] = useState<Panel>('tools');
  const [inventory, setInventory] = useState<Inventory | null>(null);
  const [problem, setProblem] = useState('');
  const [output, setOutput] = useState<OutputView | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [busy, setBusy] = useState(true);
  const session = useRef<PlaygroundSession | null>(null);
  const attempt = useRef(0);
  const sub = level === 2 ? 3 : 4;
  const rows = useMemo(() => logRows(log), [log]);

  const connect = async (nextEra: Era, nextTarget: Target) => {
    const mine = ++attempt.current;
    setBusy(true);
    setProblem('');
    setLog([]);
    setOutput(null);
    const previous = session.current;
    session.current = null;
    await previous?.close().catch(() => undefined);
    try {
      const s = await openSession({
        era: nextEra,
        target: nextTarget,
        onLog: (entry) => setLog((current) => [...current, entry].slice(-MAX_LOG)),
      });
      if (mine !== attempt.current) return void s.close();
      session.current = s;
      const [tools, resources, prompts] = await Promise.all([s.listTools(), s.listResources(), s.listPrompts()]);
      setInventory({ info: s.info, tools, resources, prompts });
      onReadout(`${statusLine(s.info)}: ${inventoryLine(tools.length, resources.length, prompts.length)}.`);
    } catch (error) {
      setProblem((error as Error).message);
      onReadout(`Could not connect: ${(error as Error).message}`);
    } finally {
      if (mine === attempt.current) setBusy(false);
    }
  };

  useEffect(() => {
    void connect(era, target);
    void endpointAvailable().then(setEndpoint);
    return () => void session.current?.close();
  }, []);

  /** Runs one request against the session and shows its result (or its protocol error). */
  const run = async (title: string, request: (s: PlaygroundSession) => Promise<OutputView>) => {
    const s = session.current;
    if (!s) return;
    setBusy(true);
    try {
      const view = await request(s);
      setOutput(view);
      onReadout(view.readout);
    } catch (error) {
      const view = errorOutput(title, error);
      setOutput(view);
      onReadout(view.readout);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="mcpp__session" aria-busy={busy}>
      <Controls label="Connection">
        <Segmented
          label="Protocol era"
          value={era}
          options={ERA_OPTIONS}
          onChange={(value) => {
            onEra(value);
            void connect(value, target);
          }}
        />
        <Select
          label="Server"
          value={target}
          options={[
            { value: 'page', label: 'In this page' },
            ...(endpoint ? [{ value: 'endpoint' as const, label: 'This site’s /mcp endpoint' }] : []),
          ]}
          onChange={(value) => {
            setTarget(value);
            void connect(era, value);
          }}
        />
      </Controls>
      <p class="mcpp__status">{inventory ? statusLine(inventory.info) : 'Connecting…'}</p>
      {problem && (
        <p class="mcpp__problem">
          {problem}{' '}
          <button type="button" class="button" onClick={() => void connect(era, target)}>
            Try again
          </button>
        </p>
      )}
      {inventory && (
        <>
          <Segmented label="Explore" value={panel} options={PANELS} onChange={setPanel} />
          {panel === 'tools' && (
            <ToolPanel
              tools={inventory.tools}
              tool={tool}
              onTool={onTool}
              busy={busy}
              headingLevel={sub}
              onCall={(name, args) => run(name, async (s) => toolOutput(name, await s.callTool(name, args)))}
            />
          )}
          {panel === 'resources' && (
            <ResourcePanel
              resources={inventory.resources}
              busy={busy}
              headingLevel={sub}
              onRead={(uri) => run(uri, async (s) => resourceOutput(uri, await s.readResource(uri)))}
            />
          )}
          {panel === 'prompts' && (
            <PromptPanel
              prompts={inventory.prompts}
              busy={busy}
              headingLevel={sub}
              onGet={(name, args) => run(name, async (s) => promptOutput(name, await s.getPrompt(name, args)))}
            />
          )}
          <Output view={output} headingLevel={sub} />
        </>
      )}
      <MessageLog rows={rows} headingLevel={sub} onClear={() => setLog([])} />
    </div>
  );
}
