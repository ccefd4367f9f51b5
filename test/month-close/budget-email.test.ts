import { budgetEmail } from '../../src/month-close/budget-email';
import type { BudgetStatus } from '../../src/month-close/budgets';

const status = (spend: number, projection: number | null): BudgetStatus & { crossesOn: string } => ({
  budget: { scope: 'group', name: 'Ventas', amount: '1500.5' },
  spend,
  projection,
  crossesOn: '2025-11-20',
});
const sheet = { name: 'Cierre WhatsApp', url: 'https://docs.google.com/spreadsheets/d/abc/edit' };
const brl = { code: 'BRL', decimals: 2 };

describe('the budget alert email, in the spreadsheet’s language', () => {
  it('Spanish: words and money as an es_* sheet writes them', () => {
    const email = budgetEmail('es', status(1234.5, 2100.25), 1500.5, '2025-11', brl, sheet);
    expect(email.subject).toBe('Alerta de presupuesto 2025-11: el grupo Ventas — Cierre WhatsApp');
    expect(email.body).toBe(
      'El gasto de WhatsApp del grupo Ventas en 2025-11 alcanzará su presupuesto, según la proyección, el 2025-11-20.\n' +
        'Presupuesto 1.500,50 BRL, gasto a la fecha 1.234,50 BRL, proyección a fin de mes 2.100,25 BRL.\n' +
        'https://docs.google.com/spreadsheets/d/abc/edit\n\n' +
        'Se envía una vez por mes y presupuesto a los administradores de la conexión con Meta.',
    );
  });

  it('English, a budget already spent, no projection (a closed month), a currency without cents', () => {
    const email = budgetEmail(
      'en',
      status(1600000, null),
      1500000,
      '2025-10',
      { code: 'CLP', decimals: 0 },
      sheet,
    );
    expect(email.summary).toBe('group Ventas reached its budget on 2025-11-20');
    expect(email.figures).toBe('Budget 1,500,000 CLP, spend so far 1,600,000 CLP, projected month end -');
  });
});
