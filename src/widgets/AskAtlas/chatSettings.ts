/**
 * Where a page's language-model settings come from, shared by every widget that can call a model (Ask the atlas, the
 * tool-calling loop): the site server's /api/chat/config (null on a static host) and the user's settings in this
 * browser's localStorage. chooseEndpoint in model.ts turns both into an endpoint.
 */
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type ChatConfig, type Settings } from './model';

let chatConfig: Promise<ChatConfig | null> | undefined;

/** /api/chat/config from the site server, or null on a static host (fetched once per page). */
export function loadChatConfig(): Promise<ChatConfig | null> {
  chatConfig ??= fetch('/api/chat/config')
    .then((res) => (res.ok && res.headers.get('content-type')?.includes('json') ? res.json() : null))
    .catch(() => null) as Promise<ChatConfig | null>;
  return chatConfig;
}

/** The settings saved in this browser, or the defaults when there are none or storage is blocked. */
export function readSettings(): Settings {
  try {
    return parseSettings(window.localStorage.getItem(SETTINGS_KEY));
  } catch {
    return DEFAULT_SETTINGS;
  }
}
