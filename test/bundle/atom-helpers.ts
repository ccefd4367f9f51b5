/** Shared by the Atom import bundle tests: a spreadsheet with the bundle loaded, and rows parsed from real export bytes. */
import type { AppsScriptRuntime } from '../../dev/runtime';
import { formatA1 } from '../../dev/runtime/a1';
import type { AtomParseResult } from '../../src/atom';
import { parseAtomExport } from '../../src/atom/parse';
import type { ImportAtomRowsRequest, ImportAtomRowsResult } from '../../src/rpc/contract';
import { csv, utf8 } from '../../dev/fixtures/atom-exports';
import { loadBundle } from '../../dev/runtime/testing/bundle';

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

/**
 * What the import remembers of each month's tables, read from its named ranges as the month close reads them
 * (settings.ts readMonthRanges): the group and campaign tables, null when the month has none, and their capacity.
 */
export function namedMonthRanges(rt: AppsScriptRuntime): Record<string, unknown> {
  const named = (name: string) => rt.spreadsheet.namedRanges.find((n) => n.name === name);
  const ref = (name: string) => {
    const n = named(name);
    return n ? { sheet: n.sheet.name, range: formatA1(n.box) } : null;
  };
  const out: Record<string, unknown> = {};
  for (const n of rt.spreadsheet.namedRanges) {
    const m = /^AtomBilling_Tables_(\d{4}_\d{2})$/.exec(n.name);
    if (!m) continue;
    out[m[1].replace('_', '-')] = {
      groups: ref(`AtomBilling_Groups_${m[1]}`),
      campaigns: ref(`AtomBilling_Campaigns_${m[1]}`),
      capacity: n.box.numRows - 1,
    };
  }
  return out;
}

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
