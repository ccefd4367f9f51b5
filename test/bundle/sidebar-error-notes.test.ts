/**
 * Issue 16.4: server errors the sidebar shows are worded in the user's language. The built bundle appends a note
 * (a code and its values) to the English message of those it knows; the sidebar words the note (server-errors.ts).
 */
import { loadBundle } from '../../dev/runtime/testing/bundle';
import { serverFailureText } from '../../src/sidebar/server-errors';
import { connectedRuntime, useGraph } from './meta-helpers';
import { runImport } from './month-close-helpers';

/** What the sidebar's failure handler gets from a call: the Error google.script.run hands it. */
function failure(call: () => unknown): Error {
  try {
    call();
  } catch (e) {
    return e as Error;
  }
  throw new Error('the call did not fail');
}

jest.setTimeout(120_000);

it('a deleted sheet, a month close without Meta and a settings change without admin, in both languages', () => {
  const user = { email: 'ana@example.com', locale: 'es_CO' };
  const rt = loadBundle({ user });

  const gone = failure(() => rt.runFromSidebar('activateSheet', 987654));
  expect(serverFailureText(gone, 'es')).toBe('Esa hoja ya no existe: vuelva a ejecutar la importación.');
  expect(serverFailureText(gone, 'en')).toBe('That sheet no longer exists — run the import again.');

  const notConnected = failure(() => rt.runFromSidebar('runMonthClose', { month: '2025-10' }));
  expect(serverFailureText(notConnected, 'es')).toMatch(
    /^Sin conexión: esta hoja de cálculo no está conectada a Meta/,
  );

  const noAdmin = failure(() => rt.runFromSidebar('setConsolidationGrace', 10));
  expect(serverFailureText(noAdmin, 'es')).toBe(
    'Aún no hay administrador: la primera persona que conecte Meta será administradora.',
  );
  expect(serverFailureText(noAdmin, 'en')).toBe(
    'There is no admin yet: the first person who connects to Meta becomes admin.',
  );
});

it('admins are named in the sentence of the language; a failure without a note is shown as the server wrote it', () => {
  const rt = loadBundle({ user: { email: 'bob@example.com', locale: 'es' } });
  rt.properties.document.set(
    'atomBilling.meta.admins',
    JSON.stringify(['ana@example.com', 'carl@example.com']),
  );
  const refusal = failure(() => rt.runFromSidebar('setConsolidationGrace', 10));
  expect(serverFailureText(refusal, 'es')).toBe(
    'Solo un administrador de la conexión con Meta de esta hoja puede cambiarla: pídaselo a ana@example.com o carl@example.com.',
  );
  expect(serverFailureText(refusal, 'en')).toBe(
    'Only an admin of this spreadsheet’s Meta connection can change it — ask ana@example.com or carl@example.com.',
  );

  const plain = failure(() => rt.runFromSidebar('addAdmin', 'not an email'));
  expect(serverFailureText(plain, 'es')).toBe('"not an email" is not an email address');
});

describe('a connected spreadsheet', () => {
  const server = useGraph();

  it('a range on a sheet that does not exist, or past its edge, and an import already running', () => {
    const { rt } = connectedRuntime(server());
    const noSheet = failure(() =>
      runImport(rt, { month: '2025-10', groups: { sheet: 'Nope', range: 'A1:B3' } }),
    );
    expect(serverFailureText(noSheet, 'es')).toBe('La hoja “Nope” del rango de grupos no existe.');
    expect(serverFailureText(noSheet, 'en')).toBe('The groups sheet “Nope” does not exist.');
    rt.spreadsheet.insertSheet('Atom campañas');
    const outside = failure(() =>
      runImport(rt, { month: '2025-10', campaigns: { sheet: 'Atom campañas', range: 'A1:B5000' } }),
    );
    expect(serverFailureText(outside, 'es')).toBe(
      'El rango de campañas A1:B5000 queda fuera de la hoja “Atom campañas”.',
    );

    const release = rt.holdDocumentLock();
    const busy = failure(() => runImport(rt, { month: '2025-10' }));
    release();
    expect(serverFailureText(busy, 'es')).toBe(
      'Hay otra importación en curso en esta hoja de cálculo: inténtelo de nuevo cuando termine.',
    );
  });
});
