import type { PackChange, Scale } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { SelectField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import { levelChoices } from '../common/choiceNames.ts';
import { bandIssues, setBound, type Band } from './bandEdits.ts';
import { addBand, removeBand, setBandLevel, setBands } from './classifyEdits.ts';

const messages = defineMessages({
  'zh-CN': { level: '等级', min: '下限', max: '上限', add: '添加分段' },
  en: { level: 'Level', min: 'Min', max: 'Max', add: 'Add band' },
});

type Props = {
  bands: Band[];
  scale: Scale | undefined;
  nodeIndex: number;
  dispatch: (change: PackChange) => void;
};

/** The bands as numbers; editing a bound moves the touching bound of the neighbour with it. */
export function BandsTable({ bands, scale, nodeIndex, dispatch }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const levels = levelChoices(scale, localize);
  const issues = bandIssues(bands);
  const commitBound = (i: number, key: 'min' | 'max', value: number) => {
    const change = setBands(nodeIndex, bands, setBound(bands, i, key, value));
    if (change) dispatch(change);
  };
  const add = () => {
    const last = bands[bands.length - 1];
    const used = new Set(bands.map((b) => b.level));
    const level = scale?.levels.find((l) => !used.has(l.id))?.id ?? last?.level ?? 'C1';
    const min = last ? last.max + 1 : 0;
    dispatch(addBand(nodeIndex, bands, { level, min, max: min + 10 }));
  };
  return (
    <>
      <table className="insp-grid bands-table">
        <thead>
          <tr>
            <th>{t('level')}</th>
            <th style={{ width: 84 }}>{t('min')}</th>
            <th style={{ width: 84 }}>{t('max')}</th>
            <th style={{ width: 32 }} />
          </tr>
        </thead>
        <tbody>
          {bands.map((b, i) => {
            const mine = issues.filter((x) => x.band === i);
            return [
              <tr key={`b${i}`} data-band={i}>
                <td>
                  <SelectField
                    className="insp-select"
                    label={t('level')}
                    hideLabel
                    value={b.level}
                    options={levels.ids}
                    optionLabel={levels.name}
                    onChange={(level) => dispatch(setBandLevel(nodeIndex, bands, i, level))}
                  />
                </td>
                <td>
                  <NumberField
                    label={`${b.level} ${t('min')}`}
                    value={b.min}
                    onCommit={(v) => commitBound(i, 'min', v)}
                  />
                </td>
                <td>
                  <NumberField
                    label={`${b.level} ${t('max')}`}
                    value={b.max}
                    onCommit={(v) => commitBound(i, 'max', v)}
                  />
                </td>
                <td>
                  <RowControls
                    className=""
                    look="button"
                    name={b.level}
                    onRemove={() => dispatch(removeBand(nodeIndex, bands, i))}
                    canRemove={bands.length > 1}
                  />
                </td>
              </tr>,
              ...mine.map((issue, k) => (
                <tr key={`i${i}-${k}`} className="band-issue-row">
                  <td colSpan={4}>
                    <div
                      className={issue.kind === 'empty' ? 'insp-error' : 'insp-warn'}
                      role="status"
                    >
                      {localize(issue.message)}
                    </div>
                  </td>
                </tr>
              )),
            ];
          })}
        </tbody>
      </table>
      <button type="button" className="insp-button" onClick={add}>
        + {t('add')}
      </button>
    </>
  );
}
