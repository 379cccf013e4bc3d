import type { PathKey, Reason } from '../../../domain/index.ts';
import { lt } from '../../../domain/index.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from './types.ts';
import { LocalizedField } from './LocalizedField.tsx';
import { setField } from './listEdits.ts';
import { TextCell } from '../questionnaire/TextCell.tsx';

const messages = defineMessages({
  'zh-CN': { code: '原因代码', text: '给客户看的原因' },
  en: { code: 'Reason code', text: 'Reason shown to the client' },
});

/** A reason's code or text, at the path of the reason. */
export function setReasonField(
  path: readonly PathKey[],
  key: 'code' | 'text',
  value: string | Reason['text'],
) {
  return setField(path, key, value, lt(`修改原因的 ${key}`, `changed the reason's ${key}`));
}

/** A reason: a stable code for systems and text in both languages for the client. */
export function ReasonField({
  reason,
  path,
  dispatch,
}: {
  reason: Reason;
  path: readonly PathKey[];
  dispatch: Dispatch;
}) {
  const t = useMessages(messages);
  return (
    <div className="reason-field">
      <label>
        {t('code')}{' '}
        <TextCell
          label={t('code')}
          value={reason.code}
          pattern={/^[A-Za-z0-9][A-Za-z0-9_-]*$/}
          onCommit={(v) => dispatch(setReasonField(path, 'code', v))}
        />
      </label>
      <LocalizedField
        label={t('text')}
        value={reason.text}
        onCommit={(v) => dispatch(setReasonField(path, 'text', v))}
      />
    </div>
  );
}
