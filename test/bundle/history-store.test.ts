/**
 * The History setting (issue 19 points 1 and 6) through the built bundle and the fake BigQuery in a child process:
 * the runtime's UrlFetch carries ScriptApp.getOAuthToken() to it as it would to bigquery.googleapis.com. Switching
 * to BigQuery creates the missing tables once; a refusal (not an admin, access denied, no dataset, no scope) leaves
 * the setting as it was, with a message the sidebar words in English and Spanish.
 */
import { useFakeBigQuery } from '../support/fake-bigquery';
import type { AppsScriptRuntime } from '../../dev/runtime';
import { loadBundle } from '../../dev/runtime/testing/bundle';
import type { HistoryStoreView, SetHistoryStoreRequest } from '../../src/rpc/contract';
import { serverFailureText } from '../../src/sidebar/server-errors';
import { thrown } from './meta-helpers';

jest.setTimeout(120_000);

const PROJECT = 'atom-billing-test';
const TOKEN = 'ya29.bundle-user-token-Hx4';
const STORE_KEY = 'atomBilling.history.store';
const ALL_TABLES = [
  'atom_messages',
  'billing_carry',
  'atom_conversations',
  'meta_rows',
  'atom_staging',
  'ledger',
];

const fake = useFakeBigQuery(TOKEN);
let datasets = 0;

afterEach(async () => {
  await fake().configure({ scopeGranted: true, deniedDatasets: [] });
});

/** The built add-on with ana as the Meta connection's admin (as saveConnection leaves it). */
function adminRuntime(email = 'ana@example.com'): { rt: AppsScriptRuntime; user: { email: string } } {
  const user = { email, locale: 'en' };
  const rt = loadBundle({ user, oauthToken: TOKEN });
  rt.properties.document.set('atomBilling.meta.admins', JSON.stringify(['ana@example.com']));
  return { rt, user };
}

async function newDataset(create = true): Promise<string> {
  const dataset = `history_${++datasets}`;
  if (create) await fake().createDataset(PROJECT, dataset);
  return dataset;
}

const bigQuery = (dataset: string): Extract<SetHistoryStoreRequest, { kind: 'bigquery' }> => ({
  kind: 'bigquery',
  project: PROJECT,
  dataset,
  apiBaseUrl: fake().url,
});

const setStore = (rt: AppsScriptRuntime, request: SetHistoryStoreRequest) =>
  rt.runFromSidebar('setHistoryStore', request) as HistoryStoreView;

async function tableIds(dataset: string): Promise<string[]> {
  const found: string[] = [];
  for (const id of ALL_TABLES) {
    const res = await fetch(
      `${fake().url}/bigquery/v2/projects/${PROJECT}/datasets/${dataset}/tables/${id}`,
      { headers: { authorization: `Bearer ${TOKEN}` } },
    );
    if (res.ok) found.push(id);
  }
  return found;
}

