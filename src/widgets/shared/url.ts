/**
 * Widget state in the URL, so any view can be linked. Each widget owns a set of keys; writes replace the current
 * history entry and leave other widgets' keys alone. Reading happens after hydration (the build renders defaults).
 */
import { useEffect, useRef, useState, type Dispatch, type StateUpdater } from 'preact/hooks';

/** The current query string, or an empty one during the build. */
export function currentParams(): URLSearchParams {
  return typeof window === 'undefined' ? new URLSearchParams() : new URLSearchParams(window.location.search);
}

/**
 * Writes `values` into the query string (undefined/empty removes a key). Keys equal to their default should be
 * passed as undefined to keep URLs short.
 */
export function writeParams(values: Record<string, string | number | undefined>): void {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, String(value));
  }
  const next = `${url.pathname}${url.search}${url.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', next);
  }
}

/**
 * Keeps the URL in sync with `values` (debounced), skipping the first render so the build-time defaults never
 * overwrite a linked state before it is read. `enabled` lets embedded copies of a widget stay out of the URL.
 */
export function useUrlSync(values: Record<string, string | number | undefined>, enabled = true, delayMs = 150): void {
  const first = useRef(true);
  const key = JSON.stringify(values);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!enabled) return;
    const timer = setTimeout(() => writeParams(values), delayMs);
    return () => clearTimeout(timer);
  }, [key, enabled]);
}

/** Runs `read` once after hydration with the current query string (to restore a linked state). */
export function useUrlRestore(read: (params: URLSearchParams) => void, enabled = true): void {
  useEffect(() => {
    if (enabled) read(currentParams());
  }, []);
}

/** What a widget's `readState` makes of the query string: the state, and a note for every value it replaced. */
export interface LinkedRead<S> {
  readonly state: S;
  readonly notes: string[];
}

/**
 * A widget's state linked to the URL: starts at `initial` (what the build renders), is restored from the query
 * string after hydration with `read` (its notes returned for display), and written back with `toUrl` while `sync`
 * holds (e.g. not while an animation plays). With `url` false the state stays local to the widget.
 */
export function useLinkedState<S>(
  initial: S,
  read: (query: URLSearchParams) => LinkedRead<S>,
  toUrl: (state: S) => Record<string, string | number | undefined>,
  url: boolean,
  sync = true,
): [S, Dispatch<StateUpdater<S>>, string[]] {
  const [state, setState] = useState<S>(initial);
  const [notes, setNotes] = useState<string[]>([]);
  useUrlRestore((query) => {
    const linked = read(query);
    setState(linked.state);
    setNotes(linked.notes);
  }, url);
  useUrlSync(toUrl(state), url && sync);
  return [state, setState, notes];
}
