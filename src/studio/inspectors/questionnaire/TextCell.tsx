import { useState } from 'react';

type Props = {
  value: string;
  label: string;
  onCommit: (value: string) => void;
  /** Drafts that do not match stay local and are marked invalid. */
  pattern?: RegExp;
  /** Further checks, e.g. that an id is not taken. */
  validate?: (value: string) => boolean;
  disabled?: boolean;
  className?: string;
};

/** A text input that dispatches once, on Enter or blur, so an edit is one undo step. */
export function TextCell(props: Props) {
  const { value, label, onCommit, pattern, validate, disabled, className } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? value;
  const valid =
    draft === null || ((!pattern || pattern.test(text)) && (!validate || validate(text)));
  const commit = () => {
    if (draft === null) return;
    if (valid && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <input
      className={`text-cell${valid ? '' : ' invalid'}${className ? ` ${className}` : ''}`}
      aria-label={label}
      aria-invalid={!valid}
      title={label}
      value={text}
      disabled={disabled}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
