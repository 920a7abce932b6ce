/**
 * `tsx scripts/bench/acled-csv.ts <rows> <file>`: writes a synthetic ACLED export (the 2023 layout) of <rows>
 * events, for measuring `npm run import` at 100k and 1M rows. Deterministic (seeded): the same arguments always
 * write the same bytes. Invented, not real ACLED rows: five countries, a gazetteer of ~5,000 locations under
 * admin1–3, ~1,500 actors, the documented event and sub-event types in rough ACLED proportions, the three time
 * and geo precisions, quoted multi-line notes with commas, ";"-separated associated actors and outlets.
 */
import { createWriteStream } from 'node:fs';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20200305);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
/** Skewed towards the first items: a few places and actors get most events, as in real data. */
const pickSkewed = <T>(items: readonly T[]): T => items[Math.floor(items.length * random() ** 2.5)]!;

const SYLLABLES = [
  'al',
  'ma',
  'ra',
  'kaf',
  'tal',
  'deir',
  'bab',
  'sa',
  'qa',
  'nab',
  'jis',
  'ha',
  'ri',
  'zor',
  'mar',
  'din',
  'ka',
  'sur',
  'bey',
  'lu',
  'yur',
  'cu',
  'şa',
  'ğa',
  'ur',
  'il',
  'ne',
  'ba',
  'lat',
  'hum',
];
function placeName(): string {
  const parts = 1 + int(3);
  let name = '';
  for (let i = 0; i < parts; i++) name += pick(SYLLABLES);
  name = name[0]!.toUpperCase() + name.slice(1);
  return random() < 0.2 ? `${pick(['Tell', 'Kafr', 'Ain', "Ma'arrat", 'Deir'])} ${name}` : name;
}

const COUNTRIES = [
  { name: 'Syria', iso: '760', code: 'SYR', lat: 35.0, lon: 38.5, weight: 5 },
  { name: 'Turkey', iso: '792', code: 'TUR', lat: 39.0, lon: 35.0, weight: 2 },
  { name: 'Iraq', iso: '368', code: 'IRQ', lat: 33.2, lon: 43.7, weight: 2 },
  { name: 'Yemen', iso: '887', code: 'YEM', lat: 15.5, lon: 47.5, weight: 3 },
  { name: 'Lebanon', iso: '422', code: 'LBN', lat: 33.9, lon: 35.8, weight: 1 },
];

interface Location {
  country: (typeof COUNTRIES)[number];
  admin1: string;
  admin2: string;
  admin3: string;
  name: string;
  lat: string;
  lon: string;
}
const locations: Location[] = [];
for (const country of COUNTRIES) {
  for (let a1 = 0; a1 < 10; a1++) {
    const admin1 = placeName();
    const [lat1, lon1] = [country.lat + (random() - 0.5) * 4, country.lon + (random() - 0.5) * 5];
    for (let a2 = 0; a2 < 5; a2++) {
      const admin2 = a2 === 0 ? admin1 : placeName();
      for (let a3 = 0; a3 < 4; a3++) {
        const admin3 = country.name === 'Turkey' ? '' : a3 === 0 ? admin2 : placeName();
        for (let l = 0; l < 5; l++) {
          locations.push({
            country,
            admin1,
            admin2,
            admin3,
            name: l === 0 && admin3 ? admin3 : placeName(),
            lat: (lat1 + (random() - 0.5) * 0.8).toFixed(4),
            lon: (lon1 + (random() - 0.5) * 0.8).toFixed(4),
          });
        }
      }
    }
  }
}
const byCountry = new Map(COUNTRIES.map((c) => [c.name, locations.filter((l) => l.country === c)]));
const countryWeights = COUNTRIES.flatMap((c) => Array<typeof c>(c.weight).fill(c));

