import { useState } from 'react';
import type { LocalizedText } from '../../domain/index.ts';
import type { PackSummary } from '../../storage/index.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';
import { Dialog } from './Dialog.tsx';

const messages = defineMessages({
  'zh-CN': {
    renameTitle: '重命名规则包',
    zh: '中文名称',
    en: '英文名称',
    save: '保存',
    cancel: '取消',
    deleteTitle: '删除规则包',
    deleteBody: '删除“{title}”（{id} {version}）？删除后可在提示中撤销。',
    delete: '删除',
    required: '两种语言的名称都不能为空',
  },
  en: {
    renameTitle: 'Rename pack',
    zh: 'Chinese title',
    en: 'English title',
    save: 'Save',
    cancel: 'Cancel',
    deleteTitle: 'Delete pack',
    deleteBody:
      'Delete “{title}” ({id} {version})? You can undo this from the notice that follows.',
    delete: 'Delete',
    required: 'Both titles are required',
  },
});

/** Both required locales of the title, edited side by side. */
export function RenameDialog(props: {
  pack: PackSummary;
  onCancel: () => void;
  onRename: (title: LocalizedText) => void;
}) {
  const t = useMessages(messages);
  const [zh, setZh] = useState(props.pack.title['zh-CN']);
  const [en, setEn] = useState(props.pack.title.en);
  const valid = zh.trim() !== '' && en.trim() !== '';
  const submit = () => {
    if (valid) props.onRename({ ...props.pack.title, 'zh-CN': zh.trim(), en: en.trim() });
  };
  return (
    <Dialog
      title={t('renameTitle')}
      onCancel={props.onCancel}
      actions={
        <>
          <button className="btn" onClick={props.onCancel}>
            {t('cancel')}
          </button>
          <button className="btn btn-primary" disabled={!valid} onClick={submit}>
            {t('save')}
          </button>
        </>
      }
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>{t('zh')}</span>
          <input value={zh} onChange={(e) => setZh(e.target.value)} name="title-zh" />
        </label>
        <label className="field">
          <span>{t('en')}</span>
          <input value={en} onChange={(e) => setEn(e.target.value)} name="title-en" />
        </label>
        {!valid && <p className="error-text">{t('required')}</p>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}

export function DeleteDialog(props: {
  pack: PackSummary;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const t = useMessages(messages);
  const localize = useLocalize();
  const { pack } = props;
  return (
    <Dialog
      title={t('deleteTitle')}
      onCancel={props.onCancel}
      actions={
        <>
          <button className="btn" onClick={props.onCancel}>
            {t('cancel')}
          </button>
          <button className="btn btn-danger" onClick={props.onConfirm} data-testid="confirm-delete">
            {t('delete')}
          </button>
        </>
      }
    >
      <p>{t('deleteBody', { title: localize(pack.title), id: pack.id, version: pack.version })}</p>
    </Dialog>
  );
}
