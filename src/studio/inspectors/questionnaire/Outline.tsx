import { useRef, useState, type DragEvent } from 'react';
import type { PackChange, PathKey, Questionnaire, Pack } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { LocalizedField } from '../common/LocalizedField.tsx';
import { RowControls } from '../common/RowControls.tsx';
import * as edit from './questionnaireEdits.ts';
import {
  duplicateQuestion,
  moveQuestionChange,
  newQuestion,
  nextId,
  questionIds,
} from './questionEdits.ts';
import { questionRange } from './scoreRange.ts';

const messages = defineMessages({
  'zh-CN': {
    sections: '章节与问题',
    addQuestion: '添加问题',
    addSection: '添加章节',
    newSection: '新章节',
    duplicate: '复制',
    rename: '编辑标题',
    sectionTitle: '章节标题',
    points: '{min}–{max} 分',
    dropHere: '拖到这里',
    lastSection: '问卷至少要有一个章节',
    drag: '拖动以调整顺序',
  },
  en: {
    sections: 'Sections and questions',
    addQuestion: 'Add question',
    addSection: 'Add section',
    newSection: 'New section',
    duplicate: 'Duplicate',
    rename: 'Edit title',
    sectionTitle: 'Section title',
    points: '{min}–{max} pts',
    dropHere: 'Drop here',
    lastSection: 'A questionnaire needs at least one section',
    drag: 'Drag to reorder',
  },
});

export type Selection = { section: number; question: number } | undefined;

type Props = {
  pack: Pack;
  questionnaire: Questionnaire;
  base: readonly PathKey[];
  dispatch: Dispatch;
  selected: Selection;
  onSelect: (s: Selection) => void;
};

type Slot = { section: number; index: number };

/**
 * The questionnaire's outline. Questions reorder by dragging (within and across sections) or by
 * the up / down buttons, which keyboard users reach with Tab.
 */
