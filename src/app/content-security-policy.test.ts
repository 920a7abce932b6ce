import { describe, expect, it } from 'vitest';
import { OSM_TILE_URL } from '../features/map/online-tiles.ts';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from './content-security-policy.ts';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split('; ').map((part) => {
    const [name, ...sources] = part.split(' ');
    return [name!, sources] as const;
  }),
);

describe('the Content-Security-Policy', () => {
  it('allows nothing unsafe: no inline code, no eval, no plugins, no foreign base or form targets', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|blob:|http:/);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    for (const name of ['script-src', 'style-src', 'connect-src', 'worker-src', 'base-uri', 'form-action'])
      expect(directives.get(name), name).toEqual(["'self'"]);
  });

  it('lets images come from the opt-in tile server the map asks, and from data: URLs only besides', () => {
    const tileHost = new URL(OSM_TILE_URL).origin;
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', tileHost]);
  });

  it('holds only directives a <meta> policy can carry', () => {
    for (const name of Object.keys(CSP_DIRECTIVES))
      expect(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']).not.toContain(name);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/"/);
  });
});
