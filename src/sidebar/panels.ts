/** The sidebar's panels, in navigation order. Adding a panel: import its `Panel` and add it to this list. */
import { atomPanel } from './atom/atom-panel';
import { budgetsPanel } from './budgets-panel';
import { connectionPanel } from './connection-panel';
import { monthClosePanel } from './month-close/month-close-panel';
import type { Panel } from './panel';
import { ratesPanel } from './rates-panel';

export const panels: Panel[] = [connectionPanel, monthClosePanel, atomPanel, ratesPanel, budgetsPanel];
