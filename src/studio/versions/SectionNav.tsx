/** The row of section buttons at the top of a versions tab (local or team). */
export function SectionNav<S extends string>(props: {
  sections: readonly S[];
  current: S;
  label: (section: S) => string;
  onSelect: (section: S) => void;
}) {
  const { sections, current, label, onSelect } = props;
  return (
    <nav className="versions-sections" aria-label="versions">
      {sections.map((s) => (
        <button
          key={s}
          type="button"
          className={s === current ? 'btn btn-small active' : 'btn btn-small'}
          aria-pressed={s === current}
          data-section={s}
          onClick={() => onSelect(s)}
        >
          {label(s)}
        </button>
      ))}
    </nav>
  );
}
