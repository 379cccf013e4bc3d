import { useCallback, useEffect, useState } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import { toStorageError } from '../../storage/index.ts';
import type { ChannelStats, TeamChannel } from '../../storage/remote/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { useTeam } from './teamContext.tsx';

const DAYS = 14;

const messages = defineMessages({
  'zh-CN': {
    title: '决策服务渠道',
    intro:
      '每个渠道（柜台、网站、App、CRM）持有一个 API 密钥，只能调用指定的规则包，受每秒限额约束。',
    channel: '渠道',
    packs: '规则包',
    rate: '每秒限额',
    perDay: '近 {days} 天每日决策数',
    decisions: '决策数',
    mix: '结论分布（允许 / 警示 / 禁止）',
    errorRate: '错误率',
    state: '状态',
    active: '有效',
    revoked: '已吊销',
    revoke: '吊销密钥',
    add: '新建渠道',
    packsHint: '规则包 ID，逗号分隔（* 为全部）',
    create: '创建',
    keyOnce: '渠道 {id} 的密钥（只显示这一次，请立即保存）：',
    none: '还没有渠道。',
  },
  en: {
    title: 'Decision service channels',
    intro:
      'Each channel (branch counter, web, app, CRM) holds one API key, may call only the packs it is scoped to, and is held to its rate.',
    channel: 'Channel',
    packs: 'Packs',
    rate: 'Requests/s',
    perDay: 'Decisions per day, last {days} days',
    decisions: 'Decisions',
    mix: 'Verdict mix (allowed / warn / prohibited)',
    errorRate: 'Error rate',
    state: 'State',
    active: 'active',
    revoked: 'revoked',
    revoke: 'Revoke key',
    add: 'New channel',
    packsHint: 'Pack ids, comma-separated (* for all)',
    create: 'Create',
    keyOnce: 'The key of channel {id} (shown this once: store it now):',
    none: 'No channel yet.',
  },
});

const VERDICTS = ['allowed', 'warn', 'prohibited'] as const;

