/** One step card of the tool-calling loop: its title, a badge naming who produced it, and its content. Render-only. */
import { json, scenarioById, shownTool, type LoopState } from './model';

interface Props {
  index: number;
  title: string;
  loop: LoopState;
  heading: 'h3' | 'h4';
}

function Badge({ text, kind = 'plain' }: { text: string; kind?: 'plain' | 'scripted' | 'model' | 'error' }) {
  return <span class={`tc__badge is-${kind}`}>{text}</span>;
}

function Code({ value, label }: { value: string; label: string }) {
  return (
    <pre class="tc__code" tabIndex={0} role="region" aria-label={label}>
      {value}
    </pre>
  );
}

function content(index: number, loop: LoopState) {
  const scenario = scenarioById(loop.scenario);
  switch (index) {
    case 0:
      return { badge: <Badge text="user" />, body: <p class="tc__bubble">{scenario.question}</p> };
    case 1: {
      const tool = shownTool(loop);
      return {
        badge: <Badge text="tools/list" />,
        body: (
          <>
            <p class="tc__line">
              {loop.server}: {loop.tools.length} tools ({loop.tools.map((t) => t.name).join(', ')}).
              {loop.model ? ` All ${loop.tools.length} schemas go to the model with the question.` : ''}
            </p>
            {tool && (
              <>
                <p class="tc__line">
                  <code>{tool.name}</code>: {tool.description}
                </p>
                <Code value={json(tool.inputSchema)} label={`Input schema of ${tool.name}`} />
              </>
            )}
          </>
        ),
      };
    }
    case 2: {
      const call = loop.call;
      if (!call) return { badge: null, body: <p class="tc__line">No tool call: the model answered directly.</p> };
      return {
        badge: <Badge text={call.source} kind={call.scripted ? 'scripted' : 'model'} />,
        body: <Code value={json({ name: call.name, arguments: call.args })} label="The tool call" />,
      };
    }
    case 3: {
      const result = loop.result;
      if (!result) return { badge: null, body: <p class="tc__line">Not run: there was no tool call.</p> };
      return {
        badge: (
          <Badge
            text={result.isError ? 'tools/call · isError' : 'tools/call'}
            kind={result.isError ? 'error' : 'plain'}
          />
        ),
        body: (
          <>
            <Code value={result.text} label="The tool’s text result" />
            {result.structured !== null && (
              <details class="tc__details">
                <summary>structuredContent</summary>
                <Code value={json(result.structured)} label="The tool’s structured result" />
              </details>
            )}
          </>
        ),
      };
    }
    default: {
      const answer = loop.answer;
      return {
        badge: answer ? (
          <Badge text={answer.source} kind={loop.model && loop.call?.scripted !== true ? 'model' : 'plain'} />
        ) : null,
        body: <p class="tc__answer">{answer?.text}</p>,
      };
    }
  }
}

export function StepBody({ index, title, loop, heading: Heading }: Props) {
  const shown = index < loop.reached;
  const { badge, body } = shown ? content(index, loop) : { badge: null, body: null };
  return (
    <>
      <div class="tc__step-head">
        <span class="tc__number" aria-hidden="true">
          {index + 1}
        </span>
        <Heading class="tc__title">{title}</Heading>
        {badge}
      </div>
      {shown ? body : <p class="tc__pending">{loop.busy && index === loop.reached ? 'Running…' : 'Not run yet.'}</p>}
    </>
  );
}
