import type { LocalizedText } from '../../domain/index.ts';
import type { Role, SessionUser } from '../../storage/remote/index.ts';

export const ROLE_LABELS: Record<Role, LocalizedText> = {
  author: { 'zh-CN': '编写', en: 'author' },
  reviewer: { 'zh-CN': '审核', en: 'reviewer' },
  approver: { 'zh-CN': '审批', en: 'approver' },
  publisher: { 'zh-CN': '发布', en: 'publisher' },
  auditor: { 'zh-CN': '审计', en: 'auditor' },
  admin: { 'zh-CN': '管理员', en: 'admin' },
};

/**
 * Why the signed-in user may not do something, or `null` when the UI should let them try. Only
 * a hint (the button is disabled with this reason): the server decides every request.
 */
export function missingRole(user: SessionUser, ...roles: Role[]): LocalizedText | null {
  if (roles.some((r) => user.roles.includes(r))) return null;
  const names = (locale: 'zh-CN' | 'en') =>
    roles.map((r) => ROLE_LABELS[r][locale]).join(locale === 'en' ? ' or ' : '或');
  return {
    'zh-CN': `需要${names('zh-CN')}角色（你的角色：${user.roles.map((r) => ROLE_LABELS[r]['zh-CN']).join('、') || '无'}）`,
    en: `needs the ${names('en')} role (yours: ${user.roles.map((r) => ROLE_LABELS[r].en).join(', ') || 'none'})`,
  };
}

/**
 * The maker-checker hint: an approver who saved any revision since the last published version
 * will be refused by the server. Shown beside the button, which stays enabled so that the
 * server's own refusal is what the user sees if they try.
 */
export function authoredSinceRelease(
  user: SessionUser,
  authors: readonly string[],
): LocalizedText | null {
  if (!authors.includes(user.username) && !authors.includes(user.id)) return null;
  return {
    'zh-CN': '你在上次发布后编辑过此规则包：按“审批人不得是编写人”的规则，服务器会拒绝你的批准',
    en: 'You edited this pack since it was last published: the server refuses your approval (maker-checker)',
  };
}
