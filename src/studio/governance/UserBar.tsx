import { useEffect, useState } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import { toStorageError, type UserRecord, type UserRole } from '../../storage/index.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';
import { useGoverned } from '../versions/useGovernance.ts';

const messages = defineMessages({
  'zh-CN': {
    user: '当前用户',
    author: '编写人',
    approver: '审批人',
    add: '添加用户',
    id: '标识',
    name: '姓名',
    role: '角色',
    create: '添加',
  },
  en: {
    user: 'Current user',
    author: 'author',
    approver: 'approver',
    add: 'Add a user',
    id: 'Id',
    name: 'Name',
    role: 'Role',
    create: 'Add',
  },
});

/** Who is working: picks a local profile or adds one. Every audit entry names this profile. */
export function UserBar(props: {
  onChange: () => void;
  onError: (e: LocalizedText | null) => void;
}) {
  const { onChange, onError } = props;
  const t = useMessages(messages);
  const storage = useGoverned();
  const [users, setUsers] = useState<UserRecord[]>([]);
  const [current, setCurrent] = useState(storage.users.currentUser.id);
  const [draft, setDraft] = useState({ id: '', name: '', role: 'approver' as UserRole });
  const [token, setToken] = useState(0);

  useEffect(() => {
    void storage.users.list().then(setUsers);
  }, [storage, token]);

  const run = (work: () => Promise<unknown>) =>
    void work().then(
      () => {
        setCurrent(storage.users.currentUser.id);
        setToken((n) => n + 1);
        onError(null);
        onChange();
      },
      (e: unknown) => onError(toStorageError(e, 'users').localized),
    );

  return (
    <div className="user-bar" data-testid="user-bar">
      <label>
        {t('user')}{' '}
        <select
          value={current}
          data-testid="user-select"
          onChange={(e) => run(() => storage.users.switchTo(e.target.value))}
        >
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.id}, {t(u.role)})
            </option>
          ))}
        </select>
      </label>
      <details className="user-add">
        <summary>{t('add')}</summary>
        <input
          aria-label={t('id')}
          placeholder={t('id')}
          data-testid="user-id"
          value={draft.id}
          onChange={(e) => setDraft({ ...draft, id: e.target.value })}
        />
        <input
          aria-label={t('name')}
          placeholder={t('name')}
          data-testid="user-name"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <select
          aria-label={t('role')}
          data-testid="user-role"
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value as UserRole })}
        >
          <option value="author">{t('author')}</option>
          <option value="approver">{t('approver')}</option>
        </select>
        <button
          type="button"
          className="btn btn-small"
          data-testid="user-create"
          onClick={() =>
            run(async () => {
              await storage.users.add(draft);
              await storage.users.switchTo(draft.id);
              setDraft({ id: '', name: '', role: 'approver' });
            })
          }
        >
          {t('create')}
        </button>
      </details>
    </div>
  );
}
