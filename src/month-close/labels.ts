/**
 * Fixed texts of the month-close sheets, English or Spanish by the spreadsheet's locale. Column order never depends
 * on the language; sheet names are fixed so links and finance's own formulas keep working.
 */
import type { CostToAllocateSource } from './cost-to-allocate';

export const DATA_SHEET = 'Meta data';
export const LEDGER_SHEET = 'Imports';
export function summarySheetName(monthKey: string): string {
  return `Billing ${monthKey}`;
}

const EN = {
  dataHeader: [
    'Day',
    'Line',
    'Country',
    'Pricing model',
    'Category',
    'Type',
    'Tier',
    'Volume',
    'Cost',
    'Currency',
    'Imported at',
    'Tier range',
  ],
  /** The tier-range column: Meta's `0:MAX` (one tier for every volume) and the thousands separator. */
  anyTier: 'any volume',
  thousands: ',',
  ledgerHeader: [
    'Imported at',
    'User',
    'Month',
    'WABA',
    'Lines',
    'Rows written',
    'Billed units',
    'Cost',
    'Currency',
    'Status',
    'Δ units',
    'Δ cost',
    'Run',
    'Cost source',
    'Notes',
    'Cost to allocate',
    'Cost to allocate from',
  ],
  costToAllocateFrom: {
    request: 'typed in the sidebar',
    kept: 'typed in the sheet',
    meta: 'Meta’s cost',
    rateCard: 'rate card',
  },
  run: { manual: 'manual', scheduled: 'scheduled' },
  status: { estimate: 'Estimate', closed: 'Closed' },
  allLines: 'All lines',
  title: (month: string) => `WhatsApp billing ${month}`,
  kpi: {
    billedUnits: 'Billed units',
    billedAs: 'Billed as',
    cost: 'Meta cost',
    rateCardCost: 'Cost (rate card)',
    currency: 'Currency',
    costToAllocate: 'Cost to allocate',
    projection: 'Projected month end',
    projectionMethod: 'Projection method',
    status: 'Status',
    lastImport: 'Last import',
    lines: 'Lines',
    waba: 'WhatsApp Business Account',
    uniqueContacts: 'Unique contacts',
    otherCosts: 'Meta cost, other currencies (never added)',
  },
  billedAs: {
    conversation: 'conversations (24 h)',
    message: 'delivered template messages',
    mixed: 'conversations and messages',
  },
  noCost: 'Meta gives no cost for this account (partner credit line)',
  costToAllocateHelp: 'Overwrite with the invoiced amount (tax, FX) — kept on the next import',
  noContacts: 'Import an Atom export with contacts for this month to count them',
  dailyHeader: ['Day', 'Billed units', 'Cumulative', 'Projected cumulative'],
  originHeader: ['Origin', 'Volume', 'Billed units', 'Share of volume', 'Share of billed'],
  origin: { inbound: 'Inbound (user-initiated)', outbound: 'Outbound (business-initiated)', total: 'Total' },
  groupsTitle: 'Split by group (Atom: closed conversations)',
  campaignsTitle: 'Split by campaign (Atom: outbound conversations)',
  noGroups:
    'Give Atom’s distribution by group (group, closed conversations) in the sidebar to split by group',
  noCampaigns: 'Give Atom’s outbound report (campaign, conversations) in the sidebar to split by campaign',
  allowance: {
    title: 'Free service messages a line (Meta: FREE_CUSTOMER_SERVICE)',
    header: ['Line', 'Used', 'Left', 'Ran out on'],
    running: 'Used, running total by day',
    none: 'No free allowance per line before',
  },
  chartDaily: 'Billed units, cumulative',
  chartOrigin: 'Volume by origin',
  projectionClosed: 'none (closed month)',
};

type Labels = typeof EN;

