import { useRef, useState } from 'react';
import type { Pack, PackChange } from '../../domain/index.ts';
import { mergeImportChange } from '../graph/graphEdits.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': {
    import: '导入 DMN…',
    hint: '把 DMN 模型的决策表和表达式合并进本规则包',
    imported: '已导入 {n} 个节点',
    issues: '{n} 处无法表达（已跳过）：',
    failed: '无法导入：{message}',
  },
  en: {
    import: 'Import DMN…',
    hint: "Merge a DMN model's decision tables and expressions into this pack",
    imported: '{n} node(s) imported',
    issues: '{n} thing(s) the format cannot express (left out):',
    failed: 'Cannot import: {message}',
  },
});

type Props = {
  pack: Pack;
  dispatch: (change: PackChange) => void;
  /** Opens an imported node in the inspector. */
  onImported: (nodeId: string) => void;
};

type Outcome =
  | { ok: true; nodes: number; issues: { elementId: string; text: string; message: string }[] }
  | { ok: false; message: string };

/**
 * Reads a DMN file and merges it into the pack as one undoable change: its input data become
 * facts, its decisions table and expression nodes, shown and edited like any other.
 */
export function DmnImportButton({ pack, dispatch, onImported }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importFile = async (file: File) => {
    // The DMN reader is loaded only when a model is imported.
    const { importDmn } = await import('../../engine/interop/dmn/index.ts');
    try {
      const merged = await importDmn(await file.text(), { into: pack });
      const before = new Set(pack.graph.nodes.map((n) => n.id));
      const added = merged.pack.graph.nodes.filter((n) => !before.has(n.id));
      dispatch(mergeImportChange(merged.pack, file.name));
      setOutcome({
        ok: true,
        nodes: added.length,
        issues: merged.issues.map((i) => ({
          elementId: i.elementId,
          text: i.text,
          message: localize(i.message),
        })),
      });
      const first = added.find((n) => n.kind === 'table') ?? added[0];
      if (first) onImported(first.id);
    } catch (e) {
      setOutcome({ ok: false, message: (e as Error).message });
    }
  };

  return (
    <div className="dmn-import">
      <button
        type="button"
        className="node-palette-item"
        title={t('hint')}
        data-action="import-dmn"
        onClick={() => input.current?.click()}
      >
        <span className="node-palette-icon" aria-hidden>
          ⇪
        </span>
        <span>{t('import')}</span>
      </button>
      <input
        ref={input}
        type="file"
        accept=".dmn,.xml"
        hidden
        data-testid="dmn-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {outcome && (
        <div className="node-palette-hint" role="status" data-testid="dmn-import-status">
          {outcome.ok ? (
            <>
              {t('imported', { n: outcome.nodes })}
              {outcome.issues.length > 0 && (
                <>
                  <div>{t('issues', { n: outcome.issues.length })}</div>
                  <ul>
                    {outcome.issues.map((i, k) => (
                      <li key={k} title={i.text}>
                        #{i.elementId}: {i.message}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          ) : (
            t('failed', { message: outcome.message })
          )}
        </div>
      )}
    </div>
  );
}
