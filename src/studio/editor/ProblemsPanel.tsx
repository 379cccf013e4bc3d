import type { Pack } from '../../domain/index.ts';
import type { Problem } from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { nodeIdOfPath } from '../graph/graphEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    title: '问题',
    none: '没有发现问题',
    counts: '{errors} 个错误，{warnings} 个警告',
    error: '错误',
    warning: '警告',
    info: '提示',
  },
  en: {
    title: 'Problems',
    none: 'No problems found',
    counts: '{errors} errors, {warnings} warnings',
    error: 'error',
    warning: 'warning',
    info: 'info',
  },
});

type Props = { pack: Pack; problems: Problem[]; onOpen: (nodeId: string) => void };

/** Every problem with where it is; clicking one opens its node. */
export function ProblemsPanel({ pack, problems, onOpen }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  return (
    <section className="problems-panel" aria-label={t('title')}>
      <header>
        <strong>{t('title')}</strong> <span>{t('counts', { errors, warnings })}</span>
      </header>
      {problems.length === 0 ? (
        <p className="problems-none">{t('none')}</p>
      ) : (
        <ul>
          {problems.map((p, i) => {
            const nodeId = p.nodeId ?? nodeIdOfPath(pack, p.path);
            return (
              <li key={`${p.path}|${p.code}|${i}`}>
                <button
                  type="button"
                  className={`problem ${p.severity}`}
                  disabled={!nodeId}
                  onClick={() => nodeId && onOpen(nodeId)}
                >
                  <span className="problem-severity">{t(p.severity)}</span>
                  <span className="problem-message">{localize(p.message)}</span>
                  {nodeId && <span className="problem-node">{nodeId}</span>}
                  <code className="problem-path">{p.path}</code>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
