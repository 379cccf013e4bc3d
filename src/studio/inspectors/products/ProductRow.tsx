import type { Product, Scale } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { TextCell } from '../questionnaire/TextCell.tsx';
import { levelText } from '../rules/index.ts';

const messages = defineMessages({
  'zh-CN': {
    id: '代码',
    nameZh: '中文名称',
    nameEn: '英文名称',
    risk: '风险等级',
    horizon: '期限',
    variety: '品种',
    complex: '复杂产品',
    tags: '标签',
    remove: '删除',
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
    remove: 'Delete',
    none: '—',
  },
});

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const ids = (s: Scale | undefined) => s?.levels.map((l) => l.id) ?? [];

type Props = {
  product: Product;
  /** The product's place in `pack.products.items`, whatever the sort and filter. */
  index: number;
  scales: { risk: Scale | undefined; horizon: Scale | undefined; variety: Scale | undefined };
  taken: ReadonlySet<string>;
  dispatch: Dispatch;
};

/** One product of the catalogue, every field editable in place. */
export function ProductRow({ product: p, index, scales, taken, dispatch }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { risk, horizon, variety } = scales;
  const set = (key: keyof Product, value: unknown) =>
    dispatch({ type: 'set', path: ['products', 'items', index, key], value });
  const levelSelect = (
    s: Scale | undefined,
    value: string | undefined,
    label: string,
    onChange: (v: string | undefined) => void,
    optional: boolean,
  ) => (
    <select
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      {optional && <option value="">{t('none')}</option>}
      {value && !s?.levels.some((l) => l.id === value) && <option value={value}>{value}</option>}
      {s?.levels.map((l) => (
        <option key={l.id} value={l.id}>
          {levelText(l.id, localize(l.label))}
        </option>
      ))}
    </select>
  );
  return (
    <tr data-product={p.id}>
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
      <td className={`risk-cell risk-${ids(risk).indexOf(p.risk)}`}>
        {levelSelect(risk, p.risk, `${t('risk')} ${p.id}`, (v) => v && set('risk', v), false)}
      </td>
      {horizon && (
        <td>
          {levelSelect(
            horizon,
            p.horizon,
            `${t('horizon')} ${p.id}`,
            (v) => set('horizon', v),
            true,
          )}
        </td>
      )}
      {variety && (
        <td>
          {levelSelect(
            variety,
            p.variety,
            `${t('variety')} ${p.id}`,
            (v) => set('variety', v),
            true,
          )}
        </td>
      )}
      <td>
        <input
          type="checkbox"
          aria-label={`${t('complex')} ${p.id}`}
          checked={p.complex}
          onChange={(e) => set('complex', e.target.checked)}
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
        <button
          type="button"
          aria-label={`${t('remove')} ${p.id}`}
          onClick={() => dispatch({ type: 'remove', path: ['products', 'items'], index })}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}
