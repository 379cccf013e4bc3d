import { useState, type FormEvent, type ReactNode } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import { toStorageError } from '../../storage/index.ts';
import type { AccountApi, Session } from '../../storage/remote/index.ts';
import { defineMessages, messageText, useLocalize, useMessages } from '../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': {
    brand: '适当性规则工作室',
    team: '团队工作区',
    setupTitle: '创建首个管理员',
    setupHint:
      '这是新的团队工作区。首个账号是管理员：管理用户、角色和签名密钥，但不编辑规则。之后再为同事创建编写、审核、审批、发布和审计账号。',
    loginTitle: '登录',
    username: '用户名',
    displayName: '姓名',
    password: '密码（至少 10 个字符）',
    passwordLogin: '密码',
    repeat: '再次输入密码',
    setupToken: '设置码（服务启动时打印，仅在要求时填写）',
    create: '创建管理员并登录',
    signIn: '登录',
    mismatch: '两次输入的密码不一致',
    working: '请稍候…',
    or: '或',
    sso: '单点登录',
    ssoWith: '通过 {name} 登录',
    ssoFailed: '单点登录未完成（{reason}），请重试；已记入审计日志',
  },
  en: {
    brand: 'Suitability Studio',
    team: 'Team workspace',
    setupTitle: 'Create the first administrator',
    setupHint:
      'This is a new team workspace. The first account is an administrator: it manages users, roles and signing keys, not rules. Then create author, reviewer, approver, publisher and auditor accounts for your colleagues.',
    loginTitle: 'Sign in',
    username: 'Username',
    displayName: 'Display name',
    password: 'Password (at least 10 characters)',
    passwordLogin: 'Password',
    repeat: 'Repeat the password',
    setupToken: 'Setup code (printed at start; only when asked for)',
    create: 'Create the administrator and sign in',
    signIn: 'Sign in',
    mismatch: 'The two passwords differ',
    working: 'Please wait…',
    or: 'or',
    sso: 'single sign-on',
    ssoWith: 'Sign in with {name}',
    ssoFailed: 'Single sign-on did not complete ({reason}); try again. It is in the audit log.',
  },
});

function Card(props: {
  title: string;
  error: LocalizedText | null;
  onSubmit: () => Promise<void>;
  children: ReactNode;
  submit: string;
  testId: string;
  footer?: ReactNode;
}) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    void props.onSubmit().finally(() => setBusy(false));
  };
  return (
    <main className="sign-in" data-testid={props.testId}>
      <form className="sign-in-card" onSubmit={submit}>
        <p className="sign-in-brand">
          <img src="./favicon.svg" alt="" width="20" height="20" /> {t('brand')} ·{' '}
          <span className="workspace-badge workspace-team">{t('team')}</span>
        </p>
        <h1>{props.title}</h1>
        {props.children}
        {props.error && (
          <div className="banner banner-error" role="alert" data-testid="sign-in-error">
            {localize(props.error)}
          </div>
        )}
        <button
          className="btn btn-primary"
          type="submit"
          disabled={busy}
          data-testid="sign-in-submit"
        >
          {busy ? t('working') : props.submit}
        </button>
        {props.footer}
      </form>
    </main>
  );
}

function Field(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        name={props.name}
        data-testid={`field-${props.name}`}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.name !== 'setupToken'}
      />
    </label>
  );
}

/** First start of a team server: the first administrator's account. */
export function SetupScreen(props: { accounts: AccountApi; onSignedIn: (s: Session) => void }) {
  const t = useMessages(messages);
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    password: '',
    repeat: '',
    setupToken: '',
  });
  const [error, setError] = useState<LocalizedText | null>(null);
  const set = (name: keyof typeof form) => (value: string) => setForm({ ...form, [name]: value });
  const submit = async () => {
    if (form.password !== form.repeat) {
      setError({ 'zh-CN': messages['zh-CN'].mismatch, en: messages.en.mismatch });
      return;
    }
    try {
      const { username, displayName, password, setupToken } = form;
      const account = { username, displayName, password, ...(setupToken ? { setupToken } : {}) };
      props.onSignedIn(await props.accounts.setup(account));
    } catch (e) {
      setError(toStorageError(e, 'setup').localized);
    }
  };
  return (
    <Card
      title={t('setupTitle')}
      error={error}
      onSubmit={submit}
      submit={t('create')}
      testId="setup"
    >
      <p className="muted">{t('setupHint')}</p>
      <Field
        label={t('username')}
        name="username"
        value={form.username}
        onChange={set('username')}
        autoComplete="username"
      />
      <Field
        label={t('displayName')}
        name="displayName"
        value={form.displayName}
        onChange={set('displayName')}
        autoComplete="name"
      />
      <Field
        label={t('password')}
        name="password"
        type="password"
        value={form.password}
        onChange={set('password')}
        autoComplete="new-password"
      />
      <Field
        label={t('repeat')}
        name="repeat"
        type="password"
        value={form.repeat}
        onChange={set('repeat')}
        autoComplete="new-password"
      />
      <Field
        label={t('setupToken')}
        name="setupToken"
        value={form.setupToken}
        onChange={set('setupToken')}
      />
    </Card>
  );
}

/** Why the server sent the browser back from single sign-on, when it did (`?oidc_error=`). */
function ssoFailure(): string | null {
  const reason = new URLSearchParams(window.location.search).get('oidc_error');
  return reason && /^[a-z_]{1,40}$/.test(reason) ? reason : null;
}

export function LoginScreen(props: {
  accounts: AccountApi;
  onSignedIn: (s: Session) => void;
  sso: { label: string | null; loginUrl: string } | null;
}) {
  const t = useMessages(messages);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<LocalizedText | null>(() => {
    const reason = ssoFailure();
    return reason ? messageText(messages, 'ssoFailed', { reason }) : null;
  });
  const sso = props.sso;
  const submit = async () => {
    try {
      props.onSignedIn(await props.accounts.login(username, password));
    } catch (e) {
      setError(toStorageError(e, 'login').localized);
    }
  };
  return (
    <Card
      title={t('loginTitle')}
      error={error}
      onSubmit={submit}
      submit={t('signIn')}
      testId="login"
      footer={
        sso && (
          <>
            <p className="muted sign-in-or">{t('or')}</p>
            <a className="btn" href={sso.loginUrl} data-testid="sso-sign-in">
              {t('ssoWith', { name: sso.label ?? t('sso') })}
            </a>
          </>
        )
      }
    >
      <Field
        label={t('username')}
        name="username"
        value={username}
        onChange={setUsername}
        autoComplete="username"
      />
      <Field
        label={t('passwordLogin')}
        name="password"
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
      />
    </Card>
  );
}
