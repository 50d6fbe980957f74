import '../viewer.css';

/** Shown to a creator (company admin) opening the student view. */
export function CreatorPreviewNote() {
  return (
    <p className="preview-note" role="note">
      <strong>You're viewing as the creator.</strong> Your students see this same chat.
    </p>
  );
}
