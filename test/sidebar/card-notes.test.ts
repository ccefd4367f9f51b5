/**
 * The result card's notes come from the server as codes and values (issue 16.4): the sidebar words them in the
 * user's language, months by name, counts in the spreadsheet's locale.
 */
import type { MonthCloseNote } from '../../src/rpc/contract';
import { figureLocale, formatInstant, formatMoney } from '../../src/sidebar/format';
import { noteText } from '../../src/sidebar/month-close/card-notes';

const notes: MonthCloseNote[] = [
  { code: 'noData', month: '2025-10', kept: 7017 },
  { code: 'pastLookback', month: '2025-10', days: 19, kept: 1200 },
  { code: 'replaced', month: '2025-10', replaced: 7017, rows: 12 },
  { code: 'costKept', cell: 'Billing 2025-10!B7' },
  { code: 'rateCardPriced', source: 'rate card BRL 2025-10-01' },
  {
    code: 'otherMonthTable',
    what: 'campaigns',
    range: "'Billing 2025-10'!Y5:Z305",
    month: '2025-11',
    owner: '2025-10',
  },
];

it('words every note in Spanish for a Spanish user, counts as the es_CO sheet shows them', () => {
  expect(notes.map((note) => noteText(note, 'es', 'es-CO'))).toEqual([
    'Meta no devolvió datos de octubre de 2025; se conservaron las 7.017 filas guardadas.',
    'Meta ya no devuelve 19 día(s) de octubre de 2025 (fuera de su año de historial); se conservaron las 1.200 filas guardadas de esos días.',
    'La respuesta de Meta reemplazó las 7.017 filas guardadas de octubre de 2025 por 12.',
    'Se conservó el costo a distribuir escrito en Billing 2025-10!B7.',
    'Meta no informa costo para esta cuenta (línea de crédito de un socio): se valoró con las tarifas importadas (rate card BRL 2025-10-01).',
    "El rango de campañas 'Billing 2025-10'!Y5:Z305 es la tabla de Atom de octubre de 2025: noviembre de 2025 se distribuyó con los datos de octubre de 2025.",
  ]);
});

it('words the rate cards’ reason when it came as a code, else shows it as the server wrote it', () => {
  const noCard = {
    code: 'rateCardProblem',
    problem: 'no BRL rate card covers 2025-10-01 — …',
    detail: { code: 'noRateCard', currency: 'BRL', day: '2025-10-01' },
  } as const;
  expect(noteText(noCard, 'es', 'es-CO')).toBe(
    'Meta no informa costo para esta cuenta (línea de crédito de un socio), y ninguna tarifa BRL cubre el ' +
      '2025-10-01: importe en el panel Tarifas la tarifa BRL vigente en esa fecha o antes.',
  );
  expect(
    noteText({ code: 'rateCardProblem', problem: 'the BRL card has no row for Chad' }, 'es', 'es-CO'),
  ).toBe(
    'Meta no informa costo para esta cuenta (línea de crédito de un socio), y the BRL card has no row for Chad.',
  );
});

it('words them in English for an English user, with the spreadsheet locale’s separators', () => {
  expect(noteText(notes[0], 'en', 'es-CO')).toBe(
    'Meta returned no data for October 2025; the 7.017 stored rows were kept.',
  );
  expect(noteText(notes[5], 'en', 'en-US')).toBe(
    "The campaigns range 'Billing 2025-10'!Y5:Z305 is the Atom table of October 2025: November 2025 was split by October 2025’s campaigns.",
  );
});

it("formats figures in the spreadsheet's locale", () => {
  expect(figureLocale('es_CO')).toBe('es-CO');
  expect(figureLocale('en_US')).toBe('en-US');
  expect(figureLocale('not a locale!')).toBe('en-US');
  expect(formatMoney(figureLocale('es_CO'), 7017.5, 'BRL')).toBe('7.017,50 BRL');
  expect(formatMoney(figureLocale('en_US'), 7017.5, 'BRL')).toBe('7,017.50 BRL');
  expect(formatInstant('es-CO', '2025-11-03T14:05:00Z', 'America/Bogota')).toBe('3/11/2025, 09:05');
  expect(formatInstant('en-US', '2025-11-03T14:05:00Z', 'America/Bogota')).toBe('11/3/2025, 09:05');
});
