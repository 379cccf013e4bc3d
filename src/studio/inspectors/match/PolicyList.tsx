import { useState } from 'react';
import { VERDICTS, type MatchPolicy, type Pack, type PathKey } from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { RefPicker } from '../common/RefPicker.tsx';
import { TextCell } from '../questionnaire/TextCell.tsx';
import { verdictMessages } from './MatrixGrid.tsx';
import { levelText } from '../rules/index.ts';
import { ReasonField } from './ReasonField.tsx';
import { newPolicy } from './matchDefaults.ts';

const messages = defineMessages({
  'zh-CN': {
    policies: '规则政策（按顺序执行）',
    blockAll: '全部禁止',
    exempt: '豁免',
    escalate: '加严',
    flag: '加标记',
    when: '当此项为真',
    verdict: '结论',
    from: '从',
    to: '变为',
    flagName: '产品标记',
    verdicts: '适用结论',
    riskAtLeast: '产品风险不低于',
    any: '任意',
    add: '添加',
    up: '上移',
    down: '下移',
    remove: '删除',
  },
  en: {
    policies: 'Policies (applied in order)',
    blockAll: 'Block all',
    exempt: 'Exempt',
    escalate: 'Escalate',
    flag: 'Flag',
    when: 'When this is true',
    verdict: 'Verdict',
    from: 'From',
    to: 'to',
    flagName: 'Product flag',
    verdicts: 'For verdicts',
    riskAtLeast: 'Product risk at least',
    any: 'any',
    add: 'Add',
    up: 'Move up',
    down: 'Move down',
    remove: 'Delete',
  },
});

const BOOLEAN = { type: 'boolean' } as const;
type Kind = MatchPolicy['kind'];

/** The policies after the dimensions: expired profiles, professional exemption, escalation, flags. */
export function PolicyList(props: {
  pack: Pack;
  nodeId: string;
  policies: readonly MatchPolicy[];
  path: readonly PathKey[];
  dispatch: Dispatch;
}) {
  const { pack, nodeId, policies, path, dispatch } = props;
  const t = useMessages(messages);
  const v = useMessages(verdictMessages);
  const localize = useLocalize();
  const [kind, setKind] = useState<Kind>('escalate');
  const risks = pack.vocabulary.scales.find((s) => s.id === pack.products.riskScale)?.levels ?? [];
  const verdictSelect = (at: PathKey[], value: string, label: string) => (
    <label>
      {label}{' '}
      <select
        aria-label={label}
        value={value}
        onChange={(e) => dispatch({ type: 'set', path: at, value: e.target.value })}
      >
        {VERDICTS.map((x) => (
          <option key={x} value={x}>
            {v(x)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="match-policies">
      <h4>{t('policies')}</h4>
      <ol>
        {policies.map((p, i) => {
          const at = (...k: PathKey[]): PathKey[] => [...path, i, ...k];
          return (
            <li key={i} className={`match-policy policy-${p.kind}`}>
              <div className="q-row">
                <strong>{t(p.kind)}</strong>
                {(p.kind !== 'flag' || p.when !== undefined) && (
                  <label>
                    {t('when')}{' '}
                    <RefPicker
                      pack={pack}
                      nodeId={nodeId}
                      value={p.when}
                      wanted={BOOLEAN}
                      label={t('when')}
                      onChange={(ref) => dispatch({ type: 'set', path: at('when'), value: ref })}
                    />
                  </label>
                )}
                {p.kind === 'blockAll' && verdictSelect(at('verdict'), p.verdict, t('verdict'))}
                {p.kind === 'escalate' && (
                  <>
                    {verdictSelect(at('from'), p.from, t('from'))}
                    {verdictSelect(at('to'), p.to, t('to'))}
                  </>
                )}
                {p.kind === 'flag' && (
                  <>
                    <label>
                      {t('flagName')}{' '}
                      <TextCell
                        label={t('flagName')}
                        value={p.flag}
                        pattern={/^[A-Za-z0-9][A-Za-z0-9_-]*$/}
                        onCommit={(x) => dispatch({ type: 'set', path: at('flag'), value: x })}
                      />
                    </label>
                    <span role="group" aria-label={t('verdicts')}>
                      {t('verdicts')}{' '}
                      {VERDICTS.map((x) => (
                        <label key={x} className={p.verdicts.includes(x) ? 'chip on' : 'chip'}>
                          <input
                            type="checkbox"
                            checked={p.verdicts.includes(x)}
                            onChange={(e) => {
                              const next = e.target.checked
                                ? [...p.verdicts, x]
                                : p.verdicts.filter((y) => y !== x);
                              if (next.length > 0)
                                dispatch({ type: 'set', path: at('verdicts'), value: next });
                            }}
                          />
                          {v(x)}
                        </label>
                      ))}
                    </span>
                    <label>
                      {t('riskAtLeast')}{' '}
                      <select
                        aria-label={t('riskAtLeast')}
                        value={p.productRiskAtLeast ?? ''}
                        onChange={(e) =>
                          dispatch({
                            type: 'set',
                            path: at('productRiskAtLeast'),
                            value: e.target.value || undefined,
                          })
                        }
                      >
                        <option value="">{t('any')}</option>
                        {risks.map((r) => (
                          <option key={r.id} value={r.id}>
                            {levelText(r.id, localize(r.label))}
                          </option>
                        ))}
                      </select>
                    </label>
                  </>
                )}
                <span className="q-tools">
                  <button
                    type="button"
                    aria-label={`${t('up')} ${i + 1}`}
                    disabled={i === 0}
                    onClick={() => dispatch({ type: 'move', path, from: i, to: i - 1 })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`${t('down')} ${i + 1}`}
                    disabled={i === policies.length - 1}
                    onClick={() => dispatch({ type: 'move', path, from: i, to: i + 1 })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`${t('remove')} ${i + 1}`}
                    onClick={() => dispatch({ type: 'remove', path, index: i })}
                  >
                    ✕
                  </button>
                </span>
              </div>
              <ReasonField reason={p.reason} path={at('reason')} dispatch={dispatch} />
            </li>
          );
        })}
      </ol>
      <div className="q-row">
        <select
          aria-label={t('add')}
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          {(['blockAll', 'exempt', 'escalate', 'flag'] as const).map((k) => (
            <option key={k} value={k}>
              {t(k)}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() =>
            dispatch({ type: 'insert', path, index: policies.length, value: newPolicy(kind, pack) })
          }
        >
          + {t('add')}
        </button>
      </div>
    </section>
  );
}
