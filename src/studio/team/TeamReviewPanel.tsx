import { useCallback, useEffect, useState } from 'react';
import type { LocalizedText, Pack } from '../../domain/index.ts';
import { toStorageError } from '../../storage/index.ts';
import type { Review } from '../../storage/remote/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { useGovernanceStep } from '../versions/useGovernance.ts';
import { authoredSinceRelease, missingRole } from './roles.ts';
import { useTeam } from './teamContext.tsx';

const messages = defineMessages({
  'zh-CN': {
    status: '状态',
    version: '版本号',
    draft: '草稿',
    'in-review': '审核中',
    approved: '已批准',
    published: '已发布',
    retired: '已停用',
    note: '提交说明',
    submit: '提交审核',
    changes: '自上次发布以来的修改',
    noChanges: '自上次发布以来没有修改',
    firstVersion: '尚未发布过：这将是首个发布版本，没有可比较的旧版本',
    tests: '测试（服务器运行）：{passed}/{total} 通过',
    lint: '检查：{errors} 个错误，{warnings} 个警告',
    impact: '客群影响（包内样本客户与测试客户）',
    affected: '{total} 个客户中有 {affected} 个结果改变',
    move: '{from} → {to}：{count} 个客户',
    authors: '自上次发布以来的编辑人',
    comments: '审核意见',
    noComments: '还没有意见',
    comment: '意见',
    addComment: '发表意见',
    reason: '批准或驳回的理由（必填）',
    approve: '批准',
    reject: '驳回',
    withdraw: '撤回审核',
    publish: '发布并签名',
    publishedAs: '最近发布的版本 {version}，内容哈希 {hash}…（已签名，不可更改）',
    loading: '正在读取审核信息…',
    serverDecides: '按钮上的角色提示仅供参考，每个请求都由服务器判定。',
  },
  en: {
    status: 'Status',
    version: 'Version',
    draft: 'draft',
    'in-review': 'in review',
    approved: 'approved',
    published: 'published',
    retired: 'retired',
    note: 'Submission note',
    submit: 'Submit for review',
    changes: 'Changes since the last published version',
    noChanges: 'No changes since the last published version',
    firstVersion: 'Never published yet: this will be the first version, with nothing to compare to',
    tests: 'Tests (run by the server): {passed} of {total} pass',
    lint: 'Lint: {errors} errors, {warnings} warnings',
    impact: "Population impact (the pack's sample and test clients)",
    affected: '{affected} of {total} clients get a different result',
    move: '{from} → {to}: {count} clients',
    authors: 'Edited since the last published version by',
    comments: 'Review comments',
    noComments: 'No comments yet',
    comment: 'Comment',
    addComment: 'Comment',
    reason: 'Reason for approving or rejecting (required)',
    approve: 'Approve',
    reject: 'Reject',
    withdraw: 'Withdraw from review',
    publish: 'Publish and sign',
    publishedAs: 'Last published version {version}, content hash {hash}… (signed, immutable)',
    loading: 'Loading the review…',
    serverDecides: 'Role hints on the buttons are only hints: the server decides every request.',
  },
});

const textOf = (text: string | Record<string, string>, localize: (t: LocalizedText) => string) =>
  typeof text === 'string'
    ? text
    : localize({ 'zh-CN': text['zh-CN'] ?? text.en ?? '', en: text.en ?? '' });

/** A button that is disabled, with the reason as its tooltip, when the user lacks the role. */
function RoleButton(props: {
  why: LocalizedText | null;
  onClick: () => void;
  label: string;
  testId: string;
  kind?: 'primary' | 'danger';
}) {
  const localize = useLocalize();
  return (
    <button
      type="button"
      className={props.kind ? `btn btn-${props.kind}` : 'btn'}
      disabled={props.why !== null}
      title={props.why ? localize(props.why) : undefined}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.label}
    </button>
  );
}

