import { useMemo, useState } from 'react';
import type { Pack } from '../../domain/index.ts';
import { compilePack, PackInvalidError } from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import {
  DEFAULT_SEED,
  generatorDefaults,
  LoadPanel,
  localDate,
  useLoadedClients,
} from '../population/index.ts';
import type { PopulationSource } from '../workers/workerPool.ts';
import type { Point } from './diffGroups.ts';
import { ImpactReportView } from './ImpactReportView.tsx';
import { ImpactRunBar } from './ImpactRunBar.tsx';
import { PointPicker } from './PointPicker.tsx';
import { useImpactRun } from './useImpactRun.ts';

const messages = defineMessages({
  'zh-CN': {
    from: '版本 A',
    to: '版本 B',
    size: '客户数',
    seed: '随机种子',
    date: '评估日期',
    source: '客群',
    generated: '生成的客群',
    samples: '规则包的样例客户与测试用例',
    file: '客户文件（CSV / JSONL）',
    fileHint: '文件按当前编辑的规则包读取，与“客群分析”标签页共用；评估失败的客户按行列在结果中。',
    invalid: '当前规则包有错误，无法读取客户文件：',
  },
  en: {
    from: 'Version A',
    to: 'Version B',
    size: 'Clients',
    seed: 'Seed',
    date: 'Evaluation date',
    source: 'Population',
    generated: 'generated population',
    samples: "the pack's sample clients and test cases",
    file: 'client file (CSV / JSONL)',
    fileHint:
      'The file is read with the pack being edited and shared with the Population tab; clients that fail to evaluate are listed by line in the result.',
    invalid: 'The pack being edited has errors; a client file cannot be read with it: ',
  },
});

type SourceKind = 'generated' | 'samples' | 'file';

/** The pack's own personas and test clients, as a population. */
const samplesOf = (pack: Pack) => [
  ...pack.sampleClients.map((c) => ({ ...c.input, clientId: c.id })),
  ...pack.tests.map((c) => ({ ...c.input, clientId: c.id })),
];

/**
 * Two versions over one population (generated, the pack's samples, or a client file), compared
 * in workers with progress and cancel: who moves level, who gains or loses a product.
 */
export function ImpactPanel(props: { points: readonly Point[]; packKey: string; pack: Pack }) {
  const { points, packKey, pack } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  // Until chosen: the latest point against the one before it (points arrive after the first render).
  const [chosenFrom, setFrom] = useState<string | null>(null);
  const [chosenTo, setTo] = useState<string | null>(null);
  const fromId = chosenFrom ?? points[1]?.id ?? '';
  const toId = chosenTo ?? points[0]?.id ?? '';
  const a = points.find((p) => p.id === fromId)?.pack;
  const b = points.find((p) => p.id === toId)?.pack;
  const [size, setSize] = useState(1000);
  const [seed, setSeed] = useState(DEFAULT_SEED);
  const [date, setDate] = useState(() => localDate(new Date()));
  const [kind, setKind] = useState<SourceKind>('generated');
  const loaded = useLoadedClients(packKey);
  const { run, start, cancel } = useImpactRun();
  const compiled = useMemo(() => {
    try {
      return compilePack(pack);
    } catch (e) {
      if (e instanceof PackInvalidError) return e;
      throw e;
    }
  }, [pack]);

  const source = (): { source: PopulationSource; lines?: readonly number[] } | undefined => {
    if (kind === 'generated')
      return {
        source: { kind, config: { ...generatorDefaults(pack, date), seed }, count: size },
      };
    if (kind === 'samples') return a && { source: { kind: 'clients', clients: samplesOf(a) } };
    return loaded && { source: { kind: 'clients', clients: loaded.clients }, lines: loaded.lines };
  };
  const count =
    kind === 'generated'
      ? size
      : kind === 'samples'
        ? a
          ? samplesOf(a).length
          : 0
        : (loaded?.clients.length ?? 0);
  const onRun = () => {
    const chosen = source();
    if (a && b && chosen) start(a, b, chosen.source, chosen.lines);
  };

  return (
    <div className="impact-panel">
      <div className="row">
        <PointPicker
          label={t('from')}
          points={points}
          value={fromId}
          onChange={setFrom}
          testId="impact-from"
        />
        <PointPicker
          label={t('to')}
          points={points}
          value={toId}
          onChange={setTo}
          testId="impact-to"
        />
        <label>
          {t('source')}{' '}
          <select
            value={kind}
            data-testid="impact-source"
            onChange={(e) => setKind(e.target.value as SourceKind)}
          >
            <option value="generated">{t('generated')}</option>
            <option value="samples">{t('samples')}</option>
            <option value="file">{t('file')}</option>
          </select>
        </label>
        {kind === 'generated' && (
          <>
            <label>
              {t('size')}{' '}
              <input
                type="number"
                min={1}
                max={100000}
                value={size}
                data-testid="impact-size"
                onChange={(e) =>
                  setSize(Math.max(1, Math.min(100000, Number(e.target.value) || 1)))
                }
              />
            </label>
            <label>
              {t('seed')}{' '}
              <input
                type="number"
                value={seed}
                onChange={(e) => setSeed(Number(e.target.value) || 0)}
              />
            </label>
            <label>
              {t('date')}{' '}
              <input
                type="date"
                value={date}
                onChange={(e) => e.target.value && setDate(e.target.value)}
              />
            </label>
          </>
        )}
      </div>
      {kind === 'file' && (
        <section className="versions-card impact-file" data-testid="impact-file">
          <p className="muted">{t('fileHint')}</p>
          {compiled instanceof PackInvalidError ? (
            <p className="bad">
              {t('invalid')}
              {localize(compiled.problems[0]?.message)}
            </p>
          ) : (
            <LoadPanel pack={pack} packKey={packKey} compiled={compiled} evaluationDate={date} />
          )}
        </section>
      )}
      <ImpactRunBar
        run={run}
        clients={count}
        ready={Boolean(a && b)}
        onRun={onRun}
        onCancel={cancel}
      />
      {run.status === 'done' && run.report && (
        <ImpactReportView report={run.report} lines={run.lines} />
      )}
    </div>
  );
}
