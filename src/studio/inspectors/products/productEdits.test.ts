import { expect, it } from 'vitest';
import { applyChange, invertChange, type Pack, type PackChange } from '../../../domain/index.ts';
import { loadStarterPack } from '../../../testing/starterPackFiles.ts';
import { addFact, removeFact, setFactField } from '../io/factEdits.ts';
import { addProduct, removeProduct, setProductField } from './productEdits.ts';

const pack = loadStarterPack('cn-csrc-2017');
const items = pack.products.items;
const first = items[0];
const fact = pack.vocabulary.facts[0];
if (!first || !fact) throw new Error('the CSRC pack has products and facts');

it('product and fact intents apply, say what they did, and undo back to the pack', () => {
  const product = { ...first, id: 'P-new' };
  const cases: [PackChange, (p: Pack) => unknown, unknown, string][] = [
    [
      addProduct(items, product),
      (p) => p.products.items.at(-1)?.id,
      'P-new',
      'added product P-new',
    ],
    [
      removeProduct(first, 0),
      (p) => p.products.items.length,
      items.length - 1,
      `removed product ${first.id}`,
    ],
    [
      setProductField(first, 0, 'risk', 'R5'),
      (p) => p.products.items[0]?.risk,
      'R5',
      `changed risk of product ${first.id}`,
    ],
    [
      addFact(pack, 'boolean'),
      (p) => p.vocabulary.facts.at(-1)?.type,
      'boolean',
      'added fact fact',
    ],
    [
      removeFact(fact, 0),
      (p) => p.vocabulary.facts.length,
      pack.vocabulary.facts.length - 1,
      `removed fact ${fact.id}`,
    ],
    [
      setFactField(fact, 0, 'required', true),
      (p) => p.vocabulary.facts[0]?.required,
      true,
      `changed required of fact ${fact.id}`,
    ],
  ];
  for (const [change, read, expected, words] of cases) {
    expect(change.type === 'batch' && change.text?.en).toBe(words);
    const after = applyChange(pack, change);
    expect(read(after)).toEqual(expected);
    expect(applyChange(after, invertChange(pack, change))).toEqual(pack);
  }
});
