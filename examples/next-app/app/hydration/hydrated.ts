'use client';
import { useEffect } from 'react';

/** Marks <html data-hydrated> once React has committed the hydration (effects run after the commit). */
export function useHydratedMark(): void {
  useEffect(() => {
    document.documentElement.dataset.hydrated = '';
  }, []);
}
