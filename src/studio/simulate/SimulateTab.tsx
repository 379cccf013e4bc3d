import { useCallback, useMemo, useState } from 'react';
import { addSampleClient, sampleFromInput, type PackChange } from '../../domain/index.ts';
import type { EditorTabProps } from '../app/route.ts';
import {
  defineMessages,
  format,
  messageText,
  useLocale,
  useLocalize,
  useMessages,
} from '../i18n/index.tsx';
import { selectPack, usePackState, useProblems, useStudio } from '../state/index.ts';
import { addTestChange, testFromSimulation } from '../testcases/testDraft.ts';
import { simulate } from './evaluation.ts';
import { InputForm } from './InputForm.tsx';
import { draftFromInput, emptyDraft, toInput, type InputDraft } from './inputForm.ts';
import { NodeDetail } from './NodeDetail.tsx';
import { NoticeView } from './NoticeView.tsx';
import { ResultPanel } from './ResultPanel.tsx';
import { useOpenTest, useSimulator } from './simulatorStore.ts';
import { TraceGraph } from './TraceGraph.tsx';
import { traceHighlight } from './traceMarks.ts';
import './simulate.css';

const messages = defineMessages({
  'zh-CN': {
    client: '客户',
    own: '自行填写（客户预览）',
    blank: '空白表单',
    saveTest: '存为测试用例',
    saveSample: '存为示例客户',
    sampleName: '示例客户 {n}',
    notice: '适当性匹配意见告知书',
    invalid: '规则包有错误，无法模拟：',
    failed: '评估失败',
    at: '位置：{path}',
    atNode: '节点：{node}',
    testName: '模拟：{client}',
    preview: '预览',
  },
  en: {
    client: 'Client',
    own: 'Own answers (client preview)',
    blank: 'Blank form',
    saveTest: 'Save as a test case',
    saveSample: 'Save as a sample client',
    sampleName: 'Sample client {n}',
    notice: 'Suitability notice',
    invalid: 'The pack has errors and cannot be simulated:',
    failed: 'The evaluation failed',
    at: 'At: {path}',
    atNode: 'Node: {node}',
    testName: 'Simulation: {client}',
    preview: 'preview',
  },
});

// Times the nodes of the trace; results never depend on it.
const clock = () => performance.now();

/** Answer as a client or pick a sample client; see the result at once and the trace on the graph. */
export default function SimulateTab(props: EditorTabProps) {
  const hasPack = usePackState((s) => s.pack !== null);
  return hasPack ? <Simulator {...props} /> : null;
}