export function Outline({ pack, questionnaire, base, dispatch, selected, onSelect }: Props) {
  const t = useMessages(messages);
  const localize = useLocalize();
  // The drag source lives in a ref: a drop can arrive before React renders the last dragover.
  const dragging = useRef<Slot | undefined>(undefined);
  const [dropAt, setDropAt] = useState<Slot | undefined>();
  const [renaming, setRenaming] = useState<number | undefined>();
  const sections = questionnaire.sections;

  const move = (from: Slot, to: Slot) => {
    const change = moveQuestionChange(base, pack, from, to);
    if (!change) return;
    dispatch(change);
    const targetIndex =
      from.section === to.section && to.index > from.index ? to.index - 1 : to.index;
    onSelect({ section: to.section, question: targetIndex });
  };
  const step = (from: Slot, delta: -1 | 1) => {
    const count = sections[from.section]?.questions.length ?? 0;
    const within = from.index + delta;
    if (within >= 0 && within < count)
      return move(from, { section: from.section, index: delta > 0 ? within + 1 : within });
    const other = from.section + delta;
    if (other < 0 || other >= sections.length) return;
    move(from, { section: other, index: delta > 0 ? 0 : (sections[other]?.questions.length ?? 0) });
  };
  const add = (s: number) => {
    const id = nextId('Q', questionIds(pack));
    const index = sections[s]?.questions.length ?? 0;
    dispatch(edit.insertQuestion(base, s, index, newQuestion(id, 'single')));
    onSelect({ section: s, question: index });
  };
  const duplicate = (s: number, i: number) => {
    const q = sections[s]?.questions[i];
    if (!q) return;
    const copy = duplicateQuestion(q, nextId(`${q.id}-`, questionIds(pack)));
    dispatch(edit.insertQuestion(base, s, i + 1, copy));
    onSelect({ section: s, question: i + 1 });
  };
  const remove = (s: number, i: number) => {
    const q = sections[s]?.questions[i];
    if (!q) return;
    dispatch(edit.removeQuestion(base, s, i, q.id));
    onSelect(undefined);
  };
  const addSection = () => {
    const id = nextId(
      'S',
      sections.map((x) => x.id),
    );
    const value = { id, title: { 'zh-CN': t('newSection'), en: 'New section' }, questions: [] };
    dispatch(edit.addSection(base, sections.length, value));
  };
  const sectionChange = (change: PackChange) => {
    dispatch(change);
    onSelect(undefined);
  };

  /** Where a drop on question `i` of section `s` lands: before it, or after it on its lower half. */
  const slotAt = (e: DragEvent, s: number, i: number): Slot => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { section: s, index: e.clientY > rect.top + rect.height / 2 ? i + 1 : i };
  };
  const over = (e: DragEvent, s: number, i: number) => {
    if (!dragging.current) return;
    e.preventDefault();
    const slot = slotAt(e, s, i);
    if (slot.section !== dropAt?.section || slot.index !== dropAt.index) setDropAt(slot);
  };
  const finish = (to: Slot | undefined) => {
    const from = dragging.current;
    dragging.current = undefined;
    setDropAt(undefined);
    if (from && to) move(from, to);
  };
  const dropOnItem = (e: DragEvent, s: number, i: number) => {
    e.preventDefault();
    e.stopPropagation();
    finish(slotAt(e, s, i));
  };
  const isDrop = (s: number, i: number) => dropAt?.section === s && dropAt.index === i;

  return (
    <nav className="q-outline" aria-label={t('sections')}>
      {sections.map((section, s) => (
        <section key={`${section.id}-${s}`} className="q-section">
          <header className="q-section-head">
            <strong>{localize(section.title)}</strong>
            <span className="q-tools">
              <button
                type="button"
                aria-label={`${t('rename')} ${section.id}`}
                title={t('rename')}
                aria-pressed={renaming === s}
                onClick={() => setRenaming(renaming === s ? undefined : s)}
              >
                ✎
              </button>
              <RowControls
                className=""
                name={section.id}
                onMove={(by) => sectionChange(edit.moveSection(base, s, s + by))}
                canMoveUp={s > 0}
                canMoveDown={s < sections.length - 1}
                onRemove={() => sectionChange(edit.removeSection(base, s))}
                canRemove={sections.length > 1}
                removeHint={sections.length === 1 ? t('lastSection') : undefined}
              />
            </span>
          </header>
          {renaming === s && (
            <LocalizedField
              label={t('sectionTitle')}
              value={section.title}
              onCommit={(v) => dispatch(edit.setSectionTitle(base, s, v))}
            />
          )}
          <ol
            className="q-list"
            onDragOver={(e) => {
              if (dragging.current && section.questions.length === 0) {
                e.preventDefault();
                setDropAt({ section: s, index: 0 });
              }
            }}
            onDrop={(e) => {
              e.preventDefault();
              finish({ section: s, index: section.questions.length });
            }}
          >
            {section.questions.length === 0 && <li className="q-empty">{t('dropHere')}</li>}
            {section.questions.map((q, i) => {
              const range = questionRange(q);
              const active = selected?.section === s && selected.question === i;
              return (
                <li
                  key={`${q.id}-${i}`}
                  className={`q-item${active ? ' active' : ''}${isDrop(s, i) ? ' drop-before' : ''}${isDrop(s, i + 1) && i === section.questions.length - 1 ? ' drop-after' : ''}`}
                  draggable
                  data-question={q.id}
                  onDragStart={(e) => {
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', q.id);
                    dragging.current = { section: s, index: i };
                  }}
                  onDragEnd={() => finish(undefined)}
                  onDragOver={(e) => over(e, s, i)}
                  onDrop={(e) => dropOnItem(e, s, i)}
                >
                  {/* Buttons do not start a drag in every browser: the grip does. */}
                  <span className="q-grip" aria-hidden title={t('drag')}>
                    ⠿
                  </span>
                  <button
                    type="button"
                    className="q-pick"
                    onClick={() => onSelect({ section: s, question: i })}
                  >
                    <span className="q-id">{q.id}</span> {localize(q.text)}
                    <small className="q-points">{t('points', range)}</small>
                  </button>
                  <RowControls
                    name={q.id}
                    onMove={(by) => step({ section: s, index: i }, by)}
                    onRemove={() => remove(s, i)}
                  >
                    <button
                      type="button"
                      aria-label={`${t('duplicate')} ${q.id}`}
                      title={`${t('duplicate')} ${q.id}`}
                      onClick={() => duplicate(s, i)}
                    >
                      ⊕
                    </button>
                  </RowControls>
                </li>
              );
            })}
          </ol>
          <button type="button" className="q-add" onClick={() => add(s)}>
            + {t('addQuestion')}
          </button>
        </section>
      ))}
      <button type="button" className="q-add" onClick={addSection}>
        + {t('addSection')}
      </button>
    </nav>
  );
}