const actorsOf = (country: string) => ({
  state: [`Military Forces of ${country} (2000-)`, `Police Forces of ${country} (2000-)`],
  rebels: Array.from(
    { length: 60 },
    (_, i) => `${placeName()} ${pick(['Brigade', 'Front', 'Movement', 'Army', 'Battalion'])} ${i}`,
  ),
  militias: [
    `Unidentified Armed Group (${country})`,
    ...Array.from({ length: 120 }, () => `${placeName()} Communal Militia (${country})`),
  ],
  civilians: `Civilians (${country})`,
  protesters: `Protesters (${country})`,
  rioters: `Rioters (${country})`,
  groups: Array.from(
    { length: 80 },
    () => `${placeName()} ${pick(['Tribe', 'Clan', 'Party', 'Union', 'Association'])} (${country})`,
  ),
});
const ACTORS = new Map(COUNTRIES.map((c) => [c.name, actorsOf(c.name)]));
const EXTERNAL = [
  'Military Forces of Russia (2000-)',
  'Military Forces of the United States (2017-2021)',
  'Military Forces of Iran (1989-)',
  'Military Forces of Turkey (2016-)',
];
const OUTLETS = Array.from(
  { length: 200 },
  (_, i) =>
    `${placeName()} ${pick(['News', 'Agency', 'Times', 'Post', 'Observatory', 'Network'])}${i % 7 === 0 ? ' Arabic' : ''}`,
);
const WORDS = [
  'forces',
  'shelled',
  'positions',
  'near',
  'the',
  'village',
  'of',
  'killing',
  'wounding',
  'residents',
  'fighters',
  'clashed',
  'with',
  'on',
  'outskirts',
  'after',
  'an',
  'attack',
  'by',
  'gunmen',
  'protest',
  'against',
  'prices',
  'hundreds',
  'gathered',
  'in',
  'square',
  'road',
  'checkpoint',
  'drone',
  'strike',
  'targeted',
  'vehicle',
  'convoy',
  'reportedly',
  'according',
  'to',
  'local',
  'sources',
  'unknown',
  'number',
];

type Kind = { type: string; sub: string; disorder: string; weight: number };
const KINDS: Kind[] = [
  { type: 'Battles', sub: 'Armed clash', disorder: 'Political violence', weight: 20 },
  { type: 'Battles', sub: 'Government regains territory', disorder: 'Political violence', weight: 2 },
  { type: 'Battles', sub: 'Non-state actor overtakes territory', disorder: 'Political violence', weight: 2 },
  {
    type: 'Explosions/Remote violence',
    sub: 'Shelling/artillery/missile attack',
    disorder: 'Political violence',
    weight: 18,
  },
  { type: 'Explosions/Remote violence', sub: 'Air/drone strike', disorder: 'Political violence', weight: 12 },
  {
    type: 'Explosions/Remote violence',
    sub: 'Remote explosive/landmine/IED',
    disorder: 'Political violence',
    weight: 5,
  },
  { type: 'Violence against civilians', sub: 'Attack', disorder: 'Political violence', weight: 10 },
  {
    type: 'Violence against civilians',
    sub: 'Abduction/forced disappearance',
    disorder: 'Political violence',
    weight: 3,
  },
  { type: 'Protests', sub: 'Peaceful protest', disorder: 'Demonstrations', weight: 14 },
  { type: 'Protests', sub: 'Protest with intervention', disorder: 'Demonstrations', weight: 2 },
  { type: 'Riots', sub: 'Violent demonstration', disorder: 'Demonstrations', weight: 2 },
  { type: 'Riots', sub: 'Mob violence', disorder: 'Political violence', weight: 2 },
  {
    type: 'Strategic developments',
    sub: 'Looting/property destruction',
    disorder: 'Strategic developments',
    weight: 2,
  },
  { type: 'Strategic developments', sub: 'Arrests', disorder: 'Strategic developments', weight: 3 },
  {
    type: 'Strategic developments',
    sub: 'Headquarters or base established',
    disorder: 'Strategic developments',
    weight: 1,
  },
  { type: 'Strategic developments', sub: 'Agreement', disorder: 'Strategic developments', weight: 1 },
  { type: 'Strategic developments', sub: 'Other', disorder: 'Strategic developments', weight: 1 },
];
const kindWeights = KINDS.flatMap((k) => Array<Kind>(k.weight).fill(k));

const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const DAY_MS = 86_400_000;
const START = Date.UTC(2018, 0, 1);
const DAYS = 6 * 365;

