import { useMemo } from 'react';
import type { Pack, PathKey, Question, QuestionType } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { CheckField, SelectField } from '../common/ChoiceFields.tsx';
import { LocalizedField } from '../common/LocalizedField.tsx';
import { NumberField } from '../common/NumberField.tsx';
import { BandsEditor } from './BandsEditor.tsx';
import { OptionsEditor } from './OptionsEditor.tsx';
import { QuestionPreview } from './QuestionPreview.tsx';
import { ShowIfBuilder } from './ShowIfBuilder.tsx';
import { TextCell } from './TextCell.tsx';
import { renameQuestionChange } from './questionEdits.ts';
import { setQuestionField, setQuestionType } from './questionnaireEdits.ts';
import { pointsRange, questionRange } from './scoreRange.ts';

const messages = defineMessages({
  'zh-CN': {
    id: '问题代码',
    type: '题型',
    single: '单选',
    multiple: '多选',
    numeric: '数值',
    yesno: '是/否',
    text: '题目',
    help: '说明',
    required: '必答',
    weight: '权重',
    dimensions: '维度标签（逗号分隔）',
    scoring: '多选计分',
    sum: '求和',
    max: '取最高',
    min: '取最低',
    minSelected: '至少选',
    maxSelected: '至多选',
    numMin: '最小值',
    numMax: '最大值',
    integer: '整数',
    unit: '单位',
    bindFact: '绑定客户信息',
    noBinding: '不绑定',
    combine: '多选合并',
    combineMax: '取最高',
    combineMin: '取最低',
    combineList: '保留列表',
    points: '本题分值 {min}–{max}（乘权重后 {wmin}–{wmax}）',
  },
  en: {
    id: 'Question code',
    type: 'Type',
    single: 'Single choice',
    multiple: 'Multiple choice',
    numeric: 'Number',
    yesno: 'Yes / no',
    text: 'Question',
    help: 'Help text',
    required: 'Required',
    weight: 'Weight',
    dimensions: 'Dimension tags (comma separated)',
    scoring: 'Scoring',
    sum: 'sum',
    max: 'highest',
    min: 'lowest',
    minSelected: 'Choose at least',
    maxSelected: 'Choose at most',
    numMin: 'Minimum',
    numMax: 'Maximum',
    integer: 'Whole number',
    unit: 'Unit',
    bindFact: 'Sets client fact',
    noBinding: 'none',
    combine: 'Combine choices',
    combineMax: 'highest',
    combineMin: 'lowest',
    combineList: 'keep list',
    points: 'Points {min}–{max} (weighted {wmin}–{wmax})',
  },
});

const TYPES: QuestionType[] = ['single', 'multiple', 'numeric', 'yesno'];
const COMBINE = { max: 'combineMax', min: 'combineMin', list: 'combineList' } as const;

type Props = {
  pack: Pack;
  question: Question;
  path: readonly PathKey[];
  /** The questions before this one, in order: what show-if may read. */
  earlier: readonly Question[];
  /** Question ids used elsewhere in the pack. */
  otherIds: ReadonlySet<string>;
  dispatch: Dispatch;
};