/** Maker-checker on the server: submit, review (diff, tests, lint, impact, comments), decide, publish. */
export function TeamReviewPanel(props: { packKey: string; pack: Pack }) {
  const { packKey, pack } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const { review: api, events, user } = useTeam();
  const step = useGovernanceStep();
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');

  const load = useCallback(async () => {
    try {
      setReview(await api.review(packKey));
    } catch (e) {
      setError(toStorageError(e, packKey).localized);
    }
  }, [api, packKey]);
  useEffect(() => {
    // The server's review is the external system this effect follows, live.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
    return events.onPack((e) => {
      if (e.id === packKey) void load();
    });
  }, [load, events, packKey]);

  const act = (work: () => Promise<unknown>, after?: () => void) =>
    void step(work).then((refusal) => {
      setError(refusal);
      if (!refusal) after?.();
      void load();
    });

  const status = (review?.status ?? pack.status) as Pack['status'];
  const makerChecker = review ? authoredSinceRelease(user, review.makers) : null;

  return (
    <div className="review-panel team-review" data-testid="team-review">
      <p>
        {t('status')}:{' '}
        <strong className={`status-chip ${status}`} data-testid="pack-status">
          {t(status)}
        </strong>{' '}
        · {t('version')} <code data-testid="pack-version">{review?.version ?? pack.version}</code>
      </p>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="review-error">
          <span>{localize(error)}</span>
        </div>
      )}
      {status === 'draft' && (
        <div className="versions-form">
          <label className="grow">
            {t('note')}
            <textarea
              value={note}
              rows={2}
              onChange={(e) => setNote(e.target.value)}
              data-testid="note-input"
            />
          </label>
          <RoleButton
            why={missingRole(user, 'author')}
            kind="primary"
            label={t('submit')}
            testId="submit-review"
            onClick={() =>
              act(
                () => api.submit(packKey, note),
                () => setNote(''),
              )
            }
          />
        </div>
      )}
      {status === 'in-review' && (
        <div className="versions-form">
          <label className="grow">
            {t('reason')}
            <textarea
              value={reason}
              rows={2}
              onChange={(e) => setReason(e.target.value)}
              data-testid="decision-reason"
            />
          </label>
          {makerChecker && (
            <p className="bad" data-testid="maker-checker-hint">
              {localize(makerChecker)}
            </p>
          )}
          <div className="row">
            <RoleButton
              why={missingRole(user, 'approver')}
              kind="primary"
              label={t('approve')}
              testId="approve"
              onClick={() => act(() => api.decide(packKey, 'approve', reason))}
            />
            <RoleButton
              why={missingRole(user, 'approver')}
              kind="danger"
              label={t('reject')}
              testId="reject"
              onClick={() => act(() => api.decide(packKey, 'reject', reason))}
            />
            <RoleButton
              why={missingRole(user, 'author')}
              label={t('withdraw')}
              testId="withdraw"
              onClick={() => act(() => api.withdraw(packKey))}
            />
          </div>
        </div>
      )}
      {status === 'approved' && (
        <div className="versions-form">
          <RoleButton
            why={missingRole(user, 'publisher')}
            kind="primary"
            label={t('publish')}
            testId="publish"
            onClick={() => act(() => api.publish(packKey))}
          />
        </div>
      )}
      {review?.lastPublished && (
        <p className="good" data-testid="published">
          {t('publishedAs', {
            version: review.lastPublished.version,
            hash: review.lastPublished.hash.slice(0, 16),
          })}
        </p>
      )}
      <p className="muted">{t('serverDecides')}</p>
      {!review ? !error && <p className="muted">{t('loading')}</p> : <ReviewBody review={review} />}
      {review && (
        <section className="versions-card" data-testid="comments">
          <h3>{t('comments')}</h3>
          {review.comments.length === 0 ? (
            <p className="muted">{t('noComments')}</p>
          ) : (
            <ul className="comment-list">
              {review.comments.map((c, i) => (
                <li key={i} data-testid="comment">
                  <strong>{c.author}</strong>
                  {c.path && <code className="muted"> {c.path}</code>}: {c.text}
                </li>
              ))}
            </ul>
          )}
          <div className="row">
            <input
              className="grow"
              aria-label={t('comment')}
              placeholder={t('comment')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              data-testid="comment-input"
            />
            <RoleButton
              why={missingRole(user, 'reviewer', 'approver', 'author')}
              label={t('addComment')}
              testId="add-comment"
              onClick={() =>
                act(
                  () => api.comment(packKey, comment),
                  () => setComment(''),
                )
              }
            />
          </div>
        </section>
      )}
    </div>
  );
}

/** What the server says a checker decides on: the change in words, tests, lint, impact. */
function ReviewBody(props: { review: Review }) {
  const { review } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const lintErrors = review.lint.filter((p) => p.severity === 'error').length;
  const lintWarnings = review.lint.filter((p) => p.severity === 'warning').length;
  return (
    <>
      <section className="versions-card" data-testid="review-diff">
        <h3>{t('changes')}</h3>
        {review.lastPublished === null ? (
          <p className="muted">{t('firstVersion')}</p>
        ) : review.changes.length === 0 ? (
          <p className="muted">{t('noChanges')}</p>
        ) : (
          <ul>
            {review.changes.map((d, i) => (
              <li key={i}>{textOf(d.text, localize)}</li>
            ))}
          </ul>
        )}
        {review.makers.length > 0 && (
          <p data-testid="review-authors">
            {t('authors')}: {review.makers.join(', ')}
          </p>
        )}
      </section>
      <p className={review.tests.failed > 0 ? 'bad' : 'good'} data-testid="review-tests">
        {t('tests', { passed: review.tests.passed, total: review.tests.total })}
      </p>
      <p className={lintErrors > 0 ? 'bad' : 'good'} data-testid="review-lint">
        {t('lint', { errors: lintErrors, warnings: lintWarnings })}
      </p>
      {review.impact && (
        <section className="versions-card" data-testid="review-impact">
          <h3>{t('impact')}</h3>
          <ImpactSummary impact={review.impact} />
        </section>
      )}
    </>
  );
}

/** Clients compared, how many change, and which level moves. */
function ImpactSummary(props: { impact: NonNullable<Review['impact']> }) {
  const { impact } = props;
  const t = useMessages(messages);
  const moves = Object.entries(impact.levelMatrix).flatMap(([from, row]) =>
    Object.entries(row)
      .filter(([to, n]) => to !== from && n > 0)
      .map(([to, n]) => ({ from, to, n })),
  );
  return (
    <div>
      <p data-testid="impact-affected">
        {t('affected', { affected: impact.affected, total: impact.total })}
      </p>
      {moves.length > 0 && (
        <ul>
          {moves.map((m) => (
            <li key={`${m.from}>${m.to}`}>{t('move', { from: m.from, to: m.to, count: m.n })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
