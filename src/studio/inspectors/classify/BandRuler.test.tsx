import { expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { LocaleProvider } from '../../i18n/index.tsx';
import { BandRuler } from './BandRuler.tsx';

const bands = [
  { level: 'C1', min: 0, max: 19 },
  { level: 'C2', min: 20, max: 36 },
  { level: 'C3', min: 37, max: 53 },
  { level: 'C4', min: 54, max: 82 },
  { level: 'C5', min: 83, max: 100 },
];
const levels = bands.map((b) => b.level);

function render(scores: number[]): string {
  return renderToStaticMarkup(
    <LocaleProvider locale="zh-CN" setLocale={() => {}}>
      <BandRuler bands={bands} levels={levels} scores={scores} onCommit={() => {}} />
    </LocaleProvider>,
  );
}

it('has a handle per boundary, placed where the upper band starts', () => {
  const html = render([]);
  expect(html.match(/role="slider"/g)).toHaveLength(4);
  expect(html).toContain('data-boundary="C2-C3"');
  expect(html).toMatch(/aria-valuenow="36"[^>]*data-boundary="C2-C3"/);
  // Whole-number bands are drawn over [min, max + 1): C3 starts at 37 / 101 of the ruler.
  expect(html).toContain(`left:${((37 / 101) * 100).toFixed(3)}%`);
  expect(html).not.toContain('band-ruler-bin');
});

it('draws the sample scores as a histogram and counts them per band', () => {
  const html = render([5, 10, 25, 30, 31, 90, 150]);
  expect(html).toContain('band-ruler-bin');
  const counts = [...html.matchAll(/band-ruler-count"> (\d+)</g)].map((m) => Number(m[1]));
  expect(counts).toEqual([2, 3, 0, 0, 1]);
  expect(html).toContain('1 个样本分数不在任何分段内');
});
