import { useLocalize } from '../i18n/index.tsx';
import './valueTree.css';

/** `{"zh-CN": ..., "en": ...}`: shown as text in the UI language, not as an object. */
function isLocalized(v: object): v is { 'zh-CN': string; en: string } {
  return (
    !Array.isArray(v) &&
    typeof (v as Record<string, unknown>)['zh-CN'] === 'string' &&
    typeof (v as Record<string, unknown>)['en'] === 'string'
  );
}

function Leaf({ value }: { value: unknown }) {
  if (value === undefined) return <span className="vt-undefined">—</span>;
  if (value === null) return <span className="vt-null">null</span>;
  if (typeof value === 'boolean')
    return <span className={value ? 'vt-true' : 'vt-false'}>{String(value)}</span>;
  if (typeof value === 'number') return <span className="vt-number">{value}</span>;
  return <span className="vt-string">{String(value)}</span>;
}

/**
 * A value as a readable, foldable tree: objects and lists open to their entries, localized text
 * reads as text, short lists of plain values stay on one line.
 */
export function ValueTree({ value, depth = 0 }: { value: unknown; depth?: number }) {
  const localize = useLocalize();
  if (value === null || typeof value !== 'object') return <Leaf value={value} />;
  if (isLocalized(value)) return <span className="vt-text">{localize(value)}</span>;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  if (entries.length === 0)
    return <span className="vt-empty">{Array.isArray(value) ? '[ ]' : '{ }'}</span>;
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return (
      <span className="vt-inline">
        {value.map((v, i) => (
          <span key={i} className="vt-item">
            <Leaf value={v} />
          </span>
        ))}
      </span>
    );
  return (
    <ul className="vt">
      {entries.map(([k, v]) => {
        const nested = v !== null && typeof v === 'object' && !isLocalized(v);
        return (
          <li key={k}>
            {nested ? (
              <details open={depth < 1}>
                <summary>
                  <span className="vt-key">{k}</span>
                  <span className="muted">
                    {Array.isArray(v) ? ` [${v.length}]` : ` {${Object.keys(v).length}}`}
                  </span>
                </summary>
                <ValueTree value={v} depth={depth + 1} />
              </details>
            ) : (
              <>
                <span className="vt-key">{k}</span>: <ValueTree value={v} depth={depth + 1} />
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
