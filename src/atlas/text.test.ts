import { describe, expect, it } from 'vitest';
import { bodyAsMarkdown, headingAnchor, markdownToPlainText } from './text';

describe('bodyAsMarkdown', () => {
  it('drops MDX imports and widget tags but keeps prose, math and code', () => {
    const body = [
      "import KvCacheCalculator from '../../widgets/KvCacheCalculator/KvCacheCalculator';",
      '',
      '## How it works',
      '',
      'Text with $x^2$.',
      '',
      '<KvCacheCalculator client:visible preset="llama-3.1-8b" />',
      '',
      '<Figure',
      '  caption="multi-line"',
      '/>',
      '',
      '```ts',
      '<NotAComponent />',
      '```',
    ].join('\n');
    expect(bodyAsMarkdown(body)).toBe('## How it works\n\nText with $x^2$.\n\n```ts\n<NotAComponent />\n```');
  });
});

describe('markdownToPlainText', () => {
  it('removes formulas, link targets and markup', () => {
    expect(
      markdownToPlainText('## Title\n\nSee [GQA](/architectures/grouped-query-attention/) and $$a=b$$ **now**.'),
    ).toBe('Title See GQA and now .');
  });
});

describe('headingAnchor', () => {
  it('matches the anchors Astro gives headings', () => {
    expect(headingAnchor('Trade-offs and when to choose it')).toBe('trade-offs-and-when-to-choose-it');
    expect(headingAnchor('How it works')).toBe('how-it-works');
  });
});
