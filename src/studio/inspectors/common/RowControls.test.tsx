import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { LocaleProvider, type UiLocale } from '../../i18n/index.tsx';
import { RowControls } from './RowControls.tsx';

const noop = () => {};
const render = (element: ReactElement, locale: UiLocale = 'zh-CN') =>
  renderToStaticMarkup(
    <LocaleProvider locale={locale} setLocale={noop}>
      {element}
    </LocaleProvider>,
  );
const names = (html: string) => [...html.matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1]);

describe('RowControls', () => {
  it('names every button after the row, in both languages', () => {
    const row = <RowControls name="Q3" onMove={noop} onRemove={noop} />;
    expect(names(render(row))).toEqual(['上移 Q3', '下移 Q3', '删除 Q3']);
    expect(names(render(row, 'en'))).toEqual(['Move up Q3', 'Move down Q3', 'Delete Q3']);
  });

  it('disables what the row cannot do, and says why delete is off', () => {
    const html = render(
      <RowControls
        name="s1"
        onMove={noop}
        canMoveUp={false}
        onRemove={noop}
        canRemove={false}
        removeHint="至少要有一个章节"
      />,
    );
    expect(html).toContain('aria-label="上移 s1" title="上移 s1" disabled=""');
    expect(html).not.toContain('aria-label="下移 s1" title="下移 s1" disabled=""');
    expect(html).toContain('title="至少要有一个章节" disabled=""');
  });

  it('puts the row’s own buttons between the moves and delete', () => {
    const html = render(
      <RowControls name="2" onMove={noop} onRemove={noop} className="tg-tools">
        <button type="button" aria-label="在下方插入 2">
          +
        </button>
      </RowControls>,
    );
    expect(html.startsWith('<span class="row-controls tg-tools">')).toBe(true);
    expect(names(html)).toEqual(['上移 2', '下移 2', '在下方插入 2', '删除 2']);
  });

  it('moves columns sideways, and is only a delete button without moves', () => {
    const columns = render(<RowControls name="in1" direction="horizontal" onMove={noop} />, 'en');
    expect(names(columns)).toEqual(['Move left in1', 'Move right in1']);
    expect(columns).toContain('←');
    const lone = render(<RowControls className="" onRemove={noop} look="button" />);
    expect(names(lone)).toEqual(['删除']);
    expect(lone).toContain('class="insp-button icon danger"');
  });
});