describe('History setting', () => {
  it('is Sheets until an admin switches to BigQuery; the tables are created once and listed', async () => {
    const dataset = await newDataset();
    const { rt } = adminRuntime();
    expect(rt.runFromSidebar('getHistoryStore')).toEqual({
      store: { kind: 'sheets' },
      isAdmin: true,
      admins: ['ana@example.com'],
      createdTables: [],
    });

    const first = setStore(rt, bigQuery(dataset));
    const stored = {
      kind: 'bigquery',
      project: PROJECT,
      dataset,
      location: 'US',
      maximumBytesBilled: 1_000_000_000,
      apiBaseUrl: fake().url,
    };
    expect(first).toEqual({
      store: stored,
      isAdmin: true,
      admins: ['ana@example.com'],
      createdTables: ALL_TABLES,
    });
    expect(await tableIds(dataset)).toEqual(ALL_TABLES);
    expect(JSON.parse(rt.properties.document.get(STORE_KEY) ?? '')).toEqual(stored);

    // Saved again (another cap): every table is there, none is created.
    const log = (await fake().requests()).length;
    const second = setStore(rt, { ...bigQuery(dataset), maximumBytesBilled: 50_000_000 });
    expect(second.createdTables).toEqual([]);
    expect(second.store).toEqual({ ...stored, maximumBytesBilled: 50_000_000 });
    // datasets.get, then tables.get for each table: nothing inserted.
    expect((await fake().requests()).slice(log).map((r) => `${r.method} ${r.status}`)).toEqual([
      'GET 200',
      ...ALL_TABLES.map(() => 'GET 200'),
    ]);

    expect(rt.runFromSidebar('getHistoryStore')).toMatchObject({ store: second.store, createdTables: [] });
    expect(setStore(rt, { kind: 'sheets' }).store).toEqual({ kind: 'sheets' });
    expect(rt.runFromSidebar('getHistoryStore')).toMatchObject({ store: { kind: 'sheets' } });
  });

  it('refuses a non-admin (who still reads it) and bad fields, before any call to BigQuery', async () => {
    const dataset = await newDataset();
    const { rt, user } = adminRuntime();
    setStore(rt, bigQuery(dataset));
    const before = rt.properties.document.get(STORE_KEY);

    user.email = 'bob@example.com';
    const log = (await fake().requests()).length;
    const refusal = thrown(() => setStore(rt, { kind: 'sheets' }));
    expect(refusal.message).toMatch(
      /^Only an admin of this spreadsheet's Meta connection can change it — ask ana@example.com/,
    );
    expect(rt.runFromSidebar('getHistoryStore')).toMatchObject({
      isAdmin: false,
      store: { kind: 'bigquery', dataset },
    });

    user.email = 'ana@example.com';
    expect(() => setStore(rt, { ...bigQuery(dataset), project: 'My Project' })).toThrow(
      'Type the Google Cloud project id (e.g. my-billing-project) and the dataset id (letters, digits, _)',
    );
    expect(() => setStore(rt, { ...bigQuery(dataset), maximumBytesBilled: 1000 })).toThrow(
      'The byte cap must be whole bytes from 10485760 (10 MB) up',
    );
    // Every editor's token would go there: Google's APIs (or this machine's fake) only.
    for (const apiBaseUrl of ['https://bigquery.example.com', 'https://bigquery.googleapis.com.example.net'])
      expect(() => setStore(rt, { ...bigQuery(dataset), apiBaseUrl })).toThrow(
        'The BigQuery address must be https://bigquery.googleapis.com',
      );
    expect((await fake().requests()).length).toBe(log);
    expect(rt.properties.document.get(STORE_KEY)).toBe(before);
  });

  it('access denied, a missing dataset and the scope not granted: a clear message, the setting unchanged', async () => {
    const { rt } = adminRuntime();
    const kept = await newDataset();
    setStore(rt, bigQuery(kept));
    const before = rt.properties.document.get(STORE_KEY);

    const denied = await newDataset();
    await fake().configure({ deniedDatasets: [`${PROJECT}:${denied}`] });
    const access = thrown(() => setStore(rt, bigQuery(denied)));
    expect(serverFailureText(access, 'en')).toBe(
      `BigQuery denied access to dataset ${PROJECT}:${denied} — ask an owner of the project to grant you roles/bigquery.dataEditor on the dataset and roles/bigquery.jobUser on project ${PROJECT}.`,
    );
    expect(serverFailureText(access, 'es')).toBe(
      `BigQuery denegó el acceso al conjunto de datos ${PROJECT}:${denied}: pida a un propietario del proyecto que le otorgue roles/bigquery.dataEditor en el conjunto de datos y roles/bigquery.jobUser en el proyecto ${PROJECT}.`,
    );

    const missing = await newDataset(false);
    const notFound = thrown(() => setStore(rt, bigQuery(missing)));
    expect(notFound.message).toMatch(
      new RegExp(`^dataset ${missing} not found in project ${PROJECT} — create it`),
    );
    expect(serverFailureText(notFound, 'es')).toBe(
      `El conjunto de datos ${missing} no existe en el proyecto ${PROJECT}: créelo en BigQuery (o revise los ID) e inténtelo de nuevo.`,
    );

    await fake().configure({ scopeGranted: false });
    const fresh = await newDataset();
    const scope = thrown(() => setStore(rt, bigQuery(fresh)));
    expect(serverFailureText(scope, 'en')).toBe(
      'Atom Billing may not use BigQuery for you: the BigQuery permission was not granted — reopen the add-on and allow “View and manage your data in Google BigQuery”.',
    );
    expect(await tableIds(fresh)).toEqual([]);

    expect(rt.properties.document.get(STORE_KEY)).toBe(before);
    expect(rt.runFromSidebar('getHistoryStore')).toMatchObject({
      store: { kind: 'bigquery', dataset: kept },
    });
  });
});
