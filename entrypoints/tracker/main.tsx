import { render } from 'preact';

function Tracker() {
  return <main>Tracker</main>;
}

render(<Tracker />, document.getElementById('app')!);
