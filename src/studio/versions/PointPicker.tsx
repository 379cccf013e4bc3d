import { defineMessages, useMessages } from '../i18n/index.tsx';
import type { Point } from './diffGroups.ts';

const messages = defineMessages({
  'zh-CN': { revision: '修订 {name}', named: '版本 {name}', published: '版本 {name}（已发布）' },
  en: {
    revision: 'revision {name}',
    named: 'version {name}',
    published: 'version {name} (published)',
  },
});

/** `revision 4 · 2026-11-28 14:03` */
export function usePointLabel() {
  const t = useMessages(messages);
  return (p: Point) => `${t(p.kind, { name: p.name })} · ${p.at.slice(0, 16).replace('T', ' ')}`;
}

/** A select over the revisions and versions of a pack. */
export function PointPicker(props: {
  label: string;
  points: readonly Point[];
  value: string;
  onChange: (id: string) => void;
  testId: string;
}) {
  const { label, points, value, onChange, testId } = props;
  const pointLabel = usePointLabel();
  return (
    <label className="point-picker">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {points.map((p) => (
          <option key={p.id} value={p.id}>
            {pointLabel(p)}
          </option>
        ))}
      </select>
    </label>
  );
}
