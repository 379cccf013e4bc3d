import { useMemo } from 'react';
import type { NodeKind, Pack, PackChange } from '../../domain/index.ts';
import type { Problem } from '../../engine/index.ts';
import { defineMessages, useLocale, useLocalize, useMessages } from '../i18n/index.tsx';
import { kindEntry } from '../nodeKinds/index.ts';
import { groupProblems } from './problemView.ts';

const messages = defineMessages({
  'zh-CN': {
    title: '问题',
    none: '没有发现问题',
    counts: '{errors} 个错误，{warnings} 个警告',
    error: '错误',
    warning: '警告',
    info: '提示',
    fix: '修正：{what}',
    open: '在图中打开',
  },
  en: {
    title: 'Problems',
    none: 'No problems found',
    counts: '{errors} errors, {warnings} warnings',
    error: 'error',
    warning: 'warning',
    info: 'info',
    fix: 'Fix: {what}',
    open: 'Open in the graph',
  },
});

type Props = {
  pack: Pack;
  problems: Problem[];
  onOpen: (nodeId: string) => void;
  dispatch: (change: PackChange) => void;
};

/**
 * Every problem in sentences, grouped by the node (or part of the pack) it is in, with its place
 * in words and, where the fix is obvious, a button that applies it as one undoable change.
 */
export function ProblemsPanel({ pack, problems, onOpen, dispatch }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { locale } = useLocale();
  const groups = useMemo(
    () =>
      groupProblems(
        pack,
        problems,
        locale,
        (kind) => kindEntry(kind as NodeKind).label[locale].name,
      ),
    [pack, problems, locale],
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  return (
    <section className="problems-panel" aria-label={t('title')}>
      <header>
        <strong>{t('title')}</strong> <span>{t('counts', { errors, warnings })}</span>
      </header>
      {groups.length === 0 ? (
        <p className="problems-none">{t('none')}</p>
      ) : (
        groups.map((g) => (
          <section key={g.key} className="problem-group" data-group={g.key}>
            <h4>
              {g.nodeId ? (
                <button
                  type="button"
                  className="problem-group-title"
                  title={t('open')}
                  onClick={() => onOpen(g.nodeId as string)}
                >
                  {g.title}
                </button>
              ) : (
                <span className="problem-group-title">{g.title}</span>
              )}
              <span className="problem-group-count">
                {t('counts', { errors: g.errors, warnings: g.warnings })}
              </span>
            </h4>
            <ul>
              {g.problems.map((p, i) => (
                <li
                  key={`${p.path}|${p.code}|${i}`}
                  className={`problem ${p.severity}`}
                  title={p.path}
                >
                  <button
                    type="button"
                    className="problem-open"
                    disabled={!g.nodeId}
                    onClick={() => g.nodeId && onOpen(g.nodeId)}
                  >
                    <span className="problem-severity">{t(p.severity)}</span>
                    <span className="problem-message">{p.text}</span>
                    {p.where && <span className="problem-where">{p.where}</span>}
                  </button>
                  {p.fix && (
                    <button
                      type="button"
                      className="problem-fix"
                      onClick={() => dispatch(p.fix!.change)}
                    >
                      {t('fix', { what: localize(p.fix.label) })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
