import { describe, expect, it } from 'vitest';
import type { ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { GraphNode, Pack } from '../../../domain/index.ts';
import { LocaleProvider, type UiLocale } from '../../i18n/index.tsx';
import { kindEntry } from '../../nodeKinds/index.ts';
import { PackStoreProvider } from '../packStore.tsx';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';

const packs = [
  loadStarterPack('cn-csrc-2017'),
  loadStarterPack('cn-bank-wealth'),
  loadStarterPack('eu-mifid2'),
];

function render(pack: Pack, node: GraphNode, locale: UiLocale): string {
  const View = kindEntry(node.kind).NodeView as ComponentType<{ node: GraphNode }>;
  return renderToStaticMarkup(
    <LocaleProvider locale={locale} setLocale={() => {}}>
      <PackStoreProvider pack={pack}>
        <View node={node} />
      </PackStoreProvider>
    </LocaleProvider>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ');

describe('node views', () => {
  it.each(packs.map((p) => [p.id, p] as const))(
    'render every node of %s in both locales with nothing undefined',
    (_, pack) => {
      for (const node of pack.graph.nodes)
        for (const locale of ['zh-CN', 'en'] as const) {
          const html = render(pack, node, locale);
          expect(text(html).trim().length, `${node.id} ${locale}`).toBeGreaterThan(0);
          expect(text(html), `${node.id} ${locale}`).not.toMatch(/undefined|NaN|\{\w+\}/);
        }
    },
  );

  const csrc = packs[0] as Pack;
  const byId = (id: string) => csrc.graph.nodes.find((n) => n.id === id) as GraphNode;

  it('show the questionnaire size and score range', () => {
    const html = text(render(csrc, byId('risk'), 'zh-CN'));
    expect(html).toMatch(/\d+ 道题/);
    expect(html).toMatch(/总分 \d+–\d+/);
  });

  it('show the classify bands as a ruler of the five levels', () => {
    const html = render(csrc, byId('classify'), 'en');
    for (const level of ['C1', 'C2', 'C3', 'C4', 'C5']) expect(html).toContain(`>${level}<`);
    expect(html).toContain('C2 20-36');
  });

  it('show the level x risk matrix with one coloured cell per pair', () => {
    const html = render(csrc, byId('match'), 'en');
    expect(html.match(/<td /g)).toHaveLength(25);
  });

  it('show the terms and combine mode of a score', () => {
    const html = text(render(csrc, byId('effectiveScore'), 'zh-CN'));
    expect(html).toContain('1 × risk.total');
    expect(html).toContain('取最小值');
  });
});
