import { useCallback } from 'react';
import type { PackChange } from '../../domain/index.ts';
import type { EditorTabProps } from '../app/route.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';
import { selectPack, usePackState, useStudio } from '../state/index.ts';
import { PackIdentity } from './PackIdentity.tsx';
import { SampleClients } from './SampleClients.tsx';
import { ScaleEditor } from './ScaleEditor.tsx';
import './settings.css';

const messages = defineMessages({
  'zh-CN': {
    scales: '有序刻度',
    scalesHint: '顺序即含义：从低到高，匹配按位置比较。修改会先列出对分数区间、矩阵和产品的影响。',
  },
  en: {
    scales: 'Ordered scales',
    scalesHint:
      'Order is meaning: lowest first, matching compares positions. An edit first lists what it does to score bands, matrices and products.',
  },
});

/** The pack's settings: identity, ordered scales, sample clients. */
export default function SettingsTab({ packKey }: EditorTabProps) {
  const t = useMessages(messages);
  const { packStore } = useStudio();
  const pack = usePackState(selectPack);
  const dispatch = useCallback((change: PackChange) => packStore.dispatch(change).ok, [packStore]);
  if (!pack) return null;
  return (
    <div className="settings-tab" data-testid="settings-tab">
      <PackIdentity pack={pack} dispatch={dispatch} />
      <section className="settings-section">
        <h2>{t('scales')}</h2>
        <p className="muted">{t('scalesHint')}</p>
        {pack.vocabulary.scales.map((scale) => (
          <ScaleEditor key={scale.id} pack={pack} scale={scale} dispatch={dispatch} />
        ))}
      </section>
      <SampleClients pack={pack} packKey={packKey} dispatch={dispatch} undoable={packStore} />
    </div>
  );
}
