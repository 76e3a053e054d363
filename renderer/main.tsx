/** The renderer's entry: pick the transport, mount the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The shared look first: each component's own sheet, imported with it, comes after and refines it.
import './styles.css';
import { App } from './components/App';
import { createClient } from './transport/client';

const client = createClient();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
