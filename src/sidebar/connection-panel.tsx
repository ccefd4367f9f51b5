/**
 * The Meta connection panel: connect (WABA id + token, validated by the server with Meta), then the account's
 * name, currency, billing time zone and lines; Disconnect and the admins list for admins; read-only for others.
 * The token field is a password input that is emptied after every attempt; the server never sends the token back.
 */
import { useEffect, useState } from 'preact/hooks';
import type { MetaConnectionView } from '../rpc/contract';
import { defineMessages } from './i18n';
import type { Panel } from './panel';
import { callServer } from './rpc-client';
import { Facts, Field, Status, useMessages, useServerTask, type ServerTask, type Translate } from './ui';

const messages = defineMessages({
  en: {
    loading: 'Loading…',
    wabaId: 'WhatsApp Business Account id',
    token: 'System user access token',
    tokenHelp: 'Kept in this spreadsheet for every editor’s formulas; it is never shown again.',
    advanced: 'Advanced',
    apiVersion: 'Graph API version',
    graphBaseUrl: 'Graph address',
    connect: 'Connect',
    checking: 'Checking with Meta…',
    working: 'Saving…',
    connected: 'Connected.',
    notConnected:
      'Not connected. An admin connects this spreadsheet once; then every editor’s META_* formulas use it.',
    wabaName: 'Account',
    currency: 'Currency',
    brlDeadline:
      'Meta bills this Brazilian account in {currency}: Brazil-sold-to businesses must move every WhatsApp account to BRL by 30 June 2027 — from 1 July 2027 Meta stops delivering for accounts not in BRL. Meta’s currency migration makes a new account: connect it here once done.',
    formerAccounts: 'Earlier accounts on these numbers',
    formerHelp:
      'Meta moved these numbers from the accounts above (a currency change makes a new account). Their days are still imported, in their own currency, and never added to another currency.',
    billingTimeZone: 'Billing time zone',
    zoneFromSpreadsheet:
      'Meta’s time zone for this account is not known, so days are read in the spreadsheet’s zone.',
    zoneUnconfirmed:
      'Meta’s time zone id for this account is mapped from an unofficial list; check the zone against Meta Business Settings.',
    tokenHint: 'Token',
    lines: 'Lines',
    noLines: 'This account has no phone numbers.',
    disconnect: 'Disconnect',
    disconnected: 'Disconnected.',
    replace: 'Change token or account',
    admins: 'Admins',
    adminEmail: 'Email of the new admin',
    addAdmin: 'Add admin',
    remove: 'Remove',
    removeAdmin: 'Remove {email}',
    readOnly: 'Only admins can change this connection. Ask:',
  },
  es: {
    loading: 'Cargando…',
    wabaId: 'Id de la cuenta de WhatsApp Business',
    token: 'Token de acceso del usuario del sistema',
    tokenHelp: 'Se guarda en esta hoja para las fórmulas de todos los editores; no se vuelve a mostrar.',
    advanced: 'Avanzado',
    apiVersion: 'Versión de Graph API',
    graphBaseUrl: 'Dirección de Graph',
    connect: 'Conectar',
    checking: 'Verificando con Meta…',
    working: 'Guardando…',
    connected: 'Conectado.',
    notConnected:
      'Sin conexión. Un administrador conecta esta hoja una vez; luego las fórmulas META_* de todos los editores la usan.',
    wabaName: 'Cuenta',
    currency: 'Moneda',
    brlDeadline:
      'Meta factura esta cuenta brasileña en {currency}: las empresas con país de facturación Brasil deben pasar todas sus cuentas de WhatsApp a BRL antes del 30 de junio de 2027; desde el 1 de julio de 2027 Meta deja de entregar mensajes de las cuentas que no estén en BRL. La migración de moneda de Meta crea una cuenta nueva: conéctela aquí cuando termine.',
    formerAccounts: 'Cuentas anteriores de estos números',
    formerHelp:
      'Meta pasó estos números desde las cuentas de arriba (un cambio de moneda crea una cuenta nueva). Sus días se siguen importando, en su propia moneda, y nunca se suman a otra moneda.',
    billingTimeZone: 'Zona horaria de facturación',
    zoneFromSpreadsheet:
      'No se conoce la zona horaria de Meta para esta cuenta; los días se leen en la zona de la hoja.',
    zoneUnconfirmed:
      'La zona horaria de Meta para esta cuenta sale de una lista no oficial; compruébela en la configuración del negocio de Meta.',
    tokenHint: 'Token',
    lines: 'Líneas',
    noLines: 'Esta cuenta no tiene números de teléfono.',
    disconnect: 'Desconectar',
    disconnected: 'Desconectado.',
    replace: 'Cambiar token o cuenta',
    admins: 'Administradores',
    adminEmail: 'Correo del nuevo administrador',
    addAdmin: 'Agregar administrador',
    remove: 'Quitar',
    removeAdmin: 'Quitar a {email}',
    readOnly: 'Solo los administradores pueden cambiar esta conexión. Consulte a:',
  },
});

type T = Translate<keyof (typeof messages)['en']>;

