import type { RetentionStatus } from '../../storage/index.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': {
    title: '修订保留策略',
    never:
      '永不删除：当前修订、创建或导入时的修订、命名版本与已发布版本、提交审核 / 审批 / 驳回 / 发布 / 恢复所对应的修订，以及导出文件时的修订。',
    thinning:
      '自动保存的修订按时间精简：最近一小时全部保留；一小时至一天内每小时保留最后一次；一天至 30 天内每天保留最后一次；更早的每周保留最后一次。审计日志中的每条修改记录都不会删除。',
    counts: '保留 {kept} 个修订，已精简 {removed} 个，待精简 {due} 个。',
    last: '上次精简：{at}',
    notYet: '尚未精简',
    prune: '立即精简',
    pruneTitle: '按上述策略删除待精简的修订，并记入审计日志',
  },
  en: {
    title: 'Revision retention',
    never:
      'Never removed: the current revision, the revision created or imported, named and published versions, the revisions submitted for review, approved, rejected, published or restored, and the revision a file was exported from.',
    thinning:
      'Autosaved revisions are thinned by age: all of the last hour; from an hour to a day, the last of each hour; from a day to 30 days, the last of each day; older, the last of each week. Every edit stays in the audit trail.',
    counts: '{kept} revisions kept, {removed} thinned, {due} due to be thinned.',
    last: 'Last thinned: {at}',
    notYet: 'Not thinned yet',
    prune: 'Thin now',
    pruneTitle: 'Remove the revisions due under this policy, recorded in the audit trail',
  },
});

/** The retention policy in words, what it keeps of this pack, and a button to thin now. */
export function RetentionCard(props: { retention: RetentionStatus; onPrune: () => void }) {
  const { retention, onPrune } = props;
  const t = useMessages(messages);
  const at = retention.lastPruned?.slice(0, 16).replace('T', ' ');
  return (
    <section className="versions-card retention-card" data-testid="retention">
      <h3>{t('title')}</h3>
      <p className="muted">{t('never')}</p>
      <p className="muted">{t('thinning')}</p>
      <div className="row">
        <span data-testid="retention-counts">
          {t('counts', {
            kept: retention.keep.size,
            removed: retention.removed,
            due: retention.due.length,
          })}{' '}
          {at ? t('last', { at }) : t('notYet')}
        </span>
        <button
          type="button"
          className="btn btn-small"
          data-testid="retention-prune"
          title={t('pruneTitle')}
          disabled={retention.due.length === 0}
          onClick={onPrune}
        >
          {t('prune')}
        </button>
      </div>
    </section>
  );
}
