/**
 * The Month close panel (issue 9): month, lines, the Atom groups and campaigns ranges (typed or taken from the
 * selection), the cost to allocate, Import; the import's progress (polled while it runs), then the result
 * card. Also the last imports and, for admins, the daily refresh of the open month.
 */
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type {
  DailyRefreshState,
  MonthCloseProgress,
  MonthCloseResult,
  MonthCloseSetup,
  RunMonthCloseRequest,
} from '../../rpc/contract';
import { formatCount, formatInstant, formatMonth } from '../format';
import type { Panel, PanelProps } from '../panel';
import { callServer } from '../rpc-client';
import {
  Field,
  FigureLocaleContext,
  LanguageContext,
  Status,
  useDisabledReason,
  useId,
  useMessages,
  useServerTask,
  type ServerTask,
  type Translate,
} from '../ui';
import { otherMonthOf, tableMonthOf } from '../../month-close/atom-range';
import { costText, readCost, readRange, rangeText, separatorsOf } from './form-values';
import { HistorySection } from './history-section';
import { monthCloseMessages, type MonthCloseKey } from './messages';
import { ResultCard } from './result-card';

type T = Translate<MonthCloseKey>;

/** How often the panel asks for the running import's progress. */
const PROGRESS_POLL_MS = 700;
const RANGE_EXAMPLES = { groups: "'Atom groups'!A1:B20", campaigns: "'Atom campaigns'!A1:B20" };

interface FormState {
  month: string;
  groups: string;
  campaigns: string;
  cost: string;
  /** The cost's currency when the account replaced one in another currency; '' = the account's. */
  costCurrency: string;
  /** Phone numbers of the lines to import. */
  lines: string[];
}

function progressText(t: T, progress: MonthCloseProgress): string {
  switch (progress.step) {
    case 'waiting':
      return t('waiting');
    case 'fetching':
      return t('fetching', { done: progress.done, total: progress.total });
    case 'computing':
      return t('computing');
    case 'writing':
      return t('writing');
    case 'done':
      return t('finishing');
  }
}

/**
 * The ranges the form proposes for `month`: its own Atom tables; else what is typed when it is a sheet of the user's
 * own (undated); else blank, since another month's table would split the month by that month's data.
 */
function proposedRanges(
  setup: MonthCloseSetup,
  month: string,
  typed: Pick<FormState, 'groups' | 'campaigns'> = { groups: '', campaigns: '' },
): Pick<FormState, 'groups' | 'campaigns'> {
  const own = setup.atomRanges[month];
  const propose = (key: 'groups' | 'campaigns') => {
    const table = own?.[key];
    if (table) return rangeText(table);
    const current = readRange(typed[key]);
    return current.ok && current.value && tableMonthOf(current.value, setup.atomRanges) === null
      ? typed[key]
      : '';
  };
  return { groups: propose('groups'), campaigns: propose('campaigns') };
}

/**
 * The amount the form proposes for `month`: the one typed in the sidebar for its last import, still in effect, so
 * that a blank field always means "Meta's cost" (the import returns the cell to it).
 */
function proposedCost(setup: MonthCloseSetup, month: string, locale: string): string {
  const last = setup.lastImports.find((entry) => entry.month === month);
  return last?.costToAllocateSource === 'request' && last.costToAllocate !== null
    ? costText(last.costToAllocate, locale)
    : '';
}

