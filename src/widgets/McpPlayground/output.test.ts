import { describe, expect, it } from 'vitest';
import { errorOutput, MAX_OUTPUT_CHARS, promptOutput, resourceOutput, toolOutput } from './output';

describe('output views', () => {
  it('shows a resource’s text and says what it read', () => {
    const view = resourceOutput('atlas://entries/rope', {
      contents: [{ uri: 'atlas://entries/rope', mimeType: 'text/markdown', text: '# RoPE' }],
    });
    expect(view).toMatchObject({ title: 'atlas://entries/rope', isError: false, text: '# RoPE' });
    expect(view.readout).toBe('Read atlas://entries/rope: text/markdown, 6 characters');
  });

  it('summarises an embedded resource in a prompt and keeps the text messages', () => {
    const view = promptOutput('explain-architecture', {
      description: 'Explain MCP to a student',
      messages: [
        {
          role: 'user',
          content: {
            type: 'resource',
            resource: { uri: 'atlas://entries/mcp', mimeType: 'text/markdown', text: 'x'.repeat(1200) },
          },
        },
        { role: 'user', content: { type: 'text', text: 'Explain it.' } },
      ],
    });
    expect(view.text).toBe(
      '(Explain MCP to a student)\n\nuser: [embedded resource atlas://entries/mcp, text/markdown, 1,200 characters]\n\nuser: Explain it.',
    );
    expect(view.readout).toBe('explain-architecture returned 2 messages: Explain MCP to a student');
  });

  it('cuts very long text and says how much is left out', () => {
    const view = toolOutput('get-entry', { content: [{ type: 'text', text: 'a'.repeat(MAX_OUTPUT_CHARS + 500) }] });
    expect(view.text.endsWith('… (500 more characters)')).toBe(true);
  });

  it('turns a thrown protocol error into a visible error with its JSON-RPC code', () => {
    const view = errorOutput('atlas://entries/nope', {
      code: -32602,
      message: 'Resource not found: atlas://entries/nope',
    });
    expect(view).toMatchObject({
      isError: true,
      text: 'Resource not found: atlas://entries/nope (JSON-RPC error −32602)',
      readout: 'atlas://entries/nope failed: Resource not found: atlas://entries/nope',
    });
  });
});
