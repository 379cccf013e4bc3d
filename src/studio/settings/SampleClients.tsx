import {
  addSampleClient,
  lt,
  removeSampleClient,
  renameSampleClient,
  sampleFromInput,
  type Pack,
  type PackChange,
} from '../../domain/index.ts';
import { offerUndo, type Undoable } from '../app/undoToast.ts';
import { defineMessages, format, messageText, useMessages } from '../i18n/index.tsx';
import { toInput } from '../simulate/inputForm.ts';
import { initialState, simulatorStore } from '../simulate/simulatorStore.ts';

const messages = defineMessages({
  'zh-CN': {
    heading: '示例客户',
    hint: '示例客户是“模拟”中可一键载入的客户资料。',
    fromSimulation: '把当前模拟存为示例客户',
    zh: '中文名称',
    en: '英文名称',
    answers: '{n} 个答案',
    remove: '删除',
    empty: '还没有示例客户。',
    newName: '示例客户 {n}',
    removed: '已删除示例客户 {name}',
  },
  en: {
    heading: 'Sample clients',
    hint: 'Sample clients are client profiles the Simulate tab loads in one click.',
    fromSimulation: 'Save the current simulation as a sample client',
    zh: 'Chinese name',
    en: 'English name',
    answers: '{n} answers',
    remove: 'Delete',
    empty: 'No sample clients yet.',
    newName: 'Sample client {n}',
    removed: 'Deleted sample client {name}',
  },
});

/** The pack's personas: create one from the simulation on the Simulate tab, rename, delete. */
export function SampleClients(props: {
  pack: Pack;
  packKey: string;
  dispatch: (change: PackChange) => boolean;
  undoable: Undoable;
}) {
  const { pack, packKey, dispatch, undoable } = props;
  const t = useMessages(messages);
  const fromSimulation = () => {
    const session =
      simulatorStore.getState().simulators[packKey] ?? initialState(pack.sampleClients);
    const n = pack.sampleClients.length + 1;
    const name = messageText(messages, 'newName', { n });
    dispatch(addSampleClient(pack, sampleFromInput(pack, toInput(pack, session.draft), name)));
  };
  const remove = (index: number) => {
    const client = pack.sampleClients[index];
    if (!client || !dispatch(removeSampleClient(pack, index))) return;
    offerUndo(
      undoable,
      lt(
        format(messages['zh-CN'].removed, { name: client.name['zh-CN'] }),
        format(messages.en.removed, { name: client.name.en }),
      ),
    );
  };
  const rename = (index: number, locale: 'zh-CN' | 'en', value: string) => {
    const client = pack.sampleClients[index];
    if (!client || client.name[locale] === value.trim() || value.trim() === '') return;
    dispatch(renameSampleClient(pack, index, { ...client.name, [locale]: value.trim() }));
  };

  return (
    <section className="settings-section" data-testid="sample-clients">
      <h2>{t('heading')}</h2>
      <p className="muted">{t('hint')}</p>
      <button className="btn btn-small" onClick={fromSimulation} data-testid="sample-from-sim">
        + {t('fromSimulation')}
      </button>
      {pack.sampleClients.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('zh')}</th>
              <th>{t('en')}</th>
              <th />
              <th />
            </tr>
          </thead>
          <tbody>
            {pack.sampleClients.map((c, i) => (
              <tr key={`${c.id}-${JSON.stringify(c.name)}`} data-sample={c.id}>
                {(['zh-CN', 'en'] as const).map((locale) => (
                  <td key={locale}>
                    <input
                      aria-label={t(locale === 'en' ? 'en' : 'zh')}
                      defaultValue={c.name[locale]}
                      onBlur={(e) => rename(i, locale, e.target.value)}
                      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
                    />
                  </td>
                ))}
                <td className="muted">
                  {t('answers', { n: Object.keys(c.input.answers).length })}
                </td>
                <td>
                  <button
                    className="btn btn-small btn-danger"
                    onClick={() => remove(i)}
                    data-testid="sample-remove"
                  >
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
