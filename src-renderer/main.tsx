// First: the Trusted Types policy must exist before any DOM sink is used.
import './platform/trusted-types';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Boot } from '@app/Boot';
import './ui/theme.css';
import './app/app.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Boot />
    </StrictMode>,
  );
}
