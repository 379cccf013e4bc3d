import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route.ts';

describe('route', () => {
  it('round-trips a pack route through the hash', () => {
    const route = { screen: 'pack', key: 'cn-csrc-2017', tab: 'json' } as const;
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('falls back to the workspace and to the graph tab', () => {
    expect(parseRoute('')).toEqual({ screen: 'workspace' });
    expect(parseRoute('#/nowhere')).toEqual({ screen: 'workspace' });
    expect(parseRoute('#/pack/mini/bogus')).toEqual({ screen: 'pack', key: 'mini', tab: 'graph' });
  });
});