const ES: Labels = {
  dataHeader: [
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
    'Rango del nivel',
  ],
  anyTier: 'cualquier volumen',
  thousands: '.',
  ledgerHeader: [
    'Importado el',
    'Usuario',
    'Mes',
    'WABA',
    'Líneas',
    'Filas escritas',
    'Unidades facturadas',
    'Costo',
    'Moneda',
    'Estado',
    'Δ unidades',
    'Δ costo',
    'Ejecución',
    'Origen del costo',
    'Notas',
    'Costo a distribuir',
    'Origen del costo a distribuir',
  ],
  costToAllocateFrom: {
    request: 'escrito en la barra lateral',
    kept: 'escrito en la hoja',
    meta: 'costo de Meta',
    rateCard: 'tarifario',
  },
  run: { manual: 'manual', scheduled: 'programada' },
  status: { estimate: 'Estimación', closed: 'Cerrado' },
  allLines: 'Todas las líneas',
  title: (month: string) => `Facturación de WhatsApp ${month}`,
  kpi: {
    billedUnits: 'Unidades facturadas',
    billedAs: 'Se factura por',
    cost: 'Costo de Meta',
    rateCardCost: 'Costo (tarifario)',
    currency: 'Moneda',
    costToAllocate: 'Costo a distribuir',
    projection: 'Proyección a fin de mes',
    projectionMethod: 'Método de proyección',
    status: 'Estado',
    lastImport: 'Última importación',
    lines: 'Líneas',
    waba: 'Cuenta de WhatsApp Business',
    uniqueContacts: 'Contactos únicos',
    otherCosts: 'Costo de Meta en otras monedas (nunca se suma)',
  },
  billedAs: {
    conversation: 'conversaciones (24 h)',
    message: 'mensajes de plantilla entregados',
    mixed: 'conversaciones y mensajes',
  },
  noCost: 'Meta no da costo para esta cuenta (línea de crédito de un partner)',
  costToAllocateHelp: 'Sobrescríbalo con el monto facturado (impuestos, cambio): se conserva al reimportar',
  noContacts: 'Importe una exportación de Atom con contactos de este mes para contarlos',
  dailyHeader: ['Día', 'Unidades facturadas', 'Acumulado', 'Acumulado proyectado'],
  originHeader: [
    'Origen',
    'Volumen',
    'Unidades facturadas',
    'Participación en volumen',
    'Participación en facturado',
  ],
  origin: {
    inbound: 'Entrante (iniciada por el usuario)',
    outbound: 'Saliente (iniciada por la empresa)',
    total: 'Total',
  },
  groupsTitle: 'Distribución por grupo (Atom: conversaciones cerradas)',
  campaignsTitle: 'Distribución por campaña (Atom: conversaciones salientes)',
  noGroups: 'Indique en la barra lateral la distribución por grupo de Atom (grupo, conversaciones cerradas)',
  noCampaigns: 'Indique en la barra lateral el reporte saliente de Atom (campaña, conversaciones)',
  allowance: {
    title: 'Mensajes de servicio gratis por línea (Meta: FREE_CUSTOMER_SERVICE)',
    header: ['Línea', 'Usados', 'Quedan', 'Se agotaron el'],
    running: 'Usados, acumulado por día',
    none: 'Sin cupo gratis por línea antes del',
  },
  chartDaily: 'Unidades facturadas, acumulado',
  chartOrigin: 'Volumen por origen',
  projectionClosed: 'ninguna (mes cerrado)',
};

export type MonthCloseLabels = Labels;

/** Spanish when the spreadsheet locale is Spanish (`es_…`), as for the BILLED_* tables. */
export function monthCloseLabels(locale: string): Labels {
  return locale.toLowerCase().startsWith('es') ? ES : EN;
}

/** Both languages: a sheet written under another locale is still recognised as ours. */
export const ALL_LABELS: readonly Labels[] = [EN, ES];

/** "Meta data" headers as versions before the tier-range column wrote them (the next import adds the column). */
export const OLD_DATA_HEADERS: readonly (readonly string[])[] = ALL_LABELS.map((l) =>
  l.dataHeader.slice(0, -1),
);

/** Status and run texts as written in either language, read back from the ledger. */
export function readStatus(text: unknown): 'estimate' | 'closed' | null {
  for (const l of [EN, ES]) {
    if (text === l.status.estimate) return 'estimate';
    if (text === l.status.closed) return 'closed';
  }
  return null;
}

/** The cost-to-allocate source as written in either language (null for an older ledger row or an edited one). */
export function readCostToAllocateSource(text: unknown): CostToAllocateSource | null {
  for (const l of ALL_LABELS) {
    const found = Object.entries(l.costToAllocateFrom).find(([, label]) => label === text);
    if (found) return found[0] as CostToAllocateSource;
  }
  return null;
}

export function isScheduledRun(text: unknown): boolean {
  return text === EN.run.scheduled || text === ES.run.scheduled;
}

export function isAllLines(text: unknown): boolean {
  return text === EN.allLines || text === ES.allLines;
}
