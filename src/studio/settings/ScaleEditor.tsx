import { useState } from 'react';
import {
  lt,
  nextLevelId,
  planScaleEdit,
  type LocalizedText,
  type Pack,
  type PackChange,
  type Scale,
  type ScaleEdit,
  type ScaleEffect,
} from '../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': {
    clientLevel: '客户风险等级',
    productRisk: '产品风险等级',
    horizon: '投资期限',
    variety: '投资品种',
    other: '其他刻度',
    order: '顺序（低 → 高）',
    id: '标识',
    zh: '中文名称',
    en: '英文名称',
    up: '上移',
    down: '下移',
    remove: '删除',
    add: '添加等级',
    newLevel: '新等级',
    effects: '这项修改还会：',
    noEffects: '这项修改不影响区间、矩阵和产品。',
    apply: '应用',
    cancel: '取消',
  },
  en: {
    clientLevel: 'Client risk levels',
    productRisk: 'Product risk levels',
    horizon: 'Investment horizons',
    variety: 'Investment varieties',
    other: 'Other scale',
    order: 'Order (low → high)',
    id: 'Id',
    zh: 'Chinese label',
    en: 'English label',
    up: 'Move up',
    down: 'Move down',
    remove: 'Remove',
    add: 'Add level',
    newLevel: 'New level',
    effects: 'This edit also:',
    noEffects: 'This edit changes no band, matrix or product.',
    apply: 'Apply',
    cancel: 'Cancel',
  },
});

type Pending = { text: LocalizedText; change: PackChange; effects: ScaleEffect[] };

/**
 * One ordered scale: rename, reorder, add and remove levels. Each edit is planned first; what it
 * does to bands, matrices and products is shown and applied only on confirmation.
 */
export function ScaleEditor(props: {
  pack: Pack;
  scale: Scale;
  dispatch: (change: PackChange) => boolean;
}) {
  const { pack, scale, dispatch } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);

  const plan = (edit: ScaleEdit, confirm = true) => {
    const result = planScaleEdit(pack, edit);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    const text = result.change.type === 'batch' ? result.change.text : undefined;
    if (!confirm && result.effects.length === 0) dispatch(result.change);
    else setPending({ text: text ?? lt('', ''), change: result.change, effects: result.effects });
  };
  const rename = (index: number, field: 'id' | 'zh-CN' | 'en', value: string) => {
    const level = scale.levels[index];
    if (!level) return;
    const id = field === 'id' ? value.trim() : level.id;
    const label = field === 'id' ? level.label : { ...level.label, [field]: value };
    if (id === level.id && JSON.stringify(label) === JSON.stringify(level.label)) return;
    plan({ kind: 'rename', scale: scale.id, level: level.id, id, label }, false);
  };
  const last = scale.levels.length - 1;

  return (
    <section className="scale-editor" data-scale={scale.id} data-testid={`scale-${scale.id}`}>
      <h3>
        {t(scale.role)}
        {localize(scale.label) !== t(scale.role) && (
          <span className="muted"> · {localize(scale.label)}</span>
        )}
      </h3>
      <table className="grid scale-levels">
        <thead>
          <tr>
            <th>{t('order')}</th>
            <th>{t('id')}</th>
            <th>{t('zh')}</th>
            <th>{t('en')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {scale.levels.map((level, i) => (
            <tr key={`${level.id}-${JSON.stringify(level.label)}`} data-level={level.id}>
              <td>{i + 1}</td>
              {(['id', 'zh-CN', 'en'] as const).map((field) => (
                <td key={field}>
                  <input
                    aria-label={t(field === 'zh-CN' ? 'zh' : field)}
                    name={`level-${field}`}
                    defaultValue={field === 'id' ? level.id : level.label[field]}
                    onBlur={(e) => rename(i, field, e.target.value)}
                    onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                    disabled={pending !== null}
                  />
                </td>
              ))}
              <td className="scale-actions">
                <button
                  className="btn btn-small"
                  title={t('up')}
                  aria-label={t('up')}
                  disabled={i === 0 || pending !== null}
                  onClick={() => plan({ kind: 'move', scale: scale.id, from: i, to: i - 1 })}
                >
                  ↑
                </button>
                <button
                  className="btn btn-small"
                  title={t('down')}
                  aria-label={t('down')}
                  disabled={i === last || pending !== null}
                  onClick={() => plan({ kind: 'move', scale: scale.id, from: i, to: i + 1 })}
                >
                  ↓
                </button>
                <button
                  className="btn btn-small btn-danger"
                  disabled={last === 0 || pending !== null}
                  onClick={() => plan({ kind: 'remove', scale: scale.id, level: level.id })}
                  data-testid="level-remove"
                >
                  {t('remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        className="btn btn-small"
        disabled={pending !== null}
        data-testid="level-add"
        onClick={() => {
          const id = nextLevelId(scale);
          const label = lt(`${t('newLevel')} ${id}`, `New level ${id}`);
          plan({ kind: 'add', scale: scale.id, index: scale.levels.length, level: { id, label } });
        }}
      >
        + {t('add')}
      </button>
      {error && <p className="error-text">{localize(error)}</p>}
      {pending && (
        <div className="scale-plan" role="alertdialog" data-testid="scale-plan">
          <strong>{localize(pending.text)}</strong>
          <p>{pending.effects.length > 0 ? t('effects') : t('noEffects')}</p>
          <ul>
            {pending.effects.map((e, i) => (
              <li key={i} data-area={e.area}>
                {localize(e.text)}
              </li>
            ))}
          </ul>
          <button
            className="btn btn-primary btn-small"
            data-testid="scale-apply"
            onClick={() => {
              if (dispatch(pending.change)) setPending(null);
            }}
          >
            {t('apply')}
          </button>{' '}
          <button className="btn btn-small" onClick={() => setPending(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
