/**
 * An event's places in one short line, as a list row shows them: where it happened first, and a visit's origin
 * said as such — "Sochi · from Turkey", never "Sochi, Turkey", which reads as if Sochi were in Turkey.
 */
import type { PlaceRole } from './taxonomy.ts';

const ORDER: readonly PlaceRole[] = ['venue', 'destination', 'target', 'area', 'mentioned', 'origin'];

export function placeLine(
  places: readonly { placeId: string; role: PlaceRole }[],
  nameOf: (placeId: string) => string | undefined,
): string {
  const sorted = [...places].sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role));
  const seen = new Set<string>();
  const where: string[] = [];
  const from: string[] = [];
  for (const { placeId, role } of sorted) {
    const name = nameOf(placeId);
    if (!name || seen.has(name)) continue;
    seen.add(name);
    (role === 'origin' ? from : where).push(name);
  }
  return [where.join(', '), from.length ? `from ${from.join(', ')}` : ''].filter(Boolean).join(' · ');
}
