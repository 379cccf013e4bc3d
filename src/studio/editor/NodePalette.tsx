import type { CSSProperties, DragEvent, ReactNode } from 'react';
import type { NodeKind } from '../../domain/index.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';
import { kindEntry, PALETTE_KINDS } from '../nodeKinds/index.ts';
import { NODE_KIND_MIME } from '../graph/GraphCanvas.tsx';

const messages = defineMessages({
  'zh-CN': { title: '节点', hint: '点击添加，或拖到画布上', catalogue: '产品目录（{n}）' },
  en: {
    title: 'Nodes',
    hint: 'Click to add, or drag onto the canvas',
    catalogue: 'Product catalogue ({n})',
  },
});

type Props = {
  onAdd: (kind: NodeKind) => void;
  productCount: number;
  onOpenCatalogue: () => void;
  /** More actions below the kinds, e.g. importing a DMN model. */
  children?: ReactNode;
};

export function NodePalette({ onAdd, productCount, onOpenCatalogue, children }: Props) {
  const t = useMessages(messages);
  return (
    <nav className="node-palette" aria-label={t('title')}>
      <h3>{t('title')}</h3>
      <p className="node-palette-hint">{t('hint')}</p>
      {PALETTE_KINDS.map((kind) => (
        <PaletteItem key={kind} kind={kind} onAdd={onAdd} />
      ))}
      <hr />
      <button
        type="button"
        className="node-palette-item"
        onClick={onOpenCatalogue}
        data-action="catalogue"
      >
        <span className="node-palette-icon" aria-hidden>
          ◫
        </span>
        <span>{t('catalogue', { n: productCount })}</span>
      </button>
      {children}
    </nav>
  );
}

function PaletteItem({ kind, onAdd }: { kind: NodeKind; onAdd: (kind: NodeKind) => void }) {
  const entry = kindEntry(kind);
  const t = useMessages(entry.label);
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(NODE_KIND_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button
      type="button"
      className="node-palette-item"
      draggable
      onDragStart={onDragStart}
      onClick={() => onAdd(kind)}
      title={t('hint')}
      data-kind={kind}
      style={{ '--accent': entry.color } as CSSProperties}
    >
      <span className="node-palette-icon" aria-hidden>
        {entry.icon}
      </span>
      <span>{t('name')}</span>
    </button>
  );
}