function Simulator({ packKey, goTo }: EditorTabProps) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { locale } = useLocale();
  const { packStore } = useStudio();
  const pack = usePackState(selectPack);
  const problems = useProblems();
  if (!pack) throw new Error('Simulator without a pack');
  const [sim, update] = useSimulator(packKey, pack);
  const [, setOpenTest] = useOpenTest(packKey);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const dispatch = useCallback((c: PackChange) => void packStore.dispatch(c), [packStore]);
  const simulation = useMemo(() => simulate(pack, sim.draft, clock), [pack, sim.draft]);
  const highlight = useMemo(
    () => traceHighlight(pack, simulation, locale),
    [pack, simulation, locale],
  );
  const setDraft = useCallback((draft: InputDraft) => update({ draft, sample: null }), [update]);
  const pickSample = (id: string) => {
    const sample = pack.sampleClients.find((s) => s.id === id);
    if (sample) update({ draft: draftFromInput(sample.input), sample: id });
    else update({ sample: null });
  };
  const sampleName = pack.sampleClients.find((s) => s.id === sim.sample)?.name;
  const saveAsTest = () => {
    if (simulation.kind === 'invalid') return;
    const who = sampleName ?? { 'zh-CN': messages['zh-CN'].preview, en: messages.en.preview };
    const name = {
      'zh-CN': format(messages['zh-CN'].testName, { client: who['zh-CN'] }),
      en: format(messages.en.testName, { client: who.en }),
    };
    const outcome =
      simulation.kind === 'result' ? simulation.result : { errorCode: simulation.error.code };
    const test = testFromSimulation(pack, simulation.input, outcome, name);
    const done = packStore.dispatch(addTestChange(pack, test));
    if (done.ok) {
      setOpenTest(test.id);
      goTo('tests');
    }
  };
  const saveAsSample = () => {
    const n = pack.sampleClients.length + 1;
    const name = messageText(messages, 'sampleName', { n });
    const client = sampleFromInput(pack, toInput(pack, sim.draft), name);
    if (packStore.dispatch(addSampleClient(pack, client)).ok) update({ sample: client.id });
  };
  const selectedTrace =
    simulation.kind === 'result'
      ? simulation.result.trace?.find((x) => x.nodeId === sim.node)
      : undefined;
  return (
    <div className="simulator" data-testid="simulator">
      <aside className="sim-left">
        <div className="sim-picker">
          <label>
            {t('client')}{' '}
            <select
              data-testid="sample-picker"
              value={sim.sample ?? ''}
              onChange={(e) => pickSample(e.target.value)}
            >
              <option value="">{t('own')}</option>
              {pack.sampleClients.map((s) => (
                <option key={s.id} value={s.id}>
                  {localize(s.name)}
                </option>
              ))}
            </select>
          </label>{' '}
          <button
            type="button"
            className="btn btn-small"
            data-action="blank-form"
            onClick={() =>
              update({ draft: emptyDraft(new Date().toISOString().slice(0, 10)), sample: null })
            }
          >
            {t('blank')}
          </button>
          {sampleName && (
            <p className="sim-field-hint">
              {localize(pack.sampleClients.find((s) => s.id === sim.sample)?.description)}
            </p>
          )}
        </div>
        <InputForm
          pack={pack}
          draft={sim.draft}
          onChange={setDraft}
          error={simulation.kind === 'error' ? simulation.error : undefined}
          formId="sim"
        />
      </aside>
      <div className="sim-main">
        <section className="sim-center">
          <TraceGraph
            pack={pack}
            dispatch={dispatch}
            problems={[...problems]}
            highlight={highlight}
            selection={sim.node}
            onSelect={(node) => update({ node })}
          />
        </section>
        <section className="sim-bottom">
          <div className="sim-actions">
            <button type="button" className="btn" data-action="save-sample" onClick={saveAsSample}>
              {t('saveSample')}
            </button>
            <button
              type="button"
              className="btn"
              data-action="save-test"
              disabled={simulation.kind === 'invalid'}
              onClick={saveAsTest}
            >
              {t('saveTest')}
            </button>
            <button
              type="button"
              className="btn"
              data-action="open-notice"
              disabled={simulation.kind !== 'result'}
              onClick={() => setNoticeOpen(true)}
            >
              {t('notice')}
            </button>
          </div>
          {simulation.kind === 'invalid' && (
            <div className="banner banner-error" role="alert">
              <div>{t('invalid')}</div>
              <ul>
                {simulation.problems.slice(0, 8).map((p, i) => (
                  <li key={i}>
                    {localize(p.message)} <code>{p.path}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {simulation.kind === 'error' && (
            <div className="banner banner-error" role="alert" data-testid="sim-error">
              <strong>{t('failed')}</strong>
              <div>{localize(simulation.error.message)}</div>
              <div className="muted">
                {t('at', { path: simulation.error.path })}
                {simulation.error.nodeId && ` · ${t('atNode', { node: simulation.error.nodeId })}`}
              </div>
            </div>
          )}
          {sim.node ? (
            <NodeDetail
              pack={pack}
              nodeId={sim.node}
              trace={selectedTrace}
              onClose={() => update({ node: null })}
            />
          ) : (
            simulation.kind === 'result' && <ResultPanel pack={pack} result={simulation.result} />
          )}
        </section>
      </div>
      {noticeOpen && simulation.kind === 'result' && (
        <NoticeView
          pack={pack}
          input={simulation.input}
          result={simulation.result}
          onClose={() => setNoticeOpen(false)}
        />
      )}
    </div>
  );
}
