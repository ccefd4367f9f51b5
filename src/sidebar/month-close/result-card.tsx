/**
 * What one import did: the month's figures and status, the drift against the previous import of the month,
 * links that open the written sheets, and the cumulative chart.
 */
import { useContext, useRef } from 'preact/hooks';
import type { MonthCloseResult, WrittenSheet } from '../../rpc/contract';
import { formatCount, formatDelta, formatInstant, formatMoney, formatMonth } from '../format';
import { minorUnits } from '../../month-close/currency';
import { Facts, FigureLocaleContext, LanguageContext, useMessages, useReveal } from '../ui';
import { noteText } from './card-notes';
import { CumulativeChart } from './cumulative-chart';
import { monthCloseMessages, type MonthCloseKey } from './messages';

const billedAs: Record<MonthCloseResult['pricingModel'], MonthCloseKey> = {
  conversation: 'billedAsConversation',
  message: 'billedAsMessage',
  mixed: 'billedAsMixed',
};
const costSource: Record<MonthCloseResult['costToAllocateSource'], MonthCloseKey> = {
  request: 'costFromRequest',
  kept: 'costKept',
  meta: 'costFromMeta',
  rateCard: 'costFromRateCard',
};
const projectionMethod: Record<MonthCloseResult['projectionMethod'], MonthCloseKey> = {
  linear: 'projectionLinear',
  trailing7: 'projectionTrailing7',
  weekday: 'projectionWeekday',
};

function Drift({ result }: { result: MonthCloseResult }) {
  const t = useMessages(monthCloseMessages);
  const figures = useContext(FigureLocaleContext);
  const { previous } = result;
  if (!previous) return <p class="secondary">{t('firstImport')}</p>;
  const lines: string[] = [];
  const deltaUnits = result.billedUnits - previous.billedUnits;
  if (deltaUnits !== 0)
    lines.push(
      t('driftUnits', {
        delta: formatDelta(figures, deltaUnits),
        before: formatCount(figures, previous.billedUnits),
      }),
    );
  if (result.cost !== null && previous.cost !== null && result.cost !== previous.cost)
    lines.push(
      t('driftCost', {
        delta: formatDelta(figures, result.cost - previous.cost, minorUnits(result.currency)),
        before: formatMoney(figures, previous.cost, result.currency),
      }),
    );
  if (!lines.length) return <p class="secondary">{t('noDrift')}</p>;
  return (
    <ul class="drift">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export function ResultCard(props: {
  result: MonthCloseResult;
  timeZone: string;
  onOpenSheet(sheet: WrittenSheet): void;
}) {
  const { result } = props;
  const t = useMessages(monthCloseMessages);
  const card = useRef<HTMLElement>(null);
  useReveal(card, result);
  const language = useContext(LanguageContext);
  const figures = useContext(FigureLocaleContext);
  const monthLabel = formatMonth(language, result.month);
  const money = (value: number) => formatMoney(figures, value, result.currency);
  const rows: [string, string][] = [
    [t('billedUnits'), `${formatCount(figures, result.billedUnits)} ${t(billedAs[result.pricingModel])}`],
    [t('metaCost'), result.cost === null ? t('noCost') : money(result.cost)],
    // Each other currency on its own line: money in two currencies is never added up.
    ...result.otherCosts.map(({ currency, cost }): [string, string] => [
      t('otherCurrencyCost', { currency }),
      cost === null ? t('noCost') : formatMoney(figures, cost, currency),
    ]),
  ];
  if (result.costToAllocate !== null)
    rows.push([
      t('costToAllocateResult'),
      `${formatMoney(figures, result.costToAllocate, result.costToAllocateCurrency)} (${t(costSource[result.costToAllocateSource])})`,
    ]);
  if (result.projection !== null)
    rows.push([
      t('projection'),
      `${formatCount(figures, result.projection)} (${t(projectionMethod[result.projectionMethod])})`,
    ]);
  if (result.bytesProcessed === undefined)
    rows.push([t('rowsWritten'), formatCount(figures, result.rowsWritten)]);
  else
    rows.push(
      [t('rowsStored'), formatCount(figures, result.rowsWritten)],
      [t('bytesProcessed'), formatCount(figures, result.bytesProcessed)],
    );
  rows.push([t('importedAt'), formatInstant(figures, result.importedAt, props.timeZone)]);
  const { summary, data, ledger } = result.sheets;
  const sheets = data ? [summary, data, ledger] : [summary, ledger];
  return (
    <section ref={card} class="card" data-section="result" aria-labelledby="result-title">
      <h3 id="result-title">
        {monthLabel}{' '}
        <span class={`badge ${result.status}`}>
          {t(result.status === 'closed' ? 'statusClosed' : 'statusEstimate')}
        </span>
      </h3>
      <Facts rows={rows} />
      <h4>{t('drift')}</h4>
      <Drift result={result} />
      {result.notes.length > 0 && (
        <ul class="notes">
          {result.notes
            .map((note) => noteText(note, language, figures))
            .map((text) => (
              <li key={text}>{text}</li>
            ))}
        </ul>
      )}
      <CumulativeChart days={result.daily} monthLabel={monthLabel} />
      <h4>{t('openSheets')}</h4>
      <ul class="sheet-links">
        {sheets.map((sheet) => (
          <li key={sheet.sheetId}>
            <button type="button" class="link" onClick={() => props.onOpenSheet(sheet)}>
              {t('openSheet', { sheet: sheet.name })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
