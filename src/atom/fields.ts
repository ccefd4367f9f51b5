/**
 * The fields of Atom's exports the add-on understands, and how their columns are recognised. Atom does not
 * document its export headers and they follow the interface language, so a header is matched against
 * Spanish and English synonyms after folding case, accents, spacing and punctuation away.
 */

export const ATOM_FIELDS = [
  'id',
  'start',
  'contact',
  'line',
  'group',
  'agent',
  'typification',
  'closingType',
  'origin',
  'campaign',
  'conversations',
  'messageKind',
] as const;

export type AtomField = (typeof ATOM_FIELDS)[number];

/** Field → the header of the column it is read from. */
export type AtomMapping = Partial<Record<AtomField, string>>;

/** Synonyms in folded form, the most specific first: a column matching an earlier synonym wins a tie. */
const SYNONYMS: Record<AtomField, readonly string[]> = {
  id: ['idconversacion', 'iddeconversacion', 'idconversation', 'conversationid', 'iddelaconversacion', 'id'],
  start: [
    'fechadeiniciodeconversacion',
    'fechadeiniciodelaconversacion',
    'fechainicioconversacion',
    'conversationstartdate',
    'fechadeinicio',
    'fechainicio',
    'startdate',
    'startedat',
    'fechayhora',
    'fechahora',
    'fecha',
    'date',
    'start',
    'inicio',
  ],
  contact: [
    'telefonodelcontacto',
    'telefonocontacto',
    'numerodetelefono',
    'phonenumber',
    'contactphone',
    'telefono',
    'celular',
    'movil',
    'mobile',
    'phone',
    'contacto',
    'contact',
  ],
  line: ['numerodelinea', 'linea', 'line', 'canal', 'channel'],
  group: ['nombredelgrupo', 'nombredegrupo', 'groupname', 'grupo', 'group'],
  agent: ['nombredelagente', 'agentname', 'agente', 'agent', 'asesor', 'advisor'],
  typification: [
    'tipificacionfinal',
    'ultimatipificacion',
    'finaltypification',
    'lasttypification',
    'tipificacion',
    'typification',
    'typing',
  ],
  closingType: ['tipodecierre', 'tipocierre', 'closingtype', 'closuretype', 'closetype', 'cierre'],
  origin: ['tipodeorigen', 'tipoorigen', 'origintype', 'sourcetype', 'origen', 'origin', 'source'],
  campaign: ['nombredelacampana', 'nombredecampana', 'campaignname', 'campana', 'campaign'],
  conversations: [
    'conversacionescerradas',
    'closedconversations',
    'conversacionesfacturadas',
    'billedconversations',
    'conversaciones',
    'conversations',
    'cantidad',
    'quantity',
    'total',
  ],
  // Per-message logs: Atom's exports are undocumented (atom.md §2.6), so the usual names in both languages.
  messageKind: [
    'tipodemensaje',
    'tipomensaje',
    'categoriadelmensaje',
    'categoriademensaje',
    'messagetype',
    'messagekind',
    'messagecategory',
    'categoria',
    'category',
    'kind',
    'tipo',
  ],
};

/** "Fecha de inicio", "FECHA_DE_INICIO" and "fecha de inicio." all fold to "fechadeinicio". */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface DetectedColumns {
  /** Field → column index. */
  columns: Partial<Record<AtomField, number>>;
  /** Headers of the columns no field uses, in file order. */
  unknown: string[];
}

/**
 * Assigns each field the column whose header matches its most specific synonym (the leftmost column on a
 * tie). `override` (from the user or the remembered mapping) names the header per field; '' unmaps it.
 */
export function detectColumns(header: readonly string[], override: AtomMapping = {}): DetectedColumns {
  const folded = header.map(foldHeader);
  const columns: Partial<Record<AtomField, number>> = {};
  const taken = new Set<number>();
  for (const field of ATOM_FIELDS) {
    const wanted = override[field];
    if (wanted === undefined) continue;
    const index = wanted === '' ? -1 : folded.indexOf(foldHeader(wanted));
    if (index >= 0 && !taken.has(index)) {
      columns[field] = index;
      taken.add(index);
    }
  }
  for (const field of ATOM_FIELDS) {
    if (override[field] !== undefined) continue;
    let best = -1;
    let bestRank = Infinity;
    folded.forEach((name, index) => {
      const rank = SYNONYMS[field].indexOf(name);
      if (rank >= 0 && rank < bestRank && !taken.has(index)) {
        best = index;
        bestRank = rank;
      }
    });
    if (best >= 0) {
      columns[field] = best;
      taken.add(best);
    }
  }
  const unknown = header.filter((h, i) => !taken.has(i) && h.trim() !== '');
  return { columns, unknown };
}

/** How many of the headers are recognised: used to find the header row below a report's title lines. */
export function recognisedCount(header: readonly string[]): number {
  const all = new Set(Object.values(SYNONYMS).flat());
  return header.filter((h) => all.has(foldHeader(h))).length;
}
