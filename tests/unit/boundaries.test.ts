import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (DESIGN.md §2) are lint errors with a message', () => {
  it('src/core may not import the atlas', async () => {
    const messages = await lint(
      'src/core/example.ts',
      "import { loadEntries } from '../atlas/load';\nloadEntries();\n",
    );
    expect(messages[0]).toContain('src/core is pure math and imports nothing from the project');
  });

  it('widgets may not import the MCP server', async () => {
    const messages = await lint(
      'src/widgets/Example/model.ts',
      "import { x } from '../../mcp/server';\nexport { x };\n",
    );
    expect(messages[0]).toContain('widgets render core/models/atlas data');
  });

  it('MCP may not import widgets', async () => {
    const messages = await lint(
      'src/mcp/tools/example.ts',
      "import { x } from '../../widgets/Example/model';\nexport { x };\n",
    );
    expect(messages[0]).toContain('MCP never imports widgets');
  });

  it('models may import core', async () => {
    expect(await lint('src/models/example.ts', "import { bytes } from '../core/units';\nexport { bytes };\n")).toEqual(
      [],
    );
  });
});
