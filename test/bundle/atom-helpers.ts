/** Shared by the Atom import bundle tests: a spreadsheet with the bundle loaded, and rows parsed from real export bytes. */
import type { AppsScriptRuntime } from '../../dev/runtime';
import { parseAtomExport, type AtomParseResult } from '../../src/atom';
import type { ImportAtomRowsRequest, ImportAtomRowsResult } from '../../src/rpc/contract';
import { csv, utf8 } from '../atom/fixtures';
import { loadBundle } from '../support/bundle';

export function atomRuntime(timeZone = 'America/Bogota', locale = 'es_CO'): AppsScriptRuntime {
  return loadBundle({ spreadsheet: { timeZone, locale }, user: { email: 'ana@example.com', locale: 'es' } });
}

export function parsedCsv(rows: string[][], fileName: string, delimiter = ';'): AtomParseResult {
  return parseAtomExport(utf8(csv(rows, delimiter)), fileName);
}

/** Sends a parsed file the way the sidebar does: batches of `batchRows`, in order. */
export function importParsed(
  rt: AppsScriptRuntime,
  parsed: AtomParseResult,
  fileName: string,
  extra: Partial<ImportAtomRowsRequest> = {},
  batchRows = 5000,
): ImportAtomRowsResult {
  const count = Math.max(1, Math.ceil(parsed.rows.length / batchRows));
  let last: ImportAtomRowsResult | undefined;
  for (let index = 0; index < count; index++) {
    last = rt.runFromSidebar('importAtomRows', {
      kind: parsed.kind,
      fileName,
      mapping: parsed.mapping,
      rows: parsed.rows.slice(index * batchRows, (index + 1) * batchRows),
      batch: { index, count },
      ...extra,
    }) as ImportAtomRowsResult;
  }
  return last!;
}

export const AUDIT_HEADER = [
  'ID Conversación',
  'Fecha de inicio',
  'Contacto',
  'Grupo',
  'Agente',
  'Tipificación',
  'Tipo de cierre',
  'Origen',
  'Campaña',
];

/** Atom's outbound report as exported (campaign, conversations): two campaigns. */
export const campaignsCsv = (): AtomParseResult =>
  parsedCsv(
    [
      ['Campaña', 'Conversaciones'],
      ['Black Friday', '3'],
      ['Bienvenida', '1'],
    ],
    'campañas.csv',
  );
