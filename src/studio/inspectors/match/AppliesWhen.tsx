import type { Pack, PathKey } from '../../../domain/index.ts';
import { T } from '../../../engine/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { RefPicker } from '../common/RefPicker.tsx';
import { refWords } from '../common/refWords.ts';
import { setAppliesWhen } from './matchEdits.ts';

const messages = defineMessages({
  'zh-CN': {
    appliesWhen: '适用条件',
    always: '总是检查（不设条件）',
    summaryAlways: '总是检查',
    summaryOnly: '仅当“{what}”为真时检查，否则跳过',
  },
  en: {
    appliesWhen: 'Applies when',
    always: 'always (no condition)',
    summaryAlways: 'Always checked',
    summaryOnly: 'Checked only when “{what}” is true; skipped otherwise',
  },
});

/**
 * When a dimension applies, in words, for the card's summary: a dimension with `appliesWhen` is
 * checked only when that value is exactly true (e.g. advised sales only, MiFID II art. 25(2)).
 */
export function AppliesWhenSummary({ pack, value }: { pack: Pack; value: string | undefined }) {
  const t = useMessages(messages);
  const localize = useLocalize();
  return (
    <p className="dim-applies" data-testid="dimension-applies" data-applies-when={value ?? ''}>
      {value ? t('summaryOnly', { what: localize(refWords(pack, value)) }) : t('summaryAlways')}
      {value && <code>{value}</code>}
    </p>
  );
}

/** Picks the yes/no value upstream of the match node that a dimension depends on, or none. */
export function AppliesWhenPicker(props: {
  pack: Pack;
  nodeId: string;
  value: string | undefined;
  path: readonly PathKey[];
  dispatch: Dispatch;
}) {
  const { pack, nodeId, value, path, dispatch } = props;
  const t = useMessages(messages);
  const set = (ref: string | undefined) => dispatch(setAppliesWhen(path, ref));
  return (
    <label className="q-row">
      {t('appliesWhen')}{' '}
      <RefPicker
        pack={pack}
        nodeId={nodeId}
        value={value}
        wanted={T.boolean}
        label={t('appliesWhen')}
        none={{ label: t('always'), onPick: () => set(undefined) }}
        onChange={set}
      />
    </label>
  );
}
