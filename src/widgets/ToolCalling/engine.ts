/**
 * The tool-calling loop's engine, loaded with a dynamic import on the first step so the entry page ships only the
 * shell: the MCP playground's in-page session (the atlas's real MCP server and the SDK's client,
 * src/mcp/playground/session.ts), the tool-calling chat client (src/rag/toolChat.ts), and the Ask page's model
 * settings (its localStorage entry and the server's /api/chat/config).
 */
export { openSession, type PlaygroundSession } from '../../mcp/playground/session';
export { chatWithTools, toolResultMessages, type ToolCall } from '../../rag/toolChat';
export { loadChatConfig, readSettings } from '../AskAtlas/chatSettings';
