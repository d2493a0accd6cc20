/** How two accounts are connected, as the platform knows it: one registry for events and checks. */

/** Connections a platform reports between a viewer and a streamer (or any two accounts). */
export const connectionKinds = ['none', 'follower', 'friend', 'family', 'guardian', 'teacher'] as const;
export type ConnectionKind = (typeof connectionKinds)[number];

/** A connection, or a block by either side. */
export type Relation = ConnectionKind | 'blocked';

/** Stream audiences: anyone, connections only, or connections only with a guardian present. */
export const streamAudiences = ['public', 'connections', 'supervised'] as const;
export type StreamAudience = (typeof streamAudiences)[number];

/** True for a two-way, known relationship; a one-way follow is not a connection. */
export function isConnection(r: Relation): boolean {
  return r === 'friend' || r === 'family' || r === 'guardian' || r === 'teacher';
}

/** True for a trusted adult role the platform vouches for (a parent/carer or a teacher). */
export function isTrustedRole(r: Relation): boolean {
  return r === 'guardian' || r === 'teacher' || r === 'family';
}
