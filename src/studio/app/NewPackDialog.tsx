import { useEffect, useMemo, useState } from 'react';
import {
  PackIdSchema,
  blankPack,
  lt,
  packFromTemplate,
  slugify,
  type Pack,
  type TemplateParts,
} from '../../domain/index.ts';
import { toStorageError } from '../../storage/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { useStudio } from '../state/index.ts';
import { useWorkspaceUi, type PackSource, type TemplateRow } from '../team/workspaceUi.tsx';
import { Dialog } from './Dialog.tsx';
import { showToast } from './toasts.ts';

const messages = defineMessages({
  'zh-CN': {
    heading: '新建规则包',
    start: '起点',
    blank: '空白规则包（输入 → 问卷 → 分级 → 匹配 → 结果）',
    template: '以“{title}”为模板',
    zh: '中文名称',
    en: '英文名称',
    id: '标识（小写字母、数字和 -；首次发布前可修改）',
    jurisdiction: '适用法域',
    keep: '保留模板中的',
    questions: '问题',
    products: '产品',
    tests: '测试',
    personas: '示例客户',
    create: '创建',
    cancel: '取消',
    titleRequired: '请填写中文名称',
    badId: '标识只能用小写字母、数字和 -，并以字母或数字开头',
    taken: '已有标识为 {id} 的规则包',
  },
  en: {
    heading: 'New pack',
    start: 'Start from',
    blank: 'Blank pack (input → questionnaire → classify → match → result)',
    template: '“{title}” as a template',
    zh: 'Chinese title',
    en: 'English title',
    id: 'Id (lower-case letters, digits and -; can change until first published)',
    jurisdiction: 'Jurisdiction',
    keep: 'Keep from the template',
    questions: 'Questions',
    products: 'Products',
    tests: 'Tests',
    personas: 'Sample clients',
    create: 'Create',
    cancel: 'Cancel',
    titleRequired: 'The Chinese title is required',
    badId: 'The id takes lower-case letters, digits and -, starting with a letter or digit',
    taken: 'A pack with id {id} exists already',
  },
});

const PARTS = ['questions', 'products', 'tests', 'personas'] as const;
const ALL_PARTS: TemplateParts = { questions: true, products: true, tests: true, personas: true };

/**
 * New pack: blank, or one of the workspace's packs as a template with the parts to keep. The new
 * pack is stored as a draft and opened.
 */
export function NewPackDialog(props: { onCancel: () => void; onCreated: (key: string) => void }) {
  const { onCancel, onCreated } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const { storage } = useStudio();
  const { createPack, templates: teamTemplates } = useWorkspaceUi();
  const packSource = useMemo<PackSource>(
    () =>
      teamTemplates ?? {
        list: async () => (await storage.packs.list()).filter((p) => !p.error),
        get: async (key) => (await storage.packs.get(key)).pack,
      },
    [teamTemplates, storage],
  );
  const [templates, setTemplates] = useState<readonly TemplateRow[]>([]);
  useEffect(() => {
    let live = true;
    packSource.list().then(
      (rows) => live && setTemplates(rows),
      () => live && setTemplates([]),
    );
    return () => {
      live = false;
    };
  }, [packSource]);
  const [source, setSource] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [typedId, setTypedId] = useState<string | null>(null);
  const [jurisdiction, setJurisdiction] = useState('CN');
  const [keep, setKeep] = useState<TemplateParts>(ALL_PARTS);
  const [busy, setBusy] = useState(false);
  const id = typedId ?? (slugify(en) || 'new-pack');
  const problem =
    zh.trim() === ''
      ? t('titleRequired')
      : !PackIdSchema.safeParse(id).success
        ? t('badId')
        : templates.some((p) => p.id === id)
          ? t('taken', { id })
          : null;

  const create = async () => {
    if (problem || busy) return;
    setBusy(true);
    const info = {
      id,
      title: lt(zh.trim(), en.trim() || zh.trim()),
      jurisdiction: jurisdiction.trim() || 'CN',
    };
    try {
      const pack: Pack = source
        ? packFromTemplate(await packSource.get(source), info, keep)
        : blankPack(info);
      const stored = createPack ? await createPack(pack) : await storage.packs.create(pack);
      onCreated(stored.key);
    } catch (e) {
      showToast({ kind: 'error', message: toStorageError(e, id).localized });
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('heading')}
      onCancel={onCancel}
      actions={
        <>
          <button className="btn" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button
            className="btn btn-primary"
            disabled={problem !== null || busy}
            onClick={() => void create()}
            data-testid="new-pack-create"
          >
            {t('create')}
          </button>
        </>
      }
    >
      <form
        className="form"
        data-testid="new-pack-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label className="field">
          <span>{t('zh')}</span>
          <input value={zh} onChange={(e) => setZh(e.target.value)} name="new-title-zh" />
        </label>
        <label className="field">
          <span>{t('en')}</span>
          <input value={en} onChange={(e) => setEn(e.target.value)} name="new-title-en" />
        </label>
        <label className="field">
          <span>{t('id')}</span>
          <input value={id} onChange={(e) => setTypedId(e.target.value)} name="new-id" />
        </label>
        <label className="field">
          <span>{t('jurisdiction')}</span>
          <input
            value={jurisdiction}
            onChange={(e) => setJurisdiction(e.target.value)}
            name="new-jurisdiction"
          />
        </label>
        <label className="field">
          <span>{t('start')}</span>
          <select value={source} onChange={(e) => setSource(e.target.value)} name="new-source">
            <option value="">{t('blank')}</option>
            {templates.map((p) => (
              <option key={p.key} value={p.key}>
                {t('template', { title: localize(p.title) })}
              </option>
            ))}
          </select>
        </label>
        {source && (
          <fieldset className="new-pack-keep" data-testid="new-pack-keep">
            <legend>{t('keep')}</legend>
            {PARTS.map((part) => (
              <label key={part}>
                <input
                  type="checkbox"
                  name={`keep-${part}`}
                  checked={keep[part]}
                  onChange={(e) => setKeep({ ...keep, [part]: e.target.checked })}
                />{' '}
                {t(part)}
              </label>
            ))}
          </fieldset>
        )}
        {problem && (zh !== '' || typedId !== null) && <p className="error-text">{problem}</p>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
