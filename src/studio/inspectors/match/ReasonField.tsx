import type { PathKey, Reason } from '../../../domain/index.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { LocalizedField } from '../common/LocalizedField.tsx';
import { TextCell } from '../questionnaire/TextCell.tsx';

const messages = defineMessages({
  'zh-CN': { code: '原因代码', text: '给客户看的原因' },
  en: { code: 'Reason code', text: 'Reason shown to the client' },
});

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
          onCommit={(v) => dispatch({ type: 'set', path: [...path, 'code'], value: v })}
        />
      </label>
      <LocalizedField
        label={t('text')}
        value={reason.text}
        onCommit={(v) => dispatch({ type: 'set', path: [...path, 'text'], value: v })}
      />
    </div>
  );
}
