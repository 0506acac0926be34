import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadModel, loadModels } from './load';

const dir = new URL('../../../public/models/tiny/', import.meta.url);

/** A fetch that serves public/models/tiny/ under /models/tiny/, with optional overrides by path. */
function serve(overrides: Record<string, Response> = {}) {
  return vi.fn(async (url: string) => {
    if (overrides[url]) return overrides[url];
    const name = url.replace('/models/tiny/', '');
    try {
      return new Response(readFileSync(new URL(name, dir)));
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('loading the shipped models', () => {
  it('fetches each manifest, then its binary, and widens the f16 weights (MHA then GQA)', async () => {
    const fetch = serve();
    vi.stubGlobal('fetch', fetch);
    const models = await loadModels();
    expect(models.map((m) => m.manifest.id)).toEqual(['mha', 'gqa']);
    expect(models[1]?.weights['layers.0.attn.wk']).toHaveLength(64 * 32);
    expect(fetch.mock.calls.map((c) => c[0]).sort()).toEqual([
      '/models/tiny/gqa.bin',
      '/models/tiny/gqa.json',
      '/models/tiny/mha.bin',
      '/models/tiny/mha.json',
    ]);
  });

  it('names the URL and status of a failed request', async () => {
    vi.stubGlobal('fetch', serve());
    await expect(loadModel('mqa')).rejects.toThrow('/models/tiny/mqa.json: HTTP 404');
  });

  it('refuses a truncated binary, naming the file and both sizes', async () => {
    const bytes = readFileSync(new URL('gqa.bin', dir));
    vi.stubGlobal('fetch', serve({ '/models/tiny/gqa.bin': new Response(bytes.subarray(0, 1000)) }));
    await expect(loadModel('gqa')).rejects.toThrow(/\/models\/tiny\/gqa.bin: expected 197888 bytes, got 1000/);
  });

  it('refuses a manifest that breaks the format, naming the field', async () => {
    const manifest = JSON.parse(readFileSync(new URL('mha.json', dir), 'utf8'));
    vi.stubGlobal(
      'fetch',
      serve({ '/models/tiny/mha.json': new Response(JSON.stringify({ ...manifest, kvDtype: 'int4' })) }),
    );
    await expect(loadModel('mha')).rejects.toThrow(expect.objectContaining({ field: 'kvDtype' }));
  });
});
