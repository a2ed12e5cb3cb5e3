import { render } from 'preact';

function Popup() {
  return <main>Montana IEP Advocate</main>;
}

render(<Popup />, document.getElementById('app')!);
