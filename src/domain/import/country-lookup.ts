/** ISO 3166-1 numeric → alpha-2, the inverse of country-codes.ts, for ACLED's numeric `iso` column. */
import { knownAlpha2Codes, numericCountryCode } from '../country-codes.ts';

let byNumeric: Map<number, string> | null = null;

/** "760" or "760.0" or "76" → "SY"-style alpha-2 code, or null when the number is not a country's. */
export function alpha2FromNumeric(numeric: string): string | null {
  if (!/^\d{1,3}(\.0+)?$/.test(numeric.trim())) return null;
  if (!byNumeric) {
    byNumeric = new Map();
    for (const alpha2 of knownAlpha2Codes()) {
      const code = numericCountryCode(alpha2);
      if (code) byNumeric.set(Number(code), alpha2);
    }
  }
  return byNumeric.get(Math.round(Number(numeric))) ?? null;
}
