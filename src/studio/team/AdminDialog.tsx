import { useCallback, useEffect, useState } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import { toStorageError } from '../../storage/index.ts';
import { ROLES, type Role, type TeamUser } from '../../storage/remote/index.ts';
import { Dialog } from '../app/Dialog.tsx';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { ChannelsPanel } from './ChannelsPanel.tsx';
import { ROLE_LABELS } from './roles.ts';
import { useTeam } from './teamContext.tsx';

const messages = defineMessages({
  'zh-CN': {
    title: '用户与角色',
    username: '用户名',
    name: '姓名',
    roles: '角色',
    state: '状态',
    actions: '操作',
    active: '启用',
    disabled: '已停用',
    disable: '停用',
    enable: '启用',
    revoke: '注销全部会话',
    revoked: '已注销 {user} 的全部会话',
    add: '添加用户',
    password: '初始密码（至少 10 个字符）',
    create: '创建',
    close: '关闭',
    loading: '正在读取…',
    adminOnly: '管理员管理账号和角色，不编辑规则内容。',
  },
  en: {
    title: 'Users & roles',
    username: 'Username',
    name: 'Name',
    roles: 'Roles',
    state: 'State',
    actions: 'Actions',
    active: 'active',
    disabled: 'disabled',
    disable: 'Disable',
    enable: 'Enable',
    revoke: 'Revoke all sessions',
    revoked: 'Revoked every session of {user}',
    add: 'Add a user',
    password: 'Initial password (at least 10 characters)',
    create: 'Create',
    close: 'Close',
    loading: 'Loading…',
    adminOnly: 'Administrators manage accounts and roles, not rule content.',
  },
});

function RolePicker(props: {
  roles: readonly Role[];
  onChange: (roles: Role[]) => void;
  name: string;
}) {
  const localize = useLocalize();
  return (
    <span className="role-picker">
      {ROLES.map((role) => (
        <label key={role} className="role-option">
          <input
            type="checkbox"
            checked={props.roles.includes(role)}
            data-testid={`role-${props.name}-${role}`}
            onChange={(e) =>
              props.onChange(
                e.target.checked
                  ? ROLES.filter((r) => r === role || props.roles.includes(r))
                  : props.roles.filter((r) => r !== role),
              )
            }
          />
          {localize(ROLE_LABELS[role])}
        </label>
      ))}
    </span>
  );
}

/** The administrator's screen: accounts, their roles, disabling, revoking sessions. */
export function AdminDialog(props: { onClose: () => void }) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { accounts } = useTeam();
  const [users, setUsers] = useState<TeamUser[] | null>(null);
  const [error, setError] = useState<LocalizedText | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState({
    username: '',
    displayName: '',
    password: '',
    roles: ['author'] as Role[],
  });

  const load = useCallback(async () => {
    try {
      setUsers(await accounts.users());
    } catch (e) {
      setError(toStorageError(e, 'users').localized);
    }
  }, [accounts]);
  useEffect(() => {
    // The server's list is the external system this effect reads.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      setError(null);
      setNotice(done ?? null);
    } catch (e) {
      setError(toStorageError(e, 'users').localized);
    }
    await load();
  };

  return (
    <Dialog
      title={t('title')}
      onCancel={props.onClose}
      actions={
        <button className="btn" onClick={props.onClose} data-testid="admin-close">
          {t('close')}
        </button>
      }
    >
      <div className="admin" data-testid="admin">
        <p className="muted">{t('adminOnly')}</p>
        {error && (
          <div className="banner banner-error" role="alert" data-testid="admin-error">
            {localize(error)}
          </div>
        )}
        {notice && <p data-testid="admin-notice">{notice}</p>}
        {users === null ? (
          <p className="muted">{t('loading')}</p>
        ) : (
          <table className="grid admin-users">
            <thead>
              <tr>
                <th>{t('username')}</th>
                <th>{t('name')}</th>
                <th>{t('roles')}</th>
                <th>{t('state')}</th>
                <th>{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-user={u.username}>
                  <td className="mono">{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>
                    <RolePicker
                      name={u.username}
                      roles={u.roles}
                      onChange={(roles) => void run(() => accounts.updateUser(u.id, { roles }))}
                    />
                  </td>
                  <td>{u.disabled ? t('disabled') : t('active')}</td>
                  <td className="actions-col">
                    <button
                      className="btn btn-small"
                      data-testid={`toggle-${u.username}`}
                      onClick={() =>
                        void run(() => accounts.updateUser(u.id, { disabled: !u.disabled }))
                      }
                    >
                      {u.disabled ? t('enable') : t('disable')}
                    </button>
                    <button
                      className="btn btn-small"
                      data-testid={`revoke-${u.username}`}
                      onClick={() =>
                        void run(
                          () => accounts.revokeSessions(u.id),
                          t('revoked', { user: u.username }),
                        )
                      }
                    >
                      {t('revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form
          className="admin-add"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await accounts.createUser(draft);
              setDraft({ username: '', displayName: '', password: '', roles: ['author'] });
            });
          }}
        >
          <h3>{t('add')}</h3>
          <input
            aria-label={t('username')}
            placeholder={t('username')}
            data-testid="new-username"
            value={draft.username}
            onChange={(e) => setDraft({ ...draft, username: e.target.value })}
          />
          <input
            aria-label={t('name')}
            placeholder={t('name')}
            data-testid="new-name"
            value={draft.displayName}
            onChange={(e) => setDraft({ ...draft, displayName: e.target.value })}
          />
          <input
            aria-label={t('password')}
            placeholder={t('password')}
            type="password"
            autoComplete="new-password"
            data-testid="new-password"
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.target.value })}
          />
          <RolePicker
            name="new"
            roles={draft.roles}
            onChange={(roles) => setDraft({ ...draft, roles })}
          />
          <button className="btn btn-primary" type="submit" data-testid="new-create">
            {t('create')}
          </button>
        </form>
        <ChannelsPanel />
      </div>
    </Dialog>
  );
}
