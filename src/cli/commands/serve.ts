import { startServer } from '../../server/server';
import { intFlag, parseFlags } from '../args';
import type { Command } from '../command';

export const serve: Command = {
  name: 'serve',
  summary: 'Serve the built site (dist/) on http://127.0.0.1:4321',
  usage: 'ai-arch serve [--port N] [--host 127.0.0.1]   (PORT and HOST also work; run `npm run build` first)',
  async run(argv) {
    const { values } = parseFlags(argv, { port: { type: 'string' }, host: { type: 'string' } });
    const port = intFlag('port', values.port ?? process.env.PORT, 0, 65535, 4321);
    const host = values.host ?? process.env.HOST ?? '127.0.0.1';
    const server = await startServer({ port, host, handleSignals: true });
    await server.closed;
    return 0;
  },
};
