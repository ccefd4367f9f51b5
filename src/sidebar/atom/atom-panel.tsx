/**
 * The "Atom data" panel (issue 10): Atom's report exports dropped or picked (several at once), or a sheet that
 * already holds one, parsed here in the browser; a preview with the detected columns, a dropdown per field to
 * correct them; then Import, in batches small enough for google.script.run, with progress.
 */
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { AtomField, AtomMapping, AtomParseResult } from '../../atom';
// The modules themselves, not src/atom's index: the sidebar bundle carries only what the panel runs.
import { splitIntoBatches } from '../../atom/batches';
import { ATOM_FIELDS } from '../../atom/fields';
import { parseAtomCells, parseAtomExport } from '../../atom/parse';
import type { AtomImportKind, AtomImportSetup, ImportAtomRowsResult } from '../../rpc/contract';
import type { Panel } from '../panel';
import { callServer, failureText } from '../rpc-client';
import { formatCount } from '../format';
import {
  FigureLocaleContext,
  Status,
  useDisabledReason,
  useId,
  useMessages,
  useReveal,
  useServerTask,
} from '../ui';
import { atomMessages, fieldLabels, kindLabels } from './messages';

/** A file (or sheet) the user brought, with what parsing it gave. */
interface Source {
  key: number;
  name: string;
  bytes: Uint8Array | null;
  cells: (string | number | boolean)[][] | null;
  sheet?: string;
  /** The user's corrections, on top of detection (and of the mapping remembered for the kind). */
  mapping: AtomMapping;
  result: AtomParseResult | null;
  error: string | null;
  imported: ImportAtomRowsResult | null;
}

const PREVIEW_ROWS = 5;
let nextKey = 0;

function parseSource(source: Source, remembered: AtomImportSetup['mappings']): Source {
  const parse = (mapping: AtomMapping): AtomParseResult =>
    source.bytes
      ? parseAtomExport(source.bytes, source.name, { sheet: source.sheet, mapping })
      : parseAtomCells(source.cells ?? [], source.name, { mapping });
  try {
    let result = parse(source.mapping);
    const saved = result.kind === 'unknown' ? undefined : remembered[result.kind];
    if (saved && Object.keys(source.mapping).length === 0) {
      // The remembered mapping applies to the headers this file has; detection covers the rest.
      const usable: AtomMapping = {};
      for (const f of ATOM_FIELDS)
        if (saved[f] !== undefined && (saved[f] === '' || result.header.includes(saved[f]!)))
          usable[f] = saved[f];
      result = parse(usable);
    }
    return { ...source, result, error: null };
  } catch (e) {
    return { ...source, result: null, error: failureText(e) };
  }
}

