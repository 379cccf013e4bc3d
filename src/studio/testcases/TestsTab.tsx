import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PackChange, TestCase } from '../../domain/index.ts';
import type { TestCaseReport } from '../../engine/index.ts';
import { BulkBar, SelectBox } from '../app/BulkBar.tsx';
import type { EditorTabProps } from '../app/route.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import type { InputDraft } from '../simulate/inputForm.ts';
import { simulatorStore, useOpenTest } from '../simulate/simulatorStore.ts';
import { selectPack, usePackState, useStudio } from '../state/index.ts';
import { CoverageView } from './CoverageView.tsx';
import { TestDetail } from './TestDetail.tsx';
import { addTestChange, uniqueTestId } from './testDraft.ts';
import { useTestRunner } from './useTestRunner.ts';
import '../simulate/simulate.css';
import './tests.css';

const messages = defineMessages({
  'zh-CN': {
    run: '运行全部测试（{n}）',
    running: '正在运行… {done} / {total}',
    summary: '{passed} 个通过，{failed} 个失败，共 {total} 个 · {ms} 毫秒',
    stale: '规则已修改，结果已过时',
    failedRun: '运行失败：{message}',
    invalid: '规则包有错误，无法运行测试：',
    add: '新建测试',
    coverage: '覆盖率',
    filterAll: '全部',
    filterFailed: '失败',
    filterPassed: '通过',
    empty: '此规则包还没有测试用例。可在“模拟”中把一次模拟存为测试。',
    newName: '新测试',
  },
  en: {
    run: 'Run all tests ({n})',
    running: 'Running… {done} / {total}',
    summary: '{passed} passed, {failed} failed, {total} total · {ms} ms',
    stale: 'The rules changed: results are stale',
    failedRun: 'The run failed: {message}',
    invalid: 'The pack has errors; the tests cannot run:',
    add: 'New test',
    coverage: 'Coverage',
    filterAll: 'All',
    filterFailed: 'Failed',
    filterPassed: 'Passed',
    empty: 'This pack has no test cases yet. Save a simulation as a test in the Simulate tab.',
    newName: 'New test',
  },
});

type Filter = 'all' | 'failed' | 'passed';

const TESTS_NOUN = { 'zh-CN': '测试用例', en: 'test cases' };

