import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type {
  AccountApi,
  ReviewApi,
  Role,
  SessionUser,
  TeamPackRepository,
} from '../../storage/remote/index.ts';
import type { ServerEvents } from './serverEvents.ts';
import type { SyncState } from './teamSync.ts';

/** The signed-in user's team workspace, for the components of src/studio/team. */
export type Team = {
  user: SessionUser;
  accounts: AccountApi;
  packs: TeamPackRepository;
  review: ReviewApi;
  events: ServerEvents;
  sync: StoreApi<SyncState>;
  signOut: () => Promise<void>;
};

const TeamContext = createContext<Team | null>(null);
export const TeamProvider = TeamContext.Provider;

export function useTeam(): Team {
  const team = useContext(TeamContext);
  if (!team) throw new Error('useTeam outside the team workspace');
  return team;
}

export function hasRole(user: SessionUser, role: Role): boolean {
  return user.roles.includes(role);
}
