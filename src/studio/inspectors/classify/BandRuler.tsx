import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import { levelColor } from '../../graph/nodeViews/summaries.ts';
import { boundaries, moveBoundary, type Band } from './bandEdits.ts';
import { countPerBand } from './sampleScores.ts';

const BINS = 25;

const messages = defineMessages({
  'zh-CN': {
    ruler: '分数区间标尺',
    boundary: '{a} 与 {b} 之间的分界',
    histogram: '样本分数分布',
    bin: '{from}–{to}：{n} 人',
    outside: '{n} 个样本分数不在任何分段内',
  },
  en: {
    ruler: 'Score band ruler',
    boundary: 'Boundary between {a} and {b}',
    histogram: 'Sample score distribution',
    bin: '{from}–{to}: {n}',
    outside: '{n} sample scores fall in no band',
  },
});

type Props = {
  bands: Band[];
  /** Level ids of the scale, lowest first: they give the colours. */
  levels: string[];
  /** Scores of the sample population: a histogram above the ruler, a count in each band. */
  scores?: readonly number[];
  /** Called once when a drag or a key press ends, with the bands after the move. */
  onCommit: (bands: Band[]) => void;
  /** Called on every move of a drag with the bands shown, and with null when it ends. */
  onPreview?: (bands: Band[] | null) => void;
  /** Drawn above the track on the ruler's scale (e.g. a population histogram). */
  overlay?: (domain: { lo: number; end: number; whole: boolean }) => ReactNode;
};

/**
 * The bands as a ruler. Dragging the handle between two bands moves both neighbours at once; the
 * pack is changed once, when the drag ends, so that undo takes the whole drag back.
 */
export function BandRuler({ bands, levels, scores = [], onCommit, onPreview, overlay }: Props) {
  const t = useMessages(messages);
  const trackRef = useRef<HTMLDivElement>(null);
  const [preview, setPreviewState] = useState<Band[] | null>(null);
  const setPreview = (next: Band[] | null) => {
    setPreviewState(next);
    onPreview?.(next);
  };
  const [active, setActive] = useState<[number, number] | null>(null);
  const shown = preview ?? bands;
  const lo = Math.min(...bands.map((b) => b.min));
  const hi = Math.max(...bands.map((b) => b.max));
  const whole = bands.every((b) => Number.isInteger(b.min) && Number.isInteger(b.max));
  // Whole-number bands are drawn as [min, max + 1): [0..19] and [20..36] touch, and a one-point
  // band such as [4..4] still has a width.
  const end = whole ? hi + 1 : hi;
  const span = end - lo || 1;
  const pct = (v: number) => `${(((v - lo) / span) * 100).toFixed(3)}%`;
  const right = (b: Band) => (whole ? b.max + 1 : Math.max(b.max, b.min));
  const offset = whole ? 1 : 0;

  /** The band value under the pointer: where the lower band of a boundary would end. */
  const valueAt = (clientX: number): number => {
    const rect = trackRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return lo;
    return lo + ((clientX - rect.left) / rect.width) * span - offset;
  };

  const onPointerDown = (e: PointerEvent<HTMLElement>, pair: [number, number]) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    setActive(pair);
    setPreview(moveBoundary(bands, pair[0], pair[1], valueAt(e.clientX)));
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    if (!active) return;
    setPreview(moveBoundary(bands, active[0], active[1], valueAt(e.clientX)));
  };
  const onPointerUp = () => {
    if (preview) onCommit(preview);
    setPreview(null);
    setActive(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>, pair: [number, number]) => {
    const step = (whole ? 1 : span / 100) * (e.shiftKey ? 5 : 1);
    const delta =
      e.key === 'ArrowLeft' || e.key === 'ArrowDown'
        ? -step
        : e.key === 'ArrowRight' || e.key === 'ArrowUp'
          ? step
          : 0;
    if (delta === 0) return;
    e.preventDefault();
    const current = (bands[pair[0]] as Band).max;
    onCommit(moveBoundary(bands, pair[0], pair[1], current + delta));
  };

  // Counts follow the drag preview: the user sees clients change band while moving a boundary.
  const counts = countPerBand(shown, scores);
  const outside = scores.length - counts.reduce((a, b) => a + b, 0);
  const binWidth = span / BINS;
  const bins = Array.from({ length: BINS }, (_, k) => lo + k * binWidth).map((from) => ({
    from,
    n: scores.filter(
      (x) => x >= from && (x < from + binWidth || (from + binWidth >= end && x <= end)),
    ).length,
  }));
  const tallest = Math.max(1, ...bins.map((b) => b.n));
  const round = (v: number) => Math.round(v * 10) / 10;

  return (
    <div className="band-ruler" aria-label={t('ruler')}>
      {overlay?.({ lo, end, whole })}
      {scores.length > 0 && (
        <div className="band-ruler-histogram" role="img" aria-label={t('histogram')}>
          {bins.map((b, k) => (
            <div
              key={k}
              className="band-ruler-bin"
              style={{
                left: pct(b.from),
                width: pct(lo + binWidth),
                height: `${(b.n / tallest) * 100}%`,
              }}
              title={t('bin', { from: round(b.from), to: round(b.from + binWidth), n: b.n })}
            />
          ))}
        </div>
      )}
      <div className="band-ruler-track" ref={trackRef}>
        {shown.map((b, i) => (
          <div
            key={i}
            className="band-ruler-band"
            style={{
              left: pct(b.min),
              width: `calc(${pct(right(b))} - ${pct(b.min)})`,
              background: levelColor(Math.max(0, levels.indexOf(b.level)), levels.length),
            }}
            title={`${b.level}: ${b.min}–${b.max}`}
          >
            <span>
              {b.level}
              {scores.length > 0 && <small className="band-ruler-count"> {counts[i]}</small>}
            </span>
          </div>
        ))}
        {boundaries(shown).map(([lower, upper]) => {
          const a = shown[lower] as Band;
          const b = shown[upper] as Band;
          const at = whole ? a.max + 1 : (a.max + b.min) / 2;
          const dragging = active?.[0] === lower && active[1] === upper;
          return (
            <div
              key={`${lower}-${upper}`}
              className={`band-ruler-handle${dragging ? ' dragging' : ''}`}
              style={{ left: pct(at) }}
              role="slider"
              tabIndex={0}
              aria-label={t('boundary', { a: a.level, b: b.level })}
              aria-valuemin={lo}
              aria-valuemax={hi}
              aria-valuenow={a.max}
              data-boundary={`${a.level}-${b.level}`}
              onPointerDown={(e) => onPointerDown(e, [lower, upper])}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={() => {
                setPreview(null);
                setActive(null);
              }}
              onKeyDown={(e) => onKeyDown(e, [lower, upper])}
            >
              <span className="band-ruler-value">{dragging ? `${a.max} | ${b.min}` : a.max}</span>
            </div>
          );
        })}
      </div>
      {outside > 0 && <p className="insp-warn">{t('outside', { n: outside })}</p>}
      <div className="band-ruler-ends">
        <span>{lo}</span>
        <span>{hi}</span>
      </div>
    </div>
  );
}
