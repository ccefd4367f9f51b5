/**
 * The Budgets panel: the account's monthly budgets (the whole account or one line), in its currency. Every editor
 * sees them; admins set and remove them. The month sheet shows each against the spend and its projection, and the
 * daily refresh emails the admins once when one is crossed.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import type { BudgetsView, BudgetView } from '../rpc/contract';
import { formatMoney } from './format';
import { defineMessages } from './i18n';
import { costText, readCost, separatorsOf } from './month-close/form-values';
import type { Panel, PanelProps } from './panel';
import { callServer } from './rpc-client';
import { Field, FigureLocaleContext, Status, useId, useMessages, useServerTask } from './ui';

const messages = defineMessages({
  en: {
    intro:
      'A monthly budget for the whole account, one line, or one of Atom’s groups or campaigns (its share of the cost, as the month sheet splits it). The month sheet shows the spend so far, its projection and the day it crosses the budget; the daily refresh emails the admins once when it does.',
    loading: 'Loading…',
    notConnected: 'Connect Meta first: budgets are in the account’s currency.',
    none: 'No budget yet.',
    for: 'Budget for',
    account: 'Whole account',
    group: 'Group',
    campaign: 'Campaign',
    aGroup: 'A group (Atom)',
    aCampaign: 'A campaign (Atom)',
    name: 'Name, as in Atom’s table',
    amount: 'Monthly budget ({currency})',
    set: 'Set budget',
    remove: 'Remove',
    removeBudget: 'Remove the budget for {name}',
    badAmount: 'Type the amount as this spreadsheet writes it, e.g. {example}, or plain ({plain}).',
    saving: 'Saving…',
    saved: 'Budgets saved.',
    readOnly: 'Only admins can change budgets. Ask:',
  },
  es: {
    intro:
      'Un presupuesto mensual para toda la cuenta, una línea o uno de los grupos o campañas de Atom (su parte del costo, como la distribuye la hoja del mes). La hoja del mes muestra el gasto a la fecha, su proyección y el día en que supera el presupuesto; la actualización diaria avisa una vez por correo a los administradores.',
    loading: 'Cargando…',
    notConnected: 'Primero conecte Meta: los presupuestos están en la moneda de la cuenta.',
    none: 'Aún no hay presupuestos.',
    for: 'Presupuesto de',
    account: 'Toda la cuenta',
    group: 'Grupo',
    campaign: 'Campaña',
    aGroup: 'Un grupo (Atom)',
    aCampaign: 'Una campaña (Atom)',
    name: 'Nombre, como en la tabla de Atom',
    amount: 'Presupuesto mensual ({currency})',
    set: 'Definir presupuesto',
    remove: 'Quitar',
    removeBudget: 'Quitar el presupuesto de {name}',
    badAmount:
      'Escriba el monto como lo escribe esta hoja de cálculo, p. ej. {example}, o sin separadores ({plain}).',
    saving: 'Guardando…',
    saved: 'Presupuestos guardados.',
    readOnly: 'Solo los administradores pueden cambiar los presupuestos. Consulte a:',
  },
});

function BudgetsPanel({ boot }: PanelProps) {
  const figures = useContext(FigureLocaleContext);
  const t = useMessages(messages);
  const task = useServerTask();
  const selectId = useId('budget-for');
  const [view, setView] = useState<BudgetsView | null>(null);
  // 'account', 'group', 'campaign', or a line's display number.
  const [target, setTarget] = useState('account');
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('');
  useEffect(
    () =>
      task.run(
        t('loading'),
        () => callServer('getBudgets'),
        (loaded) => {
          setView(loaded);
          task.say(''); // loaded: "Loading…" would otherwise stay under the form
        },
      ),
    [],
  );
  if (!view) return <Status task={task} />;
  if (!view.connected) return <p class="secondary">{t('notConnected')}</p>;

  const nameOf = (b: BudgetView) =>
    b.scope === 'account' ? t('account') : b.scope === 'line' ? b.name : `${t(b.scope)} ${b.name}`;
  const named = target === 'group' || target === 'campaign';
  const save = (budgets: BudgetView[]) =>
    task.run(
      t('saving'),
      () => callServer('setBudgets', budgets),
      (next) => {
        setView(next);
        setAmount('');
        task.say(t('saved'));
      },
    );
  const submit = (event: Event) => {
    event.preventDefault();
    const read = readCost(amount, separatorsOf(boot.spreadsheetLocale));
    if (!read.ok || read.value === null) {
      task.say(t('badAmount', { example: costText(1500.5, boot.spreadsheetLocale), plain: '1500.50' }), true);
      return;
    }
    const scope = target === 'account' || named ? (target as BudgetView['scope']) : 'line';
    const budget = { scope, name: scope === 'line' ? target : named ? name.trim() : '', amount: read.value };
    const other = (b: BudgetView) => b.scope !== budget.scope || b.name !== budget.name;
    save([...view.budgets.filter(other), budget]);
  };

  return (
    <>
      <p class="secondary">{t('intro')}</p>
      {view.budgets.length ? (
        <ul data-section="budgets">
          {view.budgets.map((b) => (
            <li key={`${b.scope}:${b.name}`}>
              <span>{`${nameOf(b)}: ${formatMoney(figures, b.amount, view.currency)}`}</span>{' '}
              {view.isAdmin && (
                <button
                  type="button"
                  disabled={task.busy}
                  aria-label={t('removeBudget', { name: nameOf(b) })}
                  onClick={() => save(view.budgets.filter((other) => other !== b))}
                >
                  {t('remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="secondary">{t('none')}</p>
      )}
      {view.isAdmin ? (
        <form onSubmit={submit}>
          <fieldset class="plain" disabled={task.busy}>
            <div class="field">
              <label for={selectId}>{t('for')}</label>
              <select id={selectId} value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
                <option value="account">{t('account')}</option>
                {view.lines.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
                <option value="group">{t('aGroup')}</option>
                <option value="campaign">{t('aCampaign')}</option>
              </select>
            </div>
            {named && <Field label={t('name')} name="budgetName" value={name} onValue={setName} />}
            <Field
              label={t('amount', { currency: view.currency })}
              name="budgetAmount"
              inputMode="decimal"
              value={amount}
              onValue={setAmount}
            />
            <button type="submit" class="action">
              {t('set')}
            </button>
          </fieldset>
        </form>
      ) : (
        <p class="secondary">
          {t('readOnly')} {view.admins.join(', ')}
        </p>
      )}
      <Status task={task} />
    </>
  );
}

export const budgetsPanel: Panel = {
  id: 'budgetsPanel',
  title: { en: 'Budgets', es: 'Presupuestos' },
  Component: BudgetsPanel,
};
