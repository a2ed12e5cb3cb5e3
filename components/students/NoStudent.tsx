/** What a student's page shows before any student exists. */
export function NoStudent() {
  return (
    <div class="notice">
      <p>No student yet. Add your child, their school calendar and their IEP services first.</p>
      <p>
        <a class="button" href="#/setup">
          Start the setup
        </a>
      </p>
    </div>
  );
}
