import { LateFeedback } from './late-feedback';

export default function Page() {
  return (
    <main>
      <LateFeedback />
    </main>
  );
}
