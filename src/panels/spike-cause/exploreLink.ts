import { urlUtil } from '@grafana/data';

import { PluginId } from '../../shared/ids';

/** A spike whose end is older than this is over: a profile taken now no longer shows it. */
export const SPIKE_OVER_AFTER_MS = 60_000;

export const LIVE_LINK_TEXT = 'Capture a CPU profile now (the spike is still going on)';
export const PAST_LINK_TEXT = 'Capture a CPU profile now (the spike is over: a Go service keeps no past profiles)';

/** The profile query of the Go Stability data source, by its saved model (the query type is still being built). */
export interface ProfileQuery {
  refId: string;
  datasource: { uid: string; type: string };
  queryType: 'profile';
  profileType: 'cpu';
  instance: string;
}

export interface ExploreLinkInput {
  /** The uid of the data source the panel queried (template variables already replaced). */
  datasourceUid: string | undefined;
  /** The event's instance label. */
  instance: string | undefined;
  startMs: number;
  endMs: number;
  nowMs: number;
}

export type ExploreLink =
  | {
      kind: 'link';
      href: string;
      text: string;
      live: boolean;
      query: ProfileQuery;
      range: { from: string; to: string };
    }
  | { kind: 'none'; reason: string };

/** Pane id in the Explore URL; any stable string works. */
const PANE_ID = 'gosre-profile';

/**
 * A link to Explore with a CPU profile query for the event's instance, in Grafana's current Explore URL
 * format (`/explore?schemaVersion=1&panes={...}`; Grafana still reads the older `left=` form but
 * rewrites it into this one). The path is relative to Grafana's root: pass it through
 * locationUtil.assureBaseUrl before rendering.
 *
 * A Go service serves only present-time profiles, so the query always captures now. While the spike is
 * still going on, the range spans it up to now; once it is over, the range is the last five minutes and
 * the link text says that the past cannot be profiled.
 */
export function buildExploreLink({ datasourceUid, instance, startMs, endMs, nowMs }: ExploreLinkInput): ExploreLink {
  if (!datasourceUid) {
    return { kind: 'none', reason: "The panel's data source is not known, so no profile link can be built." };
  }
  if (!instance) {
    return { kind: 'none', reason: 'This group has no "instance" label, so there is no instance to profile.' };
  }
  const live = endMs >= nowMs - SPIKE_OVER_AFTER_MS;
  const padMs = Math.max(60_000, endMs - startMs);
  const range = live ? { from: String(Math.round(startMs - padMs)), to: 'now' } : { from: 'now-5m', to: 'now' };
  const query: ProfileQuery = {
    refId: 'A',
    datasource: { uid: datasourceUid, type: PluginId.DataSource },
    queryType: 'profile',
    profileType: 'cpu',
    instance,
  };
  const panes = { [PANE_ID]: { datasource: datasourceUid, queries: [query], range } };
  const href = urlUtil.renderUrl('/explore', { schemaVersion: 1, panes: JSON.stringify(panes) });
  return { kind: 'link', href, text: live ? LIVE_LINK_TEXT : PAST_LINK_TEXT, live, query, range };
}

interface TargetLike {
  refId?: string;
  datasource?: { uid?: string } | null;
}

/**
 * The uid of the data source behind the query refId (the panel's own, or the target's in a mixed
 * panel). A template variable (`${ds}`) is resolved with the panel's replaceVariables.
 */
export function dataSourceUidOf(
  targets: readonly TargetLike[] | undefined,
  refId: string | undefined,
  replaceVariables: (s: string) => string = (s) => s
): string | undefined {
  const list = targets ?? [];
  const target = list.find((t) => t.refId === refId && t.datasource?.uid) ?? list.find((t) => t.datasource?.uid);
  const uid = target?.datasource?.uid;
  if (!uid) {
    return undefined;
  }
  const resolved = uid.includes('$') ? replaceVariables(uid) : uid;
  return resolved && !resolved.includes('$') ? resolved : undefined;
}
