import type { PathKey } from '../../../domain/index.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { NumberField } from '../common/NumberField.tsx';
import { RowControls } from '../common/RowControls.tsx';
import { addQuestionBand, removeQuestionBand, setQuestionBandField } from './questionnaireEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    bands: '分数区间',
    min: '下限（含）',
    max: '上限（含）',
    points: '分值',
    add: '添加区间',
    hint: '数值答案按第一个包含它的区间计分',
  },
  en: {
    bands: 'Score bands',
    min: 'From (incl.)',
    max: 'To (incl.)',
    points: 'Points',
    add: 'Add band',
    hint: 'A numeric answer scores by the first band that holds it',
  },
});

type Band = { min: number; max: number; points: number };

/** The score bands of a numeric question, e.g. age 18–60 gives 4 points. */
export function BandsEditor(props: {
  bands: readonly Band[];
  path: readonly PathKey[];
  dispatch: Dispatch;
}) {
  const { bands, path, dispatch } = props;
  const t = useMessages(messages);
  const set = (i: number, key: keyof Band, value: number) =>
    dispatch(setQuestionBandField(path, i, key, value));
  return (
    <fieldset className="q-bands">
      <legend title={t('hint')}>{t('bands')}</legend>
      <table className="q-table">
        <thead>
          <tr>
            <th>{t('min')}</th>
            <th>{t('max')}</th>
            <th>{t('points')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {bands.map((b, i) => (
            <tr key={i}>
              <td>
                <NumberField
                  label={`${t('min')} ${i + 1}`}
                  value={b.min}
                  max={b.max}
                  onCommit={(v) => set(i, 'min', v)}
                />
              </td>
              <td>
                <NumberField
                  label={`${t('max')} ${i + 1}`}
                  value={b.max}
                  min={b.min}
                  onCommit={(v) => set(i, 'max', v)}
                />
              </td>
              <td>
                <NumberField
                  label={`${t('points')} ${i + 1}`}
                  value={b.points}
                  onCommit={(v) => set(i, 'points', v)}
                />
              </td>
              <td>
                <RowControls
                  name={String(i + 1)}
                  onRemove={() => dispatch(removeQuestionBand(path, i))}
                  canRemove={bands.length > 1}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="q-add"
        onClick={() => {
          const last = bands.at(-1);
          const min = last ? last.max + 1 : 0;
          dispatch(addQuestionBand(path, bands.length, { min, max: min + 10, points: 0 }));
        }}
      >
        + {t('add')}
      </button>
    </fieldset>
  );
}
