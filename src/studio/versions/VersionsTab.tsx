import { useCallback, useMemo, useState } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import type { EditorTabProps } from '../app/route.ts';
import { AuditPanel } from '../governance/AuditPanel.tsx';
import { LintPanel } from '../governance/LintPanel.tsx';
import { ReviewPanel } from '../governance/ReviewPanel.tsx';
import { UserBar } from '../governance/UserBar.tsx';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { usePackState, useStudio } from '../state/index.ts';
import { pointsOf } from './diffGroups.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import { SectionNav } from './SectionNav.tsx';
import { ImpactPanel } from './ImpactPanel.tsx';
import { useVersionsData } from './useGovernance.ts';
import './versions.css';

const messages = defineMessages({
  'zh-CN': {
    history: '修订与差异',
    review: '审核与发布',
    impact: '影响分析',
    lint: '检查',
    audit: '审计日志',
    loading: '正在载入…',
    dismiss: '关闭',
  },
  en: {
    history: 'Revisions & diff',
    review: 'Review & publish',
    impact: 'Impact',
    lint: 'Lint',
    audit: 'Audit trail',
    loading: 'Loading…',
    dismiss: 'Dismiss',
  },
});

const SECTIONS = ['history', 'review', 'impact', 'lint', 'audit'] as const;
type Section = (typeof SECTIONS)[number];

// The tab remounts when a workflow step reloads the pack; the section shown survives that.
const lastSection = new Map<string, Section>();

/** Versions of the open pack: history and diff, maker-checker publishing, impact, lint, audit. */
export default function VersionsTab({ packKey, goTo }: EditorTabProps) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { packStore } = useStudio();
  const pack = usePackState((s) => s.pack);
  const { data, error: loadError, refresh } = useVersionsData(packKey);
  const [section, setSectionState] = useState<Section>(lastSection.get(packKey) ?? 'history');
  const setSection = (s: Section) => {
    lastSection.set(packKey, s);
    setSectionState(s);
  };
  const [error, setError] = useState<LocalizedText | null>(null);
  const [auditToken, setAuditToken] = useState(0);
  const done = useCallback(() => {
    refresh();
    setAuditToken((n) => n + 1);
  }, [refresh]);
  const openNode = useCallback(
    (nodeId: string) => {
      packStore.select({ nodeId, focusPath: null });
      goTo('graph');
    },
    [packStore, goTo],
  );
  const points = useMemo(() => (data ? pointsOf(data.revisions, data.versions) : []), [data]);
  const shown = error ?? loadError;

  return (
    <div className="versions-tab">
      <div className="versions-bar">
        <SectionNav sections={SECTIONS} current={section} label={t} onSelect={setSection} />
        <UserBar onChange={done} onError={setError} />
      </div>
      {shown && (
        <div className="banner banner-error" role="alert" data-testid="versions-error">
          <span>{localize(shown)}</span>
          <button type="button" className="btn btn-small" onClick={() => setError(null)}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {!data || !pack ? (
        <p className="muted pad">{t('loading')}</p>
      ) : (
        <div className="versions-body">
          {section === 'history' && (
            <HistoryPanel
              packKey={packKey}
              data={data}
              onOpenNode={openNode}
              onError={setError}
              onChanged={done}
            />
          )}
          {section === 'review' && (
            <ReviewPanel
              key={`${pack.status}|${pack.version}`}
              packKey={packKey}
              pack={pack}
              versions={data.versions}
              onDone={done}
              onError={setError}
            />
          )}
          {section === 'impact' && <ImpactPanel points={points} packKey={packKey} pack={pack} />}
          {section === 'lint' && <LintPanel pack={pack} onOpenNode={openNode} />}
          {section === 'audit' && (
            <AuditPanel packId={pack.id} refresh={`${auditToken}|${data.revisions.length}`} />
          )}
        </div>
      )}
    </div>
  );
}
