import { useState } from 'react';
import {
  isPolicyEnabled,
  VERDICTS,
  type MatchPolicy,
  type Pack,
  type Verdict,
} from '../../../domain/index.ts';
import { defineMessages, useLocalize, useMessages } from '../../i18n/index.tsx';
import type { Dispatch } from '../common/types.ts';
import { RefPicker } from '../common/RefPicker.tsx';
import { CheckList, SelectField } from '../common/ChoiceFields.tsx';
import { RowControls } from '../common/RowControls.tsx';
import { BasisMarker } from '../common/BasisMarker.tsx';
import { levelChoices } from '../common/choiceNames.ts';
import { TextCell } from '../questionnaire/TextCell.tsx';
import { verdictMessages } from './MatrixGrid.tsx';
import { ReasonField } from '../common/ReasonField.tsx';
import { newPolicy } from './matchDefaults.ts';
import * as edit from './matchEdits.ts';

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
    enabled: '启用',
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
    enabled: 'On',
  },
});

const BOOLEAN = { type: 'boolean' } as const;
const POLICY_KINDS = ['blockAll', 'exempt', 'escalate', 'flag'] as const;
type Kind = MatchPolicy['kind'];

/** The policies after the dimensions: expired profiles, professional exemption, escalation, flags. */
export function PolicyList(props: {
  pack: Pack;
  nodeId: string;
  policies: readonly MatchPolicy[];
  nodeIndex: number;
  dispatch: Dispatch;
}) {
  const { pack, nodeId, policies, nodeIndex, dispatch } = props;
  const t = useMessages(messages);
  const v = useMessages(verdictMessages);
  const localize = useLocalize();
  const [kind, setKind] = useState<Kind>('escalate');
  const risks = levelChoices(
    pack.vocabulary.scales.find((s) => s.id === pack.products.riskScale),
    localize,
  );
  const verdictSelect = (i: number, key: string, value: Verdict, label: string) => (
    <SelectField
      label={label}
      value={value}
      options={VERDICTS}
      optionLabel={v}
      onChange={(x) => dispatch(edit.setPolicyField(nodeIndex, i, key, x))}
    />
  );
  return (
    <section className="match-policies">
      <h4>{t('policies')}</h4>
      <ol>
        {policies.map((p, i) => {
          const set = (key: string, value: unknown) =>
            dispatch(edit.setPolicyField(nodeIndex, i, key, value));
          return (
            <li
              key={i}
              className={`match-policy policy-${p.kind}${isPolicyEnabled(p) ? '' : ' policy-off'}`}
            >
              <div className="q-row">
                <strong>{t(p.kind)}</strong>
                <BasisMarker basis={p.basis} />
                <label>
                  <input
                    type="checkbox"
                    checked={isPolicyEnabled(p)}
                    onChange={(e) =>
                      dispatch(edit.setPolicyEnabled(nodeIndex, i, e.target.checked))
                    }
                  />{' '}
                  {t('enabled')}
                </label>
                {(p.kind !== 'flag' || p.when !== undefined) && (
                  <label>
                    {t('when')}{' '}
                    <RefPicker
                      pack={pack}
                      nodeId={nodeId}
                      value={p.when}
                      wanted={BOOLEAN}
                      label={t('when')}
                      onChange={(ref) => set('when', ref)}
                    />
                  </label>
                )}
                {p.kind === 'blockAll' && verdictSelect(i, 'verdict', p.verdict, t('verdict'))}
                {p.kind === 'escalate' && (
                  <>
                    {verdictSelect(i, 'from', p.from, t('from'))}
                    {verdictSelect(i, 'to', p.to, t('to'))}
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
                        onCommit={(x) => set('flag', x)}
                      />
                    </label>
                    <CheckList
                      label={t('verdicts')}
                      showLabel
                      options={VERDICTS}
                      selected={p.verdicts}
                      optionLabel={v}
                      keepOne
                      onChange={(next) => set('verdicts', next)}
                    />
                    <SelectField
                      label={t('riskAtLeast')}
                      value={p.productRiskAtLeast}
                      emptyLabel={t('any')}
                      options={risks.ids}
                      optionLabel={risks.name}
                      onChange={(x) => set('productRiskAtLeast', x)}
                    />
                  </>
                )}
                <RowControls
                  name={String(i + 1)}
                  movedName={(by) => String(i + 1 + by)}
                  onMove={(by) => dispatch(edit.movePolicy(nodeIndex, i, i + by))}
                  canMoveUp={i > 0}
                  canMoveDown={i < policies.length - 1}
                  onRemove={() => dispatch(edit.removePolicy(nodeIndex, i))}
                />
              </div>
              <ReasonField
                reason={p.reason}
                path={[...edit.policyPath(nodeIndex, i), 'reason']}
                dispatch={dispatch}
              />
            </li>
          );
        })}
      </ol>
      <div className="q-row">
        <SelectField
          label={t('add')}
          hideLabel
          value={kind}
          options={POLICY_KINDS}
          optionLabel={t}
          onChange={setKind}
        />
        <button
          type="button"
          onClick={() =>
            dispatch(edit.addPolicy(nodeIndex, policies.length, newPolicy(kind, pack)))
          }
        >
          + {t('add')}
        </button>
      </div>
    </section>
  );
}
