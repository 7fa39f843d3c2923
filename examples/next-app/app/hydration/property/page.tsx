import { PropertyFeedback } from './property-feedback';

export default function Page() {
  return (
    <main>
      <PropertyFeedback />
    </main>
  );
}