/** Reads the form into the request, or names the first field that is wrong. */
function requestOf(
  t: T,
  setup: MonthCloseSetup,
  form: FormState,
  locale: string,
): RunMonthCloseRequest | string {
  if (!/^\d{4}-\d{2}$/.test(form.month)) return t('badMonth');
  if (setup.lines.length && !form.lines.length) return t('noLineChosen');
  const groups = readRange(form.groups);
  if (!groups.ok) return t('badRange', { field: t('groupsName'), example: RANGE_EXAMPLES.groups });
  const campaigns = readRange(form.campaigns);
  if (!campaigns.ok) return t('badRange', { field: t('campaignsName'), example: RANGE_EXAMPLES.campaigns });
  const cost = readCost(form.cost, separatorsOf(locale));
  if (!cost.ok) {
    const typed = form.cost.trim().slice(0, 40);
    if (cost.problem === 'cost')
      return t('badCost', { typed, example: costText(1250.5, locale), plain: '1250.50' });
    const [first, second] = cost.readings.map((r) => costText(r, locale));
    return t('ambiguousCost', { typed, first, second });
  }
  return {
    month: form.month,
    // Every line ticked = every line of the account, including lines Meta adds later.
    lines: form.lines.length === setup.lines.length ? [] : form.lines,
    groups: groups.value,
    campaigns: campaigns.value,
    costToAllocate: cost.value,
    costCurrency: form.costCurrency || null,
  };
}

