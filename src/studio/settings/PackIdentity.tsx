import { useState } from 'react';
import {
  PackIdSchema,
  packIdLocked,
  setPackId,
  type Pack,
  type PackChange,
} from '../../domain/index.ts';
import { exportFileName } from '../app/packFiles.ts';
import { defineMessages, useLocalize, useMessages } from '../i18n/index.tsx';

const messages = defineMessages({
  'zh-CN': {
    heading: '规则包',
    title: '名称',
    id: '标识',
    jurisdiction: '适用法域',
    file: '导出文件名',
    locked: '已发布过的规则包不能再改标识：外面已有这个标识的文件。',
    editable: '首次发布前可以修改。',
    badId: '标识只能用小写字母、数字和 -，并以字母或数字开头',
  },
  en: {
    heading: 'Pack',
    title: 'Title',
    id: 'Id',
    jurisdiction: 'Jurisdiction',
    file: 'Export file name',
    locked: 'A pack once published keeps its id: files with this id are out there.',
    editable: 'Can change until the pack is first published.',
    badId: 'The id takes lower-case letters, digits and -, starting with a letter or digit',
  },
});

/** Title, jurisdiction and the id, which can change until the first publication. */
export function PackIdentity(props: { pack: Pack; dispatch: (change: PackChange) => boolean }) {
  const { pack, dispatch } = props;
  const t = useMessages(messages);
  const localize = useLocalize();
  const locked = packIdLocked(pack);
  const [bad, setBad] = useState(false);
  const commit = (value: string) => {
    const id = value.trim();
    if (id === pack.id) return setBad(false);
    const ok = PackIdSchema.safeParse(id).success;
    setBad(!ok);
    if (ok) dispatch(setPackId(pack, id));
  };
  return (
    <section className="settings-section" data-testid="pack-identity">
      <h2>{t('heading')}</h2>
      <dl className="settings-facts">
        <dt>{t('title')}</dt>
        <dd>{localize(pack.title)}</dd>
        <dt>{t('jurisdiction')}</dt>
        <dd>{pack.jurisdiction}</dd>
        <dt>{t('id')}</dt>
        <dd>
          <input
            key={pack.id}
            defaultValue={pack.id}
            disabled={locked}
            name="pack-id"
            data-testid="pack-id"
            onBlur={(e) => commit(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />{' '}
          <span className="muted">{locked ? t('locked') : t('editable')}</span>
          {bad && <div className="error-text">{t('badId')}</div>}
        </dd>
        <dt>{t('file')}</dt>
        <dd>
          <code data-testid="export-name">{exportFileName(pack)}</code>
        </dd>
      </dl>
    </section>
  );
}
