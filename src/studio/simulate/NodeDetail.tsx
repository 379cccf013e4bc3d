import { useState } from 'react';
import type { Pack } from '../../domain/index.ts';
import type { NodeTrace } from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { kindEntry } from '../nodeKinds/index.ts';
import { ValueTree } from './ValueTree.tsx';

const messages = defineMessages({
  'zh-CN': {
    back: '← 返回结果',
    input: '输入（此节点读取的值）',
    output: '输出',
    fired: '触发',
    nothingFired: '没有规则、行、分段或单元格触发',
    time: '用时 {micros} 微秒',
    fast: '用时低于浏览器计时精度',
    raw: '原始 JSON',
    tree: '树形视图',
    notRun: '此节点没有运行（评估在它之前出错）',
  },
  en: {
    back: '← Back to the result',
    input: 'Input (the values this node read)',
    output: 'Output',
    fired: 'Fired',
    nothingFired: 'No rule, row, band or cell fired',
    time: '{micros} µs',
    fast: 'Faster than the browser clock can measure',
    raw: 'Raw JSON',
    tree: 'Tree',
    notRun: 'This node did not run (the evaluation failed before it)',
  },
});

/** One node of the trace in full: what it read, what it gave, what fired, how long it took. */
export function NodeDetail(props: {
  pack: Pack;
  nodeId: string;
  trace: NodeTrace | undefined;
  onClose: () => void;
}) {
  const { pack, nodeId, trace, onClose } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const [raw, setRaw] = useState(false);
  const node = pack.graph.nodes.find((n) => n.id === nodeId);
  const entry = node ? kindEntry(node.kind) : undefined;
  const kindText = useMessages(entry?.label ?? messagesFallback);
  return (
    <div className="sim-node-detail" data-testid="node-detail" data-node-id={nodeId}>
      <div className="sim-node-detail-bar">
        <button type="button" className="btn btn-small" onClick={onClose}>
          {t('back')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setRaw(!raw)}>
          {raw ? t('tree') : t('raw')}
        </button>
      </div>
      <h3 style={{ borderColor: entry?.color }}>
        {entry?.icon} {localize(node?.label) || kindText('name')} <code>{nodeId}</code>
      </h3>
      {!trace ? (
        <p className="muted">{t('notRun')}</p>
      ) : (
        <>
          <p className="muted">
            {trace.micros > 0 ? t('time', { micros: trace.micros }) : t('fast')}
          </p>
          <h4>{t('fired')}</h4>
          {trace.fired.length === 0 ? (
            <p className="muted">{t('nothingFired')}</p>
          ) : (
            <ul className="sim-fired">
              {trace.fired.map((f) => (
                <li key={f}>
                  <code>{f}</code>
                </li>
              ))}
            </ul>
          )}
          <div className="sim-node-io">
            <section>
              <h4>{t('input')}</h4>
              {raw ? (
                <pre>{JSON.stringify(trace.input, null, 2)}</pre>
              ) : (
                <ValueTree value={trace.input} />
              )}
            </section>
            <section>
              <h4>{t('output')}</h4>
              {raw ? (
                <pre>{JSON.stringify(trace.output, null, 2)}</pre>
              ) : (
                <ValueTree value={trace.output} />
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}

const messagesFallback = defineMessages({
  'zh-CN': { name: '节点', hint: '' },
  en: { name: 'Node', hint: '' },
});