function ConnectForm({
  t,
  task,
  onConnected,
}: {
  t: T;
  task: ServerTask;
  onConnected(view: MetaConnectionView): void;
}) {
  const [form, setForm] = useState({ wabaId: '', token: '', apiVersion: '', graphBaseUrl: '' });
  const bind = (name: keyof typeof form) => ({
    name,
    label: t(name),
    value: form[name],
    onValue: (value: string) => setForm((f) => ({ ...f, [name]: value })),
  });
  const submit = (event: Event) => {
    event.preventDefault();
    const request = {
      wabaId: form.wabaId,
      token: form.token,
      apiVersion: form.apiVersion.trim() || undefined,
      graphBaseUrl: form.graphBaseUrl.trim() || undefined,
    };
    setForm((f) => ({ ...f, token: '' }));
    task.run(t('checking'), () => callServer('saveConnection', request), onConnected);
  };
  return (
    <form onSubmit={submit}>
      <Field {...bind('wabaId')} inputMode="numeric" />
      <Field {...bind('token')} type="password" hint={t('tokenHelp')} />
      <details>
        <summary>{t('advanced')}</summary>
        <Field {...bind('apiVersion')} placeholder="v26.0" />
        <Field {...bind('graphBaseUrl')} placeholder="https://graph.facebook.com" />
      </details>
      <button type="submit" class="action">
        {t('connect')}
      </button>
    </form>
  );
}

function Admins({
  t,
  task,
  view,
  onAdmins,
}: {
  t: T;
  task: ServerTask;
  view: MetaConnectionView;
  onAdmins(admins: string[]): void;
}) {
  const [email, setEmail] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    task.run(
      t('working'),
      () => callServer('addAdmin', email),
      (admins) => {
        setEmail('');
        onAdmins(admins);
      },
    );
  };
  return (
    <section data-section="admins">
      <h3>{t('admins')}</h3>
      <ul>
        {view.admins.map((admin) => (
          <li key={admin}>
            <span>{admin}</span>{' '}
            {view.isAdmin && (
              <button
                type="button"
                aria-label={t('removeAdmin', { email: admin })}
                onClick={() => task.run(t('working'), () => callServer('removeAdmin', admin), onAdmins)}
              >
                {t('remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {view.isAdmin && (
        <form onSubmit={add}>
          <Field label={t('adminEmail')} name="adminEmail" type="email" value={email} onValue={setEmail} />
          <button type="submit">{t('addAdmin')}</button>
        </form>
      )}
    </section>
  );
}

function ConnectionPanel() {
  const t = useMessages(messages);
  const task = useServerTask();
  // undefined until the server has answered.
  const [view, setView] = useState<MetaConnectionView | null | undefined>(undefined);
  const show = (next: MetaConnectionView | null, message: string) => {
    setView(next);
    task.say(message);
  };
  useEffect(
    () =>
      task.run(
        t('loading'),
        () => callServer('getConnection'),
        (v) => show(v, ''),
      ),
    [],
  );

  const connected = (next: MetaConnectionView) => show(next, t('connected'));
  let body = null;
  if (view === null) {
    body = (
      <>
        <p class="secondary">{t('notConnected')}</p>
        <ConnectForm t={t} task={task} onConnected={connected} />
      </>
    );
  } else if (view) {
    body = (
      <>
        <Facts
          rows={[
            [t('wabaName'), view.wabaName],
            [t('wabaId'), view.wabaId],
            [t('currency'), view.currency],
            [t('billingTimeZone'), view.timeZone],
            [t('tokenHint'), view.tokenHint],
          ]}
        />
        {view.formerAccounts.length > 0 && (
          <>
            <h3>{t('formerAccounts')}</h3>
            <ul data-section="former-accounts">
              {view.formerAccounts.map((f) => (
                <li key={f.wabaId}>{`${f.wabaName} (${f.wabaId}) — ${f.currency}`}</li>
              ))}
            </ul>
            <p class="secondary">{t('formerHelp')}</p>
          </>
        )}
        {needsBrl(view) && (
          <p class="warnings" role="alert" data-section="brl-deadline">
            {t('brlDeadline', { currency: view.currency })}
          </p>
        )}
        {view.zoneConfidence !== 'confirmed' && (
          <p class="secondary">
            {t(view.zoneConfidence === 'fallback' ? 'zoneFromSpreadsheet' : 'zoneUnconfirmed')}
          </p>
        )}
        <h3>{t('lines')}</h3>
        {view.lines.length ? (
          <ul data-section="lines">
            {view.lines.map((line) => (
              <li key={line.id}>{`${line.displayPhoneNumber} — ${line.verifiedName}`}</li>
            ))}
          </ul>
        ) : (
          <p class="secondary">{t('noLines')}</p>
        )}
        {view.isAdmin ? (
          <>
            <button
              type="button"
              onClick={() =>
                task.run(
                  t('working'),
                  () => callServer('clearConnection'),
                  () => show(null, t('disconnected')),
                )
              }
            >
              {t('disconnect')}
            </button>
            <details>
              <summary>{t('replace')}</summary>
              <ConnectForm t={t} task={task} onConnected={connected} />
            </details>
          </>
        ) : (
          <p class="secondary">
            {t('readOnly')} {view.admins.join(', ')}
          </p>
        )}
        <Admins t={t} task={task} view={view} onAdmins={(admins) => show({ ...view, admins }, '')} />
      </>
    );
  }
  return (
    <>
      <fieldset class="plain" disabled={task.busy}>
        {body}
      </fieldset>
      <Status task={task} />
    </>
  );
}

export const connectionPanel: Panel = {
  id: 'connectionPanel',
  title: { en: 'Meta connection', es: 'Conexión con Meta' },
  Component: ConnectionPanel,
};

/** Meta's last day for Brazil-sold-to accounts outside BRL (meta-2026.md §6): warned until it has passed. */
const BRL_DEADLINE = '2027-06-30';

function needsBrl(view: MetaConnectionView, today = new Date().toISOString().slice(0, 10)): boolean {
  return (
    view.country.toUpperCase() === 'BR' && view.currency.toUpperCase() !== 'BRL' && today <= BRL_DEADLINE
  );
}
