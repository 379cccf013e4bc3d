import { Parser } from 'saxen';

/**
 * A value of a TCK test file: a typed text (`xsd:decimal`, `xsd:string`, `xsd:boolean`...; type
 * `''` when the file gives none), null (`xsi:nil`), a list of values, or components of a structure.
 */
export type TckValue =
  | { kind: 'value'; type: string; text: string }
  | { kind: 'null' }
  | { kind: 'list'; items: TckValue[] }
  | { kind: 'components'; components: { name: string; value: TckValue }[] };

export type TckTestCase = {
  id: string;
  description?: string;
  /** Whether an implementation is expected to fail evaluating it (`errorResult`). */
  inputs: { name: string; value: TckValue }[];
  results: { name: string; expected: TckValue; errorResult: boolean }[];
};

export type TckFile = { modelName: string; testCases: TckTestCase[] };

type Frame = {
  tag: string;
  attrs: Record<string, string>;
  text: string;
  children: Frame[];
};

const local = (name: string) => name.replace(/^.*:/, '');

/** The element tree of an XML text, names without prefixes. */
function elementTree(xml: string): Frame {
  const root: Frame = { tag: '#root', attrs: {}, text: '', children: [] };
  const stack: Frame[] = [root];
  const parser = new Parser();
  // saxen reports a closing tag for a self-closing element too: every open tag is pushed.
  parser.on('openTag', (name, attrs) => {
    const frame: Frame = { tag: local(name), attrs: attrs(), text: '', children: [] };
    stack[stack.length - 1]?.children.push(frame);
    stack.push(frame);
  });
  parser.on('closeTag', () => {
    stack.pop();
  });
  parser.on('text', (value, decode) => {
    const top = stack[stack.length - 1];
    if (top) top.text += decode(value);
  });
  parser.on('error', (e) => {
    throw e;
  });
  parser.parse(xml);
  return root;
}

const child = (f: Frame, tag: string) => f.children.find((c) => c.tag === tag);
const attr = (f: Frame, name: string) =>
  Object.entries(f.attrs).find(([k]) => local(k) === name)?.[1];

/** A value-holding element: `<value>`, `<list>` or `<component>`s (inside `expected`...). */
function valueOf(holder: Frame): TckValue {
  const value = child(holder, 'value');
  const list = child(holder, 'list');
  const components = holder.children.filter((c) => c.tag === 'component');
  if (components.length)
    return {
      kind: 'components',
      components: components.map((c) => ({ name: attr(c, 'name') ?? '', value: valueOf(c) })),
    };
  if (list)
    return { kind: 'list', items: list.children.filter((c) => c.tag === 'item').map(valueOf) };
  if (value) {
    if (attr(value, 'nil') === 'true') return { kind: 'null' };
    const inner = child(value, 'list');
    if (inner)
      return { kind: 'list', items: inner.children.filter((c) => c.tag === 'item').map(valueOf) };
    return { kind: 'value', type: local(attr(value, 'type') ?? ''), text: value.text };
  }
  return { kind: 'null' };
}

/** Reads a TCK test file (`*-test-01.xml`). */
export function readTckCases(xml: string): TckFile {
  const root = elementTree(xml);
  const top = child(root, 'testCases');
  if (!top) throw new Error('not a TCK test file: no <testCases>');
  return {
    modelName: child(top, 'modelName')?.text.trim() ?? '',
    testCases: top.children
      .filter((c) => c.tag === 'testCase')
      .map((tc) => ({
        id: attr(tc, 'id') ?? '',
        ...(child(tc, 'description') ? { description: child(tc, 'description')?.text.trim() } : {}),
        inputs: tc.children
          .filter((c) => c.tag === 'inputNode')
          .map((n) => ({ name: attr(n, 'name') ?? '', value: valueOf(n) })),
        results: tc.children
          .filter((c) => c.tag === 'resultNode')
          .map((n) => ({
            name: attr(n, 'name') ?? '',
            expected: child(n, 'expected')
              ? valueOf(child(n, 'expected') as Frame)
              : { kind: 'null' },
            errorResult: attr(n, 'errorResult') === 'true',
          })),
      })),
  };
}