function row(counters: Map<string, number>): string {
  const country = pick(countryWeights);
  const place = pickSkewed(byCountry.get(country.name)!);
  const kind = pick(kindWeights);
  const a = ACTORS.get(country.name)!;
  let actor1: string,
    inter1: string,
    actor2 = '',
    inter2 = '',
    assoc1 = '',
    assoc2 = '',
    civilian = '';
  if (kind.type === 'Protests') {
    [actor1, inter1] = [a.protesters, 'Protesters'];
    if (random() < 0.4)
      assoc1 = [pickSkewed(a.groups), random() < 0.3 ? pickSkewed(a.groups) : ''].filter(Boolean).join('; ');
    if (kind.sub === 'Protest with intervention') [actor2, inter2] = [a.state[1]!, 'State forces'];
  } else if (kind.type === 'Riots') {
    [actor1, inter1] = [a.rioters, 'Rioters'];
    if (random() < 0.5)
      [actor2, inter2] = kind.sub === 'Mob violence' ? [a.civilians, 'Civilians'] : [a.state[1]!, 'State forces'];
  } else if (kind.type === 'Violence against civilians') {
    [actor1, inter1] = random() < 0.5 ? [pickSkewed(a.militias), 'Political militia'] : [a.state[0]!, 'State forces'];
    [actor2, inter2, civilian] = [a.civilians, 'Civilians', 'Civilian targeting'];
    if (random() < 0.2)
      assoc2 = pick(['Women', 'Health Workers', 'Journalists', 'Refugees/IDPs']) + ` (${country.name})`;
  } else {
    const side = () =>
      random() < 0.35
        ? ([a.state[0]!, 'State forces'] as const)
        : random() < 0.55
          ? ([pickSkewed(a.rebels), 'Rebel group'] as const)
          : random() < 0.8
            ? ([pickSkewed(a.militias), random() < 0.5 ? 'Political militia' : 'Identity militia'] as const)
            : ([pick(EXTERNAL), 'External/Other forces'] as const);
    [actor1, inter1] = side();
    if (kind.type !== 'Explosions/Remote violence' || random() < 0.6) [actor2, inter2] = side();
    if (random() < 0.15) assoc1 = pickSkewed(a.groups);
  }
  const day = START + Math.floor(DAYS * (0.15 + 0.85 * random() ** 0.7)) * DAY_MS;
  const date = new Date(day).toISOString().slice(0, 10);
  const timePrecision = random() < 0.86 ? '1' : random() < 0.7 ? '2' : '3';
  const geoPrecision = random() < 0.7 ? '1' : random() < 0.66 ? '2' : '3';
  const n = (counters.get(country.code) ?? 0) + 1;
  counters.set(country.code, n);
  const words = Array.from({ length: 18 + int(30) }, () => pick(WORDS)).join(' ');
  const fatalities = random() < 0.7 ? 0 : int(random() < 0.9 ? 6 : 60);
  const notes = `On ${date}, ${words}, in ${place.name} (${place.admin2}, ${place.admin1}).${random() < 0.1 ? `\n${fatalities} fatalities were reported, "according to" ${pick(OUTLETS)}.` : ''}`;
  const outlets = [pickSkewed(OUTLETS), ...(random() < 0.4 ? [pickSkewed(OUTLETS)] : [])].join('; ');
  const values = [
    `${country.code}${n}`,
    date,
    date.slice(0, 4),
    timePrecision,
    kind.disorder,
    kind.type,
    kind.sub,
    actor1,
    assoc1,
    inter1,
    actor2,
    assoc2,
    inter2,
    actor2 ? `${inter1}-${inter2}` : `${inter1} only`,
    civilian,
    country.iso,
    'Middle East',
    country.name,
    place.admin1,
    place.admin2,
    place.admin3,
    place.name,
    place.lat,
    place.lon,
    geoPrecision,
    outlets,
    pick(['National', 'Subnational', 'International', 'Subnational-National', 'New media']),
    notes,
    String(fatalities),
    kind.type === 'Protests' && random() < 0.3
      ? `crowd size=${pick(['dozens', 'hundreds', 'around 50', 'no report'])}`
      : '',
    String(Math.floor(day / 1000) + 86_400 * (7 + int(60))),
  ];
  return `${values.map(cell).join(',')}\r\n`;
}

async function main() {
  const [rowsArg, file] = process.argv.slice(2);
  const rows = Number(rowsArg);
  if (!Number.isInteger(rows) || rows < 1 || !file) {
    console.error('usage: tsx scripts/bench/acled-csv.ts <rows> <file>');
    process.exitCode = 2;
    return;
  }
  const out = createWriteStream(file, { encoding: 'utf8' });
  const counters = new Map<string, number>();
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`\uFEFF${HEADER}\r\n`);
  let batch = '';
  for (let i = 0; i < rows; i++) {
    batch += row(counters);
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise<void>((resolve) => out.end(() => resolve()));
  console.error(`wrote ${rows.toLocaleString('en-US')} rows to ${file}`);
}

void main();
