import type { ComponentType } from 'preact';
import type { SidebarBootstrap, SidebarLanguage } from '../rpc/contract';

/** What the shell hands every panel. */
export interface PanelProps {
  boot: SidebarBootstrap;
  /** Whether the panel is the one shown (panels stay mounted while hidden). */
  active: boolean;
  /** Opens another panel (e.g. "connect Meta first" → the connection panel). */
  showPanel(id: string): void;
}

/**
 * One entry of the sidebar's navigation. The shell renders the tab, the panel's region and its heading (the
 * title); the component renders the rest. A panel is mounted the first time it is opened and then kept, so
 * its state (a running import, say) survives switching panels.
 */
export interface Panel {
  /** Stable id, used as `data-panel` (tests and styles select panels by it). */
  id: string;
  title: Record<SidebarLanguage, string>;
  Component: ComponentType<PanelProps>;
}
