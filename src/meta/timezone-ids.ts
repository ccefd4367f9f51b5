/**
 * Meta's WABA `timezone_id` → IANA zone, for every id named anywhere we could read: 0–475. Data only, generated
 * once from the appendix of shared/reference/meta-2026.md (which gives each `TZ_*` code its tzdb spelling, tzdata
 * 2025b); 0 (TZ_UNKNOWN) is absent on purpose. Ids 476–592 exist (Meta's SDK enumerates them) but no name source
 * was found: they are unknown here.
 */

export type TimezoneConfidence = 'confirmed' | 'unconfirmed';

export interface TimezoneIdRange {
  readonly from: number;
  readonly to: number;
  readonly confidence: TimezoneConfidence;
  readonly source: string;
}

/** Where each range of ids comes from (meta-2026.md §1). */
export const TIMEZONE_ID_SOURCES: readonly TimezoneIdRange[] = [
  {
    from: 1,
    to: 53,
    confidence: 'confirmed',
    source:
      "Meta's page https://developers.facebook.com/docs/marketing-api/reference/ad-account/timezone-ids (rows readable in the stored copy)",
  },
  {
    from: 54,
    to: 141,
    confidence: 'confirmed',
    source:
      "Two independent transcriptions of Meta's page that agree id for id: mayple/facebook_timezones (v2.12) and a Supabase seed timezone_facebook",
  },
  {
    from: 142,
    to: 475,
    confidence: 'unconfirmed',
    source:
      'One transcription only (the Supabase seed timezone_facebook); ids after 146 follow tz names alphabetically',
  },
];

/*
 * The zones of ids 1, 2, 3, … in order, as lists rather than an object literal, which keeps ~3 KB of keys and quotes
 * out of Code.js (Apps Script loads all of it on every custom-function call). A line is `Area/Name Name …`: each
 * further space-separated name shares the first one's area (everything up to its last "/"), so
 * `Asia/Tokyo Seoul` is Asia/Tokyo, Asia/Seoul — another ~3.5 KB of repeated areas kept out.
 */
