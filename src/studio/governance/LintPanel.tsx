import { useMemo } from 'react';
import type { Pack } from '../../domain/index.ts';
import { lintPack, type Problem } from '../../engine/index.ts';
import { nodeIdOfPath } from '../graph/graphEdits.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': {
    counts: '{errors} 个错误，{warnings} 个警告，{infos} 个提示',
    clean: '检查通过：没有发现问题',
    error: '错误',
    warning: '警告',
    info: '提示',
    open: '在编辑器中打开',
    blocking: '有错误时不能发布',
  },
  en: {
    counts: '{errors} errors, {warnings} warnings, {infos} notes',
    clean: 'Lint clean: no findings',
    error: 'error',
    warning: 'warning',
    info: 'info',
    open: 'Open in the editor',
    blocking: 'A pack with errors cannot be published',
  },
});

const ORDER: Record<Problem['severity'], number> = { error: 0, warning: 1, info: 2 };

/** The pack lint's findings, errors first; a finding on a node opens that node in the editor. */
export function LintPanel(props: { pack: Pack; onOpenNode: (id: string) => void }) {
  const { pack, onOpenNode } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const findings = useMemo(
    () => [...lintPack(pack)].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]),
    [pack],
  );
  const count = (s: Problem['severity']) => findings.filter((f) => f.severity === s).length;
  return (
    <div className="lint-panel" data-testid="lint-panel">
      <p data-testid="lint-counts">
        {findings.length === 0
          ? t('clean')
          : t('counts', {
              errors: count('error'),
              warnings: count('warning'),
              infos: count('info'),
            })}
        {count('error') > 0 && <span className="bad"> · {t('blocking')}</span>}
      </p>
      <ul className="lint-list">
        {findings.map((f, i) => {
          const nodeId = f.nodeId ?? nodeIdOfPath(pack, f.path);
          return (
            <li
              key={`${f.path}|${f.code}|${i}`}
              className={`lint-item ${f.severity}`}
              data-code={f.code}
            >
              <span className={`diff-badge ${f.severity}`}>{t(f.severity)}</span>
              <span className="lint-message">{localize(f.message)}</span>
              <code className="lint-path">{f.path}</code>
              {nodeId && (
                <button type="button" className="btn btn-small" onClick={() => onOpenNode(nodeId)}>
                  {t('open')} {nodeId}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
