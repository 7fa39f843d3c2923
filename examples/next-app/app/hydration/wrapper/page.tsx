import { WrapperFeedback } from './wrapper-feedback';

export default function Page() {
  return (
    <main>
      <WrapperFeedback />
    </main>
  );
}
