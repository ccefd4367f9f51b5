/**
 * Which rate-card market a recipient's country is billed in, by date. Meta prices a message by the recipient's
 * country calling code; its rate cards list 24 countries on their own, "North America" (US, CA) and regions
 * ("Rest of Latin America", …, "Other" for everything not listed).
 *
 * Sources (shared/reference/meta-2026.md §2, §4): Meta's pricing page (M-PR-0326, "Updated: Mar 2, 2026") for the
 * 24 standalone countries, North America and +1 809/829/849 (DO), 658/876 (JM), 787/939 (PR) → Rest of Latin
 * America; the dated moves below from the same page's "Previous updates" / "Updates to rate cards" and, for
 * 2026-10-01, Meta's M-UPD timeline quoted second-hand. The members of the other regions are transcribed from the
 * country list on Meta's pricing page and are NOT checked against a stored copy: Meta's "Country Calling Codes and
 * Regional Rate Mapping CSV" is the authority when they disagree.
 *
 * A mapping applies from 12 am of its date; the market of a country is read at the effective date of the card that
 * prices it, so a card effective 2026-07-01 finds Poland on its own row and an April card finds it in its region.
 */
import type { DayKey } from '../core/time';
import { squash } from './categories';

export const OTHER_MARKET = 'Other';

/** Each region's members, ISO alpha-2 codes separated by spaces (shorter in Code.js than arrays of strings). */
const REGIONS: Readonly<Record<string, string>> = {
  'North America': 'US CA',
  'Rest of Latin America': 'BO CR DO EC SV GT HT HN JM NI PA PY PR UY VE',
  'Rest of Africa':
    'DZ AO BJ BW BF BI CM TD CG ER ET GA GM GH GW CI KE LS LR LY MG MW ML MR MA MZ NA NE RW SN SL SO SS SD SZ TZ TG TN UG ZM',
  'Rest of Asia Pacific': 'AF AU BD KH CN HK JP LA MN NP NZ PG PH SG LK TW TJ TH TM UZ VN',
  'Rest of Central & Eastern Europe': 'AL AM AZ BY BG HR CZ GE GR HU LV LT MD MK PL RO RS SK SI UA',
  'Rest of Middle East': 'BH IQ JO KW LB OM QA YE',
  'Rest of Western Europe': 'AT BE DK FI IE NO PT SE CH',
};

/** Countries Meta prices on their own row (name as on the rate card). */
const STANDALONE = 'AR BR CL CO EG FR DE IN ID IL IT MY MX NL NG PK PE RU SA ZA ES TR AE GB'.split(' ');

/** English names as Meta's rate cards and pricing page write them: `code name`, one a line (no quotes, no keys). */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  `
AE United Arab Emirates
AF Afghanistan
AL Albania
AM Armenia
AO Angola
AR Argentina
AT Austria
AU Australia
AZ Azerbaijan
BD Bangladesh
BE Belgium
BF Burkina Faso
BG Bulgaria
BH Bahrain
BI Burundi
BJ Benin
BO Bolivia
BR Brazil
BW Botswana
BY Belarus
BZ Belize
CA Canada
CG Republic of the Congo
CH Switzerland
CI Ivory Coast
CL Chile
CM Cameroon
CN China
CO Colombia
CR Costa Rica
CU Cuba
CZ Czech Republic
DE Germany
DK Denmark
DO Dominican Republic
DZ Algeria
EC Ecuador
EG Egypt
ER Eritrea
ES Spain
ET Ethiopia
FI Finland
FR France
GA Gabon
GB United Kingdom
GE Georgia
GF French Guiana
GH Ghana
GM Gambia
GR Greece
GT Guatemala
GW Guinea-Bissau
GY Guyana
HK Hong Kong
HN Honduras
HR Croatia
HT Haiti
HU Hungary
ID Indonesia
IE Ireland
IL Israel
IN India
IQ Iraq
IT Italy
JM Jamaica
JO Jordan
JP Japan
KE Kenya
KH Cambodia
KW Kuwait
KZ Kazakhstan
LA Laos
LB Lebanon
LK Sri Lanka
LR Liberia
LS Lesotho
LT Lithuania
LV Latvia
LY Libya
MA Morocco
MD Moldova
MG Madagascar
MK North Macedonia
ML Mali
MN Mongolia
MR Mauritania
MW Malawi
MX Mexico
MY Malaysia
MZ Mozambique
NA Namibia
NE Niger
NG Nigeria
NI Nicaragua
NL Netherlands
NO Norway
NP Nepal
NZ New Zealand
OM Oman
PA Panama
PE Peru
PG Papua New Guinea
PH Philippines
PK Pakistan
PL Poland
PR Puerto Rico
PT Portugal
PY Paraguay
QA Qatar
RO Romania
RS Serbia
RU Russia
RW Rwanda
SA Saudi Arabia
SD Sudan
SE Sweden
SG Singapore
SI Slovenia
SK Slovakia
SL Sierra Leone
SN Senegal
SO Somalia
SR Suriname
SS South Sudan
SV El Salvador
SZ Eswatini
TD Chad
TG Togo
TH Thailand
TJ Tajikistan
TM Turkmenistan
TN Tunisia
TR Turkey
TT Trinidad and Tobago
TW Taiwan
TZ Tanzania
UA Ukraine
UG Uganda
US United States
UY Uruguay
UZ Uzbekistan
VE Venezuela
VN Vietnam
YE Yemen
ZA South Africa
ZM Zambia
ZW Zimbabwe
`
    .trim()
    .split('\n')
    .map((line) => [line.slice(0, 2), line.slice(3)]),
);