/** The pack's test cases: run them all in a worker, see what failed and why, and what they cover. */
export default function TestsTab({ packKey, goTo }: EditorTabProps) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { packStore } = useStudio();
  const pack = usePackState(selectPack);
  const { run, start } = useTestRunner();
  const [openTest, setOpenTest] = useOpenTest(packKey);
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const dispatch = useCallback(
    (change: PackChange, mergeKey?: string) =>
      void packStore.dispatch(change, mergeKey ? { mergeKey } : {}),
    [packStore],
  );
  // The suite runs when the tab opens; later runs are on request (an edit marks results stale).
  useEffect(() => {
    const current = packStore.state.pack;
    if (current) start(current);
  }, [packStore, start]);
  // A test opened from elsewhere (a saved simulation) may sit below the fold of the list.
  const list = useRef<HTMLElement>(null);
  useEffect(() => {
    if (openTest)
      list.current
        ?.querySelector(`[data-test-id="${CSS.escape(openTest)}"]`)
        ?.scrollIntoView({ block: 'nearest' });
  }, [openTest]);
  const reports = useMemo(() => {
    const map = new Map<string, TestCaseReport>();
    if (run.state === 'done' && run.result.ok)
      for (const c of run.result.report.cases) map.set(c.id, c);
    return map;
  }, [run]);
  if (!pack) return null;
  const stale = run.state === 'done' && run.pack !== pack;
  const index = pack.tests.findIndex((x) => x.id === openTest);
  const test = pack.tests[index];
  const shown = pack.tests.filter((x) => {
    const r = reports.get(x.id);
    return filter === 'all' || (r !== undefined && r.passed === (filter === 'passed'));
  });
  const addTest = () => {
    // A new test starts from the first sample client, or an empty form evaluated today.
    const input: TestCase['input'] = structuredClone(pack.sampleClients[0]?.input) ?? {
      facts: {},
      answers: {},
      evaluationDate: new Date().toISOString().slice(0, 10),
      initiator: 'client',
    };
    const name = { 'zh-CN': messages['zh-CN'].newName, en: messages.en.newName };
    const test: TestCase = { id: uniqueTestId(pack, 'test'), name, input, expect: {} };
    if (packStore.dispatch(addTestChange(pack, test)).ok) setOpenTest(test.id);
  };
  const simulateDraft = (draft: InputDraft) => {
    simulatorStore.setState((s) => ({
      simulators: { ...s.simulators, [packKey]: { draft, sample: null, node: null } },
    }));
    goTo('simulate');
  };
  return (
    <div className="tests-tab" data-testid="tests-tab">
      <div className="tests-toolbar">
        <button
          type="button"
          className="btn btn-primary"
          data-action="run-tests"
          disabled={run.state === 'running'}
          onClick={() => start(pack)}
        >
          {t('run', { n: pack.tests.length })}
        </button>
        <span className="tests-status" data-testid="tests-status" data-state={run.state}>
          {run.state === 'running' &&
            t('running', {
              done: run.progress?.done ?? 0,
              total: run.progress?.total ?? pack.tests.length,
            })}
          {run.state === 'done' &&
            run.result.ok &&
            t('summary', {
              passed: run.result.report.passed,
              failed: run.result.report.failed,
              total: run.result.report.total,
              ms: Math.round(run.ms),
            })}
          {run.state === 'failed' && t('failedRun', { message: run.message })}
        </span>
        {stale && <span className="banner-warn tests-stale">{t('stale')}</span>}
        <span className="spacer" />
        <button type="button" className="btn" onClick={addTest}>
          {t('add')}
        </button>
        <button
          type="button"
          className="btn"
          data-action="show-coverage"
          onClick={() => setOpenTest(null)}
        >
          {t('coverage')}
        </button>
      </div>
      {run.state === 'done' && !run.result.ok && (
        <div className="banner banner-error" role="alert">
          {t('invalid')}
          <ul>
            {run.result.problems.slice(0, 8).map((p, i) => (
              <li key={i}>
                {localize(p.message)} <code>{p.path}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="tests-body">
        <aside className="tests-list" ref={list}>
          <div className="sim-filter">
            {(['all', 'failed', 'passed'] as const).map((f) => (
              <button
                key={f}
                type="button"
                className={filter === f ? 'chip active' : 'chip'}
                onClick={() => setFilter(f)}
              >
                {t(f === 'all' ? 'filterAll' : f === 'failed' ? 'filterFailed' : 'filterPassed')}
              </button>
            ))}
          </div>
          {pack.tests.length === 0 ? (
            <p className="muted">{t('empty')}</p>
          ) : (
            <BulkBar
              list={{ path: ['tests'], items: pack.tests, noun: TESTS_NOUN }}
              visible={shown.map((x) => x.id)}
              selected={selected}
              onSelect={setSelected}
            />
          )}
          <ul>
            {shown.map((x) => {
              const r = reports.get(x.id);
              const state = r === undefined ? 'unknown' : r.passed ? 'passed' : 'failed';
              return (
                <li key={x.id} className="test-item">
                  <SelectBox
                    id={x.id}
                    label={localize(x.name)}
                    selected={selected}
                    onSelect={setSelected}
                  />
                  <button
                    type="button"
                    className={x.id === openTest ? 'test-row active' : 'test-row'}
                    data-test-id={x.id}
                    data-state={state}
                    onClick={() => setOpenTest(x.id)}
                  >
                    <span className={`test-state test-${state}`} aria-label={state}>
                      {state === 'passed' ? '✓' : state === 'failed' ? '✗' : '·'}
                    </span>
                    <span className="test-name">
                      {localize(x.name)}
                      <code className="muted">{x.id}</code>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </aside>
        <section className="tests-main">
          {test ? (
            <TestDetail
              key={index}
              pack={pack}
              index={index}
              test={test}
              report={reports.get(test.id)}
              stale={stale}
              dispatch={dispatch}
              onRenamed={setOpenTest}
              onSimulate={simulateDraft}
            />
          ) : run.state === 'done' && run.result.ok ? (
            <CoverageView pack={pack} coverage={run.result.coverage} stale={stale} />
          ) : null}
        </section>
      </div>
    </div>
  );
}
