/**
 * The header search: a WAI-ARIA combobox over the prebuilt MiniSearch index. The index and MiniSearch itself load
 * on first focus, so pages pay for search only when someone searches. Arrow keys move, Enter opens, Escape closes,
 * "/" focuses the box from anywhere.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EntryHit } from '../../rag/entries';
import { createSearcher, type Searcher } from './searcher';
import TokenCount from './TokenCount';
import './search.css';

type Status = 'idle' | 'loading' | 'ready' | 'error';

export default function SearchBox() {
  // Prefixed: the header search is its own island, and useId restarts in every island on the page.
  const listId = `search-${useId()}`;
  const inputRef = useRef<HTMLInputElement>(null);
  const searcher = useRef<Promise<Searcher> | null>(null);
  const [status, setStatus] = useState<Status>('idle');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<EntryHit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  const load = () => {
    if (!searcher.current) {
      setStatus('loading');
      searcher.current = createSearcher();
      searcher.current.then(
        () => setStatus('ready'),
        () => setStatus('error'),
      );
    }
    return searcher.current;
  };

  useEffect(() => {
    let cancelled = false;
    if (!query.trim()) {
      setHits([]);
      return;
    }
    load()
      .then((s) => {
        if (cancelled) return;
        setHits(s.search(query));
        setActive(0);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [query]);

  // A layout effect: the "/" shortcut works from the moment the island has hydrated, not a frame later.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (event.key === '/' && !typing && !event.metaKey && !event.ctrlKey) {
        event.preventDefault();
        inputRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const go = (hit: EntryHit | undefined) => {
    if (hit) window.location.assign(`/architectures/${hit.slug}/`);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + hits.length) % hits.length);
      }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(hits[active]);
    } else if (event.key === 'Escape') {
      if (open && query) setOpen(false);
      else {
        setQuery('');
        inputRef.current?.blur();
      }
    }
  };

  const expanded = open && query.trim().length > 0;
  const optionId = (i: number) => `${listId}-option-${i}`;
  const message =
    status === 'error'
      ? 'Search is unavailable: the index could not be loaded.'
      : status === 'loading' || status === 'idle'
        ? 'Loading the index…'
        : hits.length === 0
          ? `No entries match “${query.trim()}”.`
          : `${hits.length} ${hits.length === 1 ? 'entry' : 'entries'} found.`;

  return (
    <div class="search" onFocusOut={(e) => !e.currentTarget.contains(e.relatedTarget as Node) && setOpen(false)}>
      <label class="visually-hidden" for={`${listId}-input`}>
        Search the atlas
      </label>
      <svg class="search__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="m20 20-3.5-3.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
      <input
        ref={inputRef}
        id={`${listId}-input`}
        class="search__input"
        type="search"
        placeholder="Search the atlas"
        autocomplete="off"
        spellcheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && hits.length ? optionId(active) : undefined}
        value={query}
        onFocus={() => {
          void load();
          setOpen(true);
        }}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      {query ? (
        <TokenCount text={query} />
      ) : (
        <kbd class="search__hint" aria-hidden="true">
          /
        </kbd>
      )}
      <div class="search__panel" hidden={!expanded}>
        <ul id={listId} role="listbox" aria-label="Search results" class="search__list">
          {hits.map((hit, i) => (
            <li
              id={optionId(i)}
              key={hit.slug}
              role="option"
              aria-selected={i === active}
              class="search__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(hit)}
              onMouseEnter={() => setActive(i)}
            >
              <span class="search__title">
                {hit.title}
                {hit.acronym ? <span class="search__acronym"> ({hit.acronym})</span> : null}
              </span>
              <span class="search__meta">
                {hit.kind} · {hit.section}
              </span>
            </li>
          ))}
        </ul>
        <p class="search__status" role="status" aria-live="polite">
          {expanded ? message : ''}
        </p>
      </div>
    </div>
  );
}