/** A dated move; its source is the comment above it (a string field would only add bytes to Code.js). */
interface MarketChange {
  from: DayKey;
  /** Country → its market from that day. */
  moves: Readonly<Record<string, string>>;
}

function standalone(codes: readonly string[]): Record<string, string> {
  return Object.fromEntries(codes.map((c) => [c, COUNTRY_NAMES[c]]));
}

/** Changes after the baseline, oldest first. */
const MARKET_CHANGES: readonly MarketChange[] = [
  // Meta pricing page, "Previous updates": Zimbabwe (+263) moves from Other to Rest of Africa.
  { from: 20251001, moves: { ZW: 'Rest of Africa' } },
  // Meta pricing page (and shared/reference/meta-graph-api.md): PL, HK, HU, QA, RO, SG standalone.
  { from: 20260701, moves: standalone(['PL', 'HK', 'HU', 'QA', 'RO', 'SG']) },
  // Meta's October 2026 update (second-hand, consistent): nine countries get their own rate.
  { from: 20261001, moves: standalone(['KZ', 'KW', 'MA', 'OM', 'UA', 'BD', 'IQ', 'NP', 'LK']) },
];

const BASELINE: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    Object.entries(REGIONS).flatMap(([market, codes]) => codes.split(' ').map((c) => [c, market])),
  ),
  ...standalone(STANDALONE),
};

/** The market a country (ISO 3166 alpha-2) is priced in on a card effective `day`; unlisted countries are Other. */
export function marketOfCountry(country: string, day: DayKey): string {
  let market = BASELINE[country] ?? OTHER_MARKET;
  for (const change of MARKET_CHANGES)
    if (day >= change.from && change.moves[country]) market = change.moves[country];
  return market;
}

const keys = new Map<string, string>();

/** Markets and countries compared by letters only ("Rest of Central and Eastern Europe" = "… & …", "Türkiye"). */
export function marketKey(name: string): string {
  // Pricing a log looks the same few market names up for every row.
  let key = keys.get(name);
  if (key === undefined) {
    const letters = squash(
      name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/&/g, ' and '),
    );
    key = MARKET_ALIASES[letters] ?? letters;
    keys.set(name, key);
  }
  return key;
}

const MARKET_ALIASES: Readonly<Record<string, string>> = {
  turkiye: 'turkey',
  uae: 'unitedarabemirates',
  uk: 'unitedkingdom',
  usa: 'unitedstates',
  cotedivoire: 'ivorycoast',
  czechia: 'czechrepublic',
  swaziland: 'eswatini',
};

const CODE_BY_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(COUNTRY_NAMES).map(([code, name]) => [marketKey(name), code]),
);

/** An ISO alpha-2 code ("co", "CO") or a country name ("Colombia") → the code; undefined otherwise. */
export function countryCodeOf(text: string): string | undefined {
  const t = text.trim();
  if (/^[A-Za-z]{2}$/.test(t)) return t.toUpperCase();
  return CODE_BY_NAME.get(marketKey(t));
}

/** The country's name for messages ("Colombia (CO)"); the bare code when it is not in the table. */
export function countryLabel(code: string): string {
  const name = COUNTRY_NAMES[code];
  return name ? `${name} (${code})` : code;
}
