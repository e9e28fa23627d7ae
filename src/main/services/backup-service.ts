/**
 * Saves a backup or export the renderer hands over: the agent picks where in a save dialog,
 * then the file is written atomically (an interrupted save never leaves half a backup behind
 * under the chosen name).
 */
import { extname, join } from 'node:path'
import type { Req, Res } from '../../shared/ipc'
import { atomicWriteFile } from './file-store'
import type { IpcRegistry } from './ipc-registry'

export interface SaveDialogOptions {
  title: string
  defaultPath: string
  filters: Array<{ name: string; extensions: string[] }>
}

export interface SaveDialogPort {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>
}

export interface BackupServiceDeps {
  dialog: SaveDialogPort
  /** Folder the dialog opens in (Documents). */
  defaultDir: () => string
  title: () => string
  writeFile?: (path: string, data: string) => Promise<void>
}

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.json': { name: 'JSON', extensions: ['json'] },
  '.csv': { name: 'CSV', extensions: ['csv'] },
  '.ics': { name: 'iCalendar', extensions: ['ics'] },
  '.txt': { name: 'Text', extensions: ['txt'] },
  '.md': { name: 'Markdown', extensions: ['md'] }
}

export function dialogFilters(suggestedName: string): SaveDialogOptions['filters'] {
  const known = FILTERS[extname(suggestedName).toLowerCase()]
  return known ? [known, { name: '*', extensions: ['*'] }] : [{ name: '*', extensions: ['*'] }]
}

export class BackupService {
  private readonly writeFile: (path: string, data: string) => Promise<void>

  constructor(private readonly deps: BackupServiceDeps) {
    this.writeFile = deps.writeFile ?? atomicWriteFile
  }

  async save({ suggestedName, content }: Req<'backup.save'>): Promise<Res<'backup.save'>> {
    const result = await this.deps.dialog.showSaveDialog({
      title: this.deps.title(),
      defaultPath: join(this.deps.defaultDir(), suggestedName),
      filters: dialogFilters(suggestedName)
    })
    if (result.canceled || !result.filePath) return { saved: false }
    await this.writeFile(result.filePath, content)
    return { saved: true, path: result.filePath }
  }

  register(ipc: IpcRegistry): void {
    ipc.handle('backup.save', (request) => this.save(request))
  }
}
