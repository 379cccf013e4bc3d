import { useState, type ReactNode } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': { notNumber: '不是有效的数字' },
  en: { notNumber: 'Not a valid number' },
});

/**
 * A field of the client form with its messages: the form's own check (amber: the client has not
 * finished) and the engine's error at this JSON path (red: the input cannot be evaluated).
 */
export function Field(props: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  check?: LocalizedText | undefined;
  error?: LocalizedText | undefined;
  children: ReactNode;
  className?: string;
}) {
  const localize = useLocalize();
  const { path, label, hint, check, error, children, className } = props;
  const state = error ? ' has-error' : check ? ' has-check' : '';
  return (
    <div className={`sim-field${state}${className ? ` ${className}` : ''}`} data-path={path}>
      <div className="sim-field-label">{label}</div>
      {hint && <div className="sim-field-hint">{hint}</div>}
      {children}
      {error && (
        <div className="sim-field-error" role="alert" data-testid="field-error">
          {localize(error)}
        </div>
      )}
      {!error && check && <div className="sim-field-check">{localize(check)}</div>}
    </div>
  );
}

/**
 * A number input that keeps what is typed (`1.`, `-`) while it is not yet a number, and commits
 * numbers only; clearing it commits `undefined`.
 */
export function NumberInput(props: {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number | undefined;
  max?: number | undefined;
  integer?: boolean;
  label: string;
}) {
  const t = useMessages(messages);
  const { value, onChange, min, max, integer, label } = props;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [shown, setShown] = useState(value);
  // A new value from outside (another sample client) replaces what was typed.
  if (value !== shown) {
    setShown(value);
    setText(value === undefined ? '' : String(value));
  }
  const bad = text.trim() !== '' && !Number.isFinite(Number(text));
  return (
    <>
      <input
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        className="sim-number"
        aria-label={label}
        aria-invalid={bad || undefined}
        value={text}
        placeholder={min !== undefined && max !== undefined ? `${min} – ${max}` : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const n = Number(next);
          if (next.trim() === '') {
            setShown(undefined);
            onChange(undefined);
          } else if (Number.isFinite(n)) {
            setShown(n);
            onChange(n);
          }
        }}
      />
      {bad && <div className="sim-field-error">{t('notNumber')}</div>}
    </>
  );
}
