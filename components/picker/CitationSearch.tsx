/** Citation search: find a rule by number, name or words and insert its printed form. */
import { useMemo, useState } from 'preact/hooks';
import { formatCitation, searchCitations } from '../../lib/drafts';

export function CitationSearch(props: {
  actionWord: 'Insert' | 'Copy';
  onChoose: (text: string) => void;
}) {
  const [query, setQuery] = useState('');
  const results = useMemo(() => searchCitations(query), [query]);
  const { actionWord } = props;
  return (
    <section class="citation-search" aria-label="Citations">
      <div class="field">
        <label for="citation-query">Search citations</label>
        <input
          id="citation-query"
          type="search"
          value={query}
          placeholder="300.503, prior written notice, ;pwn"
          onInput={(event) => setQuery(event.currentTarget.value)}
          autoFocus
        />
      </div>
      <p class="small muted">
        Tip: in a message, type a shortcut such as ;pwn and then Space to insert a citation.
      </p>
      {results.length === 0 ? <p class="muted">No citation matches “{query}”.</p> : null}
      <ul class="citation-results">
        {results.map((citation) => (
          <li key={citation.key}>
            <strong>{citation.citeAs}</strong>
            <span class="small">{citation.meaning}</span>
            <span class="button-row">
              <button
                type="button"
                class="secondary"
                aria-label={`${actionWord} ${citation.citeAs}`}
                onClick={() => props.onChoose(formatCitation(citation.key))}
              >
                {actionWord}
              </button>
              <button
                type="button"
                class="secondary"
                aria-label={`${actionWord} with meaning ${citation.citeAs}`}
                onClick={() => props.onChoose(formatCitation(citation.key, { withMeaning: true }))}
              >
                {actionWord} with meaning
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
