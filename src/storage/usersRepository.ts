import { z } from 'zod';
import type { LocalizedText } from '../domain/index.ts';
import type { GovernanceDb, UserRecord, UserRole } from './auditLog.ts';
import { guard, StorageError } from './errors.ts';

export const CURRENT_USER_SETTING = 'users.current';

/** The profile edits are made under until someone creates or picks another. */
export const DEFAULT_USER: UserRecord = { id: 'author', name: 'Author', role: 'author' };

const UserSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,39}$/),
  name: z.string().trim().min(1).max(80),
  role: z.enum(['author', 'approver']),
});

/**
 * Local user profiles: who is editing, for the audit trail and maker-checker. This is not
 * authentication (everything is on one machine); it records who said they did what.
 */
export class UsersRepository {
  /** Read synchronously by every save, so kept in memory and loaded once by `load`. */
  private current: UserRecord = DEFAULT_USER;

  constructor(private readonly db: GovernanceDb) {}

  async load(): Promise<UserRecord> {
    await guard('users', async () => {
      if ((await this.db.users.count()) === 0) await this.db.users.put(DEFAULT_USER);
      const setting = await this.db.settings.get(CURRENT_USER_SETTING);
      const id = typeof setting?.value === 'string' ? setting.value : DEFAULT_USER.id;
      this.current = (await this.db.users.get(id)) ?? DEFAULT_USER;
    });
    return this.current;
  }

  get currentUser(): UserRecord {
    return this.current;
  }

  list(): Promise<UserRecord[]> {
    return guard('users', () => this.db.users.toArray());
  }

  /** Adds a profile; an id already taken is refused rather than overwritten. */
  async add(user: { id: string; name: string; role: UserRole }): Promise<UserRecord> {
    const parsed = UserSchema.safeParse(user);
    if (!parsed.success)
      throw new StorageError(
        'database',
        {
          'zh-CN': `用户标识须为小写字母、数字、点、下划线或连字符，姓名不能为空：${user.id}`,
          en: `a user id is lower-case letters, digits, dots, underscores or hyphens, and a name is required: ${user.id}`,
        },
        `users.${user.id}`,
      );
    return guard(`users.${user.id}`, async () => {
      if (await this.db.users.get(parsed.data.id)) throw exists(parsed.data.id);
      await this.db.users.add(parsed.data);
      return parsed.data;
    });
  }

  async switchTo(id: string): Promise<UserRecord> {
    const user = await guard('users', () => this.db.users.get(id));
    if (!user) throw new StorageError('notFound', missing(id), `users.${id}`);
    await guard('users', () => this.db.settings.put({ name: CURRENT_USER_SETTING, value: id }));
    this.current = user;
    return user;
  }
}

const missing = (id: string): LocalizedText => ({
  'zh-CN': `找不到用户 ${id}`,
  en: `user ${id} not found`,
});

function exists(id: string): StorageError {
  return new StorageError(
    'exists',
    { 'zh-CN': `用户 ${id} 已存在`, en: `user ${id} already exists` },
    `users.${id}`,
  );
}
