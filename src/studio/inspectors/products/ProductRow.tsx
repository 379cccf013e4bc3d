import type { ReactNode } from 'react';
import type { Product, Scale } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { TextCell } from '../questionnaire/TextCell.tsx';
import { CheckField, SelectField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import { levelChoices } from '../common/choiceNames.ts';
import { removeProduct, setProductField } from './productEdits.ts';

/** Names of a product's fields: the row's labels and the catalogue's column heads. */
export const productFieldMessages = defineMessages({
  'zh-CN': {
    id: '代码',
    nameZh: '中文名称',
    nameEn: '英文名称',
    risk: '风险等级',
    horizon: '期限',
    variety: '品种',
    complex: '复杂产品',
    tags: '标签',
    none: '—',
  },
  en: {
    id: 'Id',
    nameZh: 'Name (中文)',
    nameEn: 'Name (English)',
    risk: 'Risk',
    horizon: 'Horizon',
    variety: 'Variety',
    complex: 'Complex',
    tags: 'Tags',
    none: '—',
  },
});

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

type Props = {
  product: Product;
  /** The product's place in `pack.products.items`, whatever the sort and filter. */
  index: number;
  scales: { risk: Scale | undefined; horizon: Scale | undefined; variety: Scale | undefined };
  taken: ReadonlySet<string>;
  dispatch: Dispatch;
  /** The row's selection checkbox, in the first cell. */
  select?: ReactNode;
};

/** One product of the catalogue, every field editable in place. */
export function ProductRow({ product: p, index, scales, taken, dispatch, select }: Props) {
  const t = useMessages(productFieldMessages);
  const localize = useLocalize();
  const { risk, horizon, variety } = scales;
  const set = <K extends keyof Product>(key: K, value: Product[K] | undefined) =>
    dispatch(setProductField(p, index, key, value));
  const riskLevels = levelChoices(risk, localize);
  /** Horizon and variety may be left open: "—" removes them. */
  const optionalLevel = (key: 'horizon' | 'variety', scale: Scale) => {
    const levels = levelChoices(scale, localize);
    return (
      <td>
        <SelectField
          label={`${t(key)} ${p.id}`}
          hideLabel
          value={p[key]}
          emptyLabel={t('none')}
          options={levels.ids}
          optionLabel={levels.name}
          onChange={(v) => set(key, v)}
        />
      </td>
    );
  };
  return (
    <tr data-product={p.id}>
      {select && <td>{select}</td>}
      <td>
        <TextCell
          label={`${t('id')} ${p.id}`}
          value={p.id}
          pattern={ID}
          validate={(v) => v === p.id || !taken.has(v)}
          onCommit={(v) => set('id', v)}
        />
      </td>
      <td>
        <TextCell
          label={`${t('nameZh')} ${p.id}`}
          value={p.name['zh-CN']}
          onCommit={(v) => set('name', { ...p.name, 'zh-CN': v })}
        />
      </td>
      <td>
        <TextCell
          label={`${t('nameEn')} ${p.id}`}
          value={p.name.en}
          onCommit={(v) => set('name', { ...p.name, en: v })}
        />
      </td>
      <td className={`risk-cell risk-${riskLevels.ids.indexOf(p.risk)}`}>
        <SelectField
          label={`${t('risk')} ${p.id}`}
          hideLabel
          value={p.risk}
          options={riskLevels.ids}
          optionLabel={riskLevels.name}
          onChange={(v) => set('risk', v)}
        />
      </td>
      {horizon && optionalLevel('horizon', horizon)}
      {variety && optionalLevel('variety', variety)}
      <td>
        <CheckField
          label={`${t('complex')} ${p.id}`}
          hideLabel
          checked={p.complex}
          onChange={(on) => set('complex', on)}
        />
      </td>
      <td>
        <TextCell
          label={`${t('tags')} ${p.id}`}
          value={p.tags.join(', ')}
          onCommit={(v) =>
            set(
              'tags',
              v
                .split(/[,;，；]/)
                .map((s) => s.trim())
                .filter(Boolean),
            )
          }
        />
      </td>
      <td>
        <RowControls className="" name={p.id} onRemove={() => dispatch(removeProduct(p, index))} />
      </td>
    </tr>
  );
}
