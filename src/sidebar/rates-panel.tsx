/**
 * The Rate cards panel: pick Meta's Rates CSV (downloaded from Meta's pricing page — its links expire, so the file
 * is uploaded, never fetched), import it, see what was stored. Currency and effective date are asked only for a
 * file that does not say them.
 */
import { useRef, useState } from 'preact/hooks';
import { rateCardRows } from '../rates/card-rows';
import type { ImportRateCardResult } from '../rpc/contract';
import { defineMessages } from './i18n';
import type { Panel } from './panel';
import { callServer } from './rpc-client';
import { Field, Status, useId, useMessages, useReveal, useServerTask } from './ui';

const messages = defineMessages({
  en: {
    intro:
      'Meta publishes a rate card per currency: pricing page ▸ “Rate cards and volume tiers” ▸ Rates (CSV). Download the file of your account’s currency and import it here; META_COST, META_RATE and BILLED_COST use it where Meta gives no cost.',
    file: 'Rates CSV file',
    noFile: 'Choose a rate card file first.',
    ifMissing: 'Only if the file does not say it',
    currency: 'Currency (e.g. USD)',
    effectiveFrom: 'Effective from (YYYY-MM-DD)',
    import: 'Import',
    importing: 'Importing…',
    imported:
      '{currency} card effective {effectiveFrom}: {markets} markets imported to the “Rate cards” sheet.',
    replaced: 'It replaces the card of the same currency and date imported before.',
  },
  es: {
    intro:
      'Meta publica un tarifario por moneda: página de precios ▸ “Rate cards and volume tiers” ▸ Rates (CSV). Descargue el archivo de la moneda de su cuenta e impórtelo aquí; META_COST, META_RATE y BILLED_COST lo usan cuando Meta no da costo.',
    file: 'Archivo Rates CSV',
    noFile: 'Primero elija un archivo de tarifas.',
    ifMissing: 'Solo si el archivo no lo indica',
    currency: 'Moneda (p. ej. USD)',
    effectiveFrom: 'Vigente desde (AAAA-MM-DD)',
    import: 'Importar',
    importing: 'Importando…',
    imported:
      'Tarifario {currency} vigente desde {effectiveFrom}: {markets} mercados importados a la hoja “Rate cards”.',
    replaced: 'Reemplaza el tarifario de la misma moneda y fecha importado antes.',
  },
});

function RatesPanel() {
  const t = useMessages(messages);
  const task = useServerTask();
  const fileId = useId('rate-card-file');
  const [file, setFile] = useState<File | null>(null);
  const [currency, setCurrency] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [result, setResult] = useState<ImportRateCardResult | null>(null);
  const resultLine = useRef<HTMLDivElement>(null);
  useReveal(resultLine, result);

  const submit = (event: Event) => {
    event.preventDefault();
    setResult(null);
    if (!file) {
      task.say(t('noFile'), true);
      return;
    }
    const picked = file;
    task.run(
      t('importing'),
      async () =>
        callServer('importRateCard', {
          fileName: picked.name,
          // Split here: the CSV parser would weigh on Code.js, which every custom-function call loads.
          rows: rateCardRows(await picked.text(), picked.name),
          currency: currency.trim() || undefined,
          effectiveFrom: effectiveFrom.trim() || undefined,
        }),
      (imported) => {
        setResult(imported);
        task.say('');
      },
    );
  };

  return (
    <>
      <p class="secondary">{t('intro')}</p>
      <form onSubmit={submit}>
        <fieldset class="plain" disabled={task.busy}>
          <div class="field">
            <label for={fileId}>{t('file')}</label>
            <input
              id={fileId}
              type="file"
              name="rateCard"
              accept=".csv,text/csv"
              onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            />
          </div>
          <details>
            <summary>{t('ifMissing')}</summary>
            <Field label={t('currency')} name="currency" value={currency} onValue={setCurrency} />
            <Field
              label={t('effectiveFrom')}
              name="effectiveFrom"
              value={effectiveFrom}
              onValue={setEffectiveFrom}
            />
          </details>
          <button type="submit" class="action">
            {t('import')}
          </button>
        </fieldset>
      </form>
      {result && (
        <div ref={resultLine} data-section="rate-card-result">
          <p>
            {t('imported', {
              currency: result.currency,
              effectiveFrom: result.effectiveFrom,
              markets: result.markets,
            })}
          </p>
          {result.replaced && <p class="secondary">{t('replaced')}</p>}
        </div>
      )}
      <Status task={task} />
    </>
  );
}

export const ratesPanel: Panel = {
  id: 'ratesPanel',
  title: { en: 'Rate cards', es: 'Tarifas' },
  Component: RatesPanel,
};
