/**
 * The letter's rich-text area: a contenteditable region with a small formatting toolbar (bold,
 * italic, underline, bulleted and numbered lists, undo, redo). The toolbar follows the ARIA
 * toolbar pattern: one Tab stop, arrow keys move between buttons, each button says whether its
 * format is on (aria-pressed). Ctrl/⌘+B, I and U work in the text as usual.
 *
 * The region is uncontrolled: the page puts a draft in with `content` (a new `version` replaces
 * the text) and hears every edit through `onEdit`. Pasted content is cleaned to the letter's few
 * tags, so a web page cannot bring scripts, styles or images into the letter.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { cleanLetterHtml, replaceWithLetterHtml } from '../../lib/letter-export/index';
import { highlightMarkers, markMarkersInHtml } from './markers';

interface ToolbarButton {
  command: string;
  label: string;
  /** Visible glyph (hidden from assistive tech); the label is the accessible name. */
  glyph: ComponentChildren;
  shortcut?: string;
  /** Whether it has an on/off state to report. */
  toggles: boolean;
}

/** Digits 1–3 drawn as strokes (not text, so the button's only text is its label). */
const DIGIT_PATHS = [
  'M1 1 L2.2 0 V5',
  'M0 1 Q1.5 -0.6 3 1 L0 5 H3',
  'M0 0 H3 L1.4 2 Q3.6 2.6 2.4 4.4 Q1 5.4 0 4.4',
];

/** A small list icon: three lines with dots (bulleted) or the digits 1–3 (numbered). */
function listIcon(numbered: boolean) {
  return (
    <svg width="18" height="16" viewBox="0 0 18 16" focusable="false" aria-hidden="true">
      {[3, 8, 13].map((y, i) =>
        numbered ? (
          <path
            key={y}
            d={DIGIT_PATHS[i]}
            transform={`translate(0.5 ${y - 2.5})`}
            fill="none"
            stroke="currentColor"
            stroke-width="1.1"
          />
        ) : (
          <circle key={y} cx="2" cy={y} r="1.6" fill="currentColor" />
        ),
      )}
      {[3, 8, 13].map((y) => (
        <rect key={y} x="6" y={y - 1} width="12" height="2" fill="currentColor" />
      ))}
    </svg>
  );
}

const BUTTONS: ToolbarButton[] = [
  { command: 'bold', label: 'Bold', glyph: 'B', shortcut: 'Control+B', toggles: true },
  { command: 'italic', label: 'Italic', glyph: 'I', shortcut: 'Control+I', toggles: true },
  { command: 'underline', label: 'Underline', glyph: 'U', shortcut: 'Control+U', toggles: true },
  { command: 'insertUnorderedList', label: 'Bulleted list', glyph: listIcon(false), toggles: true },
  { command: 'insertOrderedList', label: 'Numbered list', glyph: listIcon(true), toggles: true },
  { command: 'undo', label: 'Undo', glyph: '↶', shortcut: 'Control+Z', toggles: false },
  { command: 'redo', label: 'Redo', glyph: '↷', shortcut: 'Control+Y', toggles: false },
];

const SHORTCUT_COMMANDS: Record<string, string> = { b: 'bold', i: 'italic', u: 'underline' };

export interface LetterEditorProps {
  id: string;
  labelledBy: string;
  describedBy?: string;
  /** The HTML to show; replaced whenever `version` changes. */
  content: string;
  version: number;
  /** Fill-in markers of the current draft, to flag while they remain. */
  markers: readonly string[];
  /** After every edit (typing, formatting, paste), with the markers still in the text. */
  onEdit: (remainingMarkers: string[]) => void;
  /** After new content is put in, with the markers found in it. */
  onLoad: (remainingMarkers: string[]) => void;
  /** The region element, for reading its HTML and selecting markers. */
  regionRef: { current: HTMLDivElement | null };
}

// execCommand is the one formatting API every browser's contenteditable shares; it is deprecated
// in name only (no replacement exists) and it keeps the browser's own undo stack working.
function run(command: string): void {
  document.execCommand(command, false);
}

export function LetterEditor(props: LetterEditorProps) {
  const { regionRef } = props;
  const [pressed, setPressed] = useState<Record<string, boolean>>({});
  const [focusIndex, setFocusIndex] = useState(0);
  const buttonRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const markersRef = useRef(props.markers);
  markersRef.current = props.markers;

  useEffect(() => {
    const region = regionRef.current;
    if (!region) return;
    replaceWithLetterHtml(region, markMarkersInHtml(cleanLetterHtml(props.content), props.markers));
    props.onLoad(highlightMarkers(region, props.markers));
    // Only a new version replaces the text: re-renders must never undo the user's edits.
  }, [props.version]);

  useEffect(() => {
    const update = () => {
      const region = regionRef.current;
      const selection = document.getSelection();
      if (!region || !selection?.anchorNode || !region.contains(selection.anchorNode)) return;
      const next: Record<string, boolean> = {};
      for (const button of BUTTONS) {
        if (button.toggles) next[button.command] = document.queryCommandState(button.command);
      }
      setPressed(next);
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, []);

  const edited = () => {
    const region = regionRef.current;
    if (region) props.onEdit(highlightMarkers(region, markersRef.current));
  };

  const onToolbarKey = (event: KeyboardEvent) => {
    const last = BUTTONS.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: focusIndex === last ? 0 : focusIndex + 1,
      ArrowLeft: focusIndex === 0 ? last : focusIndex - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setFocusIndex(next);
    buttonRefs.current[next]?.focus();
  };

  return (
    <div class="letter-editor">
      <div
        role="toolbar"
        aria-label="Text formatting"
        aria-controls={props.id}
        class="editor-toolbar no-print"
        onKeyDown={onToolbarKey}
      >
        {BUTTONS.map((button, index) => (
          <button
            key={button.command}
            type="button"
            class="secondary tool"
            ref={(el) => {
              buttonRefs.current[index] = el;
            }}
            tabIndex={index === focusIndex ? 0 : -1}
            aria-label={button.label}
            aria-pressed={button.toggles ? (pressed[button.command] ?? false) : undefined}
            aria-keyshortcuts={button.shortcut}
            title={
              button.shortcut
                ? `${button.label} (${button.shortcut.replace('Control', 'Ctrl')})`
                : button.label
            }
            // Keep the selection in the text when the button is clicked.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setFocusIndex(index);
              regionRef.current?.focus();
              run(button.command);
              edited();
            }}
          >
            <span aria-hidden="true" class={`glyph glyph-${button.command}`}>
              {button.glyph}
            </span>
          </button>
        ))}
      </div>
      <div
        id={props.id}
        ref={regionRef}
        class="letter-sheet"
        contentEditable
        role="textbox"
        aria-multiline="true"
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        spellcheck
        data-testid="letter-editor"
        onInput={edited}
        onKeyDown={(event) => {
          // The shortcuts the toolbar announces, handled here so they work in every browser.
          const command = SHORTCUT_COMMANDS[event.key.toLowerCase()];
          if (!command || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey)
            return;
          event.preventDefault();
          run(command);
          edited();
        }}
        onPaste={(event) => {
          const data = event.clipboardData;
          if (!data) return;
          event.preventDefault();
          const html = data.getData('text/html');
          if (html) document.execCommand('insertHTML', false, cleanLetterHtml(html));
          else document.execCommand('insertText', false, data.getData('text/plain'));
          edited();
        }}
      />
    </div>
  );
}
