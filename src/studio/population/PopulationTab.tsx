import { useMemo, useState } from 'react';
import { compilePack, countWhatIf, PackInvalidError, primaryClassify } from '../../engine/index.ts';
import type { EditorTabProps } from '../app/route.ts';
import { AnalyticsPanel } from './AnalyticsPanel.tsx';
import { defineMessages, messageText, useLocalize, useMessages } from '../i18n/index.tsx';
import { selectPack, usePackState } from '../state/index.ts';
import { DEFAULT_COUNT, GeneratePanel } from './GeneratePanel.tsx';
import { DEFAULT_SEED, generatorDefaults, localDate } from './generatorDefaults.ts';
import { LoadPanel } from './LoadPanel.tsx';
import { PopulationCharts } from './PopulationCharts.tsx';
import { RunBar } from './RunBar.tsx';
import { RunErrors } from './RunErrors.tsx';
import {
  bandsOf,
  packSignature,
  setGenerator,
  startRun,
  useGenerator,
  useLoadedClients,
  usePopulationRun,
} from './populationStore.ts';
import { formatCount } from './summary.ts';
import './population.css';

const messages = defineMessages({
  'zh-CN': {
    generate: '生成模拟客群',
    load: '载入客户文件',
    invalid: '规则包有错误，无法评估：',
    noClassify: '规则包没有分级节点，无法分析客群',
    generated: '{n} 位模拟客户（种子 {seed}）',
    file: '{file}：{n} 位客户',
  },
  en: {
    generate: 'Generate a population',
    load: 'Load a client file',
    invalid: 'The pack has errors and cannot be evaluated:',
    noClassify: 'The pack has no classify node to analyse',
    generated: '{n} synthetic clients (seed {seed})',
    file: '{file}: {n} clients',
  },
});

const today = () => localDate(new Date());

/** Population analysis: load or generate clients, evaluate them in workers, chart the results. */
export default function PopulationTab({ packKey }: EditorTabProps) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const pack = usePackState(selectPack);
  const run = usePopulationRun(packKey);
  const loaded = useLoadedClients(packKey);
  const stored = useGenerator(packKey);
  const defaults = useMemo(() => (pack ? generatorDefaults(pack, today()) : undefined), [pack]);
  const generator = stored ?? {
    config: defaults ?? { seed: DEFAULT_SEED, evaluationDate: today() },
    count: DEFAULT_COUNT,
  };
  const [mode, setMode] = useState<'generate' | 'load'>('generate');
  const compiled = useMemo(() => {
    if (!pack) return undefined;
    try {
      return { ok: true as const, compiled: compilePack(pack) };
    } catch (e) {
      if (!(e instanceof PackInvalidError)) throw e;
      return { ok: false as const, error: e };
    }
  }, [pack]);
  const classifyNodes = pack?.graph.nodes.filter((n) => n.kind === 'classify') ?? [];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const classifyId =
    chosen && classifyNodes.some((n) => n.id === chosen)
      ? chosen
      : compiled?.ok
        ? primaryClassify(compiled.compiled)
        : undefined;

  const runNode = run?.classifyId;
  const bands = useMemo(() => (pack && runNode ? bandsOf(pack, runNode) : []), [pack, runNode]);
  const table = run?.table;
  const counts = useMemo(
    () => (table ? countWhatIf(table, bands, bands) : undefined),
    [table, bands],
  );
  if (!pack || !compiled) return null;
  if (!compiled.ok) {
    const first = compiled.error.problems.find((p) => p.severity === 'error');
    return (
      <div className="pop-tab pad">
        <p className="insp-error">
          {t('invalid')} {first ? `${first.path}: ${localize(first.message)}` : ''}
        </p>
      </div>
    );
  }
  if (!classifyId)
    return (
      <div className="pop-tab pad">
        <p className="muted">{t('noClassify')}</p>
      </div>
    );

  const evaluate = () => {
    if (mode === 'generate')
      startRun(
        packKey,
        pack,
        classifyId,
        { kind: 'generated', config: generator.config, count: generator.count },
        messageText(messages, 'generated', {
          n: formatCount(generator.count),
          seed: generator.config.seed,
        }),
      );
    else if (loaded)
      startRun(
        packKey,
        pack,
        classifyId,
        { kind: 'clients', clients: loaded.clients },
        messageText(messages, 'file', {
          file: loaded.fileName,
          n: formatCount(loaded.clients.length),
        }),
        loaded.lines,
      );
  };
  const stale = run?.status === 'done' && run.signature !== packSignature(pack, run.classifyId);

  return (
    <div className="pop-tab">
      <section className="pop-source">
        <div className="pop-modes" role="tablist">
          {(['generate', 'load'] as const).map((m) => (
            <button
              key={m}
              role="tab"
              aria-selected={mode === m}
              className={mode === m ? 'btn btn-small active' : 'btn btn-small'}
              onClick={() => setMode(m)}
              data-mode={m}
            >
              {t(m)}
            </button>
          ))}
        </div>
        {mode === 'generate' ? (
          <GeneratePanel
            pack={pack}
            count={generator.count}
            config={generator.config}
            onChange={(count, config) => setGenerator(packKey, { count, config })}
          />
        ) : (
          <LoadPanel
            pack={pack}
            packKey={packKey}
            compiled={compiled.compiled}
            evaluationDate={today()}
          />
        )}
      </section>
      <RunBar
        run={run}
        classifyNodes={classifyNodes.map((n) => n.id)}
        classifyId={classifyId}
        onClassify={setChosen}
        clients={mode === 'generate' ? generator.count : (loaded?.clients.length ?? 0)}
        stale={stale}
        onEvaluate={evaluate}
      />
      {run?.table && counts && (
        <>
          <PopulationCharts pack={pack} table={run.table} counts={counts} bands={bands} />
          <RunErrors run={run} invalid={counts.invalid} />
        </>
      )}
      <AnalyticsPanel
        packKey={packKey}
        pack={pack}
        classifyId={classifyId}
        mode={mode}
        generator={generator}
      />
    </div>
  );
}