/** The last `n` UTC days up to `to` (exclusive), oldest first. */
function lastDays(to: string, n: number): string[] {
  const end = new Date(`${to}T00:00:00Z`).getTime();
  return Array.from({ length: n }, (_, i) =>
    new Date(end - (n - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

/** Decisions per day as bars, scaled to the busiest day. */
function DayBars(props: { days: string[]; counts: Map<string, number> }) {
  const max = Math.max(1, ...props.counts.values());
  return (
    <span className="channel-days">
      {props.days.map((d) => {
        const n = props.counts.get(d) ?? 0;
        return (
          <span
            key={d}
            className="channel-day"
            title={`${d}: ${n}`}
            style={{ height: `${Math.max(1, Math.round((n / max) * 24))}px` }}
          />
        );
      })}
    </span>
  );
}

function VerdictMix(props: { verdicts: Record<string, number> }) {
  const total = VERDICTS.reduce((s, v) => s + (props.verdicts[v] ?? 0), 0);
  if (total === 0) return <span className="muted">–</span>;
  return (
    <span className="channel-mix" title={VERDICTS.map((v) => props.verdicts[v] ?? 0).join(' / ')}>
      {VERDICTS.map((v) => (
        <span
          key={v}
          className={`channel-mix-${v}`}
          style={{ width: `${((props.verdicts[v] ?? 0) / total) * 100}%` }}
        />
      ))}
    </span>
  );
}

/** The admin's view of the decision service's channels: keys, scope, rate, and how they fare. */
export function ChannelsPanel() {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { accounts } = useTeam();
  const [channels, setChannels] = useState<TeamChannel[] | null>(null);
  const [stats, setStats] = useState<ChannelStats | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);
  const [made, setMade] = useState<{ id: string; key: string } | null>(null);
  const [draft, setDraft] = useState({ id: '', packs: '', ratePerSecond: '100' });

  const load = useCallback(async () => {
    try {
      const [list, numbers] = await Promise.all([accounts.channels(), accounts.channelStats(DAYS)]);
      setChannels(list);
      setStats(numbers);
    } catch (e) {
      setError(toStorageError(e, 'channels').localized);
    }
  }, [accounts]);
  useEffect(() => {
    // The server's list is the external system this effect reads.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
    } catch (e) {
      setError(toStorageError(e, 'channels').localized);
    }
    await load();
  };

  const days = stats ? lastDays(stats.to, DAYS) : [];
  const statsOf = (id: string) => stats?.channels.find((c) => c.channel === id);

  return (
    <section className="admin-channels" data-testid="channels">
      <h3>{t('title')}</h3>
      <p className="muted">{t('intro')}</p>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="channels-error">
          {localize(error)}
        </div>
      )}
      {made && (
        <div className="banner" data-testid="channel-key">
          {t('keyOnce', { id: made.id })} <code className="mono">{made.key}</code>
        </div>
      )}
      {channels?.length === 0 && <p className="muted">{t('none')}</p>}
      {channels && channels.length > 0 && (
        <table className="grid admin-users">
          <thead>
            <tr>
              <th>{t('channel')}</th>
              <th>{t('packs')}</th>
              <th>{t('rate')}</th>
              <th>{t('perDay', { days: DAYS })}</th>
              <th>{t('decisions')}</th>
              <th>{t('mix')}</th>
              <th>{t('errorRate')}</th>
              <th>{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => {
              const s = statsOf(c.id);
              return (
                <tr key={c.id} data-channel={c.id}>
                  <td className="mono">{c.id}</td>
                  <td className="mono">{c.packs.join(', ')}</td>
                  <td>{c.ratePerSecond}</td>
                  <td>
                    <DayBars
                      days={days}
                      counts={new Map((s?.days ?? []).map((d) => [d.day, d.decisions]))}
                    />
                  </td>
                  <td data-testid={`decisions-${c.id}`}>{s?.decisions ?? 0}</td>
                  <td>
                    <VerdictMix verdicts={s?.verdicts ?? {}} />
                  </td>
                  <td data-testid={`error-rate-${c.id}`}>
                    {`${((s?.errorRate ?? 0) * 100).toFixed(1)}%`}
                  </td>
                  <td>
                    {c.revokedAt ? (
                      t('revoked')
                    ) : (
                      <button
                        className="btn btn-small"
                        data-testid={`revoke-channel-${c.id}`}
                        onClick={() => void run(() => accounts.revokeChannel(c.id))}
                      >
                        {t('revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form
        className="admin-add"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const packs = draft.packs
              .split(',')
              .map((p) => p.trim())
              .filter(Boolean);
            const answer = await accounts.createChannel({
              id: draft.id.trim(),
              packs,
              ratePerSecond: Number(draft.ratePerSecond),
            });
            setMade({ id: answer.channel.id, key: answer.key });
            setDraft({ id: '', packs: '', ratePerSecond: '100' });
          });
        }}
      >
        <h3>{t('add')}</h3>
        <input
          aria-label={t('channel')}
          placeholder={t('channel')}
          data-testid="new-channel-id"
          value={draft.id}
          onChange={(e) => setDraft({ ...draft, id: e.target.value })}
        />
        <input
          aria-label={t('packs')}
          placeholder={t('packsHint')}
          data-testid="new-channel-packs"
          value={draft.packs}
          onChange={(e) => setDraft({ ...draft, packs: e.target.value })}
        />
        <input
          aria-label={t('rate')}
          type="number"
          min={1}
          data-testid="new-channel-rate"
          value={draft.ratePerSecond}
          onChange={(e) => setDraft({ ...draft, ratePerSecond: e.target.value })}
        />
        <button className="btn btn-primary" type="submit" data-testid="new-channel-create">
          {t('create')}
        </button>
      </form>
    </section>
  );
}
