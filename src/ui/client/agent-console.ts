// The agent console's entry: signs in with the token kept for this browser (every tab shares it), if any.
// Runtime: browser.
import { AgentConsole, TOKEN_KEY } from './agent/agent-console.ts';

new AgentConsole(localStorage.getItem(TOKEN_KEY) ?? undefined);