/** Every property of one question, with its points and a client's-eye preview. */
export function QuestionEditor({ pack, question: q, path, earlier, otherIds, dispatch }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const set = (key: PathKey | PathKey[], value: unknown) =>
    dispatch(setQuestionField(path, key, value));
  const facts = useMemo(() => {
    const labels = new Map(pack.vocabulary.facts.map((f) => [f.id, localize(f.label)]));
    return { ids: [...labels.keys()], name: (id: string) => `${id} · ${labels.get(id) ?? ''}` };
  }, [pack.vocabulary.facts, localize]);
  const points = pointsRange(q);
  const weighted = questionRange(q);
  return (
    <div className="q-editor" data-question-editor={q.id}>
      <div className="q-row">
        <label>
          {t('id')}{' '}
          <TextCell
            label={t('id')}
            value={q.id}
            pattern={/^[A-Za-z0-9][A-Za-z0-9_-]*$/}
            validate={(v) => v === q.id || !otherIds.has(v)}
            onCommit={(v) => dispatch(renameQuestionChange(pack, path, q.id, v))}
          />
        </label>
        <SelectField
          label={t('type')}
          value={q.type}
          options={TYPES}
          optionLabel={t}
          onChange={(type) => dispatch(setQuestionType(path, q, type))}
        />
        <CheckField
          label={t('required')}
          checked={q.required}
          onChange={(checked) => set('required', checked)}
        />
        <label>
          {t('weight')}{' '}
          <NumberField label={t('weight')} value={q.weight} onCommit={(v) => set('weight', v)} />
        </label>
        <output className="q-max" data-testid="question-points">
          {t('points', {
            min: points.min,
            max: points.max,
            wmin: weighted.min,
            wmax: weighted.max,
          })}
        </output>
      </div>
      <LocalizedField label={t('text')} value={q.text} multiline onCommit={(v) => set('text', v)} />
      <LocalizedField
        label={t('help')}
        value={q.help}
        onCommit={(v) => set('help', v['zh-CN'] || v.en ? v : undefined)}
      />
      <label className="q-row">
        {t('dimensions')}{' '}
        <TextCell
          label={t('dimensions')}
          value={q.dimensions.join(', ')}
          pattern={/^\s*([A-Za-z0-9][A-Za-z0-9_-]*\s*(,\s*[A-Za-z0-9][A-Za-z0-9_-]*\s*)*)?$/}
          onCommit={(v) =>
            set('dimensions', [
              ...new Set(
                v
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              ),
            ])
          }
        />
      </label>
      {q.type === 'multiple' && (
        <div className="q-row">
          <SelectField
            label={t('scoring')}
            value={q.scoring}
            options={['sum', 'max', 'min'] as const}
            optionLabel={t}
            onChange={(x) => set('scoring', x)}
          />
          <label>
            {t('minSelected')}{' '}
            <NumberField
              label={t('minSelected')}
              integer
              min={0}
              value={q.minSelected}
              onCommit={(v) => set('minSelected', v)}
            />
          </label>
          <label>
            {t('maxSelected')}{' '}
            <NumberField
              label={t('maxSelected')}
              integer
              min={1}
              value={q.maxSelected}
              onCommit={(v) => set('maxSelected', v)}
            />
          </label>
        </div>
      )}
      {q.type === 'numeric' ? (
        <>
          <div className="q-row">
            <label>
              {t('numMin')}{' '}
              <NumberField
                label={t('numMin')}
                value={q.min}
                max={q.max}
                onCommit={(v) => set('min', v)}
              />
            </label>
            <label>
              {t('numMax')}{' '}
              <NumberField
                label={t('numMax')}
                value={q.max}
                min={q.min}
                onCommit={(v) => set('max', v)}
              />
            </label>
            <CheckField
              label={t('integer')}
              checked={q.integer}
              onChange={(checked) => set('integer', checked)}
            />
          </div>
          <LocalizedField
            label={t('unit')}
            value={q.unit}
            onCommit={(v) => set('unit', v['zh-CN'] || v.en ? v : undefined)}
          />
          <BandsEditor bands={q.bands} path={[...path, 'bands']} dispatch={dispatch} />
        </>
      ) : (
        <OptionsEditor
          options={q.options}
          path={[...path, 'options']}
          dispatch={dispatch}
          fixed={q.type === 'yesno'}
          binds={!!q.bindFact}
        />
      )}
      <div className="q-row">
        <SelectField
          label={t('bindFact')}
          value={q.bindFact?.fact}
          emptyLabel={t('noBinding')}
          options={facts.ids}
          optionLabel={facts.name}
          onChange={(fact) =>
            set('bindFact', fact ? { fact, combine: q.bindFact?.combine ?? 'max' } : undefined)
          }
        />
        {q.bindFact && q.type === 'multiple' && (
          <SelectField
            label={t('combine')}
            value={q.bindFact.combine}
            options={['max', 'min', 'list'] as const}
            optionLabel={(c) => t(COMBINE[c])}
            onChange={(c) => set(['bindFact', 'combine'], c)}
          />
        )}
      </div>
      <ShowIfBuilder
        value={q.showIf}
        path={[...path, 'showIf']}
        earlier={earlier}
        dispatch={dispatch}
      />
      <QuestionPreview key={q.id} question={q} />
    </div>
  );
}
