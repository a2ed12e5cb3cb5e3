/**
 * The live preview of a draft, rendered from its blocks inside the picker's own page. Fill-in
 * markers left in it are highlighted and listed, so nothing goes out with "[…]" by mistake.
 */
import type { Block, Inline } from '../../lib/drafts/blocks';
import type { RenderedDraft } from '../../lib/drafts';
import { useFirstShownMark } from '../../lib/ui/shown-mark';

/** The mark the bench times the picker to (tests/bench/picker.ts), set by what it shows first. */
export const PICKER_SHOWN_MARK = 'picker-content-shown';

function InlineView(props: { content: readonly Inline[] }) {
  return (
    <>
      {props.content.map((node, i) =>
        typeof node === 'string' ? (
          node
        ) : node.type === 'br' ? (
          <br key={i} />
        ) : node.type === 'marker' ? (
          <mark key={i} class="fill-in">
            [{node.need}]
          </mark>
        ) : (
          <strong key={i}>
            <InlineView content={node.content} />
          </strong>
        ),
      )}
    </>
  );
}

function BlockView(props: { block: Block }) {
  const { block } = props;
  switch (block.type) {
    case 'p':
      return (
        <p>
          <InlineView content={block.content} />
        </p>
      );
    case 'ul':
    case 'ol': {
      const List = block.type;
      return (
        <List>
          {block.items.map((item, i) => (
            <li key={i}>
              <InlineView content={item} />
            </li>
          ))}
        </List>
      );
    }
    case 'table':
      return (
        <table>
          <thead>
            <tr>
              {block.head.map((title) => (
                <th key={title} scope="col">
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>
                    <InlineView content={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

export function DraftPreview(props: { draft: RenderedDraft; showSubject: boolean }) {
  const { draft } = props;
  const blanks = draft.markers.length;
  useFirstShownMark(PICKER_SHOWN_MARK);
  return (
    <section class="draft-preview" aria-label="Preview" data-testid="picker-preview">
      {props.showSubject ? (
        <p class="preview-subject">
          <span class="muted">Subject (used when yours is empty): </span>
          {draft.subject}
        </p>
      ) : null}
      <div class="preview-body" tabIndex={0} aria-label="Preview text">
        {draft.blocks.map((block, i) => (
          <BlockView key={i} block={block} />
        ))}
      </div>
      {blanks > 0 ? (
        <p class="preview-blanks small" data-testid="picker-blanks">
          {blanks === 1 ? '1 blank' : `${blanks} blanks`} to fill in after inserting:{' '}
          {draft.markers.join(', ')}
        </p>
      ) : null}
      {draft.notes.map((note) => (
        <p key={note} class="small muted">
          {note}
        </p>
      ))}
    </section>
  );
}
