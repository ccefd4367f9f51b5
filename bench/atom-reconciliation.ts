/**
 * The Atom reconciliation's cost (run: npm run bench, after npm run build): a month of Atom's per-message log
 * (MESSAGES rows) imported through the built bundle in the offline runtime, then the month's reconciliation table
 * read, which evaluates the one BILLED_BREAKDOWN over "Atom conversations" and the per-day SUMIFS. Prints the
 * CUSTOM_FUNCTION execution's time against Sheets' 30-second limit for a custom function, and the whole
 * evaluation's wall time.
 */
import { performance } from 'node:perf_hooks';
import { strToU8 } from 'fflate';
import { parseAtomExport } from '../src/atom/parse';
import { atomBundle } from './bundle';

const MESSAGES = 100_000;
const CUSTOM_FUNCTION_LIMIT_S = 30;
const KINDS = ['Usuario', 'Servicio', 'Utilidad', 'Marketing', 'Servicio', 'Autenticación'];

/** Conversations of six messages: a customer writes, is answered, gets templates; spread over October. */
function csvBytes(): Uint8Array {
  const lines = ['ID Conversación;Fecha y hora;Teléfono;Tipo de mensaje;Grupo'];
  for (let i = 0; i < MESSAGES; i++) {
    const conversation = Math.floor(i / KINDS.length);
    const day = 1 + (conversation % 31);
    const second = (conversation * 7 + (i % KINDS.length) * 60) % 86400;
    const time = [second / 3600, (second / 60) % 60, second % 60].map((n) =>
      String(Math.floor(n)).padStart(2, '0'),
    );
    lines.push(
      [
        `C-${conversation}`,
        `${String(day).padStart(2, '0')}/10/2025 ${time.join(':')}`,
        `57300${String(conversation % 20000).padStart(7, '0')}`,
        KINDS[i % KINDS.length],
        ['Ventas', 'Soporte', 'Cobranza'][conversation % 3],
      ].join(';'),
    );
  }
  return strToU8(lines.join('\r\n') + '\r\n');
}

function main(): void {
  const parsed = parseAtomExport(csvBytes(), 'mensajes.csv');
  if (parsed.rows.length !== MESSAGES) throw new Error(`${parsed.rows.length} rows parsed`);
  const { rt, batches } = atomBundle(parsed.rows);
  batches.forEach((rows, index) =>
    rt.runFromSidebar('importAtomRows', {
      kind: parsed.kind,
      fileName: 'mensajes.csv',
      mapping: parsed.mapping,
      rows,
      batch: { index, count: batches.length },
    }),
  );

  const engine = rt.spreadsheet.engine;
  const host = engine.host!;
  const calls: number[] = [];
  engine.host = {
    names: () => host.names(),
    call: (name, args) => {
      const start = performance.now();
      try {
        return host.call(name, args);
      } finally {
        calls.push(performance.now() - start);
      }
    },
  };
  const start = performance.now();
  const shares = rt.spreadsheet
    .getValues("'Billing 2025-10'!W1:X500")
    .filter((r) => r[0] === 'Días que coinciden (de los días con unidades)');
  const wallMs = performance.now() - start;
  const units = rt.spreadsheet
    .getValues("'Atom billable units'!D3:D400")
    .reduce((s, r) => s + (typeof r[0] === 'number' ? r[0] : 0), 0);
  console.log(
    `(e) reconciliation of ${MESSAGES.toLocaleString('en')} messages (${batches.length} batches): ` +
      `${calls.length} BILLED_BREAKDOWN execution(s), ${(calls[0] / 1000).toFixed(1)} s of the ${CUSTOM_FUNCTION_LIMIT_S} s custom-function limit; ` +
      `whole evaluation (BILLED_BREAKDOWN + 31 days × 2 SUMIFS) ${(wallMs / 1000).toFixed(1)} s wall; ${units.toLocaleString('en')} charged units; share cell ${shares.length === 1 ? 'found' : 'MISSING'}`,
  );
}

main();
