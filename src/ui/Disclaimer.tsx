/** The short disclaimer and the red flags that mean "see a doctor now". Always in the panel. */
export function Disclaimer() {
  return (
    <section className="disclaimer" aria-labelledby="disclaimer-title">
      <h2 id="disclaimer-title">Education, not diagnosis</h2>
      <p>
        Trigger Atlas shows typical patterns from the trigger point literature. It cannot tell what
        is causing your pain, and trigger point findings vary between examiners. See a clinician if
        pain persists.
      </p>
      <p className="red-flags-title">
        <strong>Get urgent medical care if you have:</strong>
      </p>
      <ul className="red-flags">
        <li>severe pain, or pain that keeps getting worse;</li>
        <li>new weakness, numbness or tingling in a limb;</li>
        <li>loss of bowel or bladder control, or numbness around the groin or buttocks;</li>
        <li>pain with fever, unexplained weight loss, or after a fall or accident;</li>
        <li>chest pain with breathlessness, sweating or nausea.</li>
      </ul>
    </section>
  );
}
