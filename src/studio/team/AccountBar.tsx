import { useState } from 'react';
import { useStore } from 'zustand';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { AdminDialog } from './AdminDialog.tsx';
import { AuditDialog } from './AuditDialog.tsx';
import { missingRole, ROLE_LABELS } from './roles.ts';
import { useTeam } from './teamContext.tsx';

const messages = defineMessages({
  'zh-CN': {
    team: '团队工作区',
    teamHint: '规则包保存在团队服务器上，与同事共享；本浏览器保留离线副本和待发送的修改',
    online: '已连接',
    offline: '离线',
    queued: '{count} 项修改待发送',
    conflicts: '{count} 项离线修改有冲突',
    signedIn: '当前用户',
    admin: '用户与角色',
    audit: '审计日志',
    logout: '退出登录',
  },
  en: {
    team: 'Team workspace',
    teamHint:
      'Packs live on the team server, shared with colleagues; this browser keeps an offline copy and the edits waiting to be sent',
    online: 'Connected',
    offline: 'Offline',
    queued: '{count} edits waiting to be sent',
    conflicts: '{count} offline edits in conflict',
    signedIn: 'Signed in as',
    admin: 'Users & roles',
    audit: 'Audit log',
    logout: 'Sign out',
  },
});

/** The team workspace's place in the top bar: the label, the connection, who is signed in. */
export function AccountBar() {
  const t = useMessages(messages);
  const localize = useLocalize();
  const team = useTeam();
  const { user } = team;
  const sync = useStore(team.sync);
  const [admin, setAdmin] = useState(false);
  const notAdmin = missingRole(user, 'admin');
  const [audit, setAudit] = useState(false);
  const canAudit = user.roles.includes('auditor') || user.roles.includes('admin');
  return (
    <div className="account-bar" data-testid="account-bar">
      <span
        className="workspace-badge workspace-team"
        title={t('teamHint')}
        data-testid="workspace-kind"
        data-kind="team"
      >
        {t('team')}
      </span>
      <span
        className={sync.connected ? 'sync-chip sync-online' : 'sync-chip sync-offline'}
        data-testid="sync-status"
        data-connected={sync.connected}
        data-queued={sync.queued}
        data-conflicts={sync.conflicts}
      >
        {sync.connected ? t('online') : t('offline')}
        {sync.queued > 0 && ` · ${t('queued', { count: sync.queued })}`}
        {sync.conflicts > 0 && ` · ${t('conflicts', { count: sync.conflicts })}`}
      </span>
      <span className="account-user" title={t('signedIn')} data-testid="account-user">
        <strong>{user.displayName}</strong> <span className="muted">@{user.username}</span>
        {user.roles.map((r) => (
          <span key={r} className="role-chip" data-role={r}>
            {localize(ROLE_LABELS[r])}
          </span>
        ))}
      </span>
      <button
        className="btn btn-small"
        disabled={notAdmin !== null}
        title={notAdmin ? localize(notAdmin) : undefined}
        onClick={() => setAdmin(true)}
        data-testid="open-admin"
      >
        {t('admin')}
      </button>
      {canAudit && (
        <button className="btn btn-small" onClick={() => setAudit(true)} data-testid="open-audit">
          {t('audit')}
        </button>
      )}
      <button className="btn btn-small" onClick={() => void team.signOut()} data-testid="logout">
        {t('logout')}
      </button>
      {admin && <AdminDialog onClose={() => setAdmin(false)} />}
      {audit && <AuditDialog onClose={() => setAudit(false)} />}
    </div>
  );
}
