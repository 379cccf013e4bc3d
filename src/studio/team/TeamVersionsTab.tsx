import { useCallback, useEffect, useState } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import { toStorageError } from '../../storage/index.ts';
import type { RemoteRevision } from '../../storage/remote/index.ts';
import type { EditorTabProps } from '../app/route.ts';
import { LintPanel } from '../governance/LintPanel.tsx';
import { defineMessages, useLocale, useLocalize, useMessages } from '../i18n/index.tsx';
import { usePackState, useStudio } from '../state/index.ts';
import '../versions/versions.css';
import { SectionNav } from '../versions/SectionNav.tsx';
import { useTeam } from './teamContext.tsx';
import { TeamReviewPanel } from './TeamReviewPanel.tsx';

const messages = defineMessages({
  'zh-CN': {
    review: '审核与发布',
    revisions: '服务器上的修订',
    lint: '检查',
    revision: '修订',
    kind: '类型',
    author: '编辑人',
    at: '时间',
    summary: '说明',
    loading: '正在载入…',
  },
  en: {
    review: 'Review & publish',
    revisions: 'Revisions on the server',
    lint: 'Lint',
    revision: 'Revision',
    kind: 'Kind',
    author: 'By',
    at: 'When',
    summary: 'Summary',
    loading: 'Loading…',
  },
});

const SECTIONS = ['review', 'revisions', 'lint'] as const;
type Section = (typeof SECTIONS)[number];

/** The versions tab of a team pack: the server's review and publishing, its revisions, lint. */
export function TeamVersionsTab({ packKey, goTo }: EditorTabProps) {
  const t = useMessages(messages);
  const { packStore } = useStudio();
  const pack = usePackState((s) => s.pack);
  const [section, setSection] = useState<Section>('review');
  const openNode = useCallback(
    (nodeId: string) => {
      packStore.select({ nodeId, focusPath: null });
      goTo('graph');
    },
    [packStore, goTo],
  );
  return (
    <div className="versions-tab">
      <div className="versions-bar">
        <SectionNav sections={SECTIONS} current={section} label={t} onSelect={setSection} />
      </div>
      {!pack ? (
        <p className="muted pad">{t('loading')}</p>
      ) : (
        <div className="versions-body">
          {section === 'review' && <TeamReviewPanel packKey={packKey} pack={pack} />}
          {section === 'revisions' && <RevisionList packKey={packKey} />}
          {section === 'lint' && <LintPanel pack={pack} onOpenNode={openNode} />}
        </div>
      )}
    </div>
  );
}

function RevisionList(props: { packKey: string }) {
  const { packKey } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const { locale } = useLocale();
  const { packs, events } = useTeam();
  const [rows, setRows] = useState<RemoteRevision[] | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);
  const load = useCallback(async () => {
    try {
      setRows(await packs.revisions(packKey));
    } catch (e) {
      setError(toStorageError(e, packKey).localized);
    }
  }, [packs, packKey]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
    return events.onPack((e) => {
      if (e.id === packKey) void load();
    });
  }, [load, events, packKey]);
  const localizeAny = (text: Record<string, string>) =>
    localize({ 'zh-CN': text['zh-CN'] ?? '', en: text.en ?? '' });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  if (error) return <p className="error-text">{localize(error)}</p>;
  if (!rows) return <p className="muted">{t('loading')}</p>;
  return (
    <table className="versions-table" data-testid="server-revisions">
      <thead>
        <tr>
          <th>{t('revision')}</th>
          <th>{t('kind')}</th>
          <th>{t('author')}</th>
          <th>{t('at')}</th>
          <th>{t('summary')}</th>
        </tr>
      </thead>
      <tbody>
        {[...rows].reverse().map((r) => (
          <tr key={r.revision} data-revision={r.revision}>
            <td className="mono">{r.revision}</td>
            <td>{r.kind}</td>
            <td>{r.author}</td>
            <td>{when.format(new Date(r.at))}</td>
            <td className="summary">
              {typeof r.summary === 'string' ? r.summary : r.summary ? localizeAny(r.summary) : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
