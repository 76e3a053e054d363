/**
 * The preload: exposes exactly the contract's methods (one function each) and an event subscription through
 * contextBridge. The page never receives ipcRenderer itself. Arguments are validated here as well as in main.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { METHOD_NAMES, parseRequest, type ServiceEvent } from '../../shared/contract';

const api: Record<string, unknown> = {
  onEvent(listener: (event: ServiceEvent) => void): () => void {
    const handler = (_e: IpcRendererEvent, event: ServiceEvent) => listener(event);
    ipcRenderer.on('redline:event', handler);
    return () => ipcRenderer.removeListener('redline:event', handler);
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
};
for (const method of METHOD_NAMES) {
  api[method] = (arg: unknown) => {
    const parsed = parseRequest(method, arg);
    if (!parsed.ok) return Promise.resolve(parsed);
    return ipcRenderer.invoke(`redline:${method}`, parsed.value);
  };
}
contextBridge.exposeInMainWorld('redline', api);
