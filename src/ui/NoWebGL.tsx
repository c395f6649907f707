/** Shown instead of the 3D view when the browser offers no WebGL. */
export function NoWebGL() {
  return (
    <div className="viewer-message" role="note">
      <p>
        <strong>This browser cannot show the 3D body</strong> (WebGL is turned off or not
        supported).
      </p>
      <p>
        Everything else works: search for a muscle above or pick one from the list to read where it
        refers pain, its trigger points and self-care.
      </p>
    </div>
  );
}
