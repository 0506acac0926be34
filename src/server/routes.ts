/** Dynamic routes mounted on the site server next to the static files. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chatRoute } from './chat';
import { mcpRoute } from './mcp';

export interface Route {
  /** Path prefix, e.g. "/mcp"; matches the prefix itself and anything below it. */
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

/** The routes `npm start` mounts. */
export function defaultRoutes(): Route[] {
  return [mcpRoute(), chatRoute()];
}
