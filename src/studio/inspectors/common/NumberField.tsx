import { useState, type KeyboardEvent } from 'react';

type Props = {
  value: number | undefined;
  /** Called once per edit, on Enter or blur, with a valid number: never on every keystroke. */
  onCommit: (value: number) => void;
  /** Told of every keystroke's number (undefined while not a number), for live totals. */
  onDraft?: (value: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
  label: string;
  className?: string;
  id?: string;
};

/** A number input that keeps a draft while typing and dispatches only a finished, valid number. */
export function NumberField(props: Props) {
  const { value, onCommit, onDraft, min, max, step, integer, label, className, id } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? (value === undefined ? '' : String(value));
  const parsed = draft === null ? value : parseDraft(draft);
  const valid =
    parsed !== undefined &&
    (min === undefined || parsed >= min) &&
    (max === undefined || parsed <= max) &&
    (!integer || Number.isInteger(parsed));

  const commit = () => {
    if (draft === null) return;
    if (valid && parsed !== value) onCommit(parsed as number);
    setDraft(null);
    onDraft?.(undefined);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') {
      setDraft(null);
      onDraft?.(undefined);
    }
  };
  return (
    <input
      id={id}
      type="number"
      className={`num-field${valid ? '' : ' invalid'}${className ? ` ${className}` : ''}`}
      aria-label={label}
      aria-invalid={!valid}
      title={label}
      value={text}
      min={min}
      max={max}
      step={step ?? (integer ? 1 : 'any')}
      onChange={(e) => {
        setDraft(e.target.value);
        onDraft?.(parseDraft(e.target.value));
      }}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}

function parseDraft(draft: string): number | undefined {
  if (draft.trim() === '') return undefined;
  const n = Number(draft);
  return Number.isFinite(n) ? n : undefined;
}