function LineChoices(props: {
  t: T;
  setup: MonthCloseSetup;
  chosen: string[];
  onChange(lines: string[]): void;
}) {
  const { t, setup, chosen } = props;
  const legendId = useId('lines');
  if (!setup.lines.length) return <p class="secondary">{t('noLines')}</p>;
  return (
    <fieldset class="field choices" aria-labelledby={legendId}>
      <legend id={legendId} class="label">
        {t('lines')}
      </legend>
      {setup.lines.map((line) => {
        const id = `${legendId}-${line.id}`;
        const checked = chosen.includes(line.displayPhoneNumber);
        return (
          <div key={line.id} class="choice">
            <input
              type="checkbox"
              id={id}
              checked={checked}
              onChange={() =>
                props.onChange(
                  checked
                    ? chosen.filter((phone) => phone !== line.displayPhoneNumber)
                    : [...chosen, line.displayPhoneNumber],
                )
              }
            />
            <label for={id}>{`${line.displayPhoneNumber} — ${line.verifiedName}`}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

function LastImports({ t, setup, timeZone }: { t: T; setup: MonthCloseSetup; timeZone: string }) {
  const language = useContext(LanguageContext);
  const figures = useContext(FigureLocaleContext);
  if (!setup.lastImports.length) return null;
  return (
    <section data-section="last-imports">
      <h3>{t('lastImports')}</h3>
      <ul>
        {setup.lastImports.map((entry) => (
          <li key={entry.month}>
            {t('lastImportLine', {
              month: formatMonth(language, entry.month),
              units: formatCount(figures, entry.billedUnits),
              status: t(entry.status === 'closed' ? 'statusClosed' : 'statusEstimate'),
              time: formatInstant(figures, entry.importedAt, timeZone),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DailyRefresh(props: {
  t: T;
  task: ServerTask;
  state: DailyRefreshState;
  onSaved(state: DailyRefreshState): void;
}) {
  const { t, task, state } = props;
  const [enabled, setEnabled] = useState(state.enabled);
  const [hour, setHour] = useState(state.hour ?? 6);
  const checkboxId = useId('refresh');
  const hourWhy = useDisabledReason(enabled ? '' : t('whyRefreshOff'));
  const describe = (s: DailyRefreshState) =>
    s.enabled ? t('refreshOn', { hour: String(s.hour).padStart(2, '0') }) : t('refreshOff');
  if (!state.canChange)
    return (
      <details data-section="daily-refresh">
        <summary>{t('refresh')}</summary>
        <p>{describe(state)}</p>
        <p class="secondary">{t('refreshAdminsOnly')}</p>
      </details>
    );
  const save = (event: Event) => {
    event.preventDefault();
    task.run(
      t('saving'),
      () => callServer('setDailyRefresh', { enabled, hour: enabled ? hour : null }),
      (saved) => {
        props.onSaved(saved);
        task.say(describe(saved));
      },
    );
  };
  return (
    <details data-section="daily-refresh">
      <summary>{t('refresh')}</summary>
      <form onSubmit={save}>
        <div class="choice">
          <input
            type="checkbox"
            id={checkboxId}
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
          />
          <label for={checkboxId}>{t('refreshEnabled')}</label>
        </div>
        <div class="field">
          <label for={`${checkboxId}-hour`}>{t('refreshHour', { timeZone: state.timeZone })}</label>
          <select
            id={`${checkboxId}-hour`}
            value={String(hour)}
            onChange={(e) => setHour(Number(e.currentTarget.value))}
            {...hourWhy.props}
          >
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={String(h)}>{`${String(h).padStart(2, '0')}:00`}</option>
            ))}
          </select>
          {hourWhy.note}
        </div>
        <button type="submit">{t('refreshSave')}</button>
      </form>
    </details>
  );
}

function MonthClosePanel({ boot, active, showPanel }: PanelProps) {
  const t = useMessages(monthCloseMessages);
  const language = useContext(LanguageContext);
  const task = useServerTask();
  const locale = boot.spreadsheetLocale;
  const [setup, setSetup] = useState<MonthCloseSetup | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [progress, setProgress] = useState<MonthCloseProgress | null>(null);
  const [result, setResult] = useState<MonthCloseResult | null>(null);
  const importing = useRef(false);

  const loadSetup = (message = '') =>
    task.run(
      t('loading'),
      () => callServer('getMonthCloseSetup'),
      (loaded) => {
        setSetup(loaded);
        // The first answer fills the form; later ones (after connecting, after an import) keep what was typed.
        setForm(
          (current) =>
            current ?? {
              month: loaded.defaultMonth,
              // The last import's ranges stand as typed: kept when they are the user's own sheets.
              ...proposedRanges(loaded, loaded.defaultMonth, {
                groups: loaded.groups ? rangeText(loaded.groups) : '',
                campaigns: loaded.campaigns ? rangeText(loaded.campaigns) : '',
              }),
              cost: proposedCost(loaded, loaded.defaultMonth, locale),
              costCurrency: '',
              lines: loaded.lines.map((line) => line.displayPhoneNumber),
            },
        );
        task.say(message);
      },
    );

  // Opening the panel reads the setup again: the connection may have changed in the other panel.
  useEffect(() => {
    if (active && !importing.current) loadSetup();
  }, [active]);

  const update = (patch: Partial<FormState>) =>
    setForm((current) => (current ? { ...current, ...patch } : current));

  function pollProgress(): void {
    const tick = () => {
      if (!importing.current) return;
      callServer('getMonthCloseProgress').then(
        (answer) => {
          if (!importing.current) return;
          setProgress(answer);
          if (answer) task.say(progressText(t, answer));
          setTimeout(tick, PROGRESS_POLL_MS);
        },
        () => setTimeout(tick, PROGRESS_POLL_MS),
      );
    };
    setTimeout(tick, PROGRESS_POLL_MS);
  }

  function startImport(event: Event): void {
    event.preventDefault();
    if (!setup || !form || importing.current) return;
    const request = requestOf(t, setup, form, locale);
    if (typeof request === 'string') return task.say(request, true);
    importing.current = true;
    setProgress(null);
    const finished = () => {
      importing.current = false;
      setProgress(null);
    };
    task.run(
      t('starting'),
      () => {
        const run = callServer('runMonthClose', request);
        pollProgress();
        return run.finally(finished);
      },
      (imported) => {
        setResult(imported);
        loadSetup(t('imported', { month: formatMonth(language, imported.month) }));
      },
    );
  }

  const selectionInto = (key: 'groups' | 'campaigns') =>
    task.run(
      t('selecting'),
      () => callServer('getActiveRange'),
      (ref) => {
        if (ref) update({ [key]: rangeText(ref) });
        task.say('');
      },
    );

  // The answers (progress, status, result) sit right under the Import button; the refresh and history below them.
  let body = null;
  let history = null;
  if (setup && !setup.connected) {
    body = (
      <>
        <p>{t('notConnected')}</p>
        <button type="button" class="action" onClick={() => showPanel('connectionPanel')}>
          {t('openConnection')}
        </button>
      </>
    );
  } else if (setup && form) {
    const otherMonth = (key: 'groups' | 'campaigns') => {
      const typed = readRange(form[key]);
      return typed.ok ? otherMonthOf(typed.value, form.month, setup.atomRanges) : null;
    };
    const rangeField = (key: 'groups' | 'campaigns', label: MonthCloseKey) => (
      <>
        <Field
          name={key}
          label={t(label)}
          value={form[key]}
          onValue={(value) => update({ [key]: value })}
          placeholder={RANGE_EXAMPLES[key]}
          hint={t('rangeHint', { example: RANGE_EXAMPLES[key] })}
        >
          <button
            type="button"
            aria-label={t('useSelectionFor', { field: t(key === 'groups' ? 'groupsName' : 'campaignsName') })}
            onClick={() => selectionInto(key)}
          >
            {t('useSelection')}
          </button>
        </Field>
        {otherMonth(key) && (
          <p class="error" role="alert" data-flag={`${key}-other-month`}>
            {t('otherMonthRange', {
              owner: formatMonth(language, otherMonth(key) ?? ''),
              month: formatMonth(language, form.month),
            })}
          </p>
        )}
      </>
    );
    body = (
      <form onSubmit={startImport}>
        <Field
          name="month"
          type="month"
          label={t('month')}
          value={form.month}
          // Each month proposes its own Atom tables: the range box is too narrow to show which month it points at.
          onValue={(month) =>
            month !== form.month &&
            update({
              month,
              ...proposedRanges(setup, month, form),
              // A cost the user typed stays; the month's own proposal replaces the previous month's.
              cost:
                form.cost === proposedCost(setup, form.month, locale)
                  ? proposedCost(setup, month, locale)
                  : form.cost,
            })
          }
          hint={t('monthHint', { days: setup.graceDays })}
        />
        <LineChoices t={t} setup={setup} chosen={form.lines} onChange={(lines) => update({ lines })} />
        {rangeField('groups', 'groups')}
        {rangeField('campaigns', 'campaigns')}
        <Field
          name="costToAllocate"
          inputMode="decimal"
          label={t('costToAllocate', { currency: form.costCurrency || setup.currency })}
          value={form.cost}
          onValue={(cost) => update({ cost })}
          hint={t('costHint', { example: costText(1250.5, locale) })}
        />
        {setup.currencies.length > 1 && (
          // Money in two currencies is never added: the amount split is in one of the month's currencies.
          <div class="field">
            <label for="cost-currency">{t('costCurrency')}</label>
            <select
              id="cost-currency"
              name="costCurrency"
              value={form.costCurrency || setup.currency}
              aria-describedby="cost-currency-hint"
              onChange={(e) => update({ costCurrency: e.currentTarget.value })}
            >
              {setup.currencies.map((currency) => (
                <option key={currency} value={currency}>
                  {currency}
                </option>
              ))}
            </select>
            <p id="cost-currency-hint" class="secondary">
              {t('costCurrencyHint')}
            </p>
          </div>
        )}
        <button type="submit" class="action">
          {t('importButton')}
        </button>
      </form>
    );
    history = (
      <>
        <DailyRefresh
          t={t}
          task={task}
          state={setup.dailyRefresh}
          onSaved={(dailyRefresh) => setSetup({ ...setup, dailyRefresh })}
        />
        <LastImports t={t} setup={setup} timeZone={setup.timeZone} />
        <HistorySection spreadsheetLocale={locale} />
      </>
    );
  }
  return (
    <>
      <fieldset class="plain" disabled={task.busy}>
        {body}
      </fieldset>
      {progress && progress.total > 0 && (
        <progress aria-label={t('progress')} max={progress.total} value={progress.done} />
      )}
      <Status task={task} />
      {result && (
        <ResultCard
          result={result}
          timeZone={setup?.timeZone ?? boot.spreadsheetTimeZone}
          onOpenSheet={(sheet) =>
            task.run(
              '',
              () => callServer('activateSheet', sheet.sheetId),
              () => task.say(''),
            )
          }
        />
      )}
      {history && (
        <fieldset class="plain" disabled={task.busy}>
          {history}
        </fieldset>
      )}
    </>
  );
}

export const monthClosePanel: Panel = {
  id: 'monthClosePanel',
  title: { en: 'Month close', es: 'Cierre de mes' },
  Component: MonthClosePanel,
};
