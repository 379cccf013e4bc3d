import { useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { formatPackError, type PackError } from '../../domain/index.ts';
import { defineMessages, useLocale, useMessages } from '../i18n/index.tsx';
import { useStudio } from '../state/index.ts';
import { JsonSync, packText } from './jsonSync.ts';
import { PACK_MODEL_URI } from './monacoSetup.ts';

const messages = defineMessages({
  'zh-CN': {
    invalid: 'JSON 有 {count} 个错误，未应用：工作室保留最后一个有效版本。改正后会自动应用。',
    revert: '放弃这些修改',
  },
  en: {
    invalid:
      'The JSON has {count} error(s) and is not applied; the studio keeps the last valid version. It applies by itself once corrected.',
    revert: 'Discard these edits',
  },
});

const SHOWN_ERRORS = 5;

/** The whole pack as JSON, validated against the pack's JSON Schema and the engine's checks. */
export default function JsonView() {
  const { packStore } = useStudio();
  const t = useMessages(messages);
  const { locale } = useLocale();
  const sync = useRef<JsonSync | null>(null);
  const [errors, setErrors] = useState<PackError[]>([]);
  // Text held back from before (a tab switch, a reload) comes back as it was typed.
  const [initial] = useState(() => {
    const { pack, unappliedText } = packStore.state;
    return unappliedText ?? (pack ? packText(pack) : '');
  });

  const onMount: OnMount = (editor) => {
    sync.current = new JsonSync(editor, packStore, setErrors, locale);
  };
  useEffect(() => {
    sync.current?.setLocale(locale);
  }, [locale]);
  useEffect(
    () => () => {
      sync.current?.dispose();
      sync.current = null;
    },
    [],
  );

  return (
    <div className="json-view">
      {errors.length > 0 && (
        <div className="banner banner-error" role="alert" data-testid="json-invalid">
          <div className="grow">
            <strong>{t('invalid', { count: errors.length })}</strong>
            <ul>
              {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <li key={i} className="mono">
                  {formatPackError(e, locale)}
                </li>
              ))}
            </ul>
          </div>
          <button className="btn btn-small" onClick={() => sync.current?.revert()}>
            {t('revert')}
          </button>
        </div>
      )}
      {/* `monaco-component` takes the theme's colour variables, which Monaco scopes to its own
          classes: the context menu is drawn beside the editor, not in it, and had no background. */}
      <div className="json-editor monaco-component" data-testid="json-editor">
        <Editor
          defaultLanguage="json"
          defaultValue={initial}
          path={PACK_MODEL_URI}
          onMount={onMount}
          options={{
            automaticLayout: true,
            minimap: { enabled: false },
            fontSize: 13,
            tabSize: 2,
            scrollBeyondLastLine: false,
            fixedOverflowWidgets: true,
            // A paste goes into the text at once. With "paste as" on, Monaco applies it after
            // asking its paste providers: a keystroke in between cancels it, and a page left in
            // between loses it before any of the studio's safeguards can see it.
            pasteAs: { enabled: false },
            // Full-width Chinese punctuation is expected here, not a look-alike to warn about.
            unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false },
          }}
        />
      </div>
    </div>
  );
}
