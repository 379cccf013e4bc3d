import type { PackChange } from '../../../domain/index.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { CheckField } from '../common/ChoiceFields.tsx';
import { setRescaleBound, toggleRescale, type Rescale } from './scoreEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    rescale: '结果线性缩放',
    rescaleHint: '把合并后的值从原区间线性映射到目标区间',
    from: '原区间',
    to: '目标区间',
    zeroRange: '原区间的上下限相同，无法缩放',
  },
  en: {
    rescale: 'Rescale the result',
    rescaleHint: 'Maps the combined value linearly from one range to another',
    from: 'From',
    to: 'To',
    zeroRange: 'The from-range is empty: its min and max are equal',
  },
});

type Props = {
  normalize: Rescale | undefined;
  nodeIndex: number;
  dispatch: (change: PackChange) => void;
};

/** The optional linear rescale of a score, e.g. a raw 0-32 total to 0-100. */
export function RescaleEditor({ normalize: n, nodeIndex, dispatch }: Props) {
  const t = useMessages(messages);
  const field = (key: keyof Rescale, label: string) =>
    n && (
      <NumberField
        label={label}
        value={n[key]}
        onCommit={(v) => dispatch(setRescaleBound(nodeIndex, key, v))}
      />
    );
  return (
    <section className="insp-section">
      <CheckField
        className="insp-row"
        label={t('rescale')}
        checked={n !== undefined}
        onChange={(on) => dispatch(toggleRescale(nodeIndex, on))}
      >
        <strong>{t('rescale')}</strong>
      </CheckField>
      <p className="insp-muted">{t('rescaleHint')}</p>
      {n && (
        <>
          <div className="insp-row">
            <label>{t('from')}</label>
            {field('fromMin', `${t('from')} min`)}–{field('fromMax', `${t('from')} max`)}
          </div>
          <div className="insp-row">
            <label>{t('to')}</label>
            {field('toMin', `${t('to')} min`)}–{field('toMax', `${t('to')} max`)}
          </div>
          {n.fromMin === n.fromMax && <p className="insp-error">{t('zeroRange')}</p>}
        </>
      )}
    </section>
  );
}
