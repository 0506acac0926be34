import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../../tests/unit/cli';

describe('ai-arch serve', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('serves the built site and shuts down cleanly on %s', async (signal) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((done, fail) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /AI Architectures at (http:\/\/\S+?)\/ /.exec(stderr);
        if (match?.[1]) done(match[1]);
      });
      child.on('exit', () => fail(new Error(`server exited early:\n${stderr}`)));
    });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>AI Architectures</title>');
    const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.kill(signal);
    expect(await exit).toBe(0);
    expect(stderr).toContain(`${signal} received, shutting down`);
    expect(stderr).toMatch(/GET \/ 200/);
  });
});
