import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CheckField, CheckList, SelectField, toggled } from './ChoiceFields.tsx';

const noop = () => {};

describe('SelectField', () => {
  it('writes its label before the drop-down and names it with the same words', () => {
    const html = renderToStaticMarkup(
      <SelectField label="命中策略" value="first" options={['unique', 'first']} onChange={noop} />,
    );
    expect(html).toMatch(/^<label>命中策略 <select aria-label="命中策略">/);
    expect(html).toContain('<option value="first" selected="">first</option>');
  });

  it('keeps a value the options lack instead of showing the first option', () => {
    const html = renderToStaticMarkup(
      <SelectField
        label="Level"
        hideLabel
        value="C9"
        options={['C1', 'C2']}
        optionLabel={(id) => `level ${id}`}
        onChange={noop}
      />,
    );
    expect(html).toMatch(/^<select aria-label="Level">/);
    expect(html.indexOf('value="C9"')).toBeLessThan(html.indexOf('value="C1"'));
    expect(html).toContain('<option value="C9" selected="">level C9</option>');
  });

  it('offers "none" first when the value may be left out', () => {
    const html = renderToStaticMarkup(
      <SelectField
        label="Scale"
        value={undefined}
        emptyLabel="(none)"
        options={['risk']}
        onChange={noop}
      />,
    );
    expect(html).toContain('<option value="" selected="">(none)</option><option value="risk">');
  });

  it('lays a row out with a label tied to the drop-down', () => {
    const html = renderToStaticMarkup(
      <SelectField label="Round" layout="row" value="a" options={['a']} onChange={noop} />,
    );
    const id = /<label for="([^"]+)">Round<\/label>/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<select id="${id}"`);
    expect(html.startsWith('<div class="insp-row">')).toBe(true);
  });
});

describe('CheckField', () => {
  it('is named by the text after it, or by its label when something else is written', () => {
    const plain = renderToStaticMarkup(<CheckField label="必答" checked onChange={noop} />);
    expect(plain).toBe('<label><input type="checkbox" checked=""/> 必答</label>');
    const rich = renderToStaticMarkup(
      <CheckField label="否决项 A" checked={false} onChange={noop} hint="why">
        否决项
      </CheckField>,
    );
    expect(rich).toBe(
      '<label title="why"><input type="checkbox" aria-label="否决项 A"/> 否决项</label>',
    );
    const bare = renderToStaticMarkup(
      <CheckField label="复杂产品 P1" hideLabel checked={false} onChange={noop} />,
    );
    expect(bare).toBe('<input type="checkbox" aria-label="复杂产品 P1"/>');
  });
});

describe('CheckList', () => {
  it('groups one tick per option and marks the chosen ones', () => {
    const html = renderToStaticMarkup(
      <CheckList
        label="Verdicts"
        options={['allowed', 'warn']}
        selected={['warn']}
        onChange={noop}
      />,
    );
    expect(html).toMatch(/^<span role="group" aria-label="Verdicts">/);
    expect(html).toContain('<label class="chip"><input type="checkbox"/> allowed</label>');
    expect(html).toContain(
      '<label class="chip on"><input type="checkbox" checked=""/> warn</label>',
    );
  });

  it('adds and takes off one option, and keeps the last one when it must', () => {
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggled(['a'], 'a', true)).toEqual(['a']);
    expect(toggled(['a'], 'a', false)).toEqual([]);
    expect(toggled(['a'], 'a', false, true)).toBeUndefined();
  });
});
