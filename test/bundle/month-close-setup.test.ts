/** getMonthCloseSetup, activateSheet and a Spanish-locale import through the built bundle (issue 9 points 1–2). */
import type { MonthCloseResult, MonthCloseSetup } from '../../src/rpc/contract';
import { connectedRuntime, DATASET, metaRuntime, useGraph } from './meta-helpers';
import { runImport, seedAtomSheets, WITH_ATOM } from './month-close-helpers';

// Each import runs real HTTP (a child process per fetchAll) and the formula engine: minutes, not seconds, under load.
jest.setTimeout(180_000);

const server = useGraph();

describe('getMonthCloseSetup', () => {
  it('before connecting: the default month and the document, not connected', () => {
    const { rt, clock } = metaRuntime();
    clock.set(Date.UTC(2025, 10, 3, 15)); // 3 November in Bogota: still closing October
    const setup = rt.runFromSidebar('getMonthCloseSetup') as MonthCloseSetup;
    expect(setup).toMatchObject({
      defaultMonth: '2025-10',
      timeZone: 'America/Bogota',
      connected: false,
      currency: '',
      lines: [],
      groups: null,
      campaigns: null,
      lastImports: [],
      graceDays: 5,
      isAdmin: false,
    });
    expect(setup.dailyRefresh).toEqual({
      enabled: false,
      hour: null,
      timeZone: 'America/Bogota',
      canChange: false,
    });
  });

  it('after imports: the lines, the Atom ranges of the last import and the latest import of each month', () => {
    const { rt } = connectedRuntime(server());
    seedAtomSheets(rt);
    runImport(rt, { month: '2025-10' });
    runImport(rt, { month: '2025-10', ...WITH_ATOM, lines: [DATASET.lines[1].displayPhoneNumber] });
    runImport(rt, { month: '2025-11', ...WITH_ATOM, lines: [DATASET.lines[1].displayPhoneNumber] });
    const setup = rt.runFromSidebar('getMonthCloseSetup') as MonthCloseSetup;
    expect(setup.defaultMonth).toBe('2025-11');
    expect(setup.connected).toBe(true);
    expect(setup.currency).toBe('BRL');
    expect(setup.lines.map((l) => l.displayPhoneNumber)).toEqual(
      DATASET.lines.map((l) => l.displayPhoneNumber),
    );
    expect(setup.groups).toEqual({ sheet: 'Atom groups', range: 'A1:B4' });
    expect(setup.campaigns).toEqual({ sheet: 'Atom campaigns', range: 'A:B' });
    expect(setup.isAdmin).toBe(true);
    expect(setup.lastImports.map((e) => [e.month, e.lines, e.status, e.scheduled, e.user])).toEqual([
      ['2025-11', [DATASET.lines[1].displayPhoneNumber], 'estimate', false, 'ana@example.com'],
      ['2025-10', [DATASET.lines[1].displayPhoneNumber], 'closed', false, 'ana@example.com'],
    ]);
    // Import times are instants in ISO 8601 (the runtime's clock moves with modelled call and fetch time).
    expect(setup.lastImports[0].importedAt).toMatch(/^2025-11-15T15:\d\d:\d\d\.\d{3}Z$/);
  });
});

describe('a Spanish spreadsheet, and the result card’s links', () => {
  it('headers in Spanish, same columns; activateSheet shows a written sheet', () => {
    const { rt } = connectedRuntime(server(), { locale: 'es_CO' });
    seedAtomSheets(rt);
    const result = runImport(rt, { month: '2025-10', ...WITH_ATOM }) as MonthCloseResult;
    expect(rt.spreadsheet.getValues("'Meta data'!A1:K1")[0]).toEqual([
      'Día',
      'Línea',
      'País',
      'Modelo de precio',
      'Categoría',
      'Tipo',
      'Nivel',
      'Volumen',
      'Costo',
      'Moneda',
      'Importado el',
    ]);
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!A3:A4")).toEqual([
      ['Unidades facturadas'],
      ['Se factura por'],
    ]);
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!A17:A18")).toEqual([['Grupo'], ['Ventas']]);
    expect(rt.spreadsheet.getValues("'Imports'!J2")).toEqual([['Cerrado']]);
    expect(rt.runFromSidebar('activateSheet', result.sheets.summary.sheetId)).toBeNull();
    expect(rt.spreadsheet.activeSheet.name).toBe('Billing 2025-10');
    expect(() => rt.runFromSidebar('activateSheet', 987654)).toThrow('That sheet no longer exists');
  });

  it('a spreadsheet switched to English gets English headers on the next import', () => {
    const { rt } = connectedRuntime(server(), { locale: 'es_CO' });
    runImport(rt, { month: '2025-10' });
    rt.spreadsheet.locale = 'en_US';
    runImport(rt, { month: '2025-10' });
    expect(rt.spreadsheet.getValues("'Meta data'!A1:B1")).toEqual([['Day', 'Line']]);
    expect(rt.spreadsheet.getValues("'Imports'!A1:B1")).toEqual([['Imported at', 'User']]);
    expect(rt.spreadsheet.getValues("'Imports'!J2:J3")).toEqual([['Cerrado'], ['Closed']]);
    expect(rt.spreadsheet.getValues("'Billing 2025-10'!A3")).toEqual([['Billed units']]);
  });
});