/** 1–53: Meta's page. */
const IDS_1_TO_53 = `
America/Los_Angeles Denver
Pacific/Honolulu
America/Anchorage Phoenix Chicago New_York
Asia/Dubai
America/Argentina/San_Luis Buenos_Aires Salta
Europe/Vienna
Australia/Perth Broken_Hill Sydney
Europe/Sarajevo
Asia/Dhaka
Europe/Brussels Sofia
Asia/Bahrain
America/La_Paz Noronha Campo_Grande Belem Sao_Paulo Nassau Dawson Vancouver Dawson_Creek Edmonton Rainy_River
America/Regina Atikokan Iqaluit Toronto Blanc-Sablon Halifax St_Johns
Europe/Zurich
Pacific/Easter
America/Santiago
Asia/Shanghai
America/Bogota Costa_Rica
Asia/Nicosia
Europe/Prague Berlin Copenhagen
America/Santo_Domingo
Pacific/Galapagos
America/Guayaquil
Europe/Tallinn
Africa/Cairo
`;
/** 54–141: two transcriptions. */
const IDS_54_TO_141 = `
Atlantic/Canary
Europe/Madrid Helsinki Paris London
Africa/Accra
Europe/Athens
America/Guatemala
Asia/Hong_Kong
America/Tegucigalpa
Europe/Zagreb Budapest
Asia/Jakarta Makassar Jayapura
Europe/Dublin
Asia/Jerusalem Kolkata Baghdad
Atlantic/Reykjavik
Europe/Rome
America/Jamaica
Asia/Amman Tokyo
Africa/Nairobi
Asia/Seoul Kuwait Beirut Colombo
Europe/Vilnius Luxembourg Riga
Africa/Casablanca
Europe/Skopje Malta
Indian/Mauritius Maldives
America/Tijuana Hermosillo Mazatlan Mexico_City
Asia/Kuala_Lumpur
Africa/Lagos
America/Managua
Europe/Amsterdam Oslo
Pacific/Auckland
Asia/Muscat
America/Panama Lima
Asia/Manila Karachi
Europe/Warsaw
America/Puerto_Rico
Asia/Gaza
Atlantic/Azores
Europe/Lisbon
America/Asuncion
Asia/Qatar
Europe/Bucharest Belgrade Kaliningrad Moscow Samara
Asia/Yekaterinburg Omsk Krasnoyarsk Irkutsk Yakutsk Vladivostok Magadan Kamchatka Riyadh
Europe/Stockholm
Asia/Singapore
Europe/Ljubljana Bratislava
America/El_Salvador
Asia/Bangkok
Africa/Tunis
Europe/Istanbul
America/Port_of_Spain
Asia/Taipei
Europe/Kiev
America/Montevideo Caracas
Asia/Ho_Chi_Minh
Africa/Johannesburg
`;
/** 142–475: one transcription (unconfirmed). */
const IDS_142_TO_475 = `
America/Winnipeg Detroit
Australia/Melbourne
Asia/Kathmandu Baku
Africa/Abidjan Addis_Ababa Algiers Asmara Bamako Bangui Banjul Bissau Blantyre Brazzaville Bujumbura Ceuta
Africa/Conakry Dakar Dar_es_Salaam Djibouti Douala El_Aaiun Freetown Gaborone Harare Juba Kampala Khartoum
Africa/Kigali Kinshasa Libreville Lome Luanda Lubumbashi Lusaka Malabo Maputo Maseru Mbabane Mogadishu Monrovia
Africa/Ndjamena Niamey Nouakchott Ouagadougou Porto-Novo Sao_Tome Tripoli Windhoek
America/Adak Anguilla Antigua Araguaina
America/Argentina/Catamarca Cordoba Jujuy La_Rioja Mendoza Rio_Gallegos San_Juan Tucuman Ushuaia
America/Aruba Bahia Bahia_Banderas Barbados Belize Boa_Vista Boise Cambridge_Bay Cancun Cayenne Cayman Chihuahua
America/Creston Cuiaba Curacao Danmarkshavn Dominica Eirunepe Fort_Nelson Fortaleza Glace_Bay Godthab Goose_Bay
America/Grand_Turk Grenada Guadeloupe Guyana Havana
America/Indiana/Indianapolis Knox Marengo Petersburg Tell_City Vevay Vincennes Winamac
America/Indianapolis Inuvik Juneau
America/Kentucky/Louisville Monticello
America/Kralendijk Lower_Princes Maceio Manaus Marigot Martinique Matamoros Menominee Merida Metlakatla Miquelon
America/Moncton Monterrey Montreal Montserrat Nipigon Nome
America/North_Dakota/Beulah Center New_Salem
America/Ojinaga Pangnirtung Paramaribo Port-au-Prince Porto_Velho Punta_Arenas Rankin_Inlet Recife Resolute
America/Rio_Branco Santarem Scoresbysund Sitka St_Barthelemy St_Kitts St_Lucia St_Thomas St_Vincent
America/Swift_Current Thule Thunder_Bay Tortola Whitehorse Yakutat Yellowknife
Antarctica/Casey Davis DumontDUrville Macquarie Mawson McMurdo Palmer Rothera Syowa Troll Vostok
Arctic/Longyearbyen
Asia/Aden Almaty Anadyr Aqtau Aqtobe Ashgabat Atyrau Barnaul Bishkek Brunei Chita Choibalsan Damascus Dili
Asia/Dushanbe Famagusta Hebron Hovd Istanbul Kabul Khandyga Kuching Macau Novokuznetsk Novosibirsk Oral
Asia/Phnom_Penh Pontianak Pyongyang Qostanay Qyzylorda Sakhalin Samarkand Srednekolymsk Tashkent Tbilisi Tehran
Asia/Thimphu Tomsk Ulaanbaatar Urumqi Ust-Nera Vientiane Yangon Yerevan
Atlantic/Bermuda Cape_Verde Faroe Madeira South_Georgia St_Helena Stanley
Australia/Adelaide Brisbane Currie Darwin Eucla Hobart Lindeman Lord_Howe
CET CST6CDT EET EST EST5EDT
Etc/GMT GMT+0 GMT+1 GMT+10 GMT+11 GMT+12 GMT+2 GMT+3 GMT+4 GMT+5 GMT+6 GMT+7 GMT+8 GMT+9 GMT-0 GMT-1 GMT-10
Etc/GMT-11 GMT-12 GMT-13 GMT-14 GMT-2 GMT-3 GMT-4 GMT-5 GMT-6 GMT-7 GMT-8 GMT-9 GMT0 Greenwich Universal Zulu
Europe/Andorra Astrakhan Busingen Chisinau Gibraltar Guernsey Isle_of_Man Jersey Kirov Mariehamn Minsk Monaco
Europe/Nicosia Podgorica San_Marino Saratov Simferopol Tirane Ulyanovsk Uzhgorod Vaduz Vatican Volgograd
Europe/Zaporozhye
GMT HST
Indian/Antananarivo Chagos Christmas Cocos Comoro Kerguelen Mahe Mayotte Reunion
MET MST MST7MDT PST8PDT
Pacific/Apia Bougainville Chatham Chuuk Efate Enderbury Fakaofo Fiji Funafuti Gambier Guadalcanal Guam
Pacific/Kiritimati Kosrae Kwajalein Majuro Marquesas Midway Nauru Niue Norfolk Noumea Pago_Pago Palau Pitcairn
Pacific/Pohnpei Port_Moresby Rarotonga Saipan Tahiti Tarawa Tongatapu Wake Wallis
UTC WET
`;

/** The zones of one `Area/Name Name …` line, in order. */
function zonesOfLine(line: string): string[] {
  const [first, ...rest] = line.split(' ');
  const area = first.slice(0, first.lastIndexOf('/') + 1);
  return [first, ...rest.map((name) => area + name)];
}

let table: Readonly<Record<number, string>> | undefined;

/**
 * Meta's timezone_id → IANA zone, decoded on first use: Apps Script runs Code.js's top level on every
 * custom-function call, and most of them never look a zone id up.
 */
export function timezoneIds(): Readonly<Record<number, string>> {
  table ??= Object.fromEntries(
    [IDS_1_TO_53, IDS_54_TO_141, IDS_142_TO_475]
      .flatMap((lines) => lines.trim().split('\n'))
      .flatMap(zonesOfLine)
      .map((zone, index) => [index + 1, zone]),
  );
  return table;
}
