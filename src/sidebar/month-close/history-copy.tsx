/**
 * The History section's copy offer (issue 19 point 1), for admins once the history is in BigQuery: what the
 * spreadsheet still holds from before the switch, rows per table, and a button that copies it month by month —
 * one server call after another (each as many months as fit in Apps Script's time) until nothing is left, with
 * the months copied so far. A failure names its month; the months before it stay copied.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import type { HistoryCopyView } from '../../rpc/contract';
import { defineMessages } from '../i18n';
import { callServer } from '../rpc-client';
import { serverFailureText } from '../server-errors';
import { FigureLocaleContext, LanguageContext, Status, useMessages, useServerTask } from '../ui';

const messages = defineMessages({
  en: {
    checking: 'Checking what this spreadsheet holds…',
    offer:
      'This spreadsheet holds history from before the switch: {meta} Meta rows, {conversations} Atom conversations and {messages} Atom messages in {months} months, and {ledger} ledger rows. Copy them into BigQuery?',
    how: 'Each month replaces its partition at once, so copying again gives the same tables. A month BigQuery already holds other rows for is kept as BigQuery has it.',
    copy: 'Copy into BigQuery',
    copying: 'Copying… {copied} of {total} months copied.',
    copied:
      'Copied: {months} months are in BigQuery. “Meta data” and “Atom conversations” were kept: once you have checked the tables you may delete them by hand.',
    kept: '{table} {month}: BigQuery already held {inBigQuery} rows (the sheet {inSheet}); kept BigQuery’s.',
    failed: 'Stopped at {month}: {reason} The months before it are in BigQuery; copy again to go on.',
    stalled: 'BigQuery is still working on the copy; copy again in a minute to go on.',
  },
  es: {
    checking: 'Revisando qué guarda esta hoja de cálculo…',
    offer:
      'Esta hoja de cálculo guarda historial de antes del cambio: {meta} filas de Meta, {conversations} conversaciones y {messages} mensajes de Atom en {months} meses, y {ledger} filas del registro. ¿Copiarlos a BigQuery?',
    how: 'Cada mes reemplaza su partición de una vez, así que copiar de nuevo deja las mismas tablas. Un mes para el que BigQuery ya tiene otras filas se conserva como está en BigQuery.',
    copy: 'Copiar a BigQuery',
    copying: 'Copiando… {copied} de {total} meses copiados.',
    copied:
      'Copiado: {months} meses están en BigQuery. Se conservaron «Meta data» y «Atom conversations»: cuando haya revisado las tablas puede eliminarlas a mano.',
    kept: '{table} {month}: BigQuery ya tenía {inBigQuery} filas (la hoja {inSheet}); se conservaron las de BigQuery.',
    failed:
      'Se detuvo en {month}: {reason} Los meses anteriores están en BigQuery; copie de nuevo para continuar.',
    stalled: 'BigQuery sigue trabajando en la copia; copie de nuevo en un minuto para continuar.',
  },
});

/** Calls in a row that copied nothing before the section stops asking (a load still running in BigQuery). */
const MAX_STALLS = 3;

export function HistoryCopy() {
  const t = useMessages(messages);
  const language = useContext(LanguageContext);
  const figures = useContext(FigureLocaleContext);
  const task = useServerTask();
  const [view, setView] = useState<HistoryCopyView | null>(null);
  useEffect(
    () =>
      task.run(
        t('checking'),
        () => callServer('getHistoryCopy'),
        (next) => {
          setView(next);
          task.say('');
        },
      ),
    [],
  );
  if (!view || (view.done && !view.copied.length)) return <Status task={task} />;
  const n = (value: number) => new Intl.NumberFormat(figures).format(value);

  const copy = () => {
    const total = view.copied.length + view.months.length;
    const step = (before: HistoryCopyView, stalls: number) =>
      task.run(
        t('copying', { copied: n(before.copied.length), total: n(total) }),
        () =>
          callServer('copyHistory').catch(async (e: unknown) => {
            // Where it stopped: the first month still to copy (the progress is kept per month).
            const now = await callServer('getHistoryCopy').catch(() => null);
            if (now) setView(now);
            const month = now?.months[0] ?? before.months[0] ?? '';
            throw new Error(t('failed', { month, reason: serverFailureText(e, language) }));
          }),
        (next) => {
          setView(next);
          const progressed =
            next.copied.length > before.copied.length || next.rows.ledger < before.rows.ledger;
          if (next.done) task.say(t('copied', { months: n(next.copied.length) }));
          else if (progressed || stalls < MAX_STALLS) step(next, progressed ? 0 : stalls + 1);
          else task.say(t('stalled'), true);
        },
      );
    step(view, 0);
  };

  const { rows } = view;
  return (
    <div data-history-copy>
      {view.done ? (
        <p>{t('copied', { months: n(view.copied.length) })}</p>
      ) : (
        <>
          <p>
            {t('offer', {
              meta: n(rows.meta_rows),
              conversations: n(rows.atom_conversations),
              messages: n(rows.atom_messages),
              months: n(view.months.length),
              ledger: n(rows.ledger),
            })}
          </p>
          <p class="secondary">{t('how')}</p>
          <button type="button" disabled={task.busy} onClick={copy}>
            {t('copy')}
          </button>
        </>
      )}
      {view.skipped.map((s) => (
        <p class="secondary" key={`${s.table}${s.month}`}>
          {t('kept', { ...s, inBigQuery: n(s.inBigQuery), inSheet: n(s.inSheet) })}
        </p>
      ))}
      <Status task={task} />
    </div>
  );
}
