// The lead dashboard's entry: signs in with the token kept for this browser tab, if any. Runtime: browser.
import { LeadDashboard, TOKEN_KEY } from './lead/lead-dashboard.ts';

new LeadDashboard(sessionStorage.getItem(TOKEN_KEY) ?? undefined);
