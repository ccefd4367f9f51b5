/**
 * The Month close panel's History section (issue 19): where the raw history is kept — this spreadsheet (default) or
 * a BigQuery dataset of the user's. Every editor sees it; admins switch it, and switching to BigQuery creates the
 * missing tables and lists them. A refusal leaves the setting as it was, and the section says so.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import type { HistoryStoreSetting, HistoryStoreView, SetHistoryStoreRequest } from '../../rpc/contract';
import { defineMessages } from '../i18n';
import { callServer } from '../rpc-client';
import { serverFailureText } from '../server-errors';
import {
  Field,
  FigureLocaleContext,
  LanguageContext,
  Status,
  useMessages,
  useServerTask,
  type Translate,
} from '../ui';
import { readCost, separatorsOf } from './form-values';
import { HistoryCopy } from './history-copy';

const messages = defineMessages({
  en: {
    history: 'History',
    loading: 'Loading…',
    intro:
      'Where the month close keeps the raw history. A spreadsheet holds 10 million cells (about 9 months of 100,000 Meta rows); BigQuery, in your own Google Cloud project, holds years.',
    inSheets: 'History is kept in this spreadsheet.',
    inBigQuery:
      'History is kept in BigQuery: dataset {project}:{dataset} ({location}); each query bills at most {cap} GB.',
    sheets: 'This spreadsheet',
    bigQuery: 'BigQuery',
    project: 'Google Cloud project id',
    dataset: 'Dataset id',
    location: 'Dataset location',
    cap: 'Most a query may bill (GB)',
    capHint: 'Each query is tried first (a dry run) and refused above this.',
    roles:
      'The dataset must exist. Whoever closes a month needs roles/bigquery.dataEditor on the dataset and roles/bigquery.jobUser on the project; the add-on asks once for permission to use BigQuery.',
    advanced: 'Advanced',
    apiBaseUrl: 'BigQuery address',
    save: 'Save',
    saving: 'Saving… (creating the tables that are missing)',
    badCap: 'Type the cap in GB, e.g. 1 or 0.5.',
    created: 'Saved. Tables created: {tables}.',
    noneCreated: 'Saved. Every table was already there.',
    savedSheets: 'Saved: the history stays in this spreadsheet.',
    notChanged: 'Not changed — {reason}',
    readOnly: 'Only admins can change where the history is kept. Ask:',
  },
  es: {
    history: 'Historial',
    loading: 'Cargando…',
    intro:
      'Dónde guarda el cierre de mes el historial detallado. Una hoja de cálculo admite 10 millones de celdas (unos 9 meses de 100.000 filas de Meta); BigQuery, en su propio proyecto de Google Cloud, admite años.',
    inSheets: 'El historial se guarda en esta hoja de cálculo.',
    inBigQuery:
      'El historial se guarda en BigQuery: conjunto de datos {project}:{dataset} ({location}); cada consulta factura como máximo {cap} GB.',
    sheets: 'Esta hoja de cálculo',
    bigQuery: 'BigQuery',
    project: 'ID del proyecto de Google Cloud',
    dataset: 'ID del conjunto de datos',
    location: 'Ubicación del conjunto de datos',
    cap: 'Máximo que puede facturar una consulta (GB)',
    capHint: 'Cada consulta se prueba antes (ejecución de prueba) y se rechaza si supera este límite.',
    roles:
      'El conjunto de datos debe existir. Quien cierre un mes necesita roles/bigquery.dataEditor en el conjunto de datos y roles/bigquery.jobUser en el proyecto; el complemento pide una vez permiso para usar BigQuery.',
    advanced: 'Avanzado',
    apiBaseUrl: 'Dirección de BigQuery',
    save: 'Guardar',
    saving: 'Guardando… (creando las tablas que faltan)',
    badCap: 'Escriba el límite en GB, p. ej. 1 o 0,5.',
    created: 'Guardado. Tablas creadas: {tables}.',
    noneCreated: 'Guardado. Todas las tablas ya existían.',
    savedSheets: 'Guardado: el historial sigue en esta hoja de cálculo.',
    notChanged: 'Sin cambios: {reason}',
    readOnly: 'Solo los administradores pueden cambiar dónde se guarda el historial. Consulte a:',
  },
});

type T = Translate<keyof (typeof messages)['en']>;
const GB = 1e9;

function describe(t: T, store: HistoryStoreSetting, figures: string): string {
  if (store.kind === 'sheets') return t('inSheets');
  const cap = new Intl.NumberFormat(figures, { maximumFractionDigits: 3 }).format(
    store.maximumBytesBilled / GB,
  );
  return t('inBigQuery', { project: store.project, dataset: store.dataset, location: store.location, cap });
}

export function HistorySection({ spreadsheetLocale }: { spreadsheetLocale: string }) {
  const t = useMessages(messages);
  const language = useContext(LanguageContext);
  const figures = useContext(FigureLocaleContext);
  const task = useServerTask();
  const [view, setView] = useState<HistoryStoreView | null>(null);
  const [form, setForm] = useState({
    kind: 'sheets',
    project: '',
    dataset: '',
    location: 'US',
    cap: '1',
    apiBaseUrl: '',
  });
  const update = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }));

  const loaded = (next: HistoryStoreView) => {
    setView(next);
    const { store } = next;
    if (store.kind === 'bigquery')
      update({
        kind: 'bigquery',
        project: store.project,
        dataset: store.dataset,
        location: store.location,
        cap: String(store.maximumBytesBilled / GB).replace('.', separatorsOf(spreadsheetLocale).decimal),
        apiBaseUrl: store.apiBaseUrl,
      });
  };
  useEffect(
    () =>
      task.run(
        t('loading'),
        () => callServer('getHistoryStore'),
        (next) => {
          loaded(next);
          task.say('');
        },
      ),
    [],
  );
  if (!view)
    return (
      <details data-section="history">
        <summary>{t('history')}</summary>
        <Status task={task} />
      </details>
    );

  const save = (event: Event) => {
    event.preventDefault();
    let request: SetHistoryStoreRequest = { kind: 'sheets' };
    if (form.kind === 'bigquery') {
      const cap = readCost(form.cap, separatorsOf(spreadsheetLocale));
      if (!cap.ok || !cap.value) return task.say(t('badCap'), true);
      request = {
        kind: 'bigquery',
        project: form.project,
        dataset: form.dataset,
        location: form.location,
        maximumBytesBilled: Math.round(cap.value * GB),
        ...(form.apiBaseUrl ? { apiBaseUrl: form.apiBaseUrl } : {}),
      };
    }
    task.run(
      t('saving'),
      // The refusal's own words, said to leave the setting as it was.
      () =>
        callServer('setHistoryStore', request).catch((e: unknown) => {
          throw new Error(t('notChanged', { reason: serverFailureText(e, language) }));
        }),
      (next) => {
        loaded(next);
        task.say(
          next.store.kind === 'sheets'
            ? t('savedSheets')
            : next.createdTables.length
              ? t('created', { tables: next.createdTables.join(', ') })
              : t('noneCreated'),
        );
      },
    );
  };

  const choice = (kind: 'sheets' | 'bigquery') => (
    <div class="choice">
      <input
        type="radio"
        id={`history-${kind}`}
        name="historyStore"
        checked={form.kind === kind}
        onChange={() => update({ kind })}
      />
      <label for={`history-${kind}`}>{t(kind === 'sheets' ? 'sheets' : 'bigQuery')}</label>
    </div>
  );
  return (
    <details data-section="history">
      <summary>{t('history')}</summary>
      <p class="secondary">{t('intro')}</p>
      <p data-history-store>{describe(t, view.store, figures)}</p>
      {view.isAdmin ? (
        <form onSubmit={save}>
          <fieldset class="plain" disabled={task.busy}>
            {choice('sheets')}
            {choice('bigquery')}
            {form.kind === 'bigquery' && (
              <>
                <Field
                  name="project"
                  label={t('project')}
                  value={form.project}
                  onValue={(project) => update({ project })}
                />
                <Field
                  name="dataset"
                  label={t('dataset')}
                  value={form.dataset}
                  onValue={(dataset) => update({ dataset })}
                />
                <Field
                  name="location"
                  label={t('location')}
                  value={form.location}
                  onValue={(location) => update({ location })}
                />
                <Field
                  name="maximumBytesBilled"
                  inputMode="decimal"
                  label={t('cap')}
                  value={form.cap}
                  onValue={(cap) => update({ cap })}
                  hint={t('capHint')}
                />
                <p class="secondary">{t('roles')}</p>
                <details>
                  <summary>{t('advanced')}</summary>
                  <Field
                    name="apiBaseUrl"
                    label={t('apiBaseUrl')}
                    value={form.apiBaseUrl}
                    placeholder="https://bigquery.googleapis.com"
                    onValue={(apiBaseUrl) => update({ apiBaseUrl })}
                  />
                </details>
              </>
            )}
            <button type="submit">{t('save')}</button>
          </fieldset>
        </form>
      ) : (
        <p class="secondary">
          {t('readOnly')} {view.admins.join(', ')}
        </p>
      )}
      <Status task={task} />
      {view.isAdmin && view.store.kind === 'bigquery' && (
        <HistoryCopy key={`${view.store.project}.${view.store.dataset}`} />
      )}
    </details>
  );
}
