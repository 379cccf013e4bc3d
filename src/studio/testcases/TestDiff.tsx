import type { LocalizedText, Pack } from '../../domain/index.ts';
import type { TestCaseReport } from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': {
    passed: '通过：结果与期望一致',
    failed: '失败：{n} 处与期望不同',
    what: '项目',
    expected: '期望',
    actual: '实际',
    error: '评估出错：{code}（{path}）',
    missing: '（无）',
  },
  en: {
    passed: 'Passed: the result is as expected',
    failed: 'Failed: {n} differences from what was expected',
    what: 'What',
    expected: 'Expected',
    actual: 'Actual',
    error: 'The evaluation failed: {code} ({path})',
    missing: '(missing)',
  },
});

function outputLabels(pack: Pack): Map<string, LocalizedText> {
  const labels = new Map<string, LocalizedText>();
  for (const n of pack.graph.nodes)
    if (n.kind === 'output')
      for (const o of n.config.outputs)
        if (o.label && !labels.has(o.name)) labels.set(o.name, o.label);
  return labels;
}

/** Expected against actual for one test case, one row per difference. */
export function TestDiff({ pack, report }: { pack: Pack; report: TestCaseReport }) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const show = (v: unknown) => (v === undefined ? t('missing') : JSON.stringify(v));
  const label = (path: string) => {
    const [group, id = ''] = path.split('.');
    if (group === 'products' || group === 'reasons') {
      const p = pack.products.items.find((x) => x.id === id);
      return p ? localize(p.name) : path;
    }
    const declared = outputLabels(pack).get(id);
    return declared ? localize(declared) : path;
  };
  return (
    <div
      className={report.passed ? 'test-diff passed' : 'test-diff failed'}
      data-testid="test-diff"
    >
      <p className="test-diff-head">
        {report.passed ? t('passed') : t('failed', { n: report.differences.length })}
      </p>
      {report.error && (
        <p className="error-text">
          {t('error', { code: report.error.code, path: report.error.path })}:{' '}
          {localize(report.error.message)}
        </p>
      )}
      {report.differences.length > 0 && (
        <table className="sim-table">
          <thead>
            <tr>
              <th>{t('what')}</th>
              <th>{t('expected')}</th>
              <th>{t('actual')}</th>
            </tr>
          </thead>
          <tbody>
            {report.differences.map((d) => (
              <tr key={d.path} data-diff={d.path}>
                <td>
                  {label(d.path)}
                  <div className="muted">
                    <code>{d.path}</code>
                  </div>
                </td>
                <td className="diff-expected">{show(d.expected)}</td>
                <td className="diff-actual">{show(d.actual)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
