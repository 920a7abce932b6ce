/**
 * How event types, modalities and precisions look, in one place: the map, the timeline, the list and the legend
 * all read from here, so a colour means the same thing everywhere. Colours are grouped by family (diplomacy in
 * blues, agreements in greens, violence in reds, trade in browns) and each has at least 3:1 contrast on white.
 */
import { EVENT_TYPES, type EventType } from '../domain/taxonomy.ts';

export const TYPE_COLORS: Record<EventType, string> = {
  meeting: '#2563eb',
  visit: '#0e7490',
  call: '#4f46e5',
  summit: '#1e3a8a',
  statement: '#6b7280',
  agreement: '#15803d',
  ceasefire: '#4d7c0f',
  attack: '#dc2626',
  clash: '#b91c1c',
  offensive: '#9f1239',
  deployment: '#c2410c',
  arms_deal: '#a16207',
  sanction: '#7c2d12',
  protest: '#c026d3',
  humanitarian_warning: '#b45309',
  other: '#57534e',
};

export function typeLabel(type: EventType): string {
  return EVENT_TYPES[type].label;
}

export const MODALITY_LABELS = {
  occurred: 'Occurred',
  ongoing: 'Ongoing',
  planned: 'Planned or announced',
  hypothetical: 'Hypothetical',
} as const;

export const PLACE_ROLE_LABELS = {
  venue: 'Venue',
  origin: 'Origin',
  destination: 'Destination',
  target: 'Target',
  area: 'Area',
  mentioned: 'Mentioned',
} as const;
