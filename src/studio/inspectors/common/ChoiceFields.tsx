import { useId, type ReactNode } from 'react';

type SelectCommon<V extends string> = {
  /** The accessible name; also written before the drop-down unless `hideLabel`. */
  label: string;
  options: readonly V[];
  /** What an option reads as; the value itself by default. */
  optionLabel?: (value: V) => string;
  /** Name only, nothing written: for grid cells and rows that read as a sentence. */
  hideLabel?: boolean;
  /** `row`: the label in the first column of an `insp-row`, as the node forms lay out. */
  layout?: 'inline' | 'row';
  /** On the `<select>` itself; `insp-select` in the `row` layout. */
  className?: string;
  hint?: string;
  disabled?: boolean;
};

/**
 * With `emptyLabel` the first choice means "none": the value may be `undefined` and choosing
 * that first choice gives `undefined`. Without it a value is always chosen.
 */
export type SelectFieldProps<
  V extends string,
  E extends string | undefined = undefined,
> = SelectCommon<V> & {
  emptyLabel?: E;
  value: E extends string ? V | undefined : V;
  onChange: (value: E extends string ? V | undefined : V) => void;
};

/**
 * A labelled drop-down: the label is also the accessible name. A value that is not among the
 * options (a pack naming a level its scale lacks) is still shown as it is, never silently
 * replaced by the first option.
 */
export function SelectField<V extends string, E extends string | undefined = undefined>(
  props: SelectFieldProps<V, E>,
) {
  const { label, options, optionLabel = String, hideLabel, layout, hint } = props;
  const className = props.className ?? (layout === 'row' ? 'insp-select' : undefined);
  const { emptyLabel } = props;
  const onChange = props.onChange as (value: V | undefined) => void;
  const id = useId();
  const value: string = props.value ?? '';
  const stale = value !== '' && !options.includes(value as V);
  const select = (
    <select
      id={layout === 'row' && !hideLabel ? id : undefined}
      className={className}
      aria-label={label}
      title={hint}
      disabled={props.disabled}
      value={value}
      onChange={(e) => {
        const next = e.target.value as V;
        onChange(emptyLabel !== undefined && next === '' ? undefined : next);
      }}
    >
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {stale && <option value={value}>{optionLabel(value as V)}</option>}
      {options.map((option) => (
        <option key={option} value={option}>
          {optionLabel(option)}
        </option>
      ))}
    </select>
  );
  if (hideLabel) return select;
  if (layout === 'row')
    return (
      <div className="insp-row">
        <label htmlFor={id}>{label}</label>
        {select}
      </div>
    );
  return (
    <label>
      {label} {select}
    </label>
  );
}

export type CheckFieldProps = {
  /** The accessible name, and the text after the box unless `children` or `hideLabel`. */
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Richer text after the box (the input keeps `label` as its name). */
  children?: ReactNode;
  hideLabel?: boolean;
  /** On the `<label>`, e.g. `chip on` or `insp-row`. */
  className?: string;
  hint?: string;
  disabled?: boolean;
};

/** A checkbox with its label after it. */
export function CheckField(props: CheckFieldProps) {
  const { label, checked, onChange, children, hideLabel, className, hint, disabled } = props;
  const input = (
    <input
      type="checkbox"
      // Named from the label text unless something else is written there.
      aria-label={hideLabel || children !== undefined ? label : undefined}
      checked={checked}
      disabled={disabled}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
  if (hideLabel) return input;
  return (
    <label className={className} title={hint}>
      {input} {children ?? label}
    </label>
  );
}

/** The selection after ticking (or unticking) one option; undefined when `keepOne` refuses. */
export function toggled<V>(
  selected: readonly V[],
  option: V,
  tick: boolean,
  keepOne = false,
): V[] | undefined {
  const next = tick
    ? [...selected.filter((x) => x !== option), option]
    : selected.filter((x) => x !== option);
  return keepOne && next.length === 0 ? undefined : next;
}

/**
 * Ticks that pick several values of a list, e.g. the verdicts a policy covers. With `keepOne`
 * the last tick cannot be taken off (the schema wants at least one).
 */
export function CheckList<V extends string>(props: {
  label: string;
  options: readonly V[];
  selected: readonly V[];
  optionLabel?: (value: V) => string;
  onChange: (selected: V[]) => void;
  keepOne?: boolean;
  /** Written before the ticks; otherwise the label only names the group. */
  showLabel?: boolean;
  className?: string;
  itemClassName?: (on: boolean) => string;
}) {
  const { label, options, selected, optionLabel = String, onChange, keepOne, showLabel } = props;
  const itemClass = props.itemClassName ?? ((on: boolean) => (on ? 'chip on' : 'chip'));
  return (
    <span className={props.className} role="group" aria-label={label}>
      {showLabel && <>{label} </>}
      {options.map((option) => {
        const on = selected.includes(option);
        return (
          <CheckField
            key={option}
            label={optionLabel(option)}
            className={itemClass(on)}
            checked={on}
            onChange={(tick) => {
              const next = toggled(selected, option, tick, keepOne);
              if (next) onChange(next);
            }}
          />
        );
      })}
    </span>
  );
}
