import { useState } from 'react';
import { VERDICTS, type Expectation, type FactValue, type Pack } from '../../domain/index.ts';
import type { EvaluationResult } from '../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { verdictMessages } from '../simulate/ProductVerdicts.tsx';
import { declaredFlags, declaredValues, withExpectation } from './testDraft.ts';

const messages = defineMessages({
  'zh-CN': {
    outputs: '期望的结果值',
    flags: '期望的标记',
    products: '期望的产品结论（及必须出现的原因代码）',
    reasons: '必须出现的原因代码',
    error: '期望的错误代码',
    errorHint: '填写后，评估须以此错误代码失败才算通过',
    unchecked: '不检查',
    yes: '为真',
    no: '为假',
    actual: '实际：{value}',
    useActual: '取实际值',
    hint: '只检查列出的项目；“不检查”的项目随规则变化也不会让测试失败',
  },
  en: {
    outputs: 'Expected outputs',
    flags: 'Expected flags',
    products: 'Expected product verdicts (and reason codes that must be present)',
    reasons: 'Reason codes that must be present',
    error: 'Expected error code',
    errorHint: 'When given, the evaluation must fail with this code for the test to pass',
    unchecked: 'not checked',
    yes: 'true',
    no: 'false',
    actual: 'actual: {value}',
    useActual: 'Use actual',
    hint: 'Only what is listed is checked; an unchecked item never fails the test',
  },
});

const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));

/** Reads a typed expectation value: a number, true / false / null, else text. */
function parseValue(text: string): FactValue {
  const s = text.trim();
  if (s === 'null') return null;
  if (s === 'true' || s === 'false') return s === 'true';
  if (s !== '' && Number.isFinite(Number(s))) return Number(s);
  return text;
}

function ValueInput(props: { value: FactValue; onCommit: (v: FactValue) => void; label: string }) {
  const [text, setText] = useState<string | null>(null);
  const shown =
    text ?? (typeof props.value === 'string' ? props.value : JSON.stringify(props.value));
  const commit = () => {
    if (text === null) return;
    setText(null);
    props.onCommit(parseValue(text));
  };
  return (
    <input
      type="text"
      aria-label={props.label}
      value={shown}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

type Props = {
  pack: Pack;
  expect: Expectation;
  onChange: (next: Expectation) => void;
  /** The test input's result under the current rules, to compare and copy from. */
  actual: EvaluationResult | undefined;
};

/** What a test case checks: outputs, flags, product verdicts, reason codes or an error. */
export function ExpectationsEditor({ pack, expect, onChange, actual }: Props) {
  const t = useMessages(messages);
  const v = useMessages(verdictMessages);
  const localize = useLocalize();
  const outputs = declaredValues(pack);
  const flags = declaredFlags(pack);
  const set = (group: 'outputs' | 'flags' | 'products' | 'reasons', key: string, value: unknown) =>
    onChange(withExpectation(expect, group, key, value as FactValue | undefined));
  return (
    <div className="expect-editor" data-testid="expect-editor">
      <p className="muted">{t('hint')}</p>
      <h4>{t('outputs')}</h4>
      <table className="sim-table">
        <tbody>
          {outputs.map((name) => {
            const checked = expect.outputs !== undefined && Object.hasOwn(expect.outputs, name);
            const actualValue = actual?.outputs[name];
            return (
              <tr key={name} data-expect-output={name}>
                <td>
                  <label>
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={(e) =>
                        set('outputs', name, e.target.checked ? (actualValue ?? null) : undefined)
                      }
                    />{' '}
                    <code>{name}</code>
                  </label>
                </td>
                <td>
                  {checked && (
                    <ValueInput
                      label={name}
                      value={expect.outputs?.[name] ?? null}
                      onCommit={(value) => set('outputs', name, value)}
                    />
                  )}
                </td>
                <td className="muted">{actual && t('actual', { value: show(actualValue) })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4>{t('flags')}</h4>
      <div className="expect-grid">
        {flags.map((name) => {
          const value = expect.flags?.[name];
          return (
            <label key={name} data-expect-flag={name}>
              <code>{name}</code>{' '}
              <select
                value={value === undefined ? '' : value ? 'yes' : 'no'}
                onChange={(e) =>
                  set('flags', name, e.target.value === '' ? undefined : e.target.value === 'yes')
                }
              >
                <option value="">{t('unchecked')}</option>
                <option value="yes">{t('yes')}</option>
                <option value="no">{t('no')}</option>
              </select>
              {actual && (
                <span className="muted">
                  {' '}
                  {t('actual', { value: String(actual.flags.includes(name)) })}
                </span>
              )}
            </label>
          );
        })}
      </div>
      <h4>{t('products')}</h4>
      <table className="sim-table">
        <tbody>
          {pack.products.items.map((p) => {
            const value = expect.products?.[p.id];
            const now = actual?.products[p.id]?.verdict;
            return (
              <tr key={p.id} data-expect-product={p.id}>
                <td>
                  {localize(p.name)} <code className="muted">{p.id}</code>
                </td>
                <td>
                  <select
                    value={value ?? ''}
                    aria-label={p.id}
                    onChange={(e) => set('products', p.id, e.target.value || undefined)}
                  >
                    <option value="">{t('unchecked')}</option>
                    {VERDICTS.map((k) => (
                      <option key={k} value={k}>
                        {v(k)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{now && <span className={`verdict verdict-${now}`}>{v(now)}</span>}</td>
                <td>
                  <TextCommit
                    label={`${p.id} ${t('reasons')}`}
                    value={(expect.reasons?.[p.id] ?? []).join(', ')}
                    placeholder={(actual?.products[p.id]?.reasons ?? [])
                      .map((r) => r.code)
                      .join(', ')}
                    onCommit={(text) => {
                      const codes = text.split(/[\s,，]+/).filter(Boolean);
                      set('reasons', p.id, codes.length > 0 ? codes : undefined);
                    }}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4>{t('error')}</h4>
      <p className="muted">{t('errorHint')}</p>
      <TextCommit
        label={t('error')}
        placeholder="input.missingFact"
        value={expect.error ?? ''}
        onCommit={(code) => {
          const { error: _, ...rest } = expect;
          onChange(code ? { ...rest, error: code } : rest);
        }}
      />
    </div>
  );
}

/** A text input that commits on blur or Enter, so that typing is one edit, not one per key. */
function TextCommit(props: {
  value: string;
  onCommit: (text: string) => void;
  label: string;
  placeholder?: string;
}) {
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    setText(null);
    props.onCommit(text.trim());
  };
  return (
    <input
      type="text"
      aria-label={props.label}
      placeholder={props.placeholder}
      value={text ?? props.value}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}
