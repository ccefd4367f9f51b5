/** A Meta connection as saveConnection stores it, with ana as its admin: panels that need one but no Graph call. */
import type { AppsScriptRuntime } from '../../dev/runtime';

export const STORED_LINE = '+55 11 4000 0001';

export function seedStoredConnection(rt: AppsScriptRuntime): void {
  rt.properties.document.set(
    'atomBilling.meta.connection',
    JSON.stringify({
      wabaId: '102290129340398',
      token: 'EAAG-x',
      apiVersion: 'v27.0',
      graphBaseUrl: 'https://graph.facebook.com',
      wabaName: 'Atom Demo LatAm',
      currency: 'BRL',
      timezoneId: '1',
      lines: [{ id: '1', displayPhoneNumber: STORED_LINE, verifiedName: 'Atom BR' }],
    }),
  );
  rt.properties.document.set('atomBilling.meta.admins', JSON.stringify(['ana@example.com']));
}
