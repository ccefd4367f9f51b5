/**
 * The sidebar shell: the header (product, user, spreadsheet), the panel navigation (a WAI-ARIA tab list:
 * arrow keys, Home and End move between panels) and the panels of `panels.ts`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SidebarBootstrap, SidebarLanguage } from '../rpc/contract';
import { languageOf, sidebarTitle } from '../i18n';
import { shellMessages } from './i18n';
import type { Panel } from './panel';
import { panels } from './panels';
import { callServer } from './rpc-client';
import { serverFailureText } from './server-errors';
import { figureLocale } from './format';
import { Facts, FigureLocaleContext, LanguageContext, useMessages } from './ui';

/** Before the server answers, the browser's language is the best guess. */
const browserLanguage = languageOf(navigator.language);

const navigationKeys: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (i, last) => (i === last ? 0 : i + 1),
  ArrowDown: (i, last) => (i === last ? 0 : i + 1),
  ArrowLeft: (i, last) => (i === 0 ? last : i - 1),
  ArrowUp: (i, last) => (i === 0 ? last : i - 1),
  Home: () => 0,
  End: (_i, last) => last,
};

function PanelTabs(props: { language: SidebarLanguage; active: string; onSelect(id: string): void }) {
  const t = useMessages(shellMessages);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const move = navigationKeys[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(index, panels.length - 1);
    props.onSelect(panels[next].id);
    tabs.current[next]?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('panels')}>
      {panels.map((panel, index) => {
        const selected = panel.id === props.active;
        return (
          <button
            key={panel.id}
            ref={(button) => {
              tabs.current[index] = button;
            }}
            type="button"
            role="tab"
            id={`tab-${panel.id}`}
            class={selected ? 'tab current' : 'tab'}
            aria-selected={selected}
            aria-controls={`panel-${panel.id}`}
            tabIndex={selected ? 0 : -1}
            onClick={() => props.onSelect(panel.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {panel.title[props.language]}
          </button>
        );
      })}
    </div>
  );
}

function PanelRegion(props: {
  panel: Panel;
  boot: SidebarBootstrap;
  active: boolean;
  showPanel(id: string): void;
}) {
  const { panel, boot } = props;
  return (
    <section
      class="panel"
      data-panel={panel.id}
      id={`panel-${panel.id}`}
      role="tabpanel"
      aria-labelledby={`heading-${panel.id}`}
      hidden={!props.active}
    >
      <h2 id={`heading-${panel.id}`}>{panel.title[boot.language]}</h2>
      <panel.Component boot={boot} active={props.active} showPanel={props.showPanel} />
    </section>
  );
}

function Shell({ boot }: { boot: SidebarBootstrap }) {
  const t = useMessages(shellMessages);
  const [active, setActive] = useState(panels[0].id);
  // Panels mount on first visit and stay mounted, keeping their state.
  const [opened, setOpened] = useState<string[]>([panels[0].id]);
  const showPanel = (id: string) => {
    setActive(id);
    setOpened((ids) => (ids.includes(id) ? ids : [...ids, id]));
  };
  return (
    <>
      <header>
        <h1>{sidebarTitle}</h1>
        <p>{t('intro')}</p>
        <Facts
          rows={[
            [t('signedInAs'), boot.userEmail],
            [t('spreadsheet'), boot.spreadsheetName],
            [t('timeZone'), boot.spreadsheetTimeZone],
          ]}
        />
      </header>
      <PanelTabs language={boot.language} active={active} onSelect={showPanel} />
      {panels
        .filter((panel) => opened.includes(panel.id))
        .map((panel) => (
          <PanelRegion
            key={panel.id}
            panel={panel}
            boot={boot}
            active={panel.id === active}
            showPanel={showPanel}
          />
        ))}
    </>
  );
}

export function App() {
  const [boot, setBoot] = useState<SidebarBootstrap | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    callServer('getSidebarBootstrap').then(setBoot, (error: unknown) =>
      setFailure(serverFailureText(error, browserLanguage)),
    );
  }, []);
  const language = boot?.language ?? browserLanguage;
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <LanguageContext.Provider value={language}>
      {boot ? (
        <FigureLocaleContext.Provider value={figureLocale(boot.spreadsheetLocale)}>
          <Shell boot={boot} />
        </FigureLocaleContext.Provider>
      ) : (
        <FirstPaint failure={failure} />
      )}
    </LanguageContext.Provider>
  );
}

function FirstPaint({ failure }: { failure: string | null }) {
  const t = useMessages(shellMessages);
  return failure === null ? (
    <p role="status">{t('loading')}</p>
  ) : (
    <p role="alert" class="error">
      {t('serverError')} {failure}
    </p>
  );
}
