// The agent console's entry: signs in with the token kept for this browser tab, if any. Runtime: browser.
import { AgentConsole, TOKEN_KEY } from './agent/agent-console.ts';

new AgentConsole(sessionStorage.getItem(TOKEN_KEY) ?? undefined);
