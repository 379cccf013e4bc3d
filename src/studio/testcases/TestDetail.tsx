import { useMemo, useState } from 'react';
import {
  lt,
  type Expectation,
  type Pack,
  type PackChange,
  type TestCase,
} from '../../domain/index.ts';
import type { TestCaseReport } from '../../engine/index.ts';
import { offerUndo } from '../app/undoToast.ts';
import { defineMessages, format, useLocalize, useMessages } from '../i18n/index.tsx';
import { LocalizedField } from '../inspectors/common/LocalizedField.tsx';
import { simulate } from '../simulate/evaluation.ts';
import { InputForm } from '../simulate/InputForm.tsx';
import { draftFromInput, toInput, type InputDraft } from '../simulate/inputForm.ts';
import { useStudio } from '../state/index.ts';
import { ExpectationsEditor } from './ExpectationsEditor.tsx';
import { TestDiff } from './TestDiff.tsx';
import { removeTestChange, setTestChange } from './testDraft.ts';

const messages = defineMessages({
  'zh-CN': {
    edit: '编辑',
    done: '完成编辑',
    remove: '删除',
    removed: '已删除测试用例“{name}”',
    simulate: '在模拟器中打开',
    name: '名称',
    id: '标识',
    idTaken: '该标识已被其他测试使用',
    idInvalid: '只能包含字母、数字、"_" 或 "-"',
    input: '输入（客户预览）',
    expect: '期望',
    notRun: '尚未运行',
    stale: '规则已修改，结果可能已过时：请重新运行',
    summary: '{facts} 项客户信息 · {answers} 题答案 · 评估日期 {date} · 检查 {checks} 项',
  },
  en: {
    edit: 'Edit',
    done: 'Done',
    remove: 'Delete',
    removed: 'Deleted the test case "{name}"',
    simulate: 'Open in the simulator',
    name: 'Name',
    id: 'Id',
    idTaken: 'Another test uses this id',
    idInvalid: 'Letters, digits, "_" or "-" only',
    input: 'Input (client preview)',
    expect: 'Expectations',
    notRun: 'Not run yet',
    stale: 'The rules changed since this run: run again',
    summary: '{facts} facts · {answers} answers · evaluated {date} · {checks} checks',
  },
});

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

function countChecks(e: Expectation): number {
  return (
    Object.keys(e.outputs ?? {}).length +
    Object.keys(e.flags ?? {}).length +
    Object.keys(e.products ?? {}).length +
    Object.keys(e.reasons ?? {}).length +
    (e.error !== undefined ? 1 : 0)
  );
}

type Props = {
  pack: Pack;
  index: number;
  test: TestCase;
  report: TestCaseReport | undefined;
  stale: boolean;
  dispatch: (change: PackChange, mergeKey?: string) => void;
  onRenamed: (id: string) => void;
  onSimulate: (draft: InputDraft) => void;
};

/** One test case: its last result with the diff, and its editor (name, input, expectations). */
export function TestDetail({
  pack,
  index,
  test,
  report,
  stale,
  dispatch,
  onRenamed,
  onSimulate,
}: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { packStore } = useStudio();
  const [editing, setEditing] = useState(false);
  const [idText, setIdText] = useState<string | null>(null);
  const draft = useMemo(() => draftFromInput(test.input), [test.input]);
  const live = useMemo(() => (editing ? simulate(pack, draft) : undefined), [editing, pack, draft]);
  const idProblem =
    idText === null || idText === test.id
      ? undefined
      : !ID.test(idText)
        ? t('idInvalid')
        : pack.tests.some((x) => x.id === idText)
          ? t('idTaken')
          : undefined;
  const commitId = () => {
    if (idText === null || idText === test.id || idProblem) return;
    dispatch(setTestChange(index, 'id', idText));
    onRenamed(idText);
    setIdText(null);
  };
  return (
    <div className="test-detail" data-testid="test-detail" data-test-id={test.id}>
      <header className="test-detail-head">
        <h3>{localize(test.name)}</h3>
        <code className="muted">{test.id}</code>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => onSimulate(draft)}>
          {t('simulate')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          data-action="edit-test"
          onClick={() => setEditing(!editing)}
        >
          {editing ? t('done') : t('edit')}
        </button>
        <button
          type="button"
          className="btn btn-small btn-danger"
          onClick={() => {
            dispatch(removeTestChange(index));
            offerUndo(
              packStore,
              lt(
                format(messages['zh-CN'].removed, { name: test.name['zh-CN'] }),
                format(messages.en.removed, { name: test.name.en }),
              ),
            );
          }}
        >
          {t('remove')}
        </button>
      </header>
      {test.description && <p className="muted">{localize(test.description)}</p>}
      {stale && report && <p className="banner banner-warn">{t('stale')}</p>}
      {report ? <TestDiff pack={pack} report={report} /> : <p className="muted">{t('notRun')}</p>}
      {!editing ? (
        <p className="muted">
          {t('summary', {
            facts: Object.keys(test.input.facts).length,
            answers: Object.keys(test.input.answers).length,
            date: test.input.evaluationDate,
            checks: countChecks(test.expect),
          })}
        </p>
      ) : (
        <div className="test-editor">
          <LocalizedField
            label={t('name')}
            value={test.name}
            onCommit={(name) => dispatch(setTestChange(index, 'name', name))}
          />
          <label className="test-id">
            {t('id')}{' '}
            <input
              value={idText ?? test.id}
              aria-invalid={idProblem ? true : undefined}
              onChange={(e) => setIdText(e.target.value)}
              onBlur={commitId}
              onKeyDown={(e) => e.key === 'Enter' && commitId()}
            />
            {idProblem && <span className="error-text"> {idProblem}</span>}
          </label>
          <div className="test-editor-columns">
            <section>
              <h4>{t('input')}</h4>
              <InputForm
                pack={pack}
                draft={draft}
                formId={`test-${index}`}
                error={live?.kind === 'error' ? live.error : undefined}
                onChange={(next) =>
                  dispatch(
                    setTestChange(index, 'input', toInput(pack, next)),
                    `test-input:${test.id}`,
                  )
                }
              />
            </section>
            <section>
              <h4>{t('expect')}</h4>
              <ExpectationsEditor
                pack={pack}
                expect={test.expect}
                actual={live?.kind === 'result' ? live.result : undefined}
                onChange={(next) => dispatch(setTestChange(index, 'expect', next))}
              />
            </section>
          </div>
        </div>
      )}
    </div>
  );
}
