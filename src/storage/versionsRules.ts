import { refuseStep, type LifecycleStep, type LocalizedText, type Pack } from '../domain/index.ts';
import { StorageError } from './errors.ts';

/** A step of the workflow was refused; says why in both locales. */
export class GovernanceError extends StorageError {
  constructor(
    readonly reason: string,
    localized: LocalizedText,
    where: string,
  ) {
    super('database', localized, where);
    this.name = 'GovernanceError';
  }
}

/** Refuses a step the pack's status does not allow (the domain's lifecycle), saying which would. */
export function requireStep(pack: Pack, step: LifecycleStep, key: string): void {
  const refusal = refuseStep(pack, step, key);
  if (refusal) throw new GovernanceError('status', refusal, key);
}
