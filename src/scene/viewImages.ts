/** Images of the 3D view for export and the handout, drawn by the view and read as data URLs. */
import { startView } from './viewLink.ts';

function dataUrl(image: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the image could not be read'));
    reader.readAsDataURL(image);
  });
}

/** The view as it is now, as a PNG data URL (null before the view has drawn). */
export async function captureCurrent(): Promise<string | null> {
  const image = await startView().call('captureCurrent');
  return image ? dataUrl(image) : null;
}

/** The selection and its zones from the views that show them, as PNG data URLs. */
export async function captureReferralViews(): Promise<{ view: string; dataUrl: string }[]> {
  const images = await startView().call('captureReferralViews');
  return Promise.all(
    images.map(async ({ view, image }) => ({ view, dataUrl: await dataUrl(image) })),
  );
}
