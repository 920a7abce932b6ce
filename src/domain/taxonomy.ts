/**
 * The event taxonomy, its CAMEO mapping, and the role vocabularies. One list feeds the schema, the docs, the
 * legend and the exports, so a type can never be valid in one place and unknown in another.
 */

export const EVENT_TYPES = {
  meeting: { label: 'Meeting', cameo: '040', description: 'two or more parties meet or hold talks' },
  visit: { label: 'Visit', cameo: '042', description: 'an official travels to another place (043 for the host)' },
  call: { label: 'Phone call', cameo: '041', description: 'a telephone or video call' },
  summit: { label: 'Summit', cameo: '044', description: 'a multilateral meeting of leaders' },
  statement: { label: 'Statement', cameo: '010', description: 'a public statement, announcement or remark' },
  agreement: { label: 'Agreement', cameo: '057', description: 'a deal, memorandum or joint statement is concluded' },
  ceasefire: { label: 'Ceasefire', cameo: '0871', description: 'a truce is declared or agreed' },
  attack: { label: 'Attack', cameo: '190', description: 'an air strike, shelling, raid or other use of force' },
  clash: { label: 'Armed clash', cameo: '190', description: 'fighting between armed parties' },
  offensive: { label: 'Offensive', cameo: '190', description: 'a sustained military campaign' },
  deployment: { label: 'Deployment', cameo: '154', description: 'troops deployed, posts set up, an intervention' },
  arms_deal: { label: 'Arms deal', cameo: '072', description: 'a purchase or sale of weapons' },
  sanction: { label: 'Sanction', cameo: '163', description: 'sanctions or embargoes imposed' },
  protest: { label: 'Protest', cameo: '141', description: 'a demonstration' },
  humanitarian_warning: {
    label: 'Humanitarian warning',
    cameo: '012',
    description: 'a warning about civilians, displacement or aid needs',
  },
  other: {
    label: 'Other',
    cameo: '',
    description: 'an event no type above fits; imported records keep their own classification beside it',
  },
} as const satisfies Record<string, { label: string; cameo: string; description: string }>;

export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_IDS = Object.keys(EVENT_TYPES) as [EventType, ...EventType[]];

export const MODALITIES = ['occurred', 'ongoing', 'planned', 'hypothetical'] as const;
export type Modality = (typeof MODALITIES)[number];

export const DATE_RESOLUTIONS = ['explicit', 'relative', 'inferred'] as const;
export type DateResolution = (typeof DATE_RESOLUTIONS)[number];

export const ACTOR_KINDS = [
  'person',
  'state',
  'government-body',
  'armed-forces',
  'armed-group',
  'igo',
  'ngo',
  'group',
] as const;

export const ACTOR_ROLES = [
  'participant',
  'visitor',
  'host',
  'speaker',
  'caller',
  'recipient',
  'mediator',
  'attacker',
  'target',
  'supplier',
  'buyer',
  'signatory',
  'organiser',
  'subject',
  'reporter',
] as const;

export const PLACE_KINDS = ['country', 'admin1', 'city', 'site', 'region', 'water'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PLACE_ROLES = ['venue', 'origin', 'destination', 'target', 'area', 'mentioned'] as const;
export type PlaceRole = (typeof PLACE_ROLES)[number];

/** Like ACLED's geo_precision: how exactly the event is tied to the place's point. */
export const PLACE_PRECISIONS = ['exact', 'near', 'admin1', 'region', 'country'] as const;
export type PlacePrecision = (typeof PLACE_PRECISIONS)[number];

/**
 * What a source is, which decides how its words may be shown:
 * - article: the full text of a news article is held; evidence spans are verbatim excerpts of it.
 * - excerpts: only the passages a dataset's author quoted are held (e.g. a spreadsheet's excerpt column); the
 *   text is those passages, each one verbatim, and the full article is at the source's address.
 * - coded-record: a coded event dataset (ACLED, a spreadsheet of events). It has no text: its records are coders'
 *   summaries, never shown as quotes of an article.
 */
export const SOURCE_KINDS = ['article', 'excerpts', 'coded-record'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const DISAGREEMENT_ASPECTS = ['date', 'duration', 'place', 'actors', 'detail'] as const;
