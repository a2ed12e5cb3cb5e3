/** The one-line "not legal advice" note with where to get help in Montana. */
export function HelpNote() {
  return (
    <p class="small muted help-note">
      This tool helps you keep records and write requests; it is not legal advice. For help, contact
      the Montana Empowerment Center (Montana's parent center) or Disability Rights Montana at{' '}
      <a href="tel:+18002454743">1-800-245-4743</a>.
    </p>
  );
}