function MappingSelect(props: {
  field: AtomField;
  header: string[];
  value: string;
  onChange(header: string): void;
}) {
  const t = useMessages(fieldLabels);
  const n = useMessages(atomMessages);
  const id = useId('map');
  return (
    <div class="field mapping">
      <label for={id}>{t(props.field)}</label>
      <select
        id={id}
        name={`map-${props.field}`}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{n('notUsed')}</option>
        {props.header
          .filter((h) => h !== '')
          .map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
      </select>
    </div>
  );
}

function Preview({ result }: { result: AtomParseResult }) {
  const t = useMessages(fieldLabels);
  const n = useMessages(atomMessages);
  const fields = ATOM_FIELDS.filter((f) => result.mapping[f] !== undefined);
  if (result.rows.length === 0) return <p class="secondary">{n('noRows')}</p>;
  return (
    <div class="preview" tabIndex={0} aria-label={n('preview')}>
      <table>
        <thead>
          <tr>
            {fields.map((f) => (
              <th key={f}>{t(f)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.slice(0, PREVIEW_ROWS).map((row, i) => (
            <tr key={i}>
              {fields.map((f) => (
                <td key={f}>{String(row[f])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SourceCard(props: { source: Source; onChange(source: Source): void; onRemove(): void }) {
  const { source } = props;
  const t = useMessages(atomMessages);
  const kinds = useMessages(kindLabels);
  const figures = useContext(FigureLocaleContext);
  const sheetId = useId('sheet');
  // A file that cannot be read says so where the user looks, even when its card lands below the others.
  const failure = useRef<HTMLParagraphElement>(null);
  useReveal(failure, source.error);
  const r = source.result;
  const dates = r?.dates
    ? t(r.dates.order === 'dayFirst' ? 'dayFirst' : 'monthFirst') +
      (r.dates.decidedBy === 'data' ? ` (${t('byData')})` : '')
    : '';
  return (
    <article class="source" data-source={source.name}>
      <h3>{source.name}</h3>
      {source.error !== null && (
        <p ref={failure} class="error" role="alert">
          {source.error}
        </p>
      )}
      {r && (
        <>
          <dl>
            <dt>{t('report')}</dt>
            <dd data-kind={r.kind}>{kinds(r.kind)}</dd>
            <dt>{t('rows')}</dt>
            <dd>{formatCount(figures, r.rows.length)}</dd>
            {r.rejected.length > 0 && (
              <>
                <dt>{t('rejected')}</dt>
                <dd class="error">{formatCount(figures, r.rejected.length)}</dd>
              </>
            )}
            {dates && (
              <>
                <dt>{t('dates')}</dt>
                <dd>{dates}</dd>
              </>
            )}
            {source.imported && (
              <>
                <dt>{t('imported')}</dt>
                <dd data-imported>
                  {t('importedRows', {
                    rows: formatCount(figures, source.imported.rowsWritten),
                    months: source.imported.months.join(', '),
                  })}
                </dd>
                {source.imported.bytesProcessed !== undefined && (
                  <dd data-imported-bigquery>
                    {t('importedBigQuery', {
                      bytes: formatCount(figures, source.imported.bytesProcessed),
                    })}
                  </dd>
                )}
              </>
            )}
          </dl>
          {r.sheets.length > 1 && (
            <div class="field">
              <label for={sheetId}>{t('sheet')}</label>
              <select
                id={sheetId}
                value={source.sheet ?? r.sheets[0]}
                onChange={(e) => props.onChange({ ...source, sheet: e.currentTarget.value, mapping: {} })}
              >
                {r.sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
          )}
          {r.warnings.length > 0 && (
            <ul class="warnings">
              {r.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {r.rejected.length > 0 && (
            <details>
              <summary>{t('rejectedRows')}</summary>
              <ul>
                {r.rejected.slice(0, 20).map((x) => (
                  <li key={x.row}>{t('rowReason', { row: x.row, reason: x.reason })}</li>
                ))}
              </ul>
            </details>
          )}
          <Preview result={r} />
          <details open={r.kind === 'unknown'}>
            <summary>{t('columns')}</summary>
            {ATOM_FIELDS.map((f) => (
              <MappingSelect
                key={f}
                field={f}
                header={r.header}
                value={r.mapping[f] ?? ''}
                onChange={(header) => props.onChange({ ...source, mapping: { ...r.mapping, [f]: header } })}
              />
            ))}
            {r.unknownColumns.length > 0 && (
              <p class="secondary">{t('unusedColumns', { columns: r.unknownColumns.join(', ') })}</p>
            )}
          </details>
        </>
      )}
      <button type="button" class="link" onClick={props.onRemove}>
        {t('remove', { name: source.name })}
      </button>
    </article>
  );
}

function AtomPanel() {
  const t = useMessages(atomMessages);
  const task = useServerTask();
  const [setup, setSetup] = useState<AtomImportSetup | null>(null);
  const [sources, setSources] = useState<Source[]>([]);
  const [sheetName, setSheetName] = useState('');
  const [month, setMonth] = useState('');
  const [closed, setClosed] = useState<'all' | 'manual'>('all');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const ids = { files: useId('files'), sheet: useId('pick'), month: useId('month'), closed: useId('closed') };

  useEffect(() => {
    task.run(
      t('loading'),
      () => callServer('getAtomImportSetup'),
      (s) => {
        setSetup(s);
        setClosed(s.closedConversations);
        task.say('');
      },
    );
  }, []);

  const add = (added: Source[]) =>
    setSources((list) => [...list, ...added.map((s) => parseSource(s, setup?.mappings ?? {}))]);
  const update = (source: Source) =>
    setSources((list) =>
      list.map((s) =>
        s.key === source.key ? parseSource({ ...source, imported: null }, setup?.mappings ?? {}) : s,
      ),
    );

  async function addFiles(files: FileList | null): Promise<void> {
    if (!files) return;
    const read = await Promise.all(
      Array.from(files).map(async (file): Promise<Source> => ({
        key: nextKey++,
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
        cells: null,
        mapping: {},
        result: null,
        error: null,
        imported: null,
      })),
    );
    add(read);
  }

  function readSheet(): void {
    if (!sheetName) return;
    task.run(
      t('readingSheet'),
      () => callServer('readAtomSheet', sheetName),
      (sheet) => {
        add([
          {
            key: nextKey++,
            name: sheet.name,
            bytes: null,
            cells: sheet.cells,
            mapping: {},
            result: null,
            error: null,
            imported: null,
          },
        ]);
        task.say('');
      },
    );
  }

  const importable = sources.filter(
    (s) => s.result && s.result.kind !== 'unknown' && s.result.rows.length > 0 && !s.imported,
  );
  const needsMonth = importable.some((s) => s.result!.rows.some((row) => row.start === ''));
  const importWhy = useDisabledReason(
    importable.length
      ? needsMonth && !month
        ? t('whyNoMonth')
        : ''
      : t(sources.every((s) => s.imported) ? 'whyAllImported' : 'whyNothingToImport'),
  );
  const readWhy = useDisabledReason(sheetName ? '' : t('whyNoSheet'));

  async function importAll(): Promise<ImportAtomRowsResult[]> {
    const plans = importable.map((s) => ({
      source: s,
      batches: splitIntoBatches(s.result!.rows, setup!.batchRows),
    }));
    const total = plans.reduce((n, p) => n + p.batches.length, 0);
    let done = 0;
    setProgress({ done, total });
    const results: ImportAtomRowsResult[] = [];
    for (const { source, batches } of plans) {
      for (let index = 0; index < batches.length; index++) {
        task.say(t('sending', { name: source.name, batch: index + 1, count: batches.length }));
        const result = await callServer('importAtomRows', {
          kind: source.result!.kind as AtomImportKind,
          month: month || null,
          fileName: source.name,
          mapping: source.result!.mapping,
          rows: batches[index],
          batch: { index, count: batches.length },
          closedConversations: closed,
        });
        setProgress({ done: ++done, total });
        if (result.committed) {
          results.push(result);
          setSources((list) => list.map((s) => (s.key === source.key ? { ...s, imported: result } : s)));
          // The server remembered this mapping for the kind: the next file of the kind starts from it too.
          const kind = source.result!.kind as AtomImportKind;
          const mapping = source.result!.mapping;
          setSetup((s) => s && { ...s, mappings: { ...s.mappings, [kind]: mapping } });
        }
      }
    }
    return results;
  }

  const startImport = () =>
    task.run(t('importing'), importAll, (results) => {
      setProgress(null);
      const months = [...new Set(results.flatMap((r) => r.months))].sort();
      task.say(t('done', { files: results.length, months: months.join(', ') }));
    });

  if (!setup) return <Status task={task} />;
  return (
    <fieldset class="plain" disabled={task.busy}>
      <div
        class={dragging ? 'dropzone over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void addFiles(e.dataTransfer?.files ?? null);
        }}
      >
        <label for={ids.files}>{t('files')}</label>
        <input
          id={ids.files}
          type="file"
          multiple
          accept=".csv,.tsv,.txt,.xlsx"
          onChange={(e) => {
            const input = e.currentTarget;
            void addFiles(input.files).then(() => (input.value = ''));
          }}
        />
        <p class="secondary">{t('drop')}</p>
      </div>
      {setup.sheets.length > 0 && (
        <div class="field">
          <label for={ids.sheet}>{t('pickSheet')}</label>
          <div class="inline">
            <select id={ids.sheet} value={sheetName} onChange={(e) => setSheetName(e.currentTarget.value)}>
              <option value="">{t('chooseSheet')}</option>
              {setup.sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <button type="button" onClick={readSheet} {...readWhy.props}>
              {t('readSheet')}
            </button>
          </div>
          {readWhy.note}
        </div>
      )}
      {sources.map((s) => (
        <SourceCard
          key={s.key}
          source={s}
          onChange={update}
          onRemove={() => setSources((list) => list.filter((x) => x.key !== s.key))}
        />
      ))}
      {sources.length > 0 && (
        <>
          {needsMonth && (
            <div class="field">
              <label for={ids.month}>{t('month')}</label>
              <input
                id={ids.month}
                type="month"
                value={month}
                onInput={(e) => setMonth(e.currentTarget.value)}
              />
              <p class="secondary">{t('monthHint')}</p>
            </div>
          )}
          <div class="field">
            <label for={ids.closed}>{t('closedCount')}</label>
            <select
              id={ids.closed}
              value={closed}
              onChange={(e) => setClosed(e.currentTarget.value as 'all' | 'manual')}
            >
              <option value="all">{t('closedAll')}</option>
              <option value="manual">{t('closedManual')}</option>
            </select>
          </div>
          <button type="button" class="action" onClick={startImport} {...importWhy.props}>
            {t('import')}
          </button>
          {importWhy.note}
          {progress && <progress max={progress.total} value={progress.done} aria-label={t('progress')} />}
        </>
      )}
      <Status task={task} />
    </fieldset>
  );
}

export const atomPanel: Panel = {
  id: 'atomPanel',
  title: { en: 'Atom data', es: 'Datos de Atom' },
  Component: AtomPanel,
};
