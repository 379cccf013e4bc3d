import { describe, expect, it } from 'vitest';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { renderInspector } from '../../../testing/renderInspector.tsx';
import { MatchInspector } from './index.ts';

/** The part of the HTML that is one dimension's card. */
function card(html: string, id: string): string {
  const start = html.indexOf(`data-dimension="${id}"`);
  expect(start).toBeGreaterThan(-1);
  const end = html.indexOf('data-dimension="', start + 1);
  return html.slice(start, end === -1 ? undefined : end);
}

describe('a dimension applies when', () => {
  it('reads the EU advised-only checks back in words and in the picker', () => {
    const { html } = renderInspector(MatchInspector, loadStarterPack('eu-mifid2'), 'matching');
    const advised = card(html, 'clientType');
    expect(advised).toContain('data-applies-when="controls.advised"');
    expect(advised).toContain('仅当“控制与信息完整性：advised”为真时检查，否则跳过');
    expect(advised).toMatch(/<option value="controls.advised" selected="">/);
    expect(card(html, 'appropriateness')).toContain('data-applies-when="controls.nonAdvised"');
  });

  it('says "always" for the CSRC dimensions and offers only yes/no values upstream', () => {
    const { html } = renderInspector(
      MatchInspector,
      loadStarterPack('cn-csrc-2017'),
      'match',
      'en',
    );
    const horizon = card(html, 'horizon');
    expect(horizon).toContain('Always checked');
    const picker = /<select[^>]*aria-label="Applies when"[^>]*>(.*?)<\/select>/s.exec(horizon)?.[1];
    expect(picker).toBeDefined();
    expect(picker).toMatch(/^<option value="" selected="">always \(no condition\)<\/option>/);
    const offered = [...(picker ?? '').matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    expect(offered).toContain('policy.firmInitiated');
    expect(offered).toContain('investorClass.professional');
    expect(offered).not.toContain('classify.level');
    // The output node is downstream of the match node: never offered.
    expect(offered.some((ref) => ref?.startsWith('output.'))).toBe(false);
  });
});
