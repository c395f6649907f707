import { useState } from 'react';
import { useAppStore } from '../state/store.ts';

/** Copies the deep link of the current view (selection, compare, pain spots, layers, camera). */
export function ShareMenu() {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const notify = useAppStore((s) => s.notify);
  const copyLink = async () => {
    const link = window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
      notify('Link copied. It opens this exact view.');
    } catch {
      setCopied('failed');
      notify(`Copy this link: ${link}`);
    }
    setTimeout(() => setCopied('idle'), 2500);
  };
  return (
    <button type="button" onClick={() => void copyLink()} title="Copy a link to this exact view">
      {copied === 'copied' ? 'Link copied' : 'Share'}
    </button>
  );
}
