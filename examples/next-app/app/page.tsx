// A server component: this HTML, <cx-feedback> with its survey inside, comes from the server; the client part
// (feedback.tsx) hydrates it.
import { Feedback } from './feedback';

export const metadata = { title: 'cx-feedback with Next.js' };

export default function Page() {
  return (
    <main>
      <Feedback />
    </main>
  );
}
