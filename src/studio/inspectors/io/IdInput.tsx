import { IdSchema } from '../../../domain/index.ts';

type Props = {
  value: string;
  label: string;
  /** Names already used next to this one: a duplicate is refused like a malformed id. */
  taken: readonly string[];
  messages: { invalid: string; duplicate: string };
  onCommit: (id: string) => void;
};

/** A name the pack defines (an output, a fact): typed, checked as an id and for duplicates on blur. */
export function IdInput({ value, label, taken, messages, onCommit }: Props) {
  return (
    <input
      key={value}
      className="id-input"
      aria-label={label}
      title={label}
      defaultValue={value}
      onBlur={(e) => {
        const text = e.target.value.trim();
        if (text === value) return;
        const problem = !IdSchema.safeParse(text).success
          ? messages.invalid
          : taken.includes(text)
            ? messages.duplicate
            : '';
        e.target.setCustomValidity(problem);
        if (problem) e.target.reportValidity();
        else onCommit(text);
      }}
      onInput={(e) => e.currentTarget.setCustomValidity('')}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
    />
  );
}
